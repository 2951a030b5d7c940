// Deployment webhooks through the delivery route, with payloads shaped as GitHub, GitLab and Argo CD
// document them (no real GitHub or GitLab can run here; the bodies follow their webhook documentation and
// the octokit/webhooks payload schemas). A wrong signature is 401 and stores nothing.
import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as deliveryRoute } from "@/app/api/v1/deployments/hooks/[id]/deliveries/route";
import { GET as listHooksRoute, POST as createHookRoute } from "@/app/api/v1/deployments/hooks/route";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

async function setup(provider: "github" | "gitlab" | "argocd") {
  const team = await makeTeam();
  const service = await getDb().service.create({ data: { teamId: team.id, slug: "checkout-api", name: "Checkout API" } });
  const { secret: token } = await createToken(team.owner.actor, team.slug, { name: "admin" });
  const response = await createHookRoute(
    new NextRequest("http://localhost/api/v1/deployments/hooks", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ service: "checkout-api", provider }) }),
    { params: Promise.resolve({}) },
  );
  // A token acts as a member: creating a receiver needs a maintainer, so the owner's session is used instead.
  expect(response.status).toBe(403);
  const { createDeploymentHook } = await import("@/lib/deployments/hooks.server");
  const hook = await createDeploymentHook(team.owner.actor, { team: team.slug, service: "checkout-api", provider });
  return { team, service, hook, token };
}

function deliver(hookId: string, body: string, headers: Record<string, string>) {
  return deliveryRoute(new NextRequest(`http://localhost/api/v1/deployments/hooks/${hookId}/deliveries`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }), { params: Promise.resolve({ id: hookId }) });
}

const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

const SHA = "9049f1265b7d61be4a8904a9a27120d2064dab3b";

const githubPush = {
  ref: "refs/heads/main",
  before: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
  after: SHA,
  created: false,
  deleted: false,
  forced: false,
  commits: [
    { id: "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", tree_id: "f9d2a07e9488b91af2641b26b9407fe22a451433", distinct: true, message: "Fix the pool size", timestamp: "2026-11-30T08:00:00-05:00", url: "https://github.com/acme/checkout/commit/0d1a26e", author: { name: "Mira", email: "mira@example.com", username: "mira" }, committer: { name: "Mira", email: "mira@example.com", username: "mira" }, added: [], removed: [], modified: ["pool.go"] },
    { id: SHA, tree_id: "a9d2a07e9488b91af2641b26b9407fe22a451433", distinct: true, message: "Merge pull request #812", timestamp: "2026-11-30T15:00:00Z", url: "https://github.com/acme/checkout/commit/9049f12", author: { name: "Morgan", email: "morgan@example.com", username: "morgan" }, committer: { name: "GitHub", email: "noreply@github.com", username: "web-flow" }, added: [], removed: [], modified: [] },
  ],
  head_commit: null,
  repository: { id: 1296269, name: "checkout", full_name: "acme/checkout" },
  pusher: { name: "morgan", email: "morgan@example.com" },
  sender: { login: "morgan", id: 1 },
};

const githubDeploymentStatus = (state: string, at: string) => ({
  action: "created",
  deployment_status: {
    url: "https://api.github.com/repos/acme/checkout/deployments/42/statuses/1",
    id: 1,
    node_id: "MDE2OkRlcGxveW1lbnRTdGF0dXMx",
    state,
    creator: { login: "morgan", id: 1 },
    description: "Deployment finished successfully.",
    environment: "production",
    target_url: "https://ci.example.com/runs/42",
    log_url: "https://ci.example.com/runs/42/log",
    created_at: at,
    updated_at: at,
    deployment_url: "https://api.github.com/repos/acme/checkout/deployments/42",
    repository_url: "https://api.github.com/repos/acme/checkout",
  },
  deployment: {
    url: "https://api.github.com/repos/acme/checkout/deployments/42",
    id: 42,
    node_id: "MDEwOkRlcGxveW1lbnQx",
    sha: SHA,
    ref: "v2.15.0",
    task: "deploy",
    payload: {},
    original_environment: "production",
    environment: "production",
    description: "Deploy request from hubot",
    creator: { login: "morgan", id: 1 },
    created_at: "2026-11-30T15:10:00Z",
    updated_at: at,
    statuses_url: "https://api.github.com/repos/acme/checkout/deployments/42/statuses",
    repository_url: "https://api.github.com/repos/acme/checkout",
  },
  repository: { id: 1296269, name: "checkout", full_name: "acme/checkout" },
  sender: { login: "morgan", id: 1 },
});

describe("deployment webhooks", () => {
  it("GitHub: push then deployment_status (in_progress, success) records one deployment with the pushed commits", async () => {
    const { team, hook } = await setup("github");
    const push = JSON.stringify(githubPush);
    expect((await deliver(hook.id, push, { "x-github-event": "push", "x-hub-signature-256": sign(hook.secret, push) })).status).toBe(200);
    for (const [state, at] of [["in_progress", "2026-11-30T15:10:05Z"], ["success", "2026-11-30T15:16:00Z"]]) {
      const body = JSON.stringify(githubDeploymentStatus(state, at));
      const response = await deliver(hook.id, body, { "x-github-event": "deployment_status", "x-hub-signature-256": sign(hook.secret, body) });
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const [deployment] = await getDb().deployment.findMany({ where: { teamId: team.id }, include: { commits: { orderBy: { authoredAt: "asc" } } } });
    expect(deployment).toMatchObject({ clientKey: "github-deployment-42", status: "SUCCEEDED", source: "github", version: "v2.15.0", commitSha: SHA, triggeredBy: "morgan", url: "https://ci.example.com/runs/42/log" });
    expect(deployment.startedAt.toISOString()).toBe("2026-11-30T15:10:00.000Z");
    expect(deployment.finishedAt?.toISOString()).toBe("2026-11-30T15:16:00.000Z");
    expect(deployment.commits.map((commit) => [commit.sha.slice(0, 7), commit.authoredAt.toISOString()])).toEqual([
      ["0d1a26e", "2026-11-30T13:00:00.000Z"],
      ["9049f12", "2026-11-30T15:00:00.000Z"],
    ]);
  });

  it("GitHub: a wrong or missing signature is 401 and stores nothing; a ping is verified and ignored", async () => {
    const { team, hook } = await setup("github");
    const body = JSON.stringify(githubDeploymentStatus("success", "2026-11-30T15:16:00Z"));
    expect((await deliver(hook.id, body, { "x-github-event": "deployment_status", "x-hub-signature-256": sign("not-the-secret", body) })).status).toBe(401);
    expect((await deliver(hook.id, body, { "x-github-event": "deployment_status" })).status).toBe(401);
    expect((await deliver(hook.id, body, { "x-github-event": "deployment_status", "x-hub-signature-256": sign(hook.secret, `${body} `) })).status).toBe(401);
    expect(await getDb().deployment.count({ where: { teamId: team.id } })).toBe(0);
    const ping = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    expect((await deliver(hook.id, ping, { "x-github-event": "ping", "x-hub-signature-256": sign(hook.secret, ping) })).status).toBe(202);
    expect((await deliver("cnotahookatall0000000000", body, { "x-hub-signature-256": sign(hook.secret, body) })).status).toBe(404);
  });

  it("GitHub: a signed payload not shaped as documented is 422 with paths", async () => {
    const { team, hook } = await setup("github");
    const payload = githubDeploymentStatus("success", "2026-11-30T15:16:00Z");
    const body = JSON.stringify({ ...payload, deployment: { ...payload.deployment, id: "forty-two" } });
    const response = await deliver(hook.id, body, { "x-github-event": "deployment_status", "x-hub-signature-256": sign(hook.secret, body) });
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues[0].path).toEqual(["deployment", "id"]);
    expect(await getDb().deployment.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("GitLab: pipeline then deployment hook, verified by X-Gitlab-Token", async () => {
    const { team, hook } = await setup("gitlab");
    const pipeline = JSON.stringify({
      object_kind: "pipeline",
      object_attributes: { id: 31, iid: 3, ref: "main", tag: false, sha: SHA, before_sha: "bcbb5ec396a2c0f828686f14fac9b80b780504f2", source: "push", status: "success", stages: ["build", "deploy"], created_at: "2026-11-30 15:00:00 UTC", finished_at: "2026-11-30 15:20:00 UTC", duration: 1200 },
      user: { id: 1, name: "Administrator", username: "root" },
      project: { id: 1, name: "Checkout", path_with_namespace: "acme/checkout", default_branch: "main" },
      commits: [{ id: SHA, message: "Fix the pool size\n", title: "Fix the pool size", timestamp: "2026-11-30T12:00:00+01:00", url: "https://gitlab.example.com/acme/checkout/-/commit/9049f12", author: { name: "Mira", email: "mira@example.com" } }],
      builds: [],
    });
    expect((await deliver(hook.id, pipeline, { "x-gitlab-event": "Pipeline Hook", "x-gitlab-token": hook.secret })).status).toBe(200);
    const deployment = (status: string, at: string) =>
      JSON.stringify({
        object_kind: "deployment",
        status,
        status_changed_at: at,
        deployment_id: 15,
        deployable_id: 796,
        deployable_url: "https://gitlab.example.com/acme/checkout/-/jobs/796",
        environment: "production",
        environment_tier: "production",
        environment_slug: "production",
        environment_external_url: "https://checkout.example.com",
        project: { id: 1, name: "Checkout", path_with_namespace: "acme/checkout" },
        short_sha: SHA.slice(0, 8),
        user: { id: 1, name: "Administrator", username: "root", avatar_url: "", email: "admin@example.com" },
        user_url: "https://gitlab.example.com/root",
        commit_url: `https://gitlab.example.com/acme/checkout/-/commit/${SHA}`,
        commit_title: "Fix the pool size",
        ref: "main",
      });
    expect((await deliver(hook.id, deployment("running", "2026-11-30 15:21:00 +0100"), { "x-gitlab-event": "Deployment Hook", "x-gitlab-token": "wrong" })).status).toBe(401);
    expect(await getDb().deployment.count({ where: { teamId: team.id } })).toBe(0);
    expect((await deliver(hook.id, deployment("running", "2026-11-30 15:21:00 +0100"), { "x-gitlab-event": "Deployment Hook", "x-gitlab-token": hook.secret })).status).toBe(200);
    expect((await deliver(hook.id, deployment("failed", "2026-11-30 15:29:00 +0100"), { "x-gitlab-event": "Deployment Hook", "x-gitlab-token": hook.secret })).status).toBe(200);
    const [row] = await getDb().deployment.findMany({ where: { teamId: team.id }, include: { commits: true } });
    expect(row).toMatchObject({ clientKey: "gitlab-deployment-15", status: "FAILED", environment: "production", triggeredBy: "root", source: "gitlab" });
    expect([row.startedAt.toISOString(), row.finishedAt?.toISOString()]).toEqual(["2026-11-30T14:21:00.000Z", "2026-11-30T14:29:00.000Z"]);
    expect(row.commits.map((commit) => commit.authoredAt.toISOString())).toEqual(["2026-11-30T11:00:00.000Z"]);
  });

  it("Argo CD: the README's template body, verified by X-Portal-Webhook-Secret; 422 with paths for a bad phase", async () => {
    const { team, hook } = await setup("argocd");
    const body = JSON.stringify({ app: "checkout-api", revision: SHA, phase: "Succeeded", startedAt: "2026-11-30T15:00:00Z", finishedAt: "2026-11-30T15:03:00Z", environment: "production", url: "https://argocd.example.com/applications/checkout-api", syncedBy: "" });
    expect((await deliver(hook.id, body, { "x-portal-webhook-secret": "nope" })).status).toBe(401);
    expect((await deliver(hook.id, body, { "x-portal-webhook-secret": hook.secret })).status).toBe(200);
    const bad = await deliver(hook.id, JSON.stringify({ ...JSON.parse(body), phase: "Done" }), { "x-portal-webhook-secret": hook.secret });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toEqual(["phase"]);
    const rows = await getDb().deployment.findMany({ where: { teamId: team.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SUCCEEDED", source: "argocd", commitSha: SHA, triggeredBy: "argocd" });
    const stored = await getDb().deploymentHook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(stored.secretCiphertext).not.toContain(hook.secret);
  });

  it("lists a team's receivers, and hides them from other teams", async () => {
    const { team, token } = await setup("argocd");
    const other = await makeTeam();
    const { secret } = await createToken(other.owner.actor, other.slug, { name: "ci-other" });
    const mine = await listHooksRoute(new NextRequest("http://localhost/api/v1/deployments/hooks", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect((await mine.json()).hooks).toHaveLength(1);
    const theirs = await listHooksRoute(new NextRequest(`http://localhost/api/v1/deployments/hooks?team=${team.slug}`, { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });
    expect(theirs.status).toBe(404);
  });

  it("rotates a secret (maintainers only): the old one is refused at once, the new one works, and it is stored sealed", async () => {
    const { team, hook } = await setup("argocd");
    const { rotateDeploymentHookSecret } = await import("@/lib/deployments/hooks.server");
    const { caught } = await import("@/lib/testing/caught");
    const { NotFoundError } = await import("@/lib/errors");
    const stranger = await makeTeam();
    expect(await caught(rotateDeploymentHookSecret(stranger.owner.actor, hook.id))).toBeInstanceOf(NotFoundError);
    const rotated = await rotateDeploymentHookSecret(team.owner.actor, hook.id);
    expect(rotated.secret).not.toBe(hook.secret);
    expect(rotated.url).toMatch(new RegExp(`^https?://.+/api/v1/deployments/hooks/${hook.id}/deliveries$`));
    const body = JSON.stringify({ app: "checkout-api", revision: SHA, phase: "Succeeded", startedAt: "2026-11-30T15:00:00Z", finishedAt: "2026-11-30T15:03:00Z" });
    expect((await deliver(hook.id, body, { "x-portal-webhook-secret": hook.secret })).status).toBe(401);
    expect((await deliver(hook.id, body, { "x-portal-webhook-secret": rotated.secret })).status).toBeLessThan(300);
    const stored = await getDb().deploymentHook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(stored.secretCiphertext).not.toContain(rotated.secret);
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: "deployment.hook_secret_rotated" } })).toBe(1);
  });
});
