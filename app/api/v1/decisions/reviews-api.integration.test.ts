// The reviews API through its route handlers: approvals (tokens read but do not review), decisions with
// their numbers, status codes and paths, the MADR download, and the documented response shapes.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as approvalsRoute, POST as approveRoute } from "@/app/api/v1/requests/[id]/approvals/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/teams/[slug]/decisions/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/decisions/[id]/route";
import { GET as madrRoute } from "@/app/api/v1/decisions/[id]/madr/route";
import { getRole } from "@/lib/agents/registry";
import { createRequest } from "@/lib/requests/requests.server";
import { approvalStateSchema, decisionListSchema, decisionViewSchema } from "@/lib/reviews/schema";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const example = getRole("network-engineer").example as Record<string, unknown>;
const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });

function call(path: string, secret: string, init: { method?: string; body?: unknown } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function setUp() {
  const team = await makeTeam({ members: ["MEMBER"] });
  const { secret } = await createToken(team.owner.actor, team.slug, { name: "bot" });
  const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role: "network-engineer", input: example, submit: true });
  return { team, secret, request };
}

describe("the reviews API", () => {
  it("shows approvals to a token but lets only people review", async () => {
    const { secret, request } = await setUp();
    const id = params({ id: request.id });
    const state = approvalStateSchema.parse(await (await approvalsRoute(call(`/requests/${request.id}/approvals`, secret), id)).json());
    expect(state).toMatchObject({ revision: 1, usesDefault: true, satisfied: false, permissions: { canReview: false } });

    const refused = await approveRoute(call(`/requests/${request.id}/approvals`, secret, { method: "POST", body: { revision: 1, decision: "APPROVE" } }), id);
    expect(refused.status).toBe(403);
    const invalid = await approveRoute(call(`/requests/${request.id}/approvals`, secret, { method: "POST", body: { revision: "one", decision: "REQUEST_CHANGES" } }), id);
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual(expect.arrayContaining([["revision"]]));

    const other = await makeTeam();
    const { secret: otherSecret } = await createToken(other.owner.actor, other.slug, { name: "other" });
    expect((await approvalsRoute(call(`/requests/${request.id}/approvals`, otherSecret), id)).status).toBe(404);
  });

  it("records, lists, edits and exports decisions with the team's numbers", async () => {
    const { team, secret, request } = await setUp();
    const slug = params({ slug: team.slug });
    const body = { requestId: request.id, title: "Use a transit gateway", context: "Two VPCs.", decision: "One gateway.", consequences: "One more thing to run." };
    const response = await createRoute(call(`/teams/${team.slug}/decisions`, secret, { method: "POST", body }), slug);
    expect(response.status).toBe(201);
    const decision = decisionViewSchema.parse(await response.json());
    expect(decision).toMatchObject({ number: 1, reference: "ADR-001", status: "PROPOSED", revision: 1, request: { id: request.id } });

    const invalid = await createRoute(call(`/teams/${team.slug}/decisions`, secret, { method: "POST", body: { ...body, title: "", status: "SUPERSEDED" } }), slug);
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual(expect.arrayContaining([["title"], ["status"]]));

    const list = decisionListSchema.parse(await (await listRoute(call(`/teams/${team.slug}/decisions?status=PROPOSED&role=network-engineer`, secret), slug)).json());
    expect(list.decisions.map((row) => row.id)).toEqual([decision.id]);

    const id = params({ id: decision.id });
    // A token acts as a member: it edits the text but does not accept.
    expect((await patchRoute(call(`/decisions/${decision.id}`, secret, { method: "PATCH", body: { version: decision.version, status: "ACCEPTED" } }), id)).status).toBe(403);
    const edited = await patchRoute(call(`/decisions/${decision.id}`, secret, { method: "PATCH", body: { version: decision.version, title: "Use one transit gateway" } }), id);
    expect(edited.status).toBe(200);
    expect((await patchRoute(call(`/decisions/${decision.id}`, secret, { method: "PATCH", body: { version: decision.version, title: "Stale" } }), id)).status).toBe(409);
    expect(decisionViewSchema.parse(await (await getRoute(call(`/decisions/${decision.id}`, secret), id)).json()).title).toBe("Use one transit gateway");

    const madr = await madrRoute(call(`/decisions/${decision.id}/madr`, secret), id);
    expect(madr.status).toBe(200);
    expect(madr.headers.get("content-type")).toContain("text/markdown");
    expect(madr.headers.get("content-disposition")).toContain('filename="0001-use-one-transit-gateway.md"');
    expect(await madr.text()).toContain("# ADR-001: Use one transit gateway");

    const other = await makeTeam();
    const { secret: otherSecret } = await createToken(other.owner.actor, other.slug, { name: "other" });
    expect((await getRoute(call(`/decisions/${decision.id}`, otherSecret), id)).status).toBe(404);
    expect((await listRoute(call(`/teams/${team.slug}/decisions`, otherSecret), slug)).status).toBe(404);
  });
});
