import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  applyComputedDefaults,
  dropStaleChoices,
  initialTouched,
  errorsOnStep,
  getIn,
  moveItem,
  newGroupItem,
  parsePath,
  pruneHidden,
  remapTouched,
  setIn,
  stepOfErrorKey,
  stepsWithErrors,
  validateRoleInput,
  validateStep,
  visibleFieldInstances,
  visibleSteps,
} from "@/lib/agents/form-logic";
import { fixtureRole as role } from "@/lib/requests/testing/fixture-role";

const example = role.example as Record<string, unknown>;

describe("paths", () => {
  it("reads and writes nested objects and arrays without touching the original", () => {
    const values = { tiers: [{ name: "a" }], canary: { percent: 5 } };
    expect(parsePath("tiers.0.name")).toEqual(["tiers", 0, "name"]);
    expect(getIn(values, "tiers.0.name")).toBe("a");
    expect(getIn(values, "tiers.3.name")).toBeUndefined();
    expect(getIn(values, "canary.percent.deeper")).toBeUndefined();
    const next = setIn(values, "tiers.1.name", "b");
    expect(next).toEqual({ tiers: [{ name: "a" }, { name: "b" }], canary: { percent: 5 } });
    expect(values.tiers).toHaveLength(1);
    expect(setIn({}, "a.b", 1)).toEqual({ a: { b: 1 } });
    expect(setIn({ a: { b: 1, c: 2 } }, "a.b", undefined)).toEqual({ a: { c: 2 } });
  });
});

describe("visibility", () => {
  it("shows a field on a later step only when a condition on an earlier step holds", () => {
    const keys = (values: Record<string, unknown>) => visibleFieldInstances(role, values).map((instance) => instance.key);
    expect(keys({ strategy: "rolling" })).not.toContain("canary.percent");
    expect(keys({ strategy: "canary" })).toContain("canary.percent");
    expect(visibleFieldInstances(role, { strategy: "canary" }).find((instance) => instance.key === "canary.percent")?.step).toBe("network");
  });

  it("expands group items and evaluates item conditions on the item's own values", () => {
    const instances = visibleFieldInstances(role, { tiers: [{ name: "web", public: true }, { name: "app", public: false }] });
    const keys = instances.map((instance) => instance.key);
    expect(keys).toEqual(expect.arrayContaining(["tiers", "tiers.0.name", "tiers.0.public", "tiers.1.nat"]));
    expect(keys).not.toContain("tiers.0.nat");
  });

  it("skips steps whose fields are all hidden", () => {
    const stepsOnly = { ...role, fields: role.fields.filter((field) => field.step !== "network" || field.path === "canary.percent") };
    expect(visibleSteps(stepsOnly, { strategy: "rolling" }).map((step) => step.id)).toEqual(["basics", "rollout", "extras"]);
    expect(visibleSteps(stepsOnly, { strategy: "canary" }).map((step) => step.id)).toEqual(["basics", "rollout", "network", "extras"]);
  });
});

describe("pruning hidden answers", () => {
  it("drops hidden fields, hidden item fields, empty text and empty tags, and keeps the rest", () => {
    const pruned = pruneHidden(role, {
      name: "checkout",
      strategy: "rolling",
      canary: { percent: 20 },
      tiers: [{ name: "web", public: true, nat: "single" }],
      notes: "",
      tags: ["a", " ", ""],
      unknown: "kept",
    });
    expect(pruned).toEqual({ name: "checkout", strategy: "rolling", tiers: [{ name: "web", public: true }], tags: ["a"], unknown: "kept" });
  });
});

describe("computed defaults", () => {
  it("follows the values it depends on until the user types into the field", () => {
    const touched = new Set<string>();
    const dev = applyComputedDefaults(role, { environment: "dev" }, touched);
    expect(dev.minReplicas).toBe(1);
    const production = applyComputedDefaults(role, { ...dev, environment: "production" }, touched);
    expect(production.minReplicas).toBe(3);
    touched.add("minReplicas");
    expect(applyComputedDefaults(role, { ...production, minReplicas: 5, environment: "dev" }, touched).minReplicas).toBe(5);
  });

  it("stops applying a group's default once any of its items was edited", () => {
    const withDefaultTiers = {
      ...role,
      fields: role.fields.map((field) => (field.path === "tiers" ? { ...field, computedDefault: () => [{ name: "public", hosts: 50, public: true }] } : field)),
    };
    const first = applyComputedDefaults(withDefaultTiers, {}, new Set());
    expect(first.tiers).toEqual([{ name: "public", hosts: 50, public: true }]);
    const edited = applyComputedDefaults(withDefaultTiers, { tiers: [{ name: "edge", hosts: 50, public: true }] }, new Set(["tiers.0.name"]));
    expect(edited.tiers).toEqual([{ name: "edge", hosts: 50, public: true }]);
  });

  it("starts a new group item from the group's newItem", () => {
    const tiers = role.fields.find((field) => field.path === "tiers")!;
    expect(newGroupItem(tiers, {})).toEqual({ name: "", public: false });
  });
});

describe("dependent answers", () => {
  it("clears a choice whose options no longer offer it, and keeps typed values when a form is reopened", () => {
    const withRegion = {
      ...role,
      fields: [
        ...role.fields,
        {
          path: "region",
          label: "Region",
          widget: "select" as const,
          step: "basics",
          optionsFrom: (values: Record<string, unknown>) => (values.environment === "production" ? [{ value: "eu", label: "EU" }] : [{ value: "us", label: "US" }]),
        },
      ],
    };
    expect(dropStaleChoices(withRegion, { environment: "production", region: "eu" })).toEqual({ environment: "production", region: "eu" });
    expect(dropStaleChoices(withRegion, { environment: "dev", region: "eu" })).toEqual({ environment: "dev" });
    expect([...initialTouched(role, { environment: "production", minReplicas: 3 })]).toEqual([]);
    expect([...initialTouched(role, { environment: "production", minReplicas: 4 })]).toEqual(["minReplicas"]);
  });
});

describe("validation", () => {
  it("accepts the example and ignores invalid answers in hidden fields", () => {
    expect(validateRoleInput(role, example).success).toBe(true);
    const result = validateRoleInput(role, { ...example, strategy: "rolling", canary: { percent: 999 } });
    expect(result.success).toBe(true);
    if (result.success) expect(result.data).not.toHaveProperty("canary.percent");
  });

  it("uses the schema's own messages, and 'Required' where the schema gives none", () => {
    const result = validateRoleInput(role, { ...example, name: "", tiers: [{ name: "web", public: true }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({ name: "Enter the app name", "tiers.0.hosts": "Enter the hosts" });
    const plain = { ...role, schema: z.object({ text: z.string(), count: z.number() }) };
    const fallback = validateRoleInput(plain, { count: "three" });
    expect(fallback.success ? {} : fallback.errors).toEqual({ text: "Required", count: "Enter a number" });
  });

  it("validates one step's fields on Next and leaves later steps alone", () => {
    const values = { name: "", environment: "dev", minReplicas: 1, maxReplicas: 2 };
    expect(validateStep(role, values, "basics")).toEqual({ name: "Enter the app name" });
    expect(validateStep(role, { ...values, name: "checkout" }, "basics")).toEqual({});
    expect(validateStep(role, { ...values, name: "checkout" }, "network")).toMatchObject({ tiers: "Required" });
  });

  it("reports a cross-field rule on its step once the rest is valid", () => {
    const values = { ...example, minReplicas: 5, maxReplicas: 2 };
    expect(validateStep(role, values, "basics")).toEqual({ maxReplicas: "The maximum must be at least the minimum" });
    expect(validateStep(role, { ...example, canary: undefined }, "network")).toEqual({ "canary.percent": "Enter the canary share" });
  });

  it("maps errors to their steps, for the progress indicator", () => {
    const errors = { name: "x", "tiers.1.hosts": "y", "canary.percent": "z", _form: "w" };
    expect(stepOfErrorKey(role, "tiers.1.hosts")).toBe("network");
    expect(stepOfErrorKey(role, "canary.percent")).toBe("network");
    expect(stepOfErrorKey(role, "_form")).toBe("extras");
    expect([...stepsWithErrors(role, errors)].sort()).toEqual(["basics", "extras", "network"]);
    expect(errorsOnStep(role, errors, "network")).toEqual({ "tiers.1.hosts": "y", "canary.percent": "z" });
  });
});

describe("reordering group items", () => {
  it("moves an item and keeps what the user touched with the item it belongs to", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    const touched = new Set(["name", "tiers.0.hosts", "tiers.2.name"]);
    // Item 2 removed: items after it shift down; item 0 stays.
    const removed = remapTouched(touched, "tiers", (index) => (index === 2 ? undefined : index > 2 ? index - 1 : index));
    expect([...removed].sort()).toEqual(["name", "tiers.0.hosts"]);
    const swapped = remapTouched(touched, "tiers", (index) => (index === 0 ? 1 : index === 1 ? 0 : index));
    expect([...swapped].sort()).toEqual(["name", "tiers.1.hosts", "tiers.2.name"]);
  });
});
