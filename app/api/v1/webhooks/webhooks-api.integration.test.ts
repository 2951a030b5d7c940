// The notification endpoints API and data layer: field-level 422s, 403 for tokens and members, 404 across
// teams, 409 on a stale version, secrets shown once and encrypted at rest (never returned or audited),
// SSRF refusal of private addresses, and events that the domains record in their own transactions.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/teams/[slug]/webhooks/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/webhooks/[id]/route";
import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as redeliverRoute } from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/redeliver/route";
import { getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { createdEndpointSchema, deliveryViewSchema, endpointViewSchema } from "@/lib/notifications/api-schemas";
import { createEndpoint, getEndpoint, listPausedEndpointsForOwners, rotateEndpointSecret, sendTestEvent, updateEndpoint } from "@/lib/notifications/endpoints.server";
import { fanOutEvents } from "@/lib/notifications/deliveries.server";
import { declareIncident, transitionIncident, assignIncidentRole } from "@/lib/incidents/incidents.server";
import { caught } from "@/lib/testing/caught";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";
import { z } from "zod";

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });

function call(path: string, secret: string, init: { method?: string; body?: unknown; raw?: string } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

const valid = { kind: "WEBHOOK", name: "Ops receiver", url: "https://127.0.0.1:9/hooks?token=abc", eventTypes: ["incident.declared", "request.approved"] };

async function setUp() {
  const team = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  const { secret: token } = await createToken(team.owner.actor, team.slug, { name: "bot" });
  return { team, token };
}

describe("notification endpoints", () => {
  it("answers bad input with 422 and the field's path, and changes nothing", async () => {
    const { team, token } = await setUp();
    const slug = params({ slug: team.slug });
    const cases: [unknown, (string | number)[]][] = [
      [{ ...valid, url: "not a url" }, ["url"]],
      [{ ...valid, url: "ftp://example.com/x" }, ["url"]],
      [{ ...valid, eventTypes: ["incident.declared", "nope.happened"] }, ["eventTypes", 1]],
      [{ ...valid, eventTypes: [] }, ["eventTypes"]],
      [{ ...valid, kind: "EMAIL" }, ["kind"]],
      [{ ...valid, name: "x" }, ["name"]],
      [{ ...valid, kind: "SLACK", url: "http://hooks.slack.example/services/x" }, ["url"]],
    ];
    for (const [body, path] of cases) {
      const response = await createRoute(call(`/teams/${team.slug}/webhooks`, token, { method: "POST", body }), slug);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const error = (await response.json()).error;
      expect(error.issues.map((issue: { path: unknown[] }) => issue.path)).toContainEqual(path);
    }
    expect((await createRoute(call(`/teams/${team.slug}/webhooks`, token, { method: "POST", raw: "{not json" }), slug)).status).toBe(400);
    const deep = "[".repeat(5_000) + "]".repeat(5_000);
    expect((await createRoute(call(`/teams/${team.slug}/webhooks`, token, { method: "POST", raw: deep }), slug)).status).toBe(422);
    expect((await createRoute(call(`/teams/${team.slug}/webhooks`, token, { method: "POST", raw: JSON.stringify({ ...valid, name: "x".repeat(20_000) }) }), slug)).status).toBe(413);
    expect(await getDb().webhookEndpoint.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("lets maintainers and owners manage, members and tokens only read, and hides other teams' endpoints", async () => {
    const { team, token } = await setUp();
    const refused = await createRoute(call(`/teams/${team.slug}/webhooks`, token, { method: "POST", body: valid }), params({ slug: team.slug }));
    expect(refused.status).toBe(403);
    expect(await caught(createEndpoint(team.members.MEMBER!.actor, team.slug, valid as never))).toBeInstanceOf(ForbiddenError);

    const created = createdEndpointSchema.parse(await createEndpoint(team.members.MAINTAINER!.actor, team.slug, valid as never));
    const id = params({ id: created.endpoint.id });
    const listed = z.object({ endpoints: z.array(endpointViewSchema) }).parse(await (await listRoute(call(`/teams/${team.slug}/webhooks`, token), params({ slug: team.slug }))).json());
    expect(listed.endpoints.map((endpoint) => endpoint.id)).toEqual([created.endpoint.id]);
    expect((await getRoute(call(`/webhooks/${created.endpoint.id}`, token), id)).status).toBe(200);
    expect(await getEndpoint(team.members.VIEWER!.actor, created.endpoint.id)).toMatchObject({ endpoint: { id: created.endpoint.id } });
    expect((await testRoute(call(`/webhooks/${created.endpoint.id}/test`, token, { method: "POST" }), id)).status).toBe(403);
    expect((await deleteRoute(call(`/webhooks/${created.endpoint.id}`, token, { method: "DELETE" }), id)).status).toBe(403);

    const other = await makeTeam();
    const { secret: otherToken } = await createToken(other.owner.actor, other.slug, { name: "other" });
    for (const response of [
      await getRoute(call(`/webhooks/${created.endpoint.id}`, otherToken), id),
      await deliveriesRoute(call(`/webhooks/${created.endpoint.id}/deliveries`, otherToken), id),
      await patchRoute(call(`/webhooks/${created.endpoint.id}`, otherToken, { method: "PATCH", body: { version: 1, name: "Mine now" } }), id),
      await redeliverRoute(call(`/webhooks/${created.endpoint.id}/deliveries/x/redeliver`, otherToken, { method: "POST" }), params({ id: created.endpoint.id, deliveryId: "x" })),
      await listRoute(call(`/teams/${team.slug}/webhooks`, otherToken), params({ slug: team.slug })),
    ]) {
      expect(response.status).toBe(404);
    }
    expect(await caught(getEndpoint(other.owner.actor, created.endpoint.id))).toBeInstanceOf(NotFoundError);
    expect((await getRoute(call(`/webhooks/${"%ff".repeat(3)}`, token), params({ id: "\u0000" }))).status).toBe(404);
  });

  it("shows the secret once, encrypts the URL and secrets at rest, and keeps them out of answers and the audit log", async () => {
    const { team, token } = await setUp();
    const { endpoint, secret } = await createEndpoint(team.owner.actor, team.slug, valid as never);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint.url).toBe("https://127.0.0.1:9/hooks?…");
    const row = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.urlEncrypted).not.toContain("token=abc");
    expect(row.urlEncrypted).not.toContain("127.0.0.1");
    expect(row.secretEncrypted).not.toContain(secret!.slice(6));
    const { secret: rotated } = await rotateEndpointSecret(team.owner.actor, endpoint.id);
    const texts = [
      await (await getRoute(call(`/webhooks/${endpoint.id}`, token), params({ id: endpoint.id }))).text(),
      await (await listRoute(call(`/teams/${team.slug}/webhooks`, token), params({ slug: team.slug }))).text(),
      JSON.stringify(await getDb().auditLog.findMany({ where: { teamId: team.id } })),
    ];
    for (const text of texts) {
      for (const hidden of [secret!, secret!.slice(6), rotated, rotated.slice(6), "token=abc"]) expect(text).not.toContain(hidden);
    }
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: { in: ["webhook.created", "webhook.secret_rotated"] } } })).toBe(2);
  });

  it("refuses URLs that resolve to private addresses unless WEBHOOK_ALLOW_PRIVATE is on", async () => {
    const { team } = await setUp();
    process.env.WEBHOOK_ALLOW_PRIVATE = "false";
    resetEnvCache();
    try {
      for (const url of ["http://127.0.0.1:8080/x", "http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest/meta-data", "http://localhost/x"]) {
        const error = await caught(createEndpoint(team.owner.actor, team.slug, { ...valid, url } as never));
        expect(error, url).toBeInstanceOf(InvalidError);
        expect((error as InvalidError).issues[0].path).toEqual(["url"]);
      }
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE = "true";
      resetEnvCache();
    }
    expect(await getDb().webhookEndpoint.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses a stale edit with 409 and resumes a paused endpoint for the owners' banner", async () => {
    const { team, token } = await setUp();
    const { endpoint } = await createEndpoint(team.owner.actor, team.slug, valid as never);
    const renamed = await updateEndpoint(team.owner.actor, endpoint.id, { version: endpoint.version, name: "Renamed" });
    expect(renamed.version).toBe(endpoint.version + 1);
    expect(await caught(updateEndpoint(team.members.MAINTAINER!.actor, endpoint.id, { version: endpoint.version, name: "Stale" }))).toBeInstanceOf(ConflictError);
    const invalid = await patchRoute(call(`/webhooks/${endpoint.id}`, token, { method: "PATCH", body: { version: "x", paused: true } }), params({ id: endpoint.id }));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual(expect.arrayContaining([["version"], ["paused"]]));

    await getDb().webhookEndpoint.update({ where: { id: endpoint.id }, data: { pausedAt: new Date(), consecutiveFailures: 20 } });
    expect(await listPausedEndpointsForOwners(team.owner.actor)).toEqual([expect.objectContaining({ id: endpoint.id, team: { slug: team.slug, name: team.name } })]);
    expect(await listPausedEndpointsForOwners(team.members.MAINTAINER!.actor)).toEqual([]);
    const resumed = await updateEndpoint(team.owner.actor, endpoint.id, { version: renamed.version, paused: false });
    expect(resumed).toMatchObject({ state: "active", consecutiveFailures: 0 });
    expect(await getDb().auditLog.count({ where: { targetId: endpoint.id, action: "webhook.resumed" } })).toBe(1);
  });

  it("records the incident's events in its transactions, fans them out to subscribers only, and lists them in the log", async () => {
    const { team, token } = await setUp();
    const { endpoint } = await createEndpoint(team.owner.actor, team.slug, { ...valid, eventTypes: ["incident.declared", "incident.resolved", "incident.role_assigned"] } as never);
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Payments failing", severity: "SEV1" });
    await assignIncidentRole(team.owner.actor, incident.id, { role: "COMMANDER", userId: team.members.MEMBER!.id });
    for (const to of ["INVESTIGATING", "MONITORING", "RESOLVED"] as const) await transitionIncident(team.owner.actor, incident.id, { to });
    const events = await getDb().outboxEvent.findMany({ where: { subjectId: incident.id }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["incident.declared", "incident.role_assigned", "incident.status_changed", "incident.status_changed", "incident.status_changed", "incident.resolved"]);
    expect(events.at(-1)!.payload).toMatchObject({ incident: { status: "RESOLVED", commander: { email: team.members.MEMBER!.email } }, durationMinutes: expect.any(Number) });
    await sendTestEvent(team.owner.actor, endpoint.id);
    while ((await fanOutEvents(getDb())) > 0);
    const log = z.object({ deliveries: z.array(deliveryViewSchema) }).parse(await (await deliveriesRoute(call(`/webhooks/${endpoint.id}/deliveries`, token), params({ id: endpoint.id }))).json());
    expect(log.deliveries.map((delivery) => delivery.eventType).sort()).toEqual(["incident.declared", "incident.resolved", "incident.role_assigned", "portal.test"]);
    expect(log.deliveries.every((delivery) => delivery.status === "PENDING")).toBe(true);
    const redeliverPending = await redeliverRoute(call(`/webhooks/${endpoint.id}/deliveries/${log.deliveries[0].id}/redeliver`, token, { method: "POST" }), params({ id: endpoint.id, deliveryId: log.deliveries[0].id }));
    expect(redeliverPending.status).toBe(403);
  });
});
