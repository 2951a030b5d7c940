// Test helpers for the role schemas: parse and list the issues as "path: message" lines, and the checks
// every role must pass (valid example, valid filled-in form, JSON Schema export, fields match the schema).
import { expect } from "vitest";
import { z } from "zod";
import type { AnyRoleDefinition } from "@/lib/agents/types";

export function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

/** Asserts that the input is rejected with exactly this message on this path (among possibly others). */
export function expectIssue(schema: z.ZodType, input: unknown, path: (string | number)[], message: string | RegExp) {
  const result = schema.safeParse(input);
  expect(result.success, "the input should be rejected").toBe(false);
  const onPath = result.error!.issues.filter((issue) => issue.path.join(".") === path.join("."));
  expect(onPath.map((issue) => issue.message), `issues on ${path.join(".")}; all issues: ${issuesOf(schema, input).join(" | ")}`).toContainEqual(
    typeof message === "string" ? message : expect.stringMatching(message),
  );
}

export function expectValid(schema: z.ZodType, input: unknown) {
  expect(issuesOf(schema, input)).toEqual([]);
}

/** The checks that hold for every role, whatever its fields. */
export function expectWellFormedRole(role: AnyRoleDefinition, filledIn: Record<string, unknown>) {
  expectValid(role.schema, role.example);
  expectValid(role.schema, { ...role.initialValues, ...filledIn });
  const jsonSchema = z.toJSONSchema(role.schema, { io: "input" }) as { type: string; properties: Record<string, unknown>; required?: string[] };
  expect(jsonSchema.type).toBe("object");
  const stepIds = role.steps.map((step) => step.id);
  expect(stepIds.length).toBeGreaterThanOrEqual(3);
  expect(stepIds.length).toBeLessThanOrEqual(5);
  for (const field of role.fields) {
    // Every field belongs to a step, and names a property of the schema.
    expect(stepIds, `step of ${field.path}`).toContain(field.step);
    expect(Object.keys(jsonSchema.properties), `schema property for ${field.path}`).toContain(field.path.split(".")[0]);
    if (field.widget === "group") expect(field.itemFields?.length, `item fields of ${field.path}`).toBeGreaterThan(0);
  }
  // Every step has a field, and every schema property has a field (nothing the form cannot fill in).
  for (const step of stepIds) expect(role.fields.some((field) => field.step === step), `fields on step ${step}`).toBe(true);
  for (const property of Object.keys(jsonSchema.properties)) expect(role.fields.map((field) => field.path.split(".")[0]), `field for ${property}`).toContain(property);
  // The default title reads well from the example.
  const title = role.defaultTitle(role.schema.parse(role.example));
  expect(title.length).toBeGreaterThan(3);
  expect(title).not.toMatch(/undefined|\[object/);
  expectNoThrowOnJunk(role);
}

const junkValues: unknown[] = [undefined, null, "", "  ", "x", "10.0.0.0/99", "10.0.0", -1, 0, 1.5, 1e12, true, [], {}, [{}], ["", ""]];

/**
 * Replaces each field of the example, and each field of each group item, with junk: the schema must
 * answer with issues, never throw (cross-field rules run even when a field-level check failed).
 */
export function expectNoThrowOnJunk(role: AnyRoleDefinition) {
  const example = role.example as Record<string, unknown>;
  for (const key of Object.keys(example)) {
    for (const junk of junkValues) {
      expect(() => role.schema.safeParse({ ...example, [key]: junk }), `${key} = ${JSON.stringify(junk)}`).not.toThrow();
    }
    const value = example[key];
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === "object") {
      for (const itemKey of Object.keys(value[0] as object)) {
        for (const junk of junkValues) {
          const items = value.map((item, index) => (index === 0 ? { ...(item as object), [itemKey]: junk } : item));
          expect(() => role.schema.safeParse({ ...example, [key]: items }), `${key}[0].${itemKey} = ${JSON.stringify(junk)}`).not.toThrow();
        }
      }
    }
  }
}
