import { formatPerDay, trendSentence } from "@/lib/deployments/present";
import { describe, expect, it } from "vitest";
import { changeFailureLevel, doraPeriods, emptyFigures, frequencyLevel, leadTimeLevel, recoveryLevel, summarize, trend } from "@/lib/deployments/dora";
import { bucketStarts } from "@/lib/deployments/dora-buckets";

describe("DORA performance levels (2023 State of DevOps report)", () => {
  it("grades deployment frequency per service and day", () => {
    expect([3, 1, 0.5, 1 / 7, 0.1, 1 / 30, 0.01, null].map(frequencyLevel)).toEqual(["elite", "elite", "high", "high", "medium", "medium", "low", null]);
  });
  it("grades lead time, change failure rate and recovery time at their boundaries", () => {
    expect([3599, 86_399, 86_400, 604_800, 2_592_000, null].map(leadTimeLevel)).toEqual(["elite", "elite", "high", "medium", "low", null]);
    expect([0, 0.05, 0.051, 0.1, 0.15, 0.16, null].map(changeFailureLevel)).toEqual(["elite", "elite", "high", "high", "medium", "low", null]);
    expect([59 * 60, 3600, 86_399, 86_400, 7 * 86_400, null].map(recoveryLevel)).toEqual(["elite", "high", "high", "medium", "low", null]);
  });
});

describe("trend", () => {
  it("calls a change better or worse by the metric's direction", () => {
    expect(trend(10, 5, "higher-is-better")).toEqual({ previous: 5, change: 1, verdict: "better" });
    expect(trend(10, 5, "lower-is-better")).toEqual({ previous: 5, change: 1, verdict: "worse" });
    expect(trend(0.1, 0.1, "lower-is-better")).toEqual({ previous: 0.1, change: 0, verdict: "same" });
    expect(trend(0.2, 0, "lower-is-better")).toEqual({ previous: 0, change: null, verdict: "worse" });
    expect(trend(null, 3, "lower-is-better")).toEqual({ previous: 3, change: null, verdict: null });
  });
});

describe("summarize", () => {
  it("gives no data, not 0 %, without deployments", () => {
    const summary = summarize(emptyFigures, emptyFigures, 30, false);
    expect([summary.frequency.value, summary.changeFailureRate.value, summary.reworkRate.value, summary.leadTime.value, summary.recoveryTime.value]).toEqual([null, null, null, null, null]);
    expect(summary.frequency.level).toBeNull();
  });
  it("rates failures and rework over finished deployments", () => {
    const summary = summarize({ ...emptyFigures, deployments: 20, successful: 18, failures: 1, reworks: 2, servicesDeployed: 2 }, emptyFigures, 7, true);
    expect(summary.changeFailureRate).toMatchObject({ value: 0.05, level: "elite" });
    expect(summary.reworkRate.value).toBe(0.1);
    expect(summary.frequency.value).toBeCloseTo(18 / 7);
    expect(summary.frequency.perServicePerDay).toBeCloseTo(9 / 7);
    expect(summary.frequency.level).toBe("elite");
  });
  it("has no earlier data to compare with when the previous period had no deployment (not \"was None\")", () => {
    const summary = summarize({ ...emptyFigures, deployments: 3, successful: 3, servicesDeployed: 1 }, emptyFigures, 7, true);
    expect(summary.frequency.trend).toEqual({ previous: null, change: null, verdict: null });
    expect(trendSentence(summary.frequency.trend, formatPerDay)).toBe("No earlier data to compare with");
    // With deployments in the previous period, the trend compares as before.
    const compared = summarize({ ...emptyFigures, deployments: 14, successful: 14, servicesDeployed: 1 }, { ...emptyFigures, deployments: 7, successful: 7, servicesDeployed: 1 }, 7, true);
    expect(trendSentence(compared.frequency.trend, formatPerDay)).toBe("Better than the previous period: +100 %, was 1.0 a day");
  });
});

describe("periods and buckets", () => {
  it("ends the window now and puts the previous one right before it", () => {
    const periods = doraPeriods("7", new Date("2026-12-01T12:00:00Z"));
    expect([periods.previousFrom, periods.from, periods.to].map((date) => date.toISOString())).toEqual(["2026-11-17T12:00:00.000Z", "2026-11-24T12:00:00.000Z", "2026-12-01T12:00:00.000Z"]);
  });
  it("covers the window with UTC days or Monday weeks", () => {
    const from = new Date("2026-11-24T12:00:00Z"); // a Tuesday
    const to = new Date("2026-12-01T12:00:00Z");
    expect(bucketStarts(from, to, "day")).toHaveLength(8);
    expect(bucketStarts(from, to, "week").map((date) => date.toISOString().slice(0, 10))).toEqual(["2026-11-23", "2026-11-30"]);
  });
});
