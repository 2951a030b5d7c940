// Git repositories of a team and publishing input: shared by Settings → Repositories, its server actions,
// the API and the worker. Also the pure rules of where a request's files go: the path template (no "..",
// not absolute, the rendered path stays inside the repository), the request slug and the branch name.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { slugify } from "@/lib/teams/schema";

export const gitProviders = ["NONE", "GITHUB", "GITLAB", "GITEA"] as const;
export type GitProviderValue = (typeof gitProviders)[number];
export const gitAuthKinds = ["NONE", "TOKEN", "BASIC"] as const;
export type GitAuthKindValue = (typeof gitAuthKinds)[number];

export const providerLabels: Record<GitProviderValue, string> = {
  NONE: "None (branches only)",
  GITHUB: "GitHub or GitHub Enterprise",
  GITLAB: "GitLab",
  GITEA: "Gitea or Forgejo",
};

export const publicationStates = ["QUEUED", "PUSHING", "OPEN", "MERGED", "CLOSED", "FAILED"] as const;
export type PublicationStateValue = (typeof publicationStates)[number];
export const activePublicationStates: readonly PublicationStateValue[] = ["QUEUED", "PUSHING"];

export const publicationStateLabels: Record<PublicationStateValue, string> = {
  QUEUED: "Queued",
  PUSHING: "Pushing",
  OPEN: "Open",
  MERGED: "Merged",
  CLOSED: "Closed",
  FAILED: "Failed",
};

/** The placeholders a path template may use. */
export const pathPlaceholders = ["role", "request-slug", "request-id", "team"] as const;
export const DEFAULT_PATH_TEMPLATE = "infra/{role}/{request-slug}";

const SSH_URL = /^(?:ssh:\/\/|git\+ssh:\/\/|[\w.-]+@[\w.-]+:)/i;

/** Why a path (template or rendered) is not a safe relative directory inside a repository, or null. */
export function pathProblem(path: string): string | null {
  if (path.length === 0) return "Enter a path, e.g. infra/{role}/{request-slug}";
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path)) return "Use a path relative to the repository root, not an absolute one";
  if (path.includes("\\")) return "Use forward slashes (/) between folders";
  const segments = path.replace(/\/+$/, "").split("/");
  if (segments.some((segment) => segment === "")) return "A path has no empty folder names (//)";
  if (segments.some((segment) => segment === "..")) return 'A path may not contain ".." (it must stay inside the repository)';
  if (segments.some((segment) => segment === ".")) return 'A path may not contain "." folders';
  if (segments.some((segment) => segment.toLowerCase() === ".git")) return "A path may not write into .git";
  if (/[\u0000-\u001f\u007f]/.test(path)) return "A path may not contain control characters";
  return null;
}

export const pathTemplateSchema = text()
  .trim()
  .max(200, "Use at most 200 characters")
  .superRefine((template, context) => {
    const problem = pathProblem(template);
    if (problem) return context.addIssue({ code: "custom", message: problem });
    const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]).filter((name) => !(pathPlaceholders as readonly string[]).includes(name));
    if (unknown.length) context.addIssue({ code: "custom", message: `Unknown placeholder {${unknown[0]}}; use ${pathPlaceholders.map((name) => `{${name}}`).join(", ")}` });
    else if (/[{}]/.test(template.replace(/\{[a-z-]+\}/g, ""))) context.addIssue({ code: "custom", message: "Unbalanced { or }" });
    else if (!template.includes("{request-slug}") && !template.includes("{request-id}"))
      context.addIssue({ code: "custom", message: "Include {request-slug} or {request-id}, so that each request gets a folder of its own" });
  });

/** A branch name git accepts (a safe subset of `git check-ref-format --branch`). */
export function branchProblem(name: string): string | null {
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return "Use letters, digits, '.', '_', '-' and '/' only";
  if (name.startsWith("/") || name.endsWith("/") || name.startsWith("-") || name.includes("//")) return "Not a valid branch name";
  if (name.includes("..") || name.endsWith(".lock") || name.endsWith(".") || name.split("/").some((part) => part.startsWith("."))) return "Not a valid branch name";
  return null;
}

const branchSchema = text()
  .trim()
  .min(1, "Enter the default branch, e.g. main")
  .max(200)
  .superRefine((name, context) => {
    const problem = branchProblem(name);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const cloneUrlSchema = text()
  .trim()
  .min(1, "Enter the repository's clone URL")
  .max(2_000, "Use at most 2,000 characters")
  .superRefine((value, context) => {
    if (SSH_URL.test(value)) {
      context.addIssue({
        code: "custom",
        message: "SSH clone URLs are not supported: the portal speaks Git over HTTPS only (isomorphic-git has no SSH transport). Use the HTTPS clone URL with a token.",
      });
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "Enter the HTTPS clone URL, e.g. https://github.com/acme/infra.git" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") context.addIssue({ code: "custom", message: "Enter the HTTPS clone URL, e.g. https://github.com/acme/infra.git" });
    else if (url.username || url.password) context.addIssue({ code: "custom", message: "Put credentials in the credentials fields, not in the URL" });
    else if (url.search || url.hash) context.addIssue({ code: "custom", message: "A clone URL has no query or fragment" });
    else if (url.pathname.replace(/\/+$/, "").length <= 1) context.addIssue({ code: "custom", message: "The URL names no repository (e.g. https://host/owner/repo.git)" });
  });

const optionalUrl = text()
  .trim()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "Enter an http(s) URL, e.g. https://ghe.example.com/api/v3");

const secret = (label: string) => text().min(1, `Enter the ${label}`).max(2_000, "Use at most 2,000 characters");

export const authSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("NONE") }),
    z.object({ kind: z.literal("TOKEN"), token: secret("token"), username: text().trim().max(200).optional() }),
    z.object({ kind: z.literal("BASIC"), username: text().trim().min(1, "Enter the username").max(200), password: secret("password") }),
  ],
  { error: "Choose how the portal signs in: NONE, TOKEN or BASIC" },
);
export type AuthInput = z.input<typeof authSchema>;

const webhookSecret = text().min(16, "Use at least 16 characters").max(200, "Use at most 200 characters");

const name = text().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters");

function checkProvider(input: { provider?: GitProviderValue; auth?: { kind: string }; apiUrl?: string | null; cloneUrl?: string }, context: z.RefinementCtx) {
  if (!input.provider || input.provider === "NONE") {
    return;
  }
  if (input.auth && input.auth.kind !== "TOKEN") context.addIssue({ code: "custom", path: ["auth", "kind"], message: "Pull requests need an API token: choose token sign-in" });
  if (input.provider === "GITHUB" && !input.apiUrl && input.cloneUrl) {
    try {
      if (new URL(input.cloneUrl).hostname !== "github.com") context.addIssue({ code: "custom", path: ["apiUrl"], message: "Enter your GitHub Enterprise API URL, e.g. https://ghe.example.com/api/v3" });
    } catch {
      // The clone URL's own issue says it.
    }
  }
}

export const createRepositorySchema = z
  .object({
    name,
    cloneUrl: cloneUrlSchema,
    defaultBranch: branchSchema.default("main"),
    pathTemplate: pathTemplateSchema.default(DEFAULT_PATH_TEMPLATE),
    auth: authSchema,
    provider: z.enum(gitProviders, { error: "Choose NONE, GITHUB, GITLAB or GITEA" }).default("NONE"),
    apiUrl: optionalUrl.nullish(),
    webhookSecret: webhookSecret.nullish(),
  })
  .superRefine(checkProvider);
export type CreateRepositoryInput = z.input<typeof createRepositorySchema>;

export const updateRepositorySchema = z
  .object({
    version: z.number({ error: "Send the version you edited" }).int().min(1),
    name: name.optional(),
    cloneUrl: cloneUrlSchema.optional(),
    defaultBranch: branchSchema.optional(),
    pathTemplate: pathTemplateSchema.optional(),
    /** Omitted: the stored credentials stay. */
    auth: authSchema.optional(),
    provider: z.enum(gitProviders).optional(),
    apiUrl: optionalUrl.nullish(),
    /** null removes it (state then comes from polling); omitted keeps it. */
    webhookSecret: webhookSecret.nullish(),
  })
  .superRefine(checkProvider);
export type UpdateRepositoryInput = z.input<typeof updateRepositorySchema>;

export const publishSchema = z.object({
  repositoryId: text().min(1, "Choose a repository").max(100),
});
export type PublishRequestInput = z.input<typeof publishSchema>;

export const autoPublishSchema = z.object({
  rules: z
    .array(z.object({ role: text().min(1).max(100), repositoryId: text().min(1).max(100) }))
    .max(50)
    .superRefine((rules, context) => {
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        if (seen.has(rule.role)) context.addIssue({ code: "custom", path: [index, "role"], message: "Each role once" });
        seen.add(rule.role);
      });
    }),
});
export type AutoPublishInput = z.input<typeof autoPublishSchema>;

/** The provider API's base URL: the one given, or the provider's usual one for the clone URL's host. */
export function defaultApiUrl(provider: GitProviderValue, cloneUrl: string): string | null {
  if (provider === "NONE") return null;
  const url = new URL(cloneUrl);
  if (provider === "GITHUB") return url.hostname === "github.com" ? "https://api.github.com" : `${url.origin}/api/v3`;
  if (provider === "GITLAB") return `${url.origin}/api/v4`;
  return `${url.origin}/api/v1`;
}

/** "checkout-network-k3x9q2": the request's title as a slug, and the end of its id so two titles never collide. */
export function requestSlug(title: string, id: string): string {
  return `${slugify(title) || "request"}-${id.slice(-6).toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

export function publicationBranch(slug: string): string {
  return `portal/${slug}`;
}

/** The template with its placeholders filled, checked again: what is rendered must stay inside the repository. */
export function renderPathTemplate(template: string, values: { role: string; requestSlug: string; requestId: string; team: string }): string {
  const safe = (value: string) => value.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[.-]+/, "") || "x";
  const rendered = template
    .replaceAll("{role}", safe(values.role))
    .replaceAll("{request-slug}", safe(values.requestSlug))
    .replaceAll("{request-id}", safe(values.requestId))
    .replaceAll("{team}", safe(values.team))
    .replace(/\/+$/, "");
  const problem = pathProblem(rendered);
  if (problem) throw new Error(`The path template renders to an unsafe path (${problem})`);
  return rendered;
}
