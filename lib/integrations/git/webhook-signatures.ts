// Verifying a provider's pull request webhook and reading what it says, per provider, as each documents it:
// GitHub signs the raw body with HMAC-SHA256 in X-Hub-Signature-256 ("sha256=<hex>"); Gitea and Forgejo
// send the bare hex HMAC-SHA256 in X-Gitea-Signature (Forgejo also X-Forgejo-Signature); GitLab sends the
// secret itself in X-Gitlab-Token. Comparisons are constant-time, over the exact bytes received. Pure.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { PullRequestState } from "@/lib/artifacts/publisher";
import type { GitProviderValue } from "@/lib/artifacts/repository-schema";

export type HeaderReader = (name: string) => string | null;

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export const hmacHex = (secret: string, body: Buffer) => createHmac("sha256", secret).update(body).digest("hex");

export function verifyProviderSignature(provider: GitProviderValue, secret: string, header: HeaderReader, body: Buffer): boolean {
  if (provider === "GITHUB") {
    const signature = header("x-hub-signature-256") ?? "";
    return signature.startsWith("sha256=") && sameText(signature.slice(7).toLowerCase(), hmacHex(secret, body));
  }
  if (provider === "GITEA") {
    const signature = header("x-forgejo-signature") ?? header("x-gitea-signature") ?? "";
    return signature.length > 0 && sameText(signature.toLowerCase(), hmacHex(secret, body));
  }
  if (provider === "GITLAB") {
    const token = header("x-gitlab-token");
    return token !== null && sameText(token, secret);
  }
  return false;
}

export interface ProviderPullRequestEvent {
  number: number;
  branch: string | null;
  state: PullRequestState;
}

type Json = Record<string, unknown>;
/** A branch name as the portal writes them; anything else (NUL, odd bytes) is not one of ours. */
const branchName = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9._/-]{1,250}$/.test(value) ? value : null);
const object = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});

/**
 * The pull request state change a verified delivery announces, or null for anything else (a ping, a push,
 * a label change on an open pull request…).
 */
export function readPullRequestEvent(provider: GitProviderValue, header: HeaderReader, payload: unknown): ProviderPullRequestEvent | null {
  const body = object(payload);
  if (provider === "GITHUB" || provider === "GITEA") {
    const event = provider === "GITHUB" ? header("x-github-event") : (header("x-forgejo-event") ?? header("x-gitea-event"));
    if (event !== "pull_request") return null;
    const pull = object(body.pull_request);
    const number = Number(body.number ?? pull.number);
    if (!Number.isInteger(number) || number <= 0) return null;
    const branch = branchName(object(pull.head).ref);
    if (body.action === "closed") return { number, branch, state: pull.merged === true ? "merged" : "closed" };
    if (body.action === "reopened") return { number, branch, state: "open" };
    return null;
  }
  if (provider === "GITLAB") {
    if (header("x-gitlab-event") !== "Merge Request Hook" && body.object_kind !== "merge_request") return null;
    const attributes = object(body.object_attributes);
    const number = Number(attributes.iid);
    if (!Number.isInteger(number) || number <= 0) return null;
    const branch = branchName(attributes.source_branch);
    if (attributes.action === "merge" || attributes.state === "merged") return { number, branch, state: "merged" };
    if (attributes.action === "close" || attributes.state === "closed") return { number, branch, state: "closed" };
    if (attributes.action === "reopen") return { number, branch, state: "open" };
    return null;
  }
  return null;
}
