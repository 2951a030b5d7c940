// GitHub (github.com or an Enterprise server's /api/v3) pull requests through the official client,
// @octokit/rest, over the portal's guarded fetch: open one for the portal branch or update the one already
// open, read its state, and check the token's push permission on the repository.
import { Octokit } from "@octokit/rest";
import { PublishError, type ConnectionSettings, type PullRequestState } from "@/lib/artifacts/publisher";
import { guardedFetch, isRefusedAddress } from "@/lib/integrations/http/guarded-fetch";
import type { ProviderApi, PullRequestDraft, PullRequestProvider } from "@/lib/integrations/git/pull-request-provider";

function client(api: ProviderApi, settings: ConnectionSettings): Octokit {
  return new Octokit({
    auth: api.token,
    baseUrl: api.apiUrl.replace(/\/+$/, ""),
    userAgent: "PlatformPortal",
    request: { fetch: guardedFetch(settings), redirect: "manual" },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

function split(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split("/");
  if (!owner || !repo || repository.split("/").length !== 2) throw new PublishError(`"${repository}" is not an owner/repository path GitHub knows`, false);
  return { owner, repo };
}

/** GitHub's documented errors, as a PublishError: 5xx, 429 and secondary rate limits retry; 401/403/404/422 do not. */
export function githubError(error: unknown, doing: string): PublishError {
  const err = error as { status?: number; message?: string; response?: { data?: { message?: string; errors?: { message?: string; code?: string }[] }; headers?: Record<string, string> } };
  // Octokit reports a request that never got an answer as status 500 without a response.
  if (typeof err.status !== "number" || !err.response) return new PublishError(`GitHub could not be reached while ${doing}: ${err.message ?? String(error)}`, !isRefusedAddress(error));
  const data = err.response?.data;
  const details = [data?.message, ...(data?.errors ?? []).map((item) => item.message ?? item.code)].filter(Boolean).join("; ");
  const status = err.status;
  const rateLimited = status === 429 || (status === 403 && (err.response?.headers?.["x-ratelimit-remaining"] === "0" || /rate limit/i.test(details)));
  const what =
    status === 401 ? "the token was rejected" : status === 403 && !rateLimited ? "the token may not do this" : status === 404 ? "the repository was not found, or the token cannot see it" : rateLimited ? "rate limited" : `HTTP ${status}`;
  return new PublishError(`GitHub refused ${doing} (${what})${details ? `: ${details}` : ""}`, rateLimited || status >= 500);
}

export const githubPullRequests: PullRequestProvider = {
  async openOrUpdate(api, repository, draft: PullRequestDraft, settings) {
    const octokit = client(api, settings);
    const { owner, repo } = split(repository);
    try {
      const { data: open } = await octokit.rest.pulls.list({ owner, repo, state: "open", head: `${owner}:${draft.head}`, per_page: 1 });
      if (open[0]) {
        const { data } = await octokit.rest.pulls.update({ owner, repo, pull_number: open[0].number, title: draft.title, body: draft.body });
        return { number: data.number, url: data.html_url };
      }
      const { data } = await octokit.rest.pulls.create({ owner, repo, head: draft.head, base: draft.base, title: draft.title, body: draft.body });
      return { number: data.number, url: data.html_url };
    } catch (error) {
      throw githubError(error, "the pull request");
    }
  },

  async state(api, repository, number, settings): Promise<PullRequestState> {
    const { owner, repo } = split(repository);
    try {
      const { data } = await client(api, settings).rest.pulls.get({ owner, repo, pull_number: number });
      return data.merged || data.merged_at ? "merged" : data.state === "closed" ? "closed" : "open";
    } catch (error) {
      throw githubError(error, "reading the pull request");
    }
  },

  async checkPushPermission(api, repository, settings) {
    const { owner, repo } = split(repository);
    try {
      const { data } = await client(api, settings).rest.repos.get({ owner, repo });
      const push = Boolean(data.permissions?.push);
      return { ok: push, detail: push ? `The token may push to ${data.full_name} and open pull requests` : `The token can read ${data.full_name} but not push to it` };
    } catch (error) {
      return { ok: false, detail: githubError(error, "reading the repository").message };
    }
  },
};
