// Gitea and Forgejo pull requests with plain fetch (there is no official Node client) over the portal's
// guarded fetch, as their REST API (/api/v1) documents: open one for the portal branch or update the open
// one, read its state, and check the token's push permission on the repository.
import { PublishError, type ConnectionSettings, type PullRequestState } from "@/lib/artifacts/publisher";
import { guardedFetch, isRefusedAddress } from "@/lib/integrations/http/guarded-fetch";
import type { ProviderApi, PullRequestDraft, PullRequestProvider } from "@/lib/integrations/git/pull-request-provider";

interface GiteaPull {
  number: number;
  html_url: string;
  state: "open" | "closed";
  merged: boolean;
  head?: { ref?: string };
}

async function call<T>(api: ProviderApi, settings: ConnectionSettings, method: string, path: string, doing: string, body?: unknown): Promise<T> {
  const url = `${api.apiUrl.replace(/\/+$/, "")}${path}`;
  let response: Response;
  try {
    response = await guardedFetch(settings)(url, {
      method,
      headers: { authorization: `token ${api.token}`, accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    throw new PublishError(`Gitea could not be reached while ${doing}: ${(error as Error).message}`, !isRefusedAddress(error));
  }
  const text = await response.text();
  if (!response.ok) {
    let message = "";
    try {
      message = String((JSON.parse(text) as { message?: string }).message ?? "");
    } catch {
      message = text.slice(0, 300);
    }
    const status = response.status;
    const what = status === 401 ? "the token was rejected" : status === 403 ? "the token may not do this" : status === 404 ? "the repository was not found, or the token cannot see it" : `HTTP ${status}`;
    throw new PublishError(`Gitea refused ${doing} (${what})${message ? `: ${message}` : ""}`, status >= 500 || status === 429);
  }
  return (text ? JSON.parse(text) : null) as T;
}

const repoPath = (repository: string) => `/repos/${repository.split("/").map(encodeURIComponent).join("/")}`;

export const giteaPullRequests: PullRequestProvider = {
  async openOrUpdate(api, repository, draft: PullRequestDraft, settings) {
    const open = await call<GiteaPull[]>(api, settings, "GET", `${repoPath(repository)}/pulls?state=open&limit=50`, "listing pull requests");
    const existing = open.find((pull) => pull.head?.ref === draft.head);
    if (existing) {
      const updated = await call<GiteaPull>(api, settings, "PATCH", `${repoPath(repository)}/pulls/${existing.number}`, "updating the pull request", { title: draft.title, body: draft.body });
      return { number: updated.number, url: updated.html_url };
    }
    const created = await call<GiteaPull>(api, settings, "POST", `${repoPath(repository)}/pulls`, "opening the pull request", { head: draft.head, base: draft.base, title: draft.title, body: draft.body });
    return { number: created.number, url: created.html_url };
  },

  async state(api, repository, number, settings): Promise<PullRequestState> {
    const pull = await call<GiteaPull>(api, settings, "GET", `${repoPath(repository)}/pulls/${number}`, "reading the pull request");
    return pull.merged ? "merged" : pull.state === "closed" ? "closed" : "open";
  },

  async checkPushPermission(api, repository, settings) {
    try {
      const repo = await call<{ full_name: string; permissions?: { push?: boolean } }>(api, settings, "GET", repoPath(repository), "reading the repository");
      const ok = Boolean(repo.permissions?.push);
      return { ok, detail: ok ? `The token may push to ${repo.full_name} and open pull requests` : `The token can read ${repo.full_name} but not push to it` };
    } catch (error) {
      return { ok: false, detail: (error as Error).message };
    }
  },
};
