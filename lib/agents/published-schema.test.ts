// The published JSON Schema (GET /api/v1/agents/{role}) states the field rules the server enforces
// (issue 15): a client validating with it is not surprised by a 422 on one field. Checked with Ajv
// (JSON Schema 2020-12) on values the server refuses.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { roleInputJsonSchema } from "@/lib/agents/api-view";
import { validateRoleInput } from "@/lib/agents/form-logic";
import { getRole } from "@/lib/agents/registry";
import { arbitraryFromJsonSchema } from "@/lib/agents/shared/json-schema-testing";
import { roleKeys } from "@/lib/agents/types";

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
    ["kubernetes-specialist", "cpuRequest", "0m"],
    ["kubernetes-specialist", "cpuRequest", "0.0005"],
    ["kubernetes-specialist", "image", "ghcr.io/acme/checkout"],
    ["kubernetes-specialist", "image", "ghcr.io/acme/checkout:latest"],
    ["incident-responder", "detectedAt", "2026-04-31 10:00"],
    ["incident-responder", "detectedAt", "   "],
    ["incident-responder", "affectedSystems", ["ledger", " "]],
    ["network-engineer", "environments", [{ name: "production", baseCidr: "10.20.0.1/16" }]],
    ["network-engineer", "environments", [{ name: "production", baseCidr: "10.20.0.0/28" }]],
    ["devops-incident-responder", "dashboardUrl", "ftp://grafana.example.com/d/1"],
    ["devops-incident-responder", "dashboardUrl", "http://grafana.example.com:99999/"],
    ["cloud-architect", "complianceFrameworks", ["gdpr", "gdpr"]],
    ["incident-responder", "regulatoryRegimes", ["gdpr", "gdpr"]],
    ["terraform-engineer", "mandatoryTags", [{ key: "  ", value: "x" }]],
  ])("%s: %s refuses %j", (role, property, value) => {
    expect(getRole(role).schema.safeParse({ ...(getRole(role).example as object), [property]: value }).success).toBe(false);
    expect(schemaRefuses(role, property, value)).toBe(true);
  });
});

// ---- Property: what a standard validator of the published schema accepts, the server accepts ----------
// For each role, answers are drawn from the published JSON Schema itself (json-schema-testing.ts) and
// checked by Ajv with ajv-formats. Every answer Ajv accepts goes through the server's own validation
// (validateRoleInput: hidden fields pruned, the zod schema). A refusal whose field, parsed alone with its
// own zod schema, is refused too is a field rule the JSON Schema does not state: that fails the test.
// Refusals by cross-field rules (one field against another: overlapping CIDRs, zones of a region, an
// approver for automatic production deploys) cannot be said in JSON Schema; they are counted, not failed.
// Stated the other way round: every field value the server refuses, Ajv refuses too.
// PROPERTY_SEED replays a run; SCHEMA_PROPERTY_RUNS sets the answers drawn per role.
const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
const drawsPerRole = Number(process.env.SCHEMA_PROPERTY_RUNS ?? 300);
console.log(`published schema properties: PROPERTY_SEED=${seed} SCHEMA_PROPERTY_RUNS=${drawsPerRole}`);

const standardAjv = addFormats(new Ajv2020({ strict: false, allErrors: false }));
const leafValidators = new Map<string, (value: unknown) => boolean>();
/** Ajv on one leaf of the published schema (cached: the same leaf schemas recur across roles). */
const leafCheck = (root: Record<string, unknown>) => (leaf: Record<string, unknown>) => {
  const key = JSON.stringify(leaf);
  let validate = leafValidators.get(key);
  if (!validate) {
    const compiled = standardAjv.compile({ ...leaf, $defs: root.$defs });
    validate = (value: unknown) => compiled(value) as boolean;
    leafValidators.set(key, validate);
  }
  return validate;
};

describe(`published JSON Schemas: what Ajv accepts the server accepts (PROPERTY_SEED=${seed})`, () => {
  const summary: Record<string, { drawn: number; schemaAccepted: number; serverAccepted: number; crossField: number }> = {};
  afterAll(() => console.log(`published schema properties: ${JSON.stringify(summary)}`));

  it.each(roleKeys)("%s", (role) => {
    const definition = getRole(role);
    const published = roleInputJsonSchema(definition);
    const validate = standardAjv.compile(published);
    const shape = (definition.schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    const drawn = fc.sample(arbitraryFromJsonSchema(published, published, leafCheck(published)), { seed: seed + roleKeys.indexOf(role), numRuns: drawsPerRole }) as Record<string, unknown>[];
    const counts = { drawn: drawn.length, schemaAccepted: 0, serverAccepted: 0, crossField: 0 };
    const unstated: string[] = [];
    for (const answer of drawn) {
      if (!validate(answer)) continue;
      counts.schemaAccepted++;
      const result = validateRoleInput(definition, answer);
      if (result.success) {
        counts.serverAccepted++;
        continue;
      }
      let fieldRule = false;
      for (const issue of result.issues) {
        const field = issue.path[0];
        if (typeof field !== "string" || !shape[field] || !(field in answer)) continue;
        if (!shape[field].safeParse(answer[field]).success) {
          fieldRule = true;
          unstated.push(`${issue.path.join(".")} = ${JSON.stringify(answer[field]).slice(0, 160)}: ${issue.message}`);
        }
      }
      if (!fieldRule) counts.crossField++;
    }
    summary[role] = counts;
    expect([...new Set(unstated)].slice(0, 15), `${role}: values the published schema allows but the server refuses`).toEqual([]);
    // The draw must reach the server often enough to mean something.
    expect(counts.schemaAccepted, `${role}: answers the published schema accepts`).toBeGreaterThanOrEqual(drawsPerRole / 10);
  }, 120_000);
});
