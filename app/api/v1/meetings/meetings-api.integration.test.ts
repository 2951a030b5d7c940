// The meetings API through its route handlers: token auth, the documented shapes, 422 with paths, 409 on
// stale versions and on ending twice, 404 across teams, and the minutes download.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/teams/[slug]/meetings/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/meetings/[id]/route";
import { POST as startRoute } from "@/app/api/v1/meetings/[id]/start/route";
import { POST as focusRoute } from "@/app/api/v1/meetings/[id]/focus/route";
import { POST as endRoute } from "@/app/api/v1/meetings/[id]/end/route";
import { POST as actionRoute } from "@/app/api/v1/meetings/[id]/action-items/route";
import { PATCH as notesRoute } from "@/app/api/v1/meetings/[id]/agenda/[itemId]/route";
import { GET as minutesRoute } from "@/app/api/v1/meetings/[id]/minutes.md/route";
import { getRole } from "@/lib/agents/registry";
import { createRequest } from "@/lib/requests/requests.server";
import { meetingActionViewSchema, meetingDetailSchema, meetingListSchema } from "@/lib/reviews/meetings-schema";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });

function call(path: string, secret: string, init: { method?: string; body?: unknown } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secret}`, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

async function json(response: Response, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function setup() {
  const team = await makeTeam({ members: ["MEMBER"] });
  const { secret } = await createToken(team.owner.actor, team.slug, { name: "meetings" });
  const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role: "network-engineer", title: "Edge", input: structuredClone(getRole("network-engineer").example) as Record<string, unknown>, submit: true });
  return { team, secret, request };
}

describe("the meetings API", () => {
  it("schedules, edits with versions, runs, ends once and serves the minutes", async () => {
    const { team, secret, request } = await setup();
    const slug = params({ slug: team.slug });
    const bad = await json(await createRoute(call(`/teams/${team.slug}/meetings`, secret, { method: "POST", body: { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30, agenda: [{ requestId: "nope", timeboxMinutes: 10 }] } }), slug), 422);
    expect(bad.error.issues[0].path).toEqual(["agenda", 0, "requestId"]);

    const created = meetingDetailSchema.parse(
      await json(await createRoute(call(`/teams/${team.slug}/meetings`, secret, { method: "POST", body: { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30, agenda: [{ requestId: request.id, timeboxMinutes: 10 }] } }), slug), 201),
    );
    expect(meetingListSchema.parse(await json(await listRoute(call(`/teams/${team.slug}/meetings`, secret), slug), 200)).meetings.map((m) => m.id)).toEqual([created.id]);
    const id = params({ id: created.id });

    const patched = meetingDetailSchema.parse(await json(await patchRoute(call(`/meetings/${created.id}`, secret, { method: "PATCH", body: { version: created.version, durationMinutes: 45 } }), id), 200));
    expect(patched.durationMinutes).toBe(45);
    const stale = await json(await patchRoute(call(`/meetings/${created.id}`, secret, { method: "PATCH", body: { version: created.version, durationMinutes: 60 } }), id), 409);
    expect(stale.error.code).toBe("conflict");

    expect((await minutesRoute(call(`/meetings/${created.id}/minutes.md`, secret), id)).status).toBe(404);
    await json(await startRoute(call(`/meetings/${created.id}/start`, secret, { method: "POST" }), id), 200);
    const item = created.agenda[0].id;
    await json(await focusRoute(call(`/meetings/${created.id}/focus`, secret, { method: "POST", body: { agendaItemId: null } }), id), 200);
    meetingActionViewSchema.parse(await json(await actionRoute(call(`/meetings/${created.id}/action-items`, secret, { method: "POST", body: { text: "Write it down", ownerId: team.owner.id, agendaItemId: item } }), id), 201));
    await json(await notesRoute(call(`/meetings/${created.id}/agenda/${item}`, secret, { method: "PATCH", body: { notes: "Fine." } }), params({ id: created.id, itemId: item })), 200);

    const ended = meetingDetailSchema.parse(await json(await endRoute(call(`/meetings/${created.id}/end`, secret, { method: "POST" }), id), 200));
    expect(ended.minutes).toContain("Write it down");
    await json(await endRoute(call(`/meetings/${created.id}/end`, secret, { method: "POST" }), id), 409);

    const minutes = await minutesRoute(call(`/meetings/${created.id}/minutes.md`, secret), id);
    expect(minutes.status).toBe(200);
    expect(minutes.headers.get("content-type")).toContain("text/markdown");
    expect(minutes.headers.get("content-disposition")).toBe(`attachment; filename="minutes-${team.slug}-2026-12-01.md"`);
    expect(await minutes.text()).toBe(ended.minutes);
  });

  it("answers 404 for another team's meeting and 401 without credentials", async () => {
    const { team, secret } = await setup();
    const other = await setup();
    const created = await json(await createRoute(call(`/teams/${team.slug}/meetings`, secret, { method: "POST", body: { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30 } }), params({ slug: team.slug })), 201);
    await json(await getRoute(call(`/meetings/${created.id}`, other.secret), params({ id: created.id })), 404);
    await json(await listRoute(call(`/teams/${team.slug}/meetings`, other.secret), params({ slug: team.slug })), 404);
    await json(await getRoute(new NextRequest(`http://localhost/api/v1/meetings/${created.id}`), params({ id: created.id })), 401);
  });
});
