// The published JSON Schema (GET /api/v1/agents/{role}) states the field rules the server enforces
// (issue 15): a client validating with it is not surprised by a 422 on one field. Checked with Ajv
// (JSON Schema 2020-12) on values the server refuses.
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getRole } from "@/lib/agents/registry";

const publish = (role: string) => z.toJSONSchema(getRole(role).schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });

/** Whether the published schema refuses `value` at `property` (a top-level property of the role's input). */
function schemaRefuses(role: string, property: string, value: unknown): boolean {
  const schema = publish(role) as { properties: Record<string, unknown>; $defs?: unknown };
  const validate = ajv.compile({ ...schema.properties[property] as object, $defs: schema.$defs });
  return !validate(value);
}

describe("published JSON Schemas state the server's field rules", () => {
  it.each([
    ["kubernetes-specialist", "appName", "9lives"],
    ["kubernetes-specialist", "memoryRequest", "500000K"],
    ["kubernetes-specialist", "memoryRequest", "1GB"],
    ["kubernetes-specialist", "cpuRequest", "half"],
    ["kubernetes-specialist", "ports", [{ name: "a--b", containerPort: 80, protocol: "TCP" }]],
    ["kubernetes-specialist", "ports", [{ name: "9090", containerPort: 80, protocol: "TCP" }]],
    ["devops-engineer", "deliveryGoals", ["deploy-frequency", "deploy-frequency"]],
    ["deployment-engineer", "repository", "   "],
  ])("%s: %s refuses %j", (role, property, value) => {
    expect(getRole(role).schema.safeParse({ ...(getRole(role).example as object), [property]: value }).success).toBe(false);
    expect(schemaRefuses(role, property, value)).toBe(true);
  });
});
