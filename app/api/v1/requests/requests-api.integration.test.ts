// The requests API through its route handlers: status codes, the error shape with paths and details,
// token scoping, and the documented response shapes.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/requests/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/requests/[id]/route";
import { POST as transitionRoute } from "@/app/api/v1/requests/[id]/transitions/route";
import { GET as revisionsRoute } from "@/app/api/v1/requests/[id]/revisions/route";
import { GET as revisionRoute } from "@/app/api/v1/requests/[id]/revisions/[number]/route";
import { GET as commentsRoute, POST as commentRoute } from "@/app/api/v1/requests/[id]/comments/route";
import { PATCH as commentPatchRoute } from "@/app/api/v1/requests/[id]/comments/[commentId]/route";
import { getRole } from "@/lib/agents/registry";
import { commentSchema, conflictDetailsSchema, requestDetailSchema, requestListSchema, revisionSchema, revisionSummarySchema } from "@/lib/requests/schema";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const example = getRole("network-engineer").example as Record<string, unknown>;

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });
const none = params({});

function call(path: string, secret: string, init: { method?: string; body?: unknown; raw?: string } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

async function tokenFor() {
  const team = await makeTeam();
  const { secret } = await createToken(team.owner.actor, team.slug, { name: "bot" });
  return { team, secret };
}

async function created(secret: string, slug: string, submit = true) {
  const response = await createRoute(call("/requests", secret, { method: "POST", body: { team: slug, role: "network-engineer", input: example, submit } }), none);
  expect(response.status).toBe(201);
  return requestDetailSchema.parse(await response.json());
}

describe("the requests API", () => {
  it("creates, reads, lists, revises and discusses a request with a team token", async () => {
    const { team, secret } = await tokenFor();
    const request = await created(secret, team.slug);
    expect(request).toMatchObject({ status: "SUBMITTED", currentRevision: 1, team: { slug: team.slug } });

    const list = requestListSchema.parse(await (await listRoute(call(`/requests?team=${team.slug}&status=SUBMITTED&sort=title`, secret), none)).json());
    expect(list.requests.map((row) => row.id)).toEqual([request.id]);
    expect(list.counts.SUBMITTED).toBe(1);

    const read = await getRoute(call(`/requests/${request.id}`, secret), params({ id: request.id }));
    expect(requestDetailSchema.parse(await read.json()).id).toBe(request.id);

    const edited = { ...example, notes: "Add flow logs to S3" };
    const patched = await patchRoute(call(`/requests/${request.id}`, secret, { method: "PATCH", body: { input: edited, baseRevision: 1 } }), params({ id: request.id }));
    expect(patched.status).toBe(200);
    expect((await patched.json()).currentRevision).toBe(2);

    const revisions = await revisionsRoute(call(`/requests/${request.id}/revisions`, secret), params({ id: request.id }));
    expect((await revisions.json()).revisions.map((revision: unknown) => revisionSummarySchema.parse(revision).number)).toEqual([2, 1]);
    const revision = await revisionRoute(call(`/requests/${request.id}/revisions/2`, secret), params({ id: request.id, number: "2" }));
    expect(revisionSchema.parse(await revision.json()).input).toMatchObject({ notes: "Add flow logs to S3" });
    expect((await revisionRoute(call(`/requests/${request.id}/revisions/x`, secret), params({ id: request.id, number: "x" }))).status).toBe(404);

    const comment = await commentRoute(call(`/requests/${request.id}/comments`, secret, { method: "POST", body: { body: "From CI" } }), params({ id: request.id }));
    expect(comment.status).toBe(201);
    commentSchema.parse(await comment.json());
    expect((await (await commentsRoute(call(`/requests/${request.id}/comments`, secret), params({ id: request.id }))).json()).comments).toHaveLength(1);
  });

  it("resolves and reopens a comment with PATCH { resolved }, and answers 422 with both paths for a body with neither", async () => {
    const { team, secret } = await tokenFor();
    const request = await created(secret, team.slug);
    const posted = commentSchema.parse(await (await commentRoute(call(`/requests/${request.id}/comments`, secret, { method: "POST", body: { body: "Which region?" } }), params({ id: request.id }))).json());
    const where = params({ id: request.id, commentId: posted.id });
    const path = `/requests/${request.id}/comments/${posted.id}`;

    const resolved = await commentPatchRoute(call(path, secret, { method: "PATCH", body: { resolved: true } }), where);
    expect(resolved.status).toBe(200);
    // A token acts for the person who created it.
    expect(commentSchema.parse(await resolved.json())).toMatchObject({ body: "Which region?", resolvedAt: expect.any(String), resolvedBy: { id: team.owner.id } });

    const empty = await commentPatchRoute(call(path, secret, { method: "PATCH", body: {} }), where);
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual([["body"], ["resolved"]]);
    expect((await commentPatchRoute(call(path, secret, { method: "PATCH", body: { resolved: "yes" } }), where)).status).toBe(422);

    const reopened = await commentPatchRoute(call(path, secret, { method: "PATCH", body: { resolved: false } }), where);
    expect(commentSchema.parse(await reopened.json())).toMatchObject({ resolvedAt: null, resolvedBy: null });

    const other = await tokenFor();
    expect((await commentPatchRoute(call(path, other.secret, { method: "PATCH", body: { resolved: true } }), where)).status).toBe(404);
  });

  it("answers 422 with the field path for invalid answers, an unknown role or a bad filter, and 400 for malformed JSON", async () => {
    const { team, secret } = await tokenFor();
    const invalid = await createRoute(
      call("/requests", secret, { method: "POST", body: { team: team.slug, role: "network-engineer", submit: true, input: { ...example, environments: [{ name: "prod", baseCidr: "300.0.0.0/8" }] } } }),
      none,
    );
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.issues).toContainEqual(expect.objectContaining({ path: ["input", "environments", 0, "baseCidr"] }));

    const unknownRole = await createRoute(call("/requests", secret, { method: "POST", body: { team: team.slug, role: "wizard" } }), none);
    expect(unknownRole.status).toBe(422);
    expect((await unknownRole.json()).error.issues[0].path).toEqual(["role"]);

    const badFilter = await listRoute(call("/requests?status=DONE", secret), none);
    expect(badFilter.status).toBe(422);
    expect((await badFilter.json()).error.issues[0].path).toEqual(["status"]);

    const malformed = await createRoute(call("/requests", secret, { method: "POST", raw: "{not json" }), none);
    expect(malformed.status).toBe(400);
  });

  it("answers 422 invalid_transition for a move the lifecycle lacks and 403 for a move the role lacks", async () => {
    const { team, secret } = await tokenFor();
    const request = await created(secret, team.slug);
    const skip = await transitionRoute(call(`/requests/${request.id}/transitions`, secret, { method: "POST", body: { to: "CLOSED" } }), params({ id: request.id }));
    expect(skip.status).toBe(422);
    const skipBody = await skip.json();
    expect(skipBody.error).toMatchObject({ code: "invalid_transition", message: "A submitted request cannot move to closed (from here it can go to: in review, withdrawn)" });

    const review = await transitionRoute(call(`/requests/${request.id}/transitions`, secret, { method: "POST", body: { to: "IN_REVIEW" } }), params({ id: request.id }));
    expect(review.status).toBe(403);
    expect((await review.json()).error.message).toContain("Only maintainers and owners");

    const unknown = await transitionRoute(call(`/requests/${request.id}/transitions`, secret, { method: "POST", body: { to: "DONE" } }), params({ id: request.id }));
    expect(unknown.status).toBe(422);
  });

  it("answers 409 with the current revision in details for a stale edit", async () => {
    const { team, secret } = await tokenFor();
    const request = await created(secret, team.slug);
    const first = { ...example, notes: "first" };
    await patchRoute(call(`/requests/${request.id}`, secret, { method: "PATCH", body: { input: first, baseRevision: 1 } }), params({ id: request.id }));
    const stale = await patchRoute(call(`/requests/${request.id}`, secret, { method: "PATCH", body: { input: { ...example, notes: "second" }, baseRevision: 1 } }), params({ id: request.id }));
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe("conflict");
    expect(conflictDetailsSchema.parse(body.error.details)).toMatchObject({ reason: "stale_revision", currentRevision: 2, input: { notes: "first" } });
  });

  it("keeps a token inside its team: another team's request is 404 everywhere", async () => {
    const { secret } = await tokenFor();
    const other = await tokenFor();
    const theirs = await created(other.secret, other.team.slug);
    const id = params({ id: theirs.id });
    expect((await getRoute(call(`/requests/${theirs.id}`, secret), id)).status).toBe(404);
    expect((await patchRoute(call(`/requests/${theirs.id}`, secret, { method: "PATCH", body: { title: "mine now" } }), id)).status).toBe(404);
    expect((await transitionRoute(call(`/requests/${theirs.id}/transitions`, secret, { method: "POST", body: { to: "WITHDRAWN" } }), id)).status).toBe(404);
    expect((await revisionsRoute(call(`/requests/${theirs.id}/revisions`, secret), id)).status).toBe(404);
    expect((await commentRoute(call(`/requests/${theirs.id}/comments`, secret, { method: "POST", body: { body: "hi" } }), id)).status).toBe(404);
    expect((await listRoute(call(`/requests?team=${other.team.slug}`, secret), none)).status).toBe(404);
    const mine = requestListSchema.parse(await (await listRoute(call("/requests", secret), none)).json());
    expect(mine.requests.map((row) => row.id)).not.toContain(theirs.id);
    const unchanged = requestDetailSchema.parse(await (await getRoute(call(`/requests/${theirs.id}`, other.secret), id)).json());
    expect(unchanged).toMatchObject({ status: "SUBMITTED", title: theirs.title });
  });
});
