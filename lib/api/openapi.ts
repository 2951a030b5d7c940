// The OpenAPI 3.1 document, built from the same zod schemas the handlers validate with.
import { z } from "zod";
import { errorBodySchema, healthSchema, memberSchema, meSchema, teamSchema } from "@/lib/api/schemas";

type Method = "get" | "post" | "patch" | "put" | "delete";

export interface Operation {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  auth?: boolean;
  params?: { name: string; in: "path" | "query"; description: string; required?: boolean; schema?: object }[];
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const errorStatuses: Record<number, string> = {
  400: "Malformed request (e.g. the body is not JSON)",
  401: "Missing, unknown, revoked or expired credentials",
  404: "Not found, or not visible to the caller's teams",
  409: "Conflicts with the current state",
  413: "The body is over the size limit",
  422: "Invalid input; `issues` lists each problem with its field path",
};

/** Every operation of /api/v1. Later features append theirs here. */
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
];

function schemaOf(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" });
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema ? { content: { "application/json": { schema: schemaOf(response.schema, "output") } } } : {}),
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
      ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(operation.body, "input") } } } } : {}),
      responses,
    };
  }
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
      schemas: { Error: schemaOf(errorBodySchema, "output") },
    },
    paths,
  };
}
