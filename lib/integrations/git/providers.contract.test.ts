// Contract tests of the pull request adapters (GitHub via @octokit/rest, GitLab via @gitbeaker/rest, Gitea
// via fetch): a local HTTP server stands in for each API and checks that the requests are what the
// provider's REST documentation describes (method, path, query, body, auth header), and answers with the
// documented response and error shapes, which the adapters must map. Not an integration test: no real
// GitHub, GitLab or Gitea runs here.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PublishError } from "@/lib/artifacts/publisher";
import { githubPullRequests } from "@/lib/integrations/github/pull-requests";
import { gitlabMergeRequests } from "@/lib/integrations/gitlab/merge-requests";
import { giteaPullRequests } from "@/lib/integrations/gitea/pull-requests";

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}
type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

let server: http.Server;
let base: string;
let seen: Seen[] = [];
let answers: ((request: Seen) => Answer | undefined)[] = [];

const settings = { timeoutMs: 3_000, allowPrivate: true };
const draft = { head: "portal/edge-k3x9q2", base: "main", title: "Network engineer: Edge", body: "## Key figures\n\n| a | b |" };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const text = Buffer.concat(chunks).toString("utf8");
      const entry: Seen = { method: request.method ?? "", path: url.pathname, query: url.searchParams, headers: request.headers, body: text ? JSON.parse(text) : undefined };
      seen.push(entry);
      const answer = answers.map((handler) => handler(entry)).find(Boolean) ?? { status: 404, body: { message: "Not Found" } };
      response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers });
      response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  answers = [];
});

const when = (method: string, path: string | RegExp, answer: Answer) =>
  answers.push((request) => (request.method === method && (typeof path === "string" ? request.path === path : path.test(request.path)) ? answer : undefined));

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PublishError);
  return error as PublishError;
}

describe("GitHub (REST: pulls, repos) through @octokit/rest", () => {
  const api = () => ({ apiUrl: `${base}/api/v3`, token: "ghp_contract_token" });

  it("lists open pull requests for owner:branch, then creates one with title, head, base and body", async () => {
    when("GET", "/api/v3/repos/acme/infra/pulls", { status: 200, body: [] });
    when("POST", "/api/v3/repos/acme/infra/pulls", { status: 201, body: { number: 7, html_url: "https://github.example/acme/infra/pull/7", state: "open", merged: false } });
    expect(await githubPullRequests.openOrUpdate(api(), "acme/infra", draft, settings)).toEqual({ number: 7, url: "https://github.example/acme/infra/pull/7" });
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /api/v3/repos/acme/infra/pulls", "POST /api/v3/repos/acme/infra/pulls"]);
    expect(Object.fromEntries(seen[0].query)).toMatchObject({ state: "open", head: "acme:portal/edge-k3x9q2" });
    expect(seen[1].body).toEqual({ head: draft.head, base: "main", title: draft.title, body: draft.body });
    for (const request of seen) {
      expect(request.headers.authorization).toBe("token ghp_contract_token");
      expect(request.headers.accept).toContain("application/vnd.github");
    }
  });

  it("updates the open pull request's title and body instead of opening a second one", async () => {
    when("GET", "/api/v3/repos/acme/infra/pulls", { status: 200, body: [{ number: 7, html_url: "https://github.example/acme/infra/pull/7", state: "open" }] });
    when("PATCH", "/api/v3/repos/acme/infra/pulls/7", { status: 200, body: { number: 7, html_url: "https://github.example/acme/infra/pull/7", state: "open" } });
    expect(await githubPullRequests.openOrUpdate(api(), "acme/infra", draft, settings)).toEqual({ number: 7, url: "https://github.example/acme/infra/pull/7" });
    expect(seen[1]).toMatchObject({ method: "PATCH", body: { title: draft.title, body: draft.body } });
  });

  it("reads merged, closed and open from the pull request's `merged` and `state`", async () => {
    when("GET", "/api/v3/repos/acme/infra/pulls/1", { status: 200, body: { number: 1, state: "closed", merged: true, merged_at: "2026-12-01T10:00:00Z" } });
    when("GET", "/api/v3/repos/acme/infra/pulls/2", { status: 200, body: { number: 2, state: "closed", merged: false, merged_at: null } });
    when("GET", "/api/v3/repos/acme/infra/pulls/3", { status: 200, body: { number: 3, state: "open", merged: false, merged_at: null } });
    expect(await githubPullRequests.state(api(), "acme/infra", 1, settings)).toBe("merged");
    expect(await githubPullRequests.state(api(), "acme/infra", 2, settings)).toBe("closed");
    expect(await githubPullRequests.state(api(), "acme/infra", 3, settings)).toBe("open");
  });

  it("maps documented errors: 422 validation (not retried), 401 bad credentials, 5xx and rate limits (retried)", async () => {
    when("GET", "/api/v3/repos/acme/infra/pulls", { status: 200, body: [] });
    when("POST", "/api/v3/repos/acme/infra/pulls", {
      status: 422,
      body: { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "custom", message: "No commits between main and portal/edge-k3x9q2" }], documentation_url: "https://docs.github.com/rest" },
    });
    const invalid = await failure(githubPullRequests.openOrUpdate(api(), "acme/infra", draft, settings));
    expect(invalid.retryable).toBe(false);
    expect(invalid.message).toContain("No commits between main and portal/edge-k3x9q2");

    answers = [];
    when("GET", "/api/v3/repos/acme/infra/pulls/9", { status: 401, body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" } });
    expect(await failure(githubPullRequests.state(api(), "acme/infra", 9, settings))).toMatchObject({ retryable: false, message: expect.stringContaining("token was rejected") });
    answers = [];
    when("GET", "/api/v3/repos/acme/infra/pulls/9", { status: 502, body: { message: "Server Error" } });
    expect((await failure(githubPullRequests.state(api(), "acme/infra", 9, settings))).retryable).toBe(true);
    answers = [];
    when("GET", "/api/v3/repos/acme/infra/pulls/9", { status: 403, body: { message: "API rate limit exceeded for user ID 1." }, headers: { "x-ratelimit-remaining": "0" } });
    expect((await failure(githubPullRequests.state(api(), "acme/infra", 9, settings))).retryable).toBe(true);
  });

  it("checks push permission from GET /repos/{owner}/{repo} `permissions.push`", async () => {
    when("GET", "/api/v3/repos/acme/infra", { status: 200, body: { full_name: "acme/infra", permissions: { admin: false, push: false, pull: true } } });
    expect(await githubPullRequests.checkPushPermission(api(), "acme/infra", settings)).toMatchObject({ ok: false, detail: expect.stringContaining("not push") });
    answers = [];
    when("GET", "/api/v3/repos/acme/infra", { status: 200, body: { full_name: "acme/infra", permissions: { admin: false, push: true, pull: true } } });
    expect(await githubPullRequests.checkPushPermission(api(), "acme/infra", settings)).toMatchObject({ ok: true });
  });
});

describe("GitLab (REST v4: merge requests, projects) through @gitbeaker/rest", () => {
  const api = () => ({ apiUrl: `${base}/api/v4`, token: "glpat-contract-token" });
  const project = "/api/v4/projects/platform%2Finfra";

  it("looks for an opened merge request of the source branch, then creates one; PRIVATE-TOKEN header; the project id URL-encoded", async () => {
    when("GET", /\/merge_requests$/, { status: 200, body: [] });
    when("POST", /\/merge_requests$/, { status: 201, body: { iid: 12, web_url: "https://gitlab.example/platform/infra/-/merge_requests/12", state: "opened" } });
    expect(await gitlabMergeRequests.openOrUpdate(api(), "platform/infra", draft, settings)).toEqual({ number: 12, url: "https://gitlab.example/platform/infra/-/merge_requests/12" });
    // Node's URL parser keeps %2F in the path as sent.
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([`GET ${project}/merge_requests`, `POST ${project}/merge_requests`]);
    expect(Object.fromEntries(seen[0].query)).toMatchObject({ source_branch: draft.head, state: "opened" });
    expect(seen[1].body).toMatchObject({ source_branch: draft.head, target_branch: "main", title: draft.title, description: draft.body });
    for (const request of seen) expect(request.headers["private-token"]).toBe("glpat-contract-token");
  });

  it("edits the opened merge request with PUT …/merge_requests/:iid", async () => {
    when("GET", /\/merge_requests$/, { status: 200, body: [{ iid: 12, web_url: "https://gitlab.example/platform/infra/-/merge_requests/12", state: "opened" }] });
    when("PUT", /\/merge_requests\/12$/, { status: 200, body: { iid: 12, web_url: "https://gitlab.example/platform/infra/-/merge_requests/12", state: "opened" } });
    await gitlabMergeRequests.openOrUpdate(api(), "platform/infra", draft, settings);
    expect(seen[1]).toMatchObject({ method: "PUT", path: `${project}/merge_requests/12`, body: { title: draft.title, description: draft.body } });
  });

  it("reads `state`: merged, closed (and locked), opened", async () => {
    when("GET", /\/merge_requests\/1$/, { status: 200, body: { iid: 1, state: "merged" } });
    when("GET", /\/merge_requests\/2$/, { status: 200, body: { iid: 2, state: "closed" } });
    when("GET", /\/merge_requests\/3$/, { status: 200, body: { iid: 3, state: "opened" } });
    expect(await gitlabMergeRequests.state(api(), "platform/infra", 1, settings)).toBe("merged");
    expect(await gitlabMergeRequests.state(api(), "platform/infra", 2, settings)).toBe("closed");
    expect(await gitlabMergeRequests.state(api(), "platform/infra", 3, settings)).toBe("open");
  });

  it("maps documented errors: 409 (another open merge request), 401 and 5xx; access levels below Developer cannot push", async () => {
    when("GET", /\/merge_requests$/, { status: 200, body: [] });
    when("POST", /\/merge_requests$/, { status: 409, body: { message: ["Another open merge request already exists for this source branch: !12"] } });
    const conflict = await failure(gitlabMergeRequests.openOrUpdate(api(), "platform/infra", draft, settings));
    expect(conflict).toMatchObject({ retryable: false, message: expect.stringContaining("Another open merge request") });
    answers = [];
    when("GET", /\/merge_requests\/5$/, { status: 401, body: { message: "401 Unauthorized" } });
    expect(await failure(gitlabMergeRequests.state(api(), "platform/infra", 5, settings))).toMatchObject({ retryable: false, message: expect.stringContaining("token was rejected") });
    answers = [];
    when("GET", /\/merge_requests\/5$/, { status: 503, body: { message: "503 Service Unavailable" } });
    expect((await failure(gitlabMergeRequests.state(api(), "platform/infra", 5, settings))).retryable).toBe(true);

    answers = [];
    when("GET", project, { status: 200, body: { path_with_namespace: "platform/infra", permissions: { project_access: { access_level: 20 }, group_access: null } } });
    expect(await gitlabMergeRequests.checkPushPermission(api(), "platform/infra", settings)).toMatchObject({ ok: false, detail: expect.stringContaining("Developer (30)") });
    answers = [];
    when("GET", project, { status: 200, body: { path_with_namespace: "platform/infra", permissions: { project_access: null, group_access: { access_level: 40 } } } });
    expect(await gitlabMergeRequests.checkPushPermission(api(), "platform/infra", settings)).toMatchObject({ ok: true });
  });
});

describe("Gitea / Forgejo (REST /api/v1: pulls, repos) with fetch", () => {
  const api = () => ({ apiUrl: `${base}/api/v1`, token: "gitea-contract-token" });

  it("lists open pulls, creates one for the head branch; Authorization: token …", async () => {
    when("GET", "/api/v1/repos/acme/infra/pulls", { status: 200, body: [{ number: 3, html_url: "https://gitea.example/acme/infra/pulls/3", state: "open", merged: false, head: { ref: "someone-else" } }] });
    when("POST", "/api/v1/repos/acme/infra/pulls", { status: 201, body: { number: 4, html_url: "https://gitea.example/acme/infra/pulls/4", state: "open", merged: false } });
    expect(await giteaPullRequests.openOrUpdate(api(), "acme/infra", draft, settings)).toEqual({ number: 4, url: "https://gitea.example/acme/infra/pulls/4" });
    expect(Object.fromEntries(seen[0].query)).toMatchObject({ state: "open" });
    expect(seen[1]).toMatchObject({ method: "POST", body: { head: draft.head, base: "main", title: draft.title, body: draft.body } });
    for (const request of seen) expect(request.headers.authorization).toBe("token gitea-contract-token");
  });

  it("updates the open pull of the portal branch with PATCH, and reads merged/closed/open", async () => {
    when("GET", "/api/v1/repos/acme/infra/pulls", { status: 200, body: [{ number: 4, html_url: "https://gitea.example/acme/infra/pulls/4", state: "open", merged: false, head: { ref: draft.head } }] });
    when("PATCH", "/api/v1/repos/acme/infra/pulls/4", { status: 201, body: { number: 4, html_url: "https://gitea.example/acme/infra/pulls/4", state: "open", merged: false } });
    when("GET", "/api/v1/repos/acme/infra/pulls/4", { status: 200, body: { number: 4, state: "closed", merged: true } });
    when("GET", "/api/v1/repos/acme/infra/pulls/5", { status: 200, body: { number: 5, state: "closed", merged: false } });
    await giteaPullRequests.openOrUpdate(api(), "acme/infra", draft, settings);
    expect(seen[1]).toMatchObject({ method: "PATCH", body: { title: draft.title, body: draft.body } });
    expect(await giteaPullRequests.state(api(), "acme/infra", 4, settings)).toBe("merged");
    expect(await giteaPullRequests.state(api(), "acme/infra", 5, settings)).toBe("closed");
  });

  it("maps documented errors (409 exists, 403, 5xx) and the push permission", async () => {
    when("GET", "/api/v1/repos/acme/infra/pulls", { status: 200, body: [] });
    when("POST", "/api/v1/repos/acme/infra/pulls", { status: 409, body: { message: "pull request already exists for these targets", url: "https://gitea.example/api/swagger" } });
    expect(await failure(giteaPullRequests.openOrUpdate(api(), "acme/infra", draft, settings))).toMatchObject({ retryable: false, message: expect.stringContaining("already exists") });
    answers = [];
    when("GET", "/api/v1/repos/acme/infra/pulls/1", { status: 500, body: { message: "internal" } });
    expect((await failure(giteaPullRequests.state(api(), "acme/infra", 1, settings))).retryable).toBe(true);
    answers = [];
    when("GET", "/api/v1/repos/acme/infra", { status: 200, body: { full_name: "acme/infra", permissions: { admin: false, push: true, pull: true } } });
    expect(await giteaPullRequests.checkPushPermission(api(), "acme/infra", settings)).toMatchObject({ ok: true });
  });
});

describe("outbound safety", () => {
  it("refuses a private address when private addresses are not allowed, before any request", async () => {
    const error = await failure(giteaPullRequests.state({ apiUrl: `${base}/api/v1`, token: "t" }, "acme/infra", 1, { timeoutMs: 1_000, allowPrivate: false }));
    expect(error.message).toMatch(/private address/);
    expect(error.retryable).toBe(false);
    const github = await failure(githubPullRequests.state({ apiUrl: `${base}/api/v3`, token: "t" }, "acme/infra", 1, { timeoutMs: 1_000, allowPrivate: false }));
    expect(github).toMatchObject({ retryable: false, message: expect.stringMatching(/private address/) });
    expect(seen).toHaveLength(0);
  });
});
