// The roles as the public API shows them: catalogue data plus the requirements input as JSON Schema,
// built from the same zod schema the forms and the server validate with.
import { z } from "zod";
import { roleDomains, roleKeys, type AnyRoleDefinition } from "@/lib/agents/types";

export const agentSchema = z
  .object({
    key: z.enum(roleKeys),
    title: z.string(),
    mission: z.string(),
    domain: z.enum(Object.keys(roleDomains) as [keyof typeof roleDomains, ...(keyof typeof roleDomains)[]]),
    domainTitle: z.string(),
    responsibilities: z.array(z.string()),
    targets: z.array(z.object({ label: z.string(), value: z.string() })),
    phases: z.object({ assessment: z.array(z.string()), implementation: z.array(z.string()), excellence: z.array(z.string()) }),
    collaborators: z.array(z.enum(roleKeys)).describe("Roles this one works with, from the collaboration graph"),
    steps: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })).describe("The steps of the requirements form"),
    inputSchema: z.record(z.string(), z.unknown()).describe("JSON Schema (draft 2020-12) of the requirements a request to this role carries"),
    example: z.record(z.string(), z.unknown()).describe("A realistic, valid requirements input"),
  })
  .meta({ id: "Agent" });

export type AgentView = z.infer<typeof agentSchema>;

// Converting a schema is deterministic and not free: each role's JSON Schema is built once per process.
const inputSchemaCache = new Map<string, Record<string, unknown>>();

/** The JSON Schema of a role's requirements input (what a client sends, before defaults apply). */
export function roleInputJsonSchema(role: AnyRoleDefinition): Record<string, unknown> {
  let cached = inputSchemaCache.get(role.key);
  if (!cached) {
    cached = z.toJSONSchema(role.schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
    inputSchemaCache.set(role.key, cached);
  }
  return cached;
}

export function agentView(role: AnyRoleDefinition): AgentView {
  return {
    key: role.key,
    title: role.title,
    mission: role.mission,
    domain: role.domain,
    domainTitle: roleDomains[role.domain],
    responsibilities: role.responsibilities,
    targets: role.targets,
    phases: role.phases,
    collaborators: role.collaborators,
    steps: role.steps.map(({ id, title, description }) => ({ id, title, ...(description ? { description } : {}) })),
    inputSchema: roleInputJsonSchema(role),
    example: role.example as Record<string, unknown>,
  };
}
