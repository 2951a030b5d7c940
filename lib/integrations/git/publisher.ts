// The Git publisher: the artifacts domain's Publisher port over smart HTTP with isomorphic-git (pure
// JavaScript: no git binary needed beside the portal). One publication works in a fresh temporary bare
// repository: fetch the default branch (and the portal branch if it exists), merge the directory file by
// file (./three-way.ts), write blobs, trees and one commit, push it as a fast-forward (never a force push),
// then open or update the pull request through the provider adapter. See ADR 016 for the merge model.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import git, { Errors, type HttpClient, type TreeEntry } from "isomorphic-git";
import {
  PublishError,
  type ConnectionReport,
  type ConnectionSettings,
  type MergeOutcome,
  type ProviderKind,
  type PublishInput,
  type PublishResult,
  type Publisher,
  type PullRequestState,
  type RepositoryTarget,
} from "@/lib/artifacts/publisher";
import { scrubSecrets } from "@/lib/artifacts/scrub";
import { guardedGitHttp, GitTransportError } from "@/lib/integrations/git/http-client";
import { repositoryPathOf, type PullRequestProvider } from "@/lib/integrations/git/pull-request-provider";
import { mergeDirectory } from "@/lib/integrations/git/three-way";

/** Commits fetched per branch: enough to tell whether the portal branch was merged into the default branch. */
const FETCH_DEPTH = 50;
const PUBLICATION_TRAILER = "Portal-Publication";

type Cache = Record<string, unknown>;

interface Session {
  gitdir: string;
  http: HttpClient;
  cache: Cache;
  url: string;
  onAuth: () => { username: string; password: string } | { cancel: true };
  messages: string[];
}

const secretsOf = (target: RepositoryTarget) => [target.credentials?.password, target.provider?.token];
const scrub = (target: RepositoryTarget, text: string) => scrubSecrets(text, secretsOf(target), [target.credentials?.username]);

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE", "ENOTFOUND", "UND_ERR_SOCKET"]);

/** Turns whatever Git or the network threw into a PublishError with a readable, credential-free message. */
export function classifyGitError(error: unknown, target: RepositoryTarget, messages: string[] = []): PublishError {
  if (error instanceof PublishError) return new PublishError(scrub(target, error.message), error.retryable);
  const remote = messages.map((line) => line.trim()).filter(Boolean);
  const said = remote.length ? ` The server said: ${remote.join(" / ")}` : "";
  const err = error as { code?: string; message?: string; data?: Record<string, unknown> };
  const host = (() => {
    try {
      return new URL(target.cloneUrl).host;
    } catch {
      return "the Git server";
    }
  })();
  let message: string;
  let retryable = false;
  if (error instanceof Errors.HttpError) {
    const status = Number(err.data?.statusCode ?? 0);
    if (status === 401) message = `Authentication failed at ${host} (HTTP 401): check the repository's credentials`;
    else if (status === 403) message = `Access denied at ${host} (HTTP 403): the credentials may not push to this repository`;
    else if (status === 404) message = `Repository not found at ${host} (HTTP 404): check the clone URL and that the credentials can see it`;
    else {
      message = `The Git server answered HTTP ${status} ${String(err.data?.statusMessage ?? "")}`.trim();
      retryable = status >= 500 || status === 429 || status === 408;
    }
  } else if (error instanceof Errors.GitPushError) {
    const result = err.data?.result as { refs?: Record<string, { ok: boolean; error?: string }> } | undefined;
    const reasons = Object.entries(result?.refs ?? {})
      .filter(([, ref]) => !ref.ok)
      .map(([ref, value]) => `${ref}: ${value.error ?? "rejected"}`);
    message = `The push was rejected (${reasons.join("; ") || "refused"}).${said}`;
  } else if (error instanceof Errors.PushRejectedError) {
    // Someone pushed to the portal branch between our fetch and our push: the next attempt merges that too.
    message = `The branch moved while publishing (${String(err.data?.reason ?? "rejected")}); it will be merged again on the next attempt`;
    retryable = true;
  } else if (error instanceof Errors.UserCanceledError) {
    message = `Authentication failed at ${host}: check the repository's credentials`;
  } else if (error instanceof GitTransportError) {
    message = error.message;
    retryable = error.code === "ETIMEDOUT";
  } else if (err.code === "EREFUSEDADDRESS") {
    message = `${err.message} (set WEBHOOK_ALLOW_PRIVATE=true for an on-premises Git server)`;
  } else if (err.code && NETWORK_CODES.has(err.code)) {
    message = `Could not reach ${host} (${err.code})`;
    retryable = true;
  } else if (error instanceof Errors.NotFoundError) {
    message = `Not found in the repository: ${err.message}`;
  } else if (error instanceof Errors.SmartHttpError || error instanceof Errors.EmptyServerResponseError) {
    message = `${host} did not answer as a Git smart-HTTP server: ${err.message}`;
    retryable = true;
  } else {
    message = `Git failed: ${err.message ?? String(error)}`;
  }
  return new PublishError(scrub(target, `${message}${error instanceof Errors.GitPushError ? "" : said}`.slice(0, 2_000)), retryable);
}

async function withSession<T>(target: RepositoryTarget, settings: ConnectionSettings, work: (session: Session) => Promise<T>): Promise<T> {
  const gitdir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "portal-publish-"));
  const session: Session = {
    gitdir,
    http: guardedGitHttp(settings),
    cache: {},
    url: target.cloneUrl,
    // Answering `cancel` when credentials are refused stops isomorphic-git asking again.
    onAuth: () => target.credentials ?? { cancel: true },
    messages: [],
  };
  try {
    await git.init({ fs, gitdir, bare: true, defaultBranch: target.defaultBranch });
    await git.addRemote({ fs, gitdir, remote: "origin", url: target.cloneUrl });
    return await work(session);
  } catch (error) {
    // Let the server's sideband lines ("remote: …") arrive before they are quoted.
    await new Promise((resolve) => setImmediate(resolve));
    throw classifyGitError(error, target, session.messages);
  } finally {
    await fs.promises.rm(gitdir, { recursive: true, force: true });
  }
}

/** The remote's branches, by full name below refs/heads/ (e.g. "portal/checkout-k3x9q2"). */
async function remoteHeads(http: HttpClient, url: string, onAuth: Session["onAuth"]): Promise<Map<string, string>> {
  const refs = await git.listServerRefs({ http, url, onAuth, prefix: "refs/heads/", protocolVersion: 1 });
  return new Map(refs.map((ref) => [ref.ref.replace(/^refs\/heads\//, ""), ref.oid]));
}

async function fetchBranch(session: Session, branch: string): Promise<void> {
  await git.fetch({
    fs,
    http: session.http,
    gitdir: session.gitdir,
    cache: session.cache,
    url: session.url,
    remote: "origin",
    ref: branch,
    remoteRef: branch,
    singleBranch: true,
    depth: FETCH_DEPTH,
    tags: false,
    onAuth: session.onAuth,
  });
}

/** The files below `directory` in `commit` (path → UTF-8 text), empty when the directory is not there. */
async function readDirectory(session: Session, commit: string, directory: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let root;
  try {
    root = await git.readTree({ fs, gitdir: session.gitdir, cache: session.cache, oid: commit, filepath: directory });
  } catch (error) {
    if (error instanceof Errors.NotFoundError || (error as { code?: string }).code === "ObjectTypeError") return files;
    throw error;
  }
  const walk = async (entries: TreeEntry[], prefix: string): Promise<void> => {
    for (const entry of entries) {
      const name = prefix ? `${prefix}/${entry.path}` : entry.path;
      if (entry.type === "tree") await walk((await git.readTree({ fs, gitdir: session.gitdir, cache: session.cache, oid: entry.oid })).tree, name);
      else if (entry.type === "blob") {
        const { blob } = await git.readBlob({ fs, gitdir: session.gitdir, cache: session.cache, oid: entry.oid });
        files.set(name, Buffer.from(blob).toString("utf8"));
      }
    }
  };
  await walk(root.tree, "");
  return files;
}

async function commitOf(session: Session, oid: string) {
  return (await git.readCommit({ fs, gitdir: session.gitdir, cache: session.cache, oid })).commit;
}

async function isAncestor(session: Session, ancestor: string, of: string): Promise<boolean> {
  if (ancestor === of) return true;
  try {
    return await git.isDescendent({ fs, gitdir: session.gitdir, cache: session.cache, oid: of, ancestor, depth: FETCH_DEPTH * 2 });
  } catch {
    // A shallow history that ends before the answer: treat as "not merged" (the commit then gets both parents).
    return false;
  }
}

/** Writes `files` (relative paths) as a tree; null for none. */
async function writeFilesTree(session: Session, files: Map<string, string>): Promise<string | null> {
  type Node = { files: Map<string, string>; dirs: Map<string, Node> };
  const rootNode: Node = { files: new Map(), dirs: new Map() };
  for (const [file, content] of files) {
    const parts = file.split("/");
    let node = rootNode;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part)) node.dirs.set(part, { files: new Map(), dirs: new Map() });
      node = node.dirs.get(part)!;
    }
    node.files.set(parts.at(-1)!, content);
  }
  const write = async (node: Node): Promise<string | null> => {
    const entries: TreeEntry[] = [];
    for (const [name, content] of node.files) {
      const oid = await git.writeBlob({ fs, gitdir: session.gitdir, blob: Buffer.from(content, "utf8") });
      entries.push({ mode: "100644", path: name, oid, type: "blob" });
    }
    for (const [name, child] of node.dirs) {
      const oid = await write(child);
      if (oid) entries.push({ mode: "040000", path: name, oid, type: "tree" });
    }
    if (entries.length === 0) return null;
    return git.writeTree({ fs, gitdir: session.gitdir, tree: entries });
  };
  return write(rootNode);
}

/** `rootTree` with the subtree at `directory` replaced by `subtree` (removed when null). */
async function spliceTree(session: Session, rootTree: string, directory: string, subtree: string | null): Promise<string> {
  const parts = directory.split("/").filter(Boolean);
  const replace = async (treeOid: string | null, depth: number): Promise<string | null> => {
    const entries: TreeEntry[] = treeOid ? (await git.readTree({ fs, gitdir: session.gitdir, cache: session.cache, oid: treeOid })).tree : [];
    const name = parts[depth];
    const existing = entries.find((entry) => entry.path === name);
    const child = depth === parts.length - 1 ? subtree : await replace(existing?.type === "tree" ? existing.oid : null, depth + 1);
    const rest = entries.filter((entry) => entry.path !== name);
    if (child) rest.push({ mode: "040000", path: name, oid: child, type: "tree" });
    if (rest.length === 0) return null;
    return git.writeTree({ fs, gitdir: session.gitdir, tree: rest });
  };
  return (await replace(rootTree, 0)) ?? (await git.writeTree({ fs, gitdir: session.gitdir, tree: [] }));
}

export function createGitPublisher(providers: Record<ProviderKind, PullRequestProvider>): Publisher {
  async function openPullRequest(input: PublishInput, outcome: MergeOutcome, settings: ConnectionSettings) {
    const { provider } = input.target;
    if (!provider) return null;
    return providers[provider.kind].openOrUpdate(
      { apiUrl: provider.apiUrl, token: provider.token },
      repositoryPathOf(input.target.cloneUrl),
      { head: input.branch, base: input.target.defaultBranch, title: input.pullRequest.title, body: input.pullRequest.body(outcome) },
      settings,
    );
  }

  return {
    async publish(input, settings): Promise<PublishResult> {
      const { target } = input;
      const directory = input.directory.replace(/^\/+|\/+$/g, "");
      const labels = { ours: `portal (${input.branch})`, theirs: `repository` };
      const pushed = await withSession(target, settings, async (session) => {
        const heads = await remoteHeads(session.http, session.url, session.onAuth);
        const defaultTip = heads.get(target.defaultBranch);
        if (!defaultTip) throw new PublishError(`The default branch "${target.defaultBranch}" does not exist in the repository`, false);
        await fetchBranch(session, target.defaultBranch);
        const branchTip = heads.get(input.branch) ?? null;
        if (branchTip) await fetchBranch(session, input.branch);
        const base = input.previous ? new Map(input.previous.files.map((file) => [file.path, file.content])) : null;
        const ours = new Map(input.files.map((file) => [file.path, file.content]));

        // A retry after a crash between push and record: the branch already holds this publication's commit.
        if (branchTip) {
          const tip = await commitOf(session, branchTip);
          if (tip.message.includes(`${PUBLICATION_TRAILER}: ${input.publicationId}`)) {
            const theirsCommit = tip.parent.length === 2 ? tip.parent[1] : tip.parent[0];
            const theirs = theirsCommit ? await readDirectory(session, theirsCommit, directory) : new Map<string, string>();
            const result = mergeDirectory(base, ours, theirs, labels);
            const { files: _files, ...report } = result;
            void _files;
            return { commitSha: branchTip, pushed: false, outcome: { theirs: tip.parent.length === 2 || theirsCommit === defaultTip ? "default-branch" : "portal-branch", ...report } as MergeOutcome };
          }
        }

        // Which side is "theirs" (ADR 016): the portal branch while its pull request is open and not yet in
        // the default branch (people review and fix there); otherwise the default branch as it is now.
        const branchMerged = branchTip ? await isAncestor(session, branchTip, defaultTip) : false;
        const useBranch = branchTip !== null && !branchMerged && !(input.previous?.finished ?? false);
        const theirsCommit = useBranch ? branchTip! : defaultTip;
        // The new commit descends from the branch tip (a fast-forward, never a force push) and, when the
        // default branch is "theirs", from it too, so the pull request shows only the portal's changes.
        const parents = !branchTip || branchMerged ? [defaultTip] : useBranch ? [branchTip] : [branchTip, defaultTip];

        const theirs = await readDirectory(session, theirsCommit, directory);
        const merged = mergeDirectory(base, ours, theirs, labels);
        const { files, ...report } = merged;
        for (const owned of input.ownedFiles) files.set(owned.path, owned.content);
        const outcome: MergeOutcome = { theirs: useBranch ? "portal-branch" : "default-branch", ...report };

        const theirsRoot = (await commitOf(session, theirsCommit)).tree;
        const tree = await spliceTree(session, theirsRoot, directory, await writeFilesTree(session, files));
        if (branchTip && tree === (await commitOf(session, branchTip)).tree) {
          return { commitSha: branchTip, pushed: false, outcome };
        }
        const when = { name: input.commit.authorName, email: input.commit.authorEmail, timestamp: Math.floor(input.commit.time.getTime() / 1000), timezoneOffset: 0 };
        const commitSha = await git.writeCommit({
          fs,
          gitdir: session.gitdir,
          commit: { message: `${input.commit.message.trimEnd()}\n\n${PUBLICATION_TRAILER}: ${input.publicationId}\n`, tree, parent: parents, author: when, committer: when },
        });
        await git.writeRef({ fs, gitdir: session.gitdir, ref: `refs/heads/${input.branch}`, value: commitSha, force: true });
        // Lets the push leave out every object the default branch already has (a thin pack).
        await git.writeRef({ fs, gitdir: session.gitdir, ref: "refs/remotes/origin/HEAD", value: `refs/remotes/origin/${target.defaultBranch}`, symbolic: true, force: true });
        await git.push({
          fs,
          http: session.http,
          gitdir: session.gitdir,
          cache: session.cache,
          url: session.url,
          remote: "origin",
          ref: input.branch,
          remoteRef: input.branch,
          force: false,
          onAuth: session.onAuth,
          onMessage: (line) => {
            session.messages.push(line);
          },
        });
        return { commitSha, pushed: true, outcome };
      });
      let pullRequest: PublishResult["pullRequest"] = null;
      try {
        pullRequest = await openPullRequest(input, pushed.outcome, settings);
      } catch (error) {
        throw classifyGitError(error, target);
      }
      return { branch: input.branch, commitSha: pushed.commitSha, pushed: pushed.pushed, outcome: pushed.outcome, pullRequest };
    },

    async testConnection(target, settings): Promise<ConnectionReport> {
      const checks: ConnectionReport["checks"] = [];
      const http = guardedGitHttp(settings);
      const onAuth = () => target.credentials ?? { cancel: true as const };
      try {
        const heads = await remoteHeads(http, target.cloneUrl, onAuth);
        checks.push({ name: "Read", ok: true, detail: `Reached ${new URL(target.cloneUrl).host}; ${heads.size} branch${heads.size === 1 ? "" : "es"}` });
        const hasDefault = heads.has(target.defaultBranch);
        checks.push({ name: "Default branch", ok: hasDefault, detail: hasDefault ? `"${target.defaultBranch}" exists` : `"${target.defaultBranch}" does not exist` });
      } catch (error) {
        checks.push({ name: "Read", ok: false, detail: classifyGitError(error, target).message });
        return { ok: false, checks };
      }
      try {
        // The receive-pack advertisement: the server checks push rights before it lists refs; nothing is sent.
        await git.getRemoteInfo({ http, url: target.cloneUrl, onAuth, forPush: true });
        checks.push({ name: "Push", ok: true, detail: "The server accepts pushes with these credentials" });
      } catch (error) {
        checks.push({ name: "Push", ok: false, detail: classifyGitError(error, target).message });
      }
      if (target.provider) {
        const label = { GITHUB: "GitHub", GITLAB: "GitLab", GITEA: "Gitea" }[target.provider.kind];
        try {
          const permission = await providers[target.provider.kind].checkPushPermission(
            { apiUrl: target.provider.apiUrl, token: target.provider.token },
            repositoryPathOf(target.cloneUrl),
            settings,
          );
          checks.push({ name: `${label} API`, ok: permission.ok, detail: scrub(target, permission.detail) });
        } catch (error) {
          checks.push({ name: `${label} API`, ok: false, detail: classifyGitError(error, target).message });
        }
      }
      return { ok: checks.every((check) => check.ok), checks };
    },

    async pullRequestState(target, number, settings): Promise<PullRequestState> {
      if (!target.provider) throw new PublishError("This repository has no provider API configured", false);
      try {
        return await providers[target.provider.kind].state({ apiUrl: target.provider.apiUrl, token: target.provider.token }, repositoryPathOf(target.cloneUrl), number, settings);
      } catch (error) {
        throw classifyGitError(error, target);
      }
    },
  };
}
