// The deployments and DORA endpoints of the OpenAPI document (listed in lib/openapi/document.ts).
import type { Operation } from "@/lib/api/operation";
import { deploymentListSchema, recordResultSchema } from "@/lib/deployments/api-schemas";
import { deploymentStatuses, recordDeploymentsSchema } from "@/lib/deployments/schema";

const tags = ["deployments"];

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
];
