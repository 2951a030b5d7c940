// The deployments and DORA endpoints of the OpenAPI document (listed in lib/openapi/document.ts).
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { createHookSchema } from "@/lib/deployments/hook-schema";
import { deploymentListSchema, deploymentSchema, doraReportSchema, recordResultSchema } from "@/lib/deployments/api-schemas";
import { deploymentStatuses, recordDeploymentsSchema } from "@/lib/deployments/schema";
import { DEFAULT_ATTRIBUTION_HOURS, doraBuckets, doraWindows } from "@/lib/deployments/dora";

const doraParams = [
  { name: "window", in: "query" as const, description: "Days, ending now (default 30)", schema: { enum: [...doraWindows] } },
  { name: "bucket", in: "query" as const, description: "Chart buckets (default: day up to 30 days, week beyond)", schema: { enum: [...doraBuckets] } },
  { name: "environment", in: "query" as const, description: "The environment counted (default production)" },
  {
    name: "attributionHours",
    in: "query" as const,
    description: `An incident beginning this many hours after a deployment of one of its services counts against it (1–168, default ${DEFAULT_ATTRIBUTION_HOURS})`,
    schema: { type: "integer", minimum: 1, maximum: 168 },
  },
];

const tags = ["deployments"];

const hookSchema = z.object({
  id: z.string(),
  provider: z.enum(["github", "gitlab", "argocd"]),
  service: z.object({ slug: z.string(), name: z.string() }),
  path: z.string().describe("Where the provider delivers"),
  url: z.string().describe("The full delivery URL (the portal's NEXTAUTH_URL and the path): what to paste into the provider"),
  createdAt: z.iso.datetime(),
  lastDeliveryAt: z.iso.datetime().nullable(),
});

const deliveryResultSchema = z.union([
  z.object({ outcome: z.literal("recorded"), deployment: z.object({ key: z.string(), id: z.string(), created: z.boolean() }) }),
  z.object({ outcome: z.literal("commits"), stored: z.number().int() }),
  z.object({ outcome: z.literal("ignored"), reason: z.string() }),
]);

export const deploymentOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/deployments",
    summary: "The team's deployments, newest first",
    tags,
    params: [
      { name: "team", in: "query", description: "The team's slug: required with a session, optional with a token" },
      { name: "service", in: "query", description: "One service's slug" },
      { name: "environment", in: "query", description: "One environment, e.g. production" },
      { name: "status", in: "query", description: "One status", schema: { enum: [...deploymentStatuses] } },
      { name: "from", in: "query", description: "Started at or after (ISO 8601)" },
      { name: "to", in: "query", description: "Started before (ISO 8601)" },
      { name: "page", in: "query", description: "Page number, from 1", schema: { type: "integer", minimum: 1 } },
      { name: "pageSize", in: "query", description: "Deployments per page (1–200, default 50)", schema: { type: "integer", minimum: 1, maximum: 200 } },
    ],
    responses: { 200: { description: "A page of deployments", schema: deploymentListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/deployments",
    summary:
      "Record up to 1,000 deployments in one call, all or none. Each is idempotent on its `key`: sending a key again updates that deployment (STARTED, then SUCCEEDED). An unknown service is a 422 naming `deployments.<index>.service`",
    tags,
    body: recordDeploymentsSchema,
    responses: {
      201: { description: "At least one deployment was new", schema: recordResultSchema },
      200: { description: "Every key was known: the deployments were updated", schema: recordResultSchema },
    },
  },

  {
    method: "get",
    path: "/api/v1/dora",
    summary: "DORA metrics of one team (or one of its services) over 7, 30 or 90 days, with levels, the trend against the period before, and chart buckets. No deployments gives null figures, not zeros",
    tags,
    params: [
      { name: "team", in: "query", description: "The team's slug: required with a session, optional with a token" },
      { name: "service", in: "query", description: "One of the team's services" },
      ...doraParams,
    ],
    responses: { 200: { description: "The team's DORA report", schema: doraReportSchema } },
  },
  {
    method: "get",
    path: "/api/v1/dora/organisation",
    summary: "DORA metrics of every team together (aggregates only; signed-in people, not team tokens)",
    tags,
    params: doraParams,
    responses: { 200: { description: "The organisation's DORA report", schema: doraReportSchema } },
  },

  {
    method: "get",
    path: "/api/v1/deployments/hooks",
    summary: "The team's deployment webhook receivers (maintainers)",
    tags,
    params: [{ name: "team", in: "query", description: "The team's slug: required with a session, optional with a token" }],
    responses: { 200: { description: "Receivers, oldest first", schema: z.object({ hooks: z.array(hookSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/deployments/hooks",
    summary: "Create a receiver for one service and provider (github, gitlab, argocd). The secret is answered once: paste it into the provider",
    tags,
    body: createHookSchema,
    responses: { 201: { description: "The receiver, with its secret", schema: hookSchema.extend({ secret: z.string() }) } },
  },
  {
    method: "delete",
    path: "/api/v1/deployments/hooks/{id}",
    summary: "Delete a receiver",
    tags,
    params: [{ name: "id", in: "path", description: "The receiver's id", required: true }],
    responses: { 204: { description: "Deleted" } },
  },
  {
    method: "post",
    path: "/api/v1/deployments/hooks/{id}/deliveries",
    summary:
      "A provider's delivery, shaped as the provider documents it: GitHub `deployment_status` and `push` (X-Hub-Signature-256), GitLab Deployment and Pipeline hooks (X-Gitlab-Token), Argo CD notifications with the README's template (X-Portal-Webhook-Secret). A wrong signature is 401 and stores nothing",
    tags,
    auth: false,
    params: [{ name: "id", in: "path", description: "The receiver's id", required: true }],
    responses: {
      200: { description: "Recorded: a deployment, or the commits a push or pipeline announced", schema: deliveryResultSchema },
      202: { description: "Verified and ignored (a ping, a pending or cancelled state)", schema: deliveryResultSchema },
    },
  },

  {
    method: "get",
    path: "/api/v1/incidents/{id}/changes",
    summary: "What changed: deployments of the incident's affected services in the 6 hours before it began, and any linked as its cause",
    tags,
    params: [{ name: "id", in: "path", description: "The incident's id", required: true }],
    responses: {
      200: {
        description: "Deployments, newest first",
        schema: z.object({
          since: z.iso.datetime(),
          until: z.iso.datetime(),
          canEdit: z.boolean(),
          changes: z.array(
            deploymentSchema
              .pick({ id: true, service: true, environment: true, version: true, commitSha: true, status: true, startedAt: true, finishedAt: true, triggeredBy: true, url: true })
              .extend({ linked: z.boolean(), minutesBefore: z.number().int() }),
          ),
        }),
      },
    },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/causes",
    summary: "Name a deployment of the team as the incident's cause (counted as a change failure). Linking again changes nothing",
    tags,
    params: [{ name: "id", in: "path", description: "The incident's id", required: true }],
    body: z.object({ deploymentId: z.string() }),
    responses: {
      201: { description: "Linked", schema: z.object({ linked: z.boolean(), created: z.boolean() }) },
      200: { description: "Already linked", schema: z.object({ linked: z.boolean(), created: z.boolean() }) },
    },
  },
  {
    method: "delete",
    path: "/api/v1/incidents/{id}/causes/{deploymentId}",
    summary: "Remove a deployment as the incident's cause",
    tags,
    params: [
      { name: "id", in: "path", description: "The incident's id", required: true },
      { name: "deploymentId", in: "path", description: "The deployment's id", required: true },
    ],
    responses: { 204: { description: "Unlinked" } },
  },
];
