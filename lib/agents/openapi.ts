// The roles endpoints of the OpenAPI document.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { agentSchema } from "@/lib/agents/api-view";
import { roleKeys } from "@/lib/agents/types";

export const agentOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/agents",
    summary: "The specialist roles, each with its requirements input as JSON Schema",
    tags: ["agents"],
    responses: { 200: { description: "Every role, in catalogue order", schema: z.object({ agents: z.array(agentSchema) }) } },
  },
  {
    method: "get",
    path: "/api/v1/agents/{role}",
    summary: "One specialist role, with its requirements input as JSON Schema",
    tags: ["agents"],
    params: [{ name: "role", in: "path", description: "The role's key", required: true, schema: { type: "string", enum: [...roleKeys] } }],
    responses: { 200: { description: "The role", schema: z.object({ agent: agentSchema }) } },
  },
];
