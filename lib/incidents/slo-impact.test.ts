import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetImpactOf, impactRanges, incidentImpactWindow, markerLabel, splitRange } from "@/lib/incidents/slo-impact";

const at = (text: string) => new Date(`2026-11-${text}:00Z`);
const base = { status: "RESOLVED", declaredAt: at("20T09:41"), impactStartedAt: null, detectedAt: null, mitigatedAt: null, resolvedAt: null };

describe("incidentImpactWindow", () => {
  it("runs from impact start (else detection, else declaring) to mitigation (else resolution, else now)", () => {
    const now = at("21T00:00");
    expect(incidentImpactWindow({ ...base, impactStartedAt: at("20T09:31"), detectedAt: at("20T09:38"), mitigatedAt: at("20T10:02"), resolvedAt: at("20T10:40") }, now)).toEqual({ from: at("20T09:31"), to: at("20T10:02"), open: false });
    expect(incidentImpactWindow({ ...base, detectedAt: at("20T09:38"), resolvedAt: at("20T10:40") }, now)).toEqual({ from: at("20T09:38"), to: at("20T10:40"), open: false });
    expect(incidentImpactWindow({ ...base, status: "INVESTIGATING" }, now)).toEqual({ from: at("20T09:41"), to: now, open: true });
    expect(incidentImpactWindow({ ...base, status: "CANCELLED" }, now)).toBeNull();
  });
});

describe("splitRange", () => {
  it("covers the range exactly, with minutes only at the edges and days in the middle", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 50_000 }), (from, length) => {
        const parts = splitRange({ from, to: from + length });
        const all = [...parts.minutes, ...parts.hours, ...parts.days].sort((a, b) => a.from - b.from);
        let cursor = from;
        for (const part of all) {
          expect(part.from).toBe(cursor);
          expect(part.to).toBeGreaterThan(part.from);
          cursor = part.to;
        }
        expect(cursor).toBe(length === 0 ? from : from + length);
        for (const part of parts.hours) expect([part.from % 60, part.to % 60]).toEqual([0, 0]);
        for (const part of parts.days) expect([part.from % 1440, part.to % 1440]).toEqual([0, 0]);
        expect(parts.minutes.reduce((sum, part) => sum + part.to - part.from, 0)).toBeLessThanOrEqual(2 * 59 + (parts.hours.length || parts.days.length ? 0 : 60));
      }),
    );
  });

  it("keeps a range within one hour as minutes", () => {
    expect(splitRange({ from: 61, to: 100 })).toEqual({ minutes: [{ from: 61, to: 100 }], hours: [], days: [] });
  });
});

describe("impactRanges", () => {
  it("counts every minute the window touches, and the SLO window ending with it", () => {
    const ranges = impactRanges({ from: new Date("2026-11-20T09:31:30Z"), to: new Date("2026-11-20T10:02:10Z") }, 7);
    const minute = (text: string) => Date.parse(text) / 60_000;
    expect(ranges.incident).toEqual({ from: minute("2026-11-20T09:31:00Z"), to: minute("2026-11-20T10:03:00Z") });
    expect(ranges.slo).toEqual({ from: ranges.incident.to - 7 * 1440, to: ranges.incident.to });
    expect(impactRanges({ from: at("20T10:00"), to: at("20T10:30") }, 7).incident.to).toBe(minute("2026-11-20T10:30:00Z"));
  });
});

describe("budgetImpactOf", () => {
  it("divides the incident's bad events by the budget of the window's events", () => {
    // 99.9 % over 7 days: the budget is 0.1 % of the window's events; 10,080 minutes → 10.08 allowed bad minutes.
    const window = { good: 10_080_000 - 5_000, total: 10_080_000, minutes: 10_080 };
    const result = budgetImpactOf({ objective: 99.9, windowDays: 7 }, { good: 55_000, total: 60_000 }, window);
    expect(result.budgetConsumedPercent).toBeCloseTo((5_000 / 10_080) * 100, 9);
    expect(result.badMinutes).toBeCloseTo(5_000 / 1_000, 9);
  });

  it("scales a partly covered window up to its whole length", () => {
    const half = budgetImpactOf({ objective: 99, windowDays: 7 }, { good: 90, total: 100 }, { good: 5040, total: 5040, minutes: 5040 });
    const whole = budgetImpactOf({ objective: 99, windowDays: 7 }, { good: 90, total: 100 }, { good: 10_080, total: 10_080, minutes: 10_080 });
    expect(half.budgetConsumedPercent).toBeCloseTo(whole.budgetConsumedPercent!, 9);
  });

  it("has no figure without data", () => {
    expect(budgetImpactOf({ objective: 99.9, windowDays: 30 }, { good: 0, total: 0 }, { good: 5, total: 5, minutes: 5 })).toEqual({ budgetConsumedPercent: null, badMinutes: null });
    expect(budgetImpactOf({ objective: 99.9, windowDays: 30 }, { good: 1, total: 2 }, { good: 0, total: 0, minutes: 0 })).toEqual({ budgetConsumedPercent: null, badMinutes: null });
  });
});

describe("markerLabel", () => {
  it("gives the severity and the title, shortened", () => {
    expect(markerLabel({ severity: "SEV2", title: "Checkout down" })).toBe("SEV2 · Checkout down");
    expect(markerLabel({ severity: "SEV1", title: "x".repeat(100) }, 20)).toHaveLength(20);
  });
});
