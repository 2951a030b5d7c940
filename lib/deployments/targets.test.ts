import { describe, expect, it } from "vitest";
import { catalogTargets, formatThreshold, fromDisplay, judge, parseThreshold, toDisplay } from "@/lib/deployments/targets";

describe("the roles' targets as thresholds", () => {
  it("reads the catalog's ways of writing a target", () => {
    expect(parseThreshold("> 10 per day")).toEqual({ comparator: "above", value: 10, unit: "per-day" });
    expect(parseThreshold("< 5%")).toEqual({ comparator: "below", value: 0.05, unit: "ratio" });
    expect(parseThreshold("< 30 minutes")).toEqual({ comparator: "below", value: 1800, unit: "seconds" });
    expect(parseThreshold("99.99%")?.comparator).toBe("at-least");
    expect(parseThreshold("99.99%")?.value).toBeCloseTo(0.9999, 9);
    expect(parseThreshold("Compliant")).toBeUndefined();
  });

  it("finds the seed targets of the issue in the roles catalog, with what measures them", () => {
    const targets = new Map(catalogTargets().map((target) => [target.key, target]));
    expect(targets.get("deployment-engineer.deployment-frequency")).toMatchObject({ seed: "> 10 per day", measure: "deployment-frequency" });
    expect(targets.get("deployment-engineer.change-failure-rate")).toMatchObject({ seed: "< 5%", measure: "change-failure-rate" });
    expect(targets.get("sre-engineer.mean-time-to-restore")).toMatchObject({ measure: "incident-mttr" });
    expect(targets.get("cloud-architect.availability")).toMatchObject({ measure: "availability" });
    expect(targets.get("kubernetes-specialist.cluster-resource-utilisation")).toMatchObject({ measure: undefined });
  });

  it("judges a measured value against the threshold, and no data as no data", () => {
    const below5 = parseThreshold("< 5%")!;
    expect([judge(below5, 0.04), judge(below5, 0.05), judge(below5, null), judge(below5, undefined), judge(undefined, 1)]).toEqual(["met", "missed", "no-data", "not-measured", "not-measured"]);
    expect(judge(parseThreshold("99.99%"), 0.9999)).toBe("met");
  });

  it("converts to and from the units people type", () => {
    expect(toDisplay(0.05, "ratio")).toBe(5);
    expect(fromDisplay(30, "seconds")).toBe(1800);
    expect(formatThreshold({ comparator: "below", value: 1800, unit: "seconds" })).toBe("< 30 minutes");
    expect(formatThreshold({ comparator: "at-least", value: 0.9999, unit: "ratio" })).toBe("≥ 99.99%");
  });
});
