// The incidents API through its route handlers: token auth, the documented shapes, and the error answers.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as declareRoute } from "@/app/api/v1/incidents/route";
import { POST as alertmanagerRoute } from "@/app/api/v1/incidents/alertmanager/route";
import { GET as metricsRoute } from "@/app/api/v1/incidents/metrics/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/incidents/[id]/route";
import { POST as statusRoute } from "@/app/api/v1/incidents/[id]/status/route";
import { POST as rolesRoute } from "@/app/api/v1/incidents/[id]/roles/route";
import { GET as eventsRoute, POST as addEventRoute } from "@/app/api/v1/incidents/[id]/events/route";
import { PATCH as patchEventRoute } from "@/app/api/v1/incidents/[id]/events/[eventId]/route";
import { GET as getPostmortemRoute, PATCH as patchPostmortemRoute, POST as generateRoute } from "@/app/api/v1/incidents/[id]/postmortem/route";
import { GET as exportRoute } from "@/app/api/v1/incidents/[id]/postmortem/export/route";
import { GET as actionItemsRoute, POST as addActionItemRoute } from "@/app/api/v1/incidents/[id]/action-items/route";
import { PATCH as patchActionItemRoute } from "@/app/api/v1/incidents/[id]/action-items/[itemId]/route";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";
import {
  actionItemSchema,
  alertmanagerResultSchema,
  incidentDetailSchema,
  incidentEventSchema,
  incidentListSchema,
  incidentMetricsSchema,
  postmortemSchema,
  timelineSchema,
} from "@/lib/incidents/api-schemas";
import { alertmanagerPayload } from "@/lib/incidents/test-fixtures";

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });
const none = params({});

function call(path: string, secret: string, init: { method?: string; body?: unknown; raw?: string } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secret}`, ...(init.body !== undefined || init.raw !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
}

async function json(response: Response, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function setup() {
  const team = await makeTeam({ members: ["MAINTAINER", "MEMBER"] });
  await getDb().service.create({ data: { teamId: team.id, slug: "checkout-api", name: "Checkout API" } });
  const { secret } = await createToken(team.owner.actor, team.slug, { name: "pager" });
  return { team, secret };
}

describe("the incidents API", () => {
  it("declares, runs and resolves an incident with a team token, answering the documented shapes", async () => {
    const { team, secret } = await setup();
    const declared = incidentDetailSchema.parse(await json(await declareRoute(call("/incidents", secret, { method: "POST", body: { title: "Checkout 5xx", severity: "SEV2", services: ["checkout-api"] } }), none), 201));
    expect(declared).toMatchObject({ status: "TRIAGE", declaredVia: "api", team: { slug: team.slug } });
    const id = params({ id: declared.id });

    const list = incidentListSchema.parse(await json(await listRoute(call("/incidents?status=active", secret), none), 200));
    expect(list.incidents.map((incident) => incident.id)).toEqual([declared.id]);

    const withCommander = incidentDetailSchema.parse(await json(await rolesRoute(call(`/incidents/${declared.id}/roles`, secret, { method: "POST", body: { role: "COMMANDER", userId: team.members.MEMBER!.id } }), id), 200));
    expect(withCommander.commander?.id).toBe(team.members.MEMBER!.id);
    await json(await statusRoute(call(`/incidents/${declared.id}/status`, secret, { method: "POST", body: { to: "INVESTIGATING" } }), id), 200);
    const note = incidentEventSchema.parse(await json(await addEventRoute(call(`/incidents/${declared.id}/events`, secret, { method: "POST", body: { type: "NOTE", body: "EU only" } }), id), 201));
    incidentEventSchema.parse(await json(await patchEventRoute(call(`/incidents/${declared.id}/events/${note.id}`, secret, { method: "PATCH", body: { pinned: true } }), params({ id: declared.id, eventId: note.id })), 200));
    const patched = incidentDetailSchema.parse(await json(await patchRoute(call(`/incidents/${declared.id}`, secret, { method: "PATCH", body: { customerImpact: true, version: 2 } }), id), 200));
    expect(patched.customerImpact).toBe(true);
    await json(await statusRoute(call(`/incidents/${declared.id}/status`, secret, { method: "POST", body: { to: "RESOLVED" } }), id), 200);

    const timeline = timelineSchema.parse(await json(await eventsRoute(call(`/incidents/${declared.id}/events?type=NOTE,STATUS_CHANGE`, secret), id), 200));
    expect(timeline.events.map((event) => event.type)).toEqual(["STATUS_CHANGE", "NOTE", "STATUS_CHANGE"]);
    expect(incidentDetailSchema.parse(await json(await getRoute(call(`/incidents/${declared.id}`, secret), id), 200)).status).toBe("RESOLVED");
    incidentMetricsSchema.parse(await json(await metricsRoute(call("/incidents/metrics?period=30d", secret), none), 200));
  });

  it("generates, edits and exports the postmortem, with action items", async () => {
    const { team, secret } = await setup();
    const declared = await json(await declareRoute(call("/incidents", secret, { method: "POST", body: { title: "Ledger lag", severity: "SEV3" } }), none), 201);
    const id = params({ id: declared.id });
    await json(await getPostmortemRoute(call(`/incidents/${declared.id}/postmortem`, secret), id), 404);
    await json(await generateRoute(call(`/incidents/${declared.id}/postmortem`, secret, { method: "POST" }), id), 422);
    await json(await statusRoute(call(`/incidents/${declared.id}/status`, secret, { method: "POST", body: { to: "INVESTIGATING" } }), id), 200);
    await json(await statusRoute(call(`/incidents/${declared.id}/status`, secret, { method: "POST", body: { to: "RESOLVED" } }), id), 200);
    const draft = postmortemSchema.parse(await json(await generateRoute(call(`/incidents/${declared.id}/postmortem`, secret, { method: "POST" }), id), 201));
    await json(await generateRoute(call(`/incidents/${declared.id}/postmortem`, secret, { method: "POST" }), id), 409);
    const item = actionItemSchema.parse(await json(await addActionItemRoute(call(`/incidents/${declared.id}/action-items`, secret, { method: "POST", body: { title: "Page on lag", ownerId: team.members.MEMBER!.id, dueDate: "2026-12-01" } }), id), 201));
    await json(await patchActionItemRoute(call(`/incidents/${declared.id}/action-items/${item.id}`, secret, { method: "PATCH", body: { status: "IN_PROGRESS" } }), params({ id: declared.id, itemId: item.id })), 200);
    expect((await json(await actionItemsRoute(call(`/incidents/${declared.id}/action-items`, secret), id), 200)).actionItems).toHaveLength(1);
    await json(await patchPostmortemRoute(call(`/incidents/${declared.id}/postmortem`, secret, { method: "PATCH", body: { version: draft.version, markdown: "# Edited\n\n## Action items\n\nstale" } }), id), 200);
    await json(await patchPostmortemRoute(call(`/incidents/${declared.id}/postmortem`, secret, { method: "PATCH", body: { version: draft.version, markdown: "# Lost" } }), id), 409);

    const exported = await exportRoute(call(`/incidents/${declared.id}/postmortem/export`, secret), id);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toBe(`attachment; filename="${declared.reference.toLowerCase()}-postmortem.md"`);
    expect(await exported.text()).toBe(`# Edited\n\n## Action items\n\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n| Page on lag | ${team.members.MEMBER!.name} | 2026-12-01 | In progress |\n`);
  });

  it("answers each kind of bad input with 422 and its issues, changing nothing", async () => {
    const { team, secret } = await setup();
    const declared = await json(await declareRoute(call("/incidents", secret, { method: "POST", body: { title: "Bad input", severity: "SEV3", impactStartedAt: "2026-11-28T09:00:00Z", detectedAt: "2026-11-28T09:10:00Z" } }), none), 201);
    const id = params({ id: declared.id });
    const before = await getDb().incidentEvent.count({ where: { incidentId: declared.id } });

    const transition = await json(await statusRoute(call(`/incidents/${declared.id}/status`, secret, { method: "POST", body: { to: "CLOSED" } }), id), 422);
    expect(transition.error).toMatchObject({ code: "invalid", message: expect.stringContaining("cannot move from Triage to Closed"), issues: [expect.objectContaining({ path: ["to"] })] });
    const times = await json(await patchRoute(call(`/incidents/${declared.id}`, secret, { method: "PATCH", body: { detectedAt: "2026-11-28T08:50:00Z" } }), id), 422);
    expect(times.error.message).toContain("Detected (2026-11-28 08:50 UTC) is before impact started (2026-11-28 09:00 UTC)");
    const service = await json(await declareRoute(call("/incidents", secret, { method: "POST", body: { title: "Unknown service", severity: "SEV3", services: ["nope"] } }), none), 422);
    expect(service.error.issues).toEqual([expect.objectContaining({ path: ["services", 0], code: "unknown_service" })]);
    const malformed = await json(await alertmanagerRoute(call("/incidents/alertmanager", secret, { method: "POST", body: { ...alertmanagerPayload(), alerts: [{ status: "firing" }] } }), none), 422);
    expect(malformed.error).toMatchObject({ message: "The Alertmanager payload is malformed" });
    expect(malformed.error.issues.map((issue: { path: unknown[] }) => issue.path)).toContainEqual(["alerts", 0, "fingerprint"]);
    await json(await alertmanagerRoute(call("/incidents/alertmanager", secret, { method: "POST", raw: "{not json" }), none), 400);
    await json(await declareRoute(call("/incidents", secret, { method: "POST", body: { title: "x" } }), none), 422);
    await json(await eventsRoute(call(`/incidents/${declared.id}/events?type=GOSSIP`, secret), id), 422);
    const filter = await json(await listRoute(call("/incidents?status=burning&page=0", secret), none), 422);
    expect(filter.error.issues.map((issue: { path: string[] }) => issue.path[0]).sort()).toEqual(["page", "status"]);

    expect(await getDb().incidentEvent.count({ where: { incidentId: declared.id } })).toBe(before);
    expect(await getDb().incident.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("opens an incident from an Alertmanager notification and deduplicates the next one", async () => {
    const { secret } = await setup();
    const first = alertmanagerResultSchema.parse(await json(await alertmanagerRoute(call("/incidents/alertmanager", secret, { method: "POST", body: alertmanagerPayload() }), none), 200));
    const again = alertmanagerResultSchema.parse(await json(await alertmanagerRoute(call("/incidents/alertmanager", secret, { method: "POST", body: alertmanagerPayload() }), none), 200));
    expect(first.alerts[0].outcome).toBe("opened");
    expect(again.alerts[0]).toMatchObject({ outcome: "repeated", incidentId: first.alerts[0].incidentId });
  });

  it("answers 404 for another team's incident, on every route", async () => {
    const { secret } = await setup();
    const other = await makeTeam();
    const { secret: otherSecret } = await createToken(other.owner.actor, other.slug, { name: "other" });
    const theirs = await json(await declareRoute(call("/incidents", otherSecret, { method: "POST", body: { title: "Theirs", severity: "SEV1" } }), none), 201);
    const id = params({ id: theirs.id });
    const path = `/incidents/${theirs.id}`;
    const answers = await Promise.all([
      getRoute(call(path, secret), id),
      patchRoute(call(path, secret, { method: "PATCH", body: { title: "Mine now" } }), id),
      statusRoute(call(`${path}/status`, secret, { method: "POST", body: { to: "INVESTIGATING" } }), id),
      eventsRoute(call(`${path}/events`, secret), id),
      addEventRoute(call(`${path}/events`, secret, { method: "POST", body: { type: "NOTE", body: "hi" } }), id),
      getPostmortemRoute(call(`${path}/postmortem`, secret), id),
      exportRoute(call(`${path}/postmortem/export`, secret), id),
      actionItemsRoute(call(`${path}/action-items`, secret), id),
      declareRoute(call("/incidents", secret, { method: "POST", body: { team: other.slug, title: "Into theirs", severity: "SEV3" } }), none),
      metricsRoute(call(`/incidents/metrics?team=${other.slug}`, secret), none),
    ]);
    for (const response of answers) expect((await json(response, 404)).error.code).toBe("not_found");
    expect((await getDb().incident.findUniqueOrThrow({ where: { id: theirs.id } })).title).toBe("Theirs");
  });
});
