// The OpenAPI 3.1 document, built from the same zod schemas the handlers validate with. This aggregator is
// the one module that imports every domain's operations (`lib/<domain>/openapi.ts`); no domain imports it.
import { z } from "zod";
import type { Operation, WebhookEventDoc } from "@/lib/api/operation";
import { errorBodySchema, healthSchema, livenessSchema, memberSchema, meSchema, readinessSchema, teamSchema } from "@/lib/api/schemas";
import { notificationOperations, notificationWebhooks } from "@/lib/notifications/openapi";
import { alertmanagerOperations } from "@/lib/integrations/alertmanager/openapi";
import { incidentOperations } from "@/lib/incidents/openapi";
import { sloOperations } from "@/lib/slo/openapi";
import { dataSourceOperations } from "@/lib/slo/data-sources-openapi";
import { agentOperations } from "@/lib/agents/openapi";
import { requestOperations } from "@/lib/requests/openapi";
import { artifactOperations } from "@/lib/artifacts/openapi";
import { publishingOperations } from "@/lib/artifacts/publishing-openapi";
import { meetingOperations } from "@/lib/reviews/meetings-openapi";
import { reviewOperations } from "@/lib/reviews/openapi";
import { liveOperations } from "@/lib/live/openapi";
import { deploymentOperations } from "@/lib/deployments/openapi";

const errorStatuses: Record<number, string> = {
  400: "Malformed request (e.g. the body is not JSON)",
  401: "Missing, unknown, revoked or expired credentials",
  404: "Not found, or not visible to the caller's teams",
  409: "Conflicts with the current state",
  413: "The body is over the size limit",
  422: "Invalid input; `issues` lists each problem with its field path",
};

/** Every operation of /api/v1: each domain lists its own. */
export const operations: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Liveness and database reachability",
    tags: ["system"],
    auth: false,
    responses: { 200: { description: "Healthy", schema: healthSchema }, 503: { description: "The database is unreachable", schema: healthSchema } },
  },
  {
    method: "get",
    path: "/api/health/live",
    summary: "Liveness probe: the process answers (nothing else is checked)",
    tags: ["system"],
    auth: false,
    responses: { 200: { description: "Alive", schema: livenessSchema } },
  },
  {
    method: "get",
    path: "/api/health/ready",
    summary: "Readiness probe: the database answers and every migration of this build is applied",
    tags: ["system"],
    auth: false,
    responses: { 200: { description: "Ready for traffic", schema: readinessSchema }, 503: { description: "Not ready: the database is unreachable, migrations are pending, or the server is stopping", schema: readinessSchema } },
  },
  {
    method: "get",
    path: "/api/v1/me",
    summary: "The caller: the signed-in user, or the token and its team",
    tags: ["identity"],
    responses: { 200: { description: "The caller", schema: meSchema } },
  },
  {
    method: "get",
    path: "/api/v1/teams",
    summary: "Teams the caller belongs to (a token sees its own team only)",
    tags: ["teams"],
    responses: { 200: { description: "Teams", schema: z.object({ teams: z.array(teamSchema) }) } },
  },
  {
    method: "get",
    path: "/api/v1/teams/{slug}/members",
    summary: "Members of one of the caller's teams",
    tags: ["teams"],
    params: [{ name: "slug", in: "path", description: "The team's slug", required: true }],
    responses: { 200: { description: "Members, owners first", schema: z.object({ members: z.array(memberSchema) }) } },
  },
  ...sloOperations,
  ...dataSourceOperations,
  ...agentOperations,
  ...requestOperations,
  ...artifactOperations,
  ...reviewOperations,
  ...incidentOperations,
  ...alertmanagerOperations,
  ...meetingOperations,
  ...notificationOperations,
  ...publishingOperations,
  ...liveOperations,
  ...deploymentOperations,
];

/** What the portal sends to subscribed endpoints, per event type (OpenAPI 3.1 `webhooks`). */
export const webhookEvents: Record<string, WebhookEventDoc> = notificationWebhooks();

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a zod schema, placed inside the document. Zod moves schemas named with `.meta({ id })`
 * into a local `$defs` and points at them with `#/$defs/X`; inside an OpenAPI document such a pointer
 * resolves against the document root, where there is no `$defs`. So named schemas go to
 * `components.schemas` and their refs point there. `$schema` is dropped: it may only stand at the root of
 * a schema resource, and OpenAPI 3.1's default dialect is already JSON Schema 2020-12.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" });
  const { $schema: _dialect, $defs = {}, ...rest } = converted as JsonSchema & { $defs?: Record<string, JsonSchema> };
  // A named schema's input shape can differ from its output shape (defaults, transforms): name it apart.
  const nameOf = (id: string) => (io === "input" ? `${id}Input` : id);
  for (const [id, definition] of Object.entries($defs)) {
    const component = rewriteRefs(definition, nameOf) as JsonSchema;
    const existing = components[nameOf(id)];
    if (existing && JSON.stringify(existing) !== JSON.stringify(component)) throw new Error(`Two different schemas are both named "${id}"`);
    components[nameOf(id)] = component;
  }
  return rewriteRefs(rest, nameOf) as JsonSchema;
}

function rewriteRefs(value: unknown, nameOf: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, nameOf));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      key === "$ref" && typeof item === "string" && item.startsWith("#/$defs/")
        ? [key, `#/components/schemas/${nameOf(item.slice("#/$defs/".length))}`]
        : [key, rewriteRefs(item, nameOf)],
    ),
  );
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = {};
  // Registers `Error` (errorBodySchema's id), the target of every error response's $ref below.
  schemaOf(errorBodySchema, "output", schemas);
  for (const operation of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema ? { content: { [response.contentType ?? "application/json"]: { schema: schemaOf(response.schema, "output", schemas) } } } : {}),
      };
    }
    const errorCodes = operation.auth === false ? [] : [401, 404];
    if (operation.body) errorCodes.push(400, 413, 422);
    for (const status of errorCodes) {
      responses[String(status)] ??= { description: errorStatuses[status], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    }
    paths[operation.path] ??= {};
    paths[operation.path][operation.method] = {
      summary: operation.summary,
      tags: operation.tags,
      operationId: `${operation.method}${operation.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      ...(operation.auth === false ? { security: [] } : {}),
      ...(operation.params
        ? { parameters: operation.params.map((p) => ({ name: p.name, in: p.in, description: p.description, required: p.in === "path" ? true : (p.required ?? false), schema: p.schema ?? { type: "string" } })) }
        : {}),
      ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(operation.body, "input", schemas) } } } } : {}),
      responses,
    };
  }
  // Each event as a POST the receiver gets: the Standard Webhooks envelope, signed in its headers.
  const webhooks = Object.fromEntries(
    Object.entries(webhookEvents).map(([type, event]) => [
      type,
      {
        post: {
          summary: event.summary,
          description:
            "Sent to every enabled endpoint subscribed to this type. Headers `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature` follow the Standard Webhooks spec.",
          operationId: `event${type.replace(/(?:^|[._])(.)/g, (_, c: string) => c.toUpperCase())}`,
          security: [],
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(event.envelope, "output", schemas) } } },
          responses: { "2XX": { description: "Received; any other answer is retried (5xx, 408, 425, 429, network errors) or recorded as failed" } },
        },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Platform Portal API",
      version: "1",
      description:
        "Self-service requests to infrastructure specialist roles, SLOs and incidents. Authenticate with a team-scoped token (`Authorization: Bearer ppt_…`, created under Settings → API tokens) or a browser session. Errors are `{ \"error\": { \"code\", \"message\", \"issues\"? } }`.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A team-scoped API token" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas,
    },
    paths,
    webhooks,
  };
}
