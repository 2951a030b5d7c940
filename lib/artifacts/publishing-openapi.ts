// Git delivery's operations in the OpenAPI document (gathered by lib/openapi/document.ts): a team's
// repositories, publish-on-approval rules, a request's publications, and the provider webhook.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { errorBodySchema } from "@/lib/api/schemas";
import { autoPublishSchema, createRepositorySchema, gitAuthKinds, gitProviders, publicationStates, publishSchema, updateRepositorySchema } from "@/lib/artifacts/repository-schema";

export const repositoryViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    cloneUrl: z.string(),
    defaultBranch: z.string(),
    pathTemplate: z.string().describe("Where a request's files go, e.g. infra/{role}/{request-slug}"),
    auth: z.object({ kind: z.enum(gitAuthKinds), username: z.string().nullable(), hasSecret: z.boolean().describe("Whether a token or password is stored; it is never returned") }),
    provider: z.enum(gitProviders),
    apiUrl: z.string().nullable(),
    webhook: z.object({ url: z.string().describe("Give this URL to the provider's webhook settings"), configured: z.boolean() }),
    stateUpdates: z.enum(["webhook", "polling", "none"]).describe("How merged/closed reach the portal"),
    lastCheckedAt: z.string().nullable(),
    lastCheckOk: z.boolean().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "GitRepository" });

export const connectionReportSchema = z
  .object({ ok: z.boolean(), checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })), checkedAt: z.string() })
  .meta({ id: "ConnectionReport" });

export const publicationViewSchema = z
  .object({
    id: z.string(),
    repository: z.object({ id: z.string(), name: z.string() }),
    revision: z.number().int(),
    trigger: z.enum(["manual", "approval"]),
    state: z.enum(publicationStates),
    branch: z.string(),
    directory: z.string(),
    commitSha: z.string().nullable(),
    pullRequest: z.object({ number: z.number().int(), url: z.string() }).nullable(),
    conflicts: z.array(z.object({ path: z.string(), kind: z.enum(["content", "both-added", "deleted-in-repository"]) })),
    changes: z.object({ added: z.number().int(), updated: z.number().int(), merged: z.number().int(), deleted: z.number().int(), keptEdits: z.number().int() }).nullable(),
    mergedWith: z.enum(["default-branch", "portal-branch"]).nullable(),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable().describe("The Git server's or provider's message of the last failed attempt, without credentials"),
    requestedBy: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "Publication" });

const autoPublishRuleSchema = z.object({ role: z.string(), roleName: z.string(), repositoryId: z.string(), repositoryName: z.string() });

const slugParam = { name: "slug", in: "path" as const, description: "The team's slug", required: true };
const idParam = { name: "id", in: "path" as const, description: "The repository's id", required: true };
const requestParam = { name: "id", in: "path" as const, description: "The request's id", required: true };
const forbidden = { 403: { description: "Only maintainers and owners manage repositories (API tokens act as members)", schema: errorBodySchema } };

export const publishingOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/teams/{slug}/repositories",
    summary: "The team's Git repositories (credentials are never returned)",
    tags: ["publishing"],
    params: [slugParam],
    responses: { 200: { description: "Repositories", schema: z.object({ repositories: z.array(repositoryViewSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/teams/{slug}/repositories",
    summary:
      "Add a repository: an HTTPS clone URL (SSH is refused with 422: the portal speaks Git over HTTPS only), default branch, path template (no `..`, not absolute), credentials (encrypted at rest), and optionally a provider API for pull requests and its webhook secret",
    tags: ["publishing"],
    params: [slugParam],
    body: createRepositorySchema,
    responses: { 201: { description: "The repository", schema: z.object({ repository: repositoryViewSchema }) }, ...forbidden },
  },
  {
    method: "get",
    path: "/api/v1/repositories/{id}",
    summary: "One repository",
    tags: ["publishing"],
    params: [idParam],
    responses: { 200: { description: "The repository", schema: z.object({ repository: repositoryViewSchema }) } },
  },
  {
    method: "patch",
    path: "/api/v1/repositories/{id}",
    summary: "Change a repository; omitted credentials stay as they are; `webhookSecret: null` removes it. Send the `version` you read",
    tags: ["publishing"],
    params: [idParam],
    body: updateRepositorySchema,
    responses: { 200: { description: "The repository", schema: z.object({ repository: repositoryViewSchema }) }, 409: { description: "The repository changed since `version`", schema: errorBodySchema }, ...forbidden },
  },
  {
    method: "delete",
    path: "/api/v1/repositories/{id}",
    summary: "Delete a repository and its publications' records (the repository itself is not touched)",
    tags: ["publishing"],
    params: [idParam],
    responses: { 204: { description: "Deleted" }, 409: { description: "A publication to it is queued or being pushed", schema: errorBodySchema }, ...forbidden },
  },
  {
    method: "post",
    path: "/api/v1/repositories/{id}/test",
    summary: "Test the connection: read and push rights (the receive-pack advertisement, nothing is pushed) and the provider API's push permission",
    tags: ["publishing"],
    params: [idParam],
    responses: { 200: { description: "Each check with its result", schema: connectionReportSchema }, ...forbidden },
  },
  {
    method: "post",
    path: "/api/v1/repositories/{id}/provider-webhook",
    summary:
      "The provider's pull request webhook for this repository: GitHub `pull_request` (X-Hub-Signature-256), GitLab merge request events (X-Gitlab-Token), Gitea/Forgejo `pull_request` (X-Gitea-Signature). Marks the publications of a merged or closed pull request. Verified with the repository's webhook secret",
    tags: ["publishing"],
    auth: false,
    params: [idParam],
    responses: {
      200: { description: "Verified; how many publications changed", schema: z.object({ updated: z.number().int(), event: z.string().nullable() }) },
      401: { description: "The signature does not verify; nothing is stored", schema: errorBodySchema },
      404: { description: "No such repository, or it has no webhook secret", schema: errorBodySchema },
      413: { description: "The body is over 5 MB", schema: errorBodySchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/teams/{slug}/auto-publish",
    summary: "The team's \"publish on approval\" rules: per role, the repository an approved request is published to",
    tags: ["publishing"],
    params: [slugParam],
    responses: { 200: { description: "Rules", schema: z.object({ rules: z.array(autoPublishRuleSchema) }) } },
  },
  {
    method: "put",
    path: "/api/v1/teams/{slug}/auto-publish",
    summary: "Replace the team's \"publish on approval\" rules",
    tags: ["publishing"],
    params: [slugParam],
    body: autoPublishSchema,
    responses: { 200: { description: "Rules", schema: z.object({ rules: z.array(autoPublishRuleSchema) }) }, ...forbidden },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}/publications",
    summary: "The request's publications, newest first: branch, commit, pull request, state, error, conflicts",
    tags: ["publishing"],
    params: [requestParam],
    responses: {
      200: {
        description: "Publications",
        schema: z.object({
          publications: z.array(publicationViewSchema),
          repositories: z.array(z.object({ id: z.string(), name: z.string(), defaultBranch: z.string() })),
          canPublish: z.boolean(),
          publishBlockedReason: z.string().nullable(),
        }),
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/requests/{id}/publications",
    summary:
      "Publish the approved request's current revision to one of the team's repositories: the worker commits its artifacts and `.portal/request.json` on `portal/<request-slug>`, merging with edits made since the last publication, pushes (never forced) and opens or updates the pull request",
    tags: ["publishing"],
    params: [requestParam],
    body: publishSchema,
    responses: {
      202: { description: "Queued", schema: z.object({ publication: publicationViewSchema }) },
      403: { description: "Viewers cannot publish", schema: errorBodySchema },
      409: { description: "Not approved, or a publication of this request is already queued or being pushed", schema: errorBodySchema },
    },
  },
];
