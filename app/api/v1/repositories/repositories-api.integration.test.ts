// The repositories and publications API without a worker: field-level 422s (SSH, path templates, URLs),
// 403 within the team, 404 across teams, 409 on a stale version and on publishing twice, credentials never
// returned, and the provider webhook: verified per provider, 401 (and nothing stored) on a bad signature.
import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/teams/[slug]/repositories/route";
import { GET as getRoute, PATCH as patchRoute, DELETE as deleteRoute } from "@/app/api/v1/repositories/[id]/route";
import { POST as webhookRoute } from "@/app/api/v1/repositories/[id]/provider-webhook/route";
import { GET as publicationsRoute, POST as publishRoute } from "@/app/api/v1/requests/[id]/publications/route";
import { PUT as autoPublishRoute } from "@/app/api/v1/teams/[slug]/auto-publish/route";
import { getDb } from "@/lib/db/client";
import { getRole } from "@/lib/agents/registry";
import { createRequest } from "@/lib/requests/requests.server";
import { recordApproval } from "@/lib/reviews/approvals.server";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });

function call(path: string, token: string | null, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json", ...init.headers },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

const TOKEN_SECRET = "ghp_TopSecretTokenValue0123456789";
const valid = {
  name: "Infrastructure",
  cloneUrl: "https://127.0.0.1:9/acme/infra.git",
  defaultBranch: "main",
  pathTemplate: "infra/{role}/{request-slug}",
  auth: { kind: "TOKEN", token: TOKEN_SECRET },
};
const example = structuredClone(getRole("network-engineer").example) as Record<string, unknown>;
const teams: string[] = [];

async function setUp() {
  const team = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  teams.push(team.id);
  const { secret: owner } = await createToken(team.owner.actor, team.slug, { name: "bot" });
  // Tokens act as members; repositories are managed by maintainers and owners, so the owner's session is used through the data layer where needed.
  return { team, token: owner };
}

async function createAsOwner(team: Awaited<ReturnType<typeof makeTeam>>, body: Record<string, unknown> = valid) {
  const { createRepository } = await import("@/lib/artifacts/repositories.server");
  return createRepository(team.owner.actor, team.slug, body as never);
}

afterAll(async () => {
  // Nothing of these tests may be left for a worker to push later (the worker tests run after this file).
  await getDb().publication.deleteMany({ where: { teamId: { in: teams } } });
});

describe("repositories API", () => {
  it("answers bad input with 422 and the field's path; refuses SSH with a clear message", async () => {
    const { team } = await setUp();
    const cases: [Record<string, unknown>, (string | number)[], RegExp?][] = [
      [{ ...valid, cloneUrl: "git@github.com:acme/infra.git" }, ["cloneUrl"], /SSH clone URLs are not supported/],
      [{ ...valid, cloneUrl: "ssh://git@github.com/acme/infra.git" }, ["cloneUrl"], /SSH/],
      [{ ...valid, cloneUrl: "https://user:pw@github.com/acme/infra.git" }, ["cloneUrl"]],
      [{ ...valid, cloneUrl: "not a url" }, ["cloneUrl"]],
      [{ ...valid, pathTemplate: "../outside/{request-slug}" }, ["pathTemplate"], /\.\./],
      [{ ...valid, pathTemplate: "/etc/{request-slug}" }, ["pathTemplate"], /absolute/],
      [{ ...valid, pathTemplate: "infra/{role}/{nope}" }, ["pathTemplate"], /placeholder/],
      [{ ...valid, pathTemplate: "infra/{role}" }, ["pathTemplate"], /request-slug/],
      [{ ...valid, pathTemplate: "infra/.git/{request-slug}" }, ["pathTemplate"]],
      [{ ...valid, defaultBranch: "main..x" }, ["defaultBranch"]],
      [{ ...valid, auth: { kind: "TOKEN" } }, ["auth", "token"]],
      [{ ...valid, auth: { kind: "SSH_KEY" } }, ["auth", "kind"]],
      [{ ...valid, provider: "GITHUB", cloneUrl: "https://ghe.example.com/acme/infra.git" }, ["apiUrl"]],
      [{ ...valid, provider: "GITHUB", auth: { kind: "BASIC", username: "u", password: "p" }, cloneUrl: "https://github.com/acme/infra.git" }, ["auth", "kind"]],
      [{ ...valid, name: "x\u0000y" }, ["name"]],
      [{ ...valid, webhookSecret: "short" }, ["webhookSecret"]],
    ];
    const { createRepository } = await import("@/lib/artifacts/repositories.server");
    for (const [body, path, message] of cases) {
      const error = await createRepository(team.owner.actor, team.slug, body as never).catch((caught) => caught);
      expect(error?.code, JSON.stringify(body)).toBe("invalid");
      expect(error.issues.map((issue: { path: unknown[] }) => issue.path), JSON.stringify(body)).toContainEqual(path);
      if (message) expect(error.issues.map((issue: { message: string }) => issue.message).join(" ")).toMatch(message);
    }
    expect(await getDb().gitRepository.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("through the API: members read, maintainers manage (403 for a member token), credentials never returned, 404 for another team", async () => {
    const { team, token } = await setUp();
    const slug = params({ slug: team.slug });
    const forbidden = await createRoute(call(`/teams/${team.slug}/repositories`, token, { method: "POST", body: valid }), slug);
    expect(forbidden.status).toBe(403);
    expect((await createRoute(call(`/teams/${team.slug}/repositories`, token, { method: "POST", raw: "{nope" }), slug)).status).toBe(400);

    const repository = await createAsOwner(team, { ...valid, provider: "GITHUB", cloneUrl: "https://github.com/acme/infra.git", webhookSecret: "whsec-for-github-0123456789" });
    expect(repository).toMatchObject({ provider: "GITHUB", apiUrl: "https://api.github.com", stateUpdates: "webhook", auth: { kind: "TOKEN", hasSecret: true } });
    const listed = await listRoute(call(`/teams/${team.slug}/repositories`, token), slug);
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(TOKEN_SECRET);
    expect(text).not.toContain("whsec-for-github");
    expect(JSON.stringify(await getDb().auditLog.findMany({ where: { teamId: team.id } }))).not.toContain(TOKEN_SECRET);

    // Stale edits are 409; a member token may not change or delete.
    const { updateRepository } = await import("@/lib/artifacts/repositories.server");
    await updateRepository(team.owner.actor, repository.id, { version: repository.version, defaultBranch: "trunk" });
    await expect(updateRepository(team.owner.actor, repository.id, { version: repository.version, name: "Again" })).rejects.toMatchObject({ code: "conflict" });
    expect((await patchRoute(call(`/repositories/${repository.id}`, token, { method: "PATCH", body: { version: 2, name: "Mine" } }), params({ id: repository.id }))).status).toBe(403);
    expect((await deleteRoute(call(`/repositories/${repository.id}`, token, { method: "DELETE" }), params({ id: repository.id }))).status).toBe(403);

    // Another team's token sees nothing of it.
    const other = await setUp();
    expect((await getRoute(call(`/repositories/${repository.id}`, other.token), params({ id: repository.id }))).status).toBe(404);
    expect((await listRoute(call(`/teams/${team.slug}/repositories`, other.token), slug)).status).toBe(404);
    expect((await autoPublishRoute(call(`/teams/${other.team.slug}/auto-publish`, other.token, { method: "PUT", body: { rules: [] } }), params({ slug: other.team.slug }))).status).toBe(403);
  });
});

describe("publications API", () => {
  it("queues an approved request once (409 the second time and when not approved), hides it from other teams, 403 for viewers", async () => {
    const { team, token } = await setUp();
    const repository = await createAsOwner(team);
    const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role: "network-engineer", title: "Edge network", input: example, submit: true });
    const id = params({ id: request.id });

    const notApproved = await publishRoute(call(`/requests/${request.id}/publications`, token, { method: "POST", body: { repositoryId: repository.id } }), id);
    expect(notApproved.status).toBe(409);
    await recordApproval(team.members.MAINTAINER!.actor, request.id, { revision: 1, decision: "APPROVE" });
    expect((await publishRoute(call(`/requests/${request.id}/publications`, token, { method: "POST", body: {} }), id)).status).toBe(422);

    const [first, second] = await Promise.all([
      publishRoute(call(`/requests/${request.id}/publications`, token, { method: "POST", body: { repositoryId: repository.id } }), id),
      publishRoute(call(`/requests/${request.id}/publications`, token, { method: "POST", body: { repositoryId: repository.id } }), id),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    const listed = await (await publicationsRoute(call(`/requests/${request.id}/publications`, token), id)).json();
    expect(listed.publications).toHaveLength(1);
    expect(listed).toMatchObject({ canPublish: false, publishBlockedReason: expect.stringContaining("already queued") });
    expect(listed.publications[0]).toMatchObject({ state: "QUEUED", revision: 1, repository: { id: repository.id }, branch: expect.stringMatching(/^portal\/edge-network-/) });

    const { publishRequest } = await import("@/lib/artifacts/publications.server");
    await expect(publishRequest(team.members.VIEWER!.actor, request.id, { repositoryId: repository.id })).rejects.toMatchObject({ code: "forbidden" });

    // Another team: 404 for the request and for publishing it to the other team's own repository.
    const other = await setUp();
    const theirs = await createAsOwner(other.team);
    expect((await publicationsRoute(call(`/requests/${request.id}/publications`, other.token), id)).status).toBe(404);
    expect((await publishRoute(call(`/requests/${request.id}/publications`, other.token, { method: "POST", body: { repositoryId: theirs.id } }), id)).status).toBe(404);
    // And this team cannot publish to another team's repository.
    await getDb().publication.deleteMany({ where: { requestId: request.id } });
    expect((await publishRoute(call(`/requests/${request.id}/publications`, token, { method: "POST", body: { repositoryId: theirs.id } }), id)).status).toBe(404);
  });

  it("publish on approval queues the row in the approving transaction", async () => {
    const { team } = await setUp();
    const repository = await createAsOwner(team);
    const { setAutoPublishRules } = await import("@/lib/artifacts/repositories.server");
    await setAutoPublishRules(team.owner.actor, team.slug, { rules: [{ role: "network-engineer", repositoryId: repository.id }] });
    await expect(setAutoPublishRules(team.owner.actor, team.slug, { rules: [{ role: "no-such-role", repositoryId: repository.id }] })).rejects.toMatchObject({ code: "invalid" });
    const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role: "network-engineer", title: "Auto", input: example, submit: true });
    expect(await getDb().publication.count({ where: { requestId: request.id } })).toBe(0);
    await recordApproval(team.members.MAINTAINER!.actor, request.id, { revision: 1, decision: "APPROVE" });
    expect(await getDb().publication.findMany({ where: { requestId: request.id } })).toMatchObject([{ state: "QUEUED", trigger: "approval", revision: 1, repositoryId: repository.id }]);
  });
});

describe("provider webhooks", () => {
  async function openPublication(provider: "GITHUB" | "GITLAB" | "GITEA", secret: string | null) {
    const { team } = await setUp();
    const cloneUrl = provider === "GITHUB" ? "https://github.com/acme/infra.git" : "https://127.0.0.1:9/acme/infra.git";
    const repository = await createAsOwner(team, { ...valid, cloneUrl, provider, webhookSecret: secret });
    const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role: "network-engineer", title: "Hooked", input: example, submit: true });
    const publication = await getDb().publication.create({
      data: { teamId: team.id, requestId: request.id, repositoryId: repository.id, revision: 1, trigger: "manual", state: "OPEN", branch: "portal/hooked-x", directory: "infra/x", commitSha: "a".repeat(40), pullRequestNumber: 42, pullRequestUrl: "https://example.test/pull/42" },
    });
    return { repository, publication };
  }

  const send = (repositoryId: string, body: string, headers: Record<string, string>) =>
    webhookRoute(call(`/repositories/${repositoryId}/provider-webhook`, null, { method: "POST", raw: body, headers }), params({ id: repositoryId }));

  it("GitHub: a pull_request closed+merged with a valid X-Hub-Signature-256 marks it merged; a bad signature is 401 and changes nothing", async () => {
    const secret = "github-webhook-secret-0001";
    const { repository, publication } = await openPublication("GITHUB", secret);
    const body = JSON.stringify({ action: "closed", number: 42, pull_request: { number: 42, merged: true, head: { ref: "portal/hooked-x" } } });
    const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const bad = await send(repository.id, body, { "x-github-event": "pull_request", "x-hub-signature-256": `sha256=${"0".repeat(64)}` });
    expect(bad.status).toBe(401);
    expect((await send(repository.id, body, { "x-github-event": "pull_request" })).status).toBe(401);
    expect((await getDb().publication.findUniqueOrThrow({ where: { id: publication.id } })).state).toBe("OPEN");
    const tampered = await send(repository.id, body.replace("42", "43"), { "x-github-event": "pull_request", "x-hub-signature-256": signature });
    expect(tampered.status).toBe(401);

    const good = await send(repository.id, body, { "x-github-event": "pull_request", "x-hub-signature-256": signature });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ updated: 1, event: "merged" });
    expect(await getDb().publication.findUniqueOrThrow({ where: { id: publication.id } })).toMatchObject({ state: "MERGED", finishedAt: expect.any(Date) });
    // Delivered again: idempotent.
    expect(await (await send(repository.id, body, { "x-github-event": "pull_request", "x-hub-signature-256": signature })).json()).toEqual({ updated: 0, event: "merged" });
    // A ping is verified and ignored.
    const ping = JSON.stringify({ zen: "Keep it logically awesome." });
    expect(await (await send(repository.id, ping, { "x-github-event": "ping", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(ping).digest("hex")}` })).json()).toEqual({ updated: 0, event: null });
  });

  it("GitLab: a merge request closed with the right X-Gitlab-Token marks it closed; a wrong token is 401", async () => {
    const secret = "gitlab-webhook-token-0002";
    const { repository, publication } = await openPublication("GITLAB", secret);
    const body = JSON.stringify({ object_kind: "merge_request", object_attributes: { iid: 42, state: "closed", action: "close", source_branch: "portal/hooked-x" } });
    expect((await send(repository.id, body, { "x-gitlab-event": "Merge Request Hook", "x-gitlab-token": "wrong-token-000000000" })).status).toBe(401);
    expect((await getDb().publication.findUniqueOrThrow({ where: { id: publication.id } })).state).toBe("OPEN");
    const good = await send(repository.id, body, { "x-gitlab-event": "Merge Request Hook", "x-gitlab-token": secret });
    expect(await good.json()).toEqual({ updated: 1, event: "closed" });
  });

  it("Gitea: X-Gitea-Signature (hex HMAC) verified; unknown repositories and ones without a secret answer 404; bodies over 5 MB 413", async () => {
    const secret = "gitea-webhook-secret-00003";
    const { repository, publication } = await openPublication("GITEA", secret);
    const body = JSON.stringify({ action: "closed", number: 42, pull_request: { number: 42, merged: true, head: { ref: "portal/hooked-x" } } });
    expect((await send(repository.id, body, { "x-gitea-event": "pull_request", "x-gitea-signature": "deadbeef" })).status).toBe(401);
    const good = await send(repository.id, body, { "x-gitea-event": "pull_request", "x-gitea-signature": createHmac("sha256", secret).update(body).digest("hex") });
    expect(await good.json()).toEqual({ updated: 1, event: "merged" });
    expect((await getDb().publication.findUniqueOrThrow({ where: { id: publication.id } })).state).toBe("MERGED");

    const polled = await openPublication("GITEA", null);
    expect((await send(polled.repository.id, body, { "x-gitea-event": "pull_request", "x-gitea-signature": "00" })).status).toBe(404);
    expect((await send("no-such-repository", body, {})).status).toBe(404);
    expect((await send(repository.id, "x".repeat(5_000_001), {})).status).toBe(413);
  });
});
