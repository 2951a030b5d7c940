// The port the artifacts domain owns for Git delivery: put a revision's files on a branch of a team's
// repository (merging them with what people changed there since the last publication), open or update its
// pull request, and read pull requests' states back. Adapters implement it in lib/integrations/git/ (smart
// HTTP with isomorphic-git) and lib/integrations/{github,gitlab,gitea}/ (pull requests); lib/integrations/
// registry.ts wires them. Nothing here knows Git, HTTP or a provider's API.

export type ProviderKind = "GITHUB" | "GITLAB" | "GITEA";

/** One text file, its path relative to the publication's directory. */
export interface PublishFile {
  path: string;
  content: string;
}

/** Where to publish, secrets already decrypted (they never leave the worker or the test-connection call). */
export interface RepositoryTarget {
  cloneUrl: string;
  defaultBranch: string;
  /** HTTP basic credentials for Git (a token goes in `password`); null: anonymous. */
  credentials: { username: string; password: string } | null;
  /** The provider API for pull requests; null: branches only. */
  provider: { kind: ProviderKind; apiUrl: string; token: string } | null;
}

export interface ConnectionSettings {
  /** Each network step's time limit. */
  timeoutMs: number;
  /** Allow loopback and private addresses (on-premises Git servers, the tests). */
  allowPrivate: boolean;
}

export interface PreviousPublication {
  branch: string;
  commitSha: string;
  /** What the portal generated for that publication (the merge base), from the immutable artifact store. */
  files: PublishFile[];
  /** The previous pull request is merged or closed: its branch is history, the default branch is "theirs". */
  finished: boolean;
}

export type ConflictKind = "content" | "both-added" | "deleted-in-repository";

export interface MergeConflict {
  /** Relative to the publication's directory. */
  path: string;
  kind: ConflictKind;
}

export interface MergeOutcome {
  /** Where "theirs" came from: the default branch, or the portal branch of a pull request still open. */
  theirs: "default-branch" | "portal-branch";
  added: string[];
  updated: string[];
  /** Updated by the portal and merged cleanly with edits people made. */
  merged: string[];
  deleted: string[];
  /** Edited in the repository and left as people left them (the portal did not change them, or dropped them). */
  keptEdits: string[];
  conflicts: MergeConflict[];
}

export interface PublishInput {
  /** Written into the commit message as a trailer, so a retry after a crash recognises its own push. */
  publicationId: string;
  target: RepositoryTarget;
  branch: string;
  /** The rendered path template: a relative directory inside the repository. */
  directory: string;
  /** The revision's files ("ours"), relative to `directory`. */
  files: PublishFile[];
  /** Files the portal owns outright (`.portal/request.json`): written as given, never merged. */
  ownedFiles: PublishFile[];
  previous: PreviousPublication | null;
  commit: { message: string; authorName: string; authorEmail: string; time: Date };
  pullRequest: { title: string; body: (outcome: MergeOutcome) => string };
}

export interface PublishResult {
  branch: string;
  commitSha: string;
  /** False when the branch already held exactly this (a retry after a crash, or nothing changed). */
  pushed: boolean;
  outcome: MergeOutcome;
  pullRequest: { number: number; url: string } | null;
}

export type PullRequestState = "open" | "merged" | "closed";

export interface ConnectionReport {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
}

/**
 * A failure the worker records on the publication. `retryable`: a network error, a timeout or a 5xx, which
 * may pass; an authentication failure, a missing repository or branch, a protected branch or a hook that
 * rejects the push will not change by trying again.
 */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "PublishError";
  }
}

export interface Publisher {
  publish(input: PublishInput, settings: ConnectionSettings): Promise<PublishResult>;
  /** Read and push rights, checked without writing anything. */
  testConnection(target: RepositoryTarget, settings: ConnectionSettings): Promise<ConnectionReport>;
  pullRequestState(target: RepositoryTarget, number: number, settings: ConnectionSettings): Promise<PullRequestState>;
}
