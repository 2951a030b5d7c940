// GitLab merge requests through the official client, @gitbeaker/rest, with a requester over the portal's
// guarded fetch (gitbeaker's own uses the global fetch, which has no address check and retries by itself;
// the portal's queue does the retrying): open one for the portal branch or update the open one, read its
// state, and check that the token's access level allows pushing (Developer, 30, or higher).
import { Gitlab } from "@gitbeaker/rest";
import { createRequesterFn, GitbeakerRequestError } from "@gitbeaker/requester-utils";
import { PublishError, type ConnectionSettings, type PullRequestState } from "@/lib/artifacts/publisher";
import { guardedFetch, isRefusedAddress } from "@/lib/integrations/http/guarded-fetch";
import type { ProviderApi, PullRequestDraft, PullRequestProvider } from "@/lib/integrations/git/pull-request-provider";

/** GitLab's access levels: 30 is Developer, the least that may push to an unprotected branch. */
const DEVELOPER = 30;

function requester(settings: ConnectionSettings) {
  const fetchGuarded = guardedFetch(settings);
  return createRequesterFn(
    async (_, options) => options,
    async (endpoint, options = {}) => {
      const { prefixUrl, searchParams, method, headers, body } = options as { prefixUrl?: string; searchParams?: string; method?: string; headers?: Record<string, string>; body?: string };
      const url = new URL(endpoint, prefixUrl?.endsWith("/") ? prefixUrl : `${prefixUrl}/`);
      url.search = searchParams ?? "";
      const response = await fetchGuarded(url, { method, headers, body });
      const type = (response.headers.get("content-type") ?? "").split(";")[0].trim();
      const text = await response.text();
      if (!response.ok) {
        let description = text;
        try {
          const parsed = JSON.parse(text) as { message?: unknown; error?: unknown };
          const value = parsed.message ?? parsed.error ?? text;
          description = typeof value === "string" ? value : JSON.stringify(value);
        } catch {
          // Not JSON: the text is the description.
        }
        throw new GitbeakerRequestError(description, { cause: { description, request: new Request(url, { method }), response } });
      }
      const parsedBody = response.status === 204 ? null : type === "application/json" ? (JSON.parse(text || "{}") as object) : text;
      return { body: parsedBody as never, headers: Object.fromEntries(response.headers.entries()), status: response.status };
    },
  );
}

function client(api: ProviderApi, settings: ConnectionSettings) {
  const host = api.apiUrl.replace(/\/+$/, "").replace(/\/api\/v4$/, "");
  return new Gitlab({ host, token: api.token, requesterFn: requester(settings) });
}

/** GitLab's documented errors as a PublishError: 5xx and 429 retry; 401/403/404/409/422 do not. */
export function gitlabError(error: unknown, doing: string): PublishError {
  if (error instanceof GitbeakerRequestError) {
    const cause = error.cause as { description?: string; response?: Response } | undefined;
    const status = cause?.response?.status ?? 0;
    const what = status === 401 ? "the token was rejected" : status === 403 ? "the token may not do this" : status === 404 ? "the project was not found, or the token cannot see it" : `HTTP ${status}`;
    return new PublishError(`GitLab refused ${doing} (${what})${cause?.description ? `: ${cause.description}` : ""}`, status >= 500 || status === 429);
  }
  return new PublishError(`GitLab could not be reached while ${doing}: ${(error as Error).message ?? String(error)}`, !isRefusedAddress(error));
}

export const gitlabMergeRequests: PullRequestProvider = {
  async openOrUpdate(api, repository, draft: PullRequestDraft, settings) {
    const gitlab = client(api, settings);
    try {
      const open = (await gitlab.MergeRequests.all({ projectId: repository, sourceBranch: draft.head, state: "opened", perPage: 1, maxPages: 1 })) as unknown as { iid: number; web_url: string }[];
      if (open[0]) {
        const updated = (await gitlab.MergeRequests.edit(repository, open[0].iid, { title: draft.title, description: draft.body })) as unknown as { iid: number; web_url: string };
        return { number: updated.iid, url: updated.web_url };
      }
      const created = (await gitlab.MergeRequests.create(repository, draft.head, draft.base, draft.title, { description: draft.body, removeSourceBranch: false })) as unknown as { iid: number; web_url: string };
      return { number: created.iid, url: created.web_url };
    } catch (error) {
      throw gitlabError(error, "the merge request");
    }
  },

  async state(api, repository, number, settings): Promise<PullRequestState> {
    try {
      const mr = (await client(api, settings).MergeRequests.show(repository, number)) as unknown as { state: string };
      return mr.state === "merged" ? "merged" : mr.state === "closed" || mr.state === "locked" ? "closed" : "open";
    } catch (error) {
      throw gitlabError(error, "reading the merge request");
    }
  },

  async checkPushPermission(api, repository, settings) {
    try {
      const project = (await client(api, settings).Projects.show(repository)) as unknown as {
        path_with_namespace: string;
        permissions?: { project_access?: { access_level: number } | null; group_access?: { access_level: number } | null };
      };
      const level = Math.max(project.permissions?.project_access?.access_level ?? 0, project.permissions?.group_access?.access_level ?? 0);
      const ok = level >= DEVELOPER;
      return { ok, detail: ok ? `The token may push to ${project.path_with_namespace} (access level ${level})` : `The token's access level on ${project.path_with_namespace} is ${level}; pushing needs Developer (30) or higher` };
    } catch (error) {
      return { ok: false, detail: gitlabError(error, "reading the project").message };
    }
  },
};
