// What the Git publisher needs of a provider's API (GitHub, GitLab, Gitea/Forgejo): open a pull request
// for a branch or update the one already open, read one's state, and check push permission. Each adapter
// (lib/integrations/{github,gitlab,gitea}/) maps its documented requests, answers and errors onto this.
import type { ConnectionSettings, PullRequestState } from "@/lib/artifacts/publisher";

export interface ProviderApi {
  /** The API's base URL, e.g. https://api.github.com, https://gitlab.example.com/api/v4, https://gitea.example.com/api/v1. */
  apiUrl: string;
  token: string;
}

/** The repository as the provider names it: "owner/name" (GitHub, Gitea) or "group/subgroup/project" (GitLab). */
export type RepositoryPath = string;

export interface PullRequestDraft {
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface PullRequestProvider {
  /** Opens a pull request from `head` into `base`, or updates the title and description of the one already open. */
  openOrUpdate(api: ProviderApi, repository: RepositoryPath, draft: PullRequestDraft, settings: ConnectionSettings): Promise<{ number: number; url: string }>;
  state(api: ProviderApi, repository: RepositoryPath, number: number, settings: ConnectionSettings): Promise<PullRequestState>;
  /** Whether the token may push to the repository (read-only: nothing is written). */
  checkPushPermission(api: ProviderApi, repository: RepositoryPath, settings: ConnectionSettings): Promise<{ ok: boolean; detail: string }>;
}

/** "owner/repo" from https://host/owner/repo.git (and any deeper GitLab group path). */
export function repositoryPathOf(cloneUrl: string): RepositoryPath {
  return new URL(cloneUrl).pathname.replace(/^\/+/, "").replace(/\/+$/, "").replace(/\.git$/, "");
}
