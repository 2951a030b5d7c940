import { describe, expect, it } from "vitest";
import { InvalidError } from "@/lib/errors";
import { assertKeyTimesInOrder, formatDuration, keyTimeIssues, minutesBetween } from "@/lib/incidents/times";

const now = new Date("2026-11-28T12:00:00Z");
const at = (time: string) => new Date(`2026-11-28T${time}:00Z`);

describe("the order of the key times", () => {
  it("accepts times in order, equal times and missing times", () => {
    expect(keyTimeIssues({ impactStartedAt: at("09:00"), detectedAt: at("09:05"), acknowledgedAt: at("09:05"), mitigatedAt: at("10:00"), resolvedAt: at("11:00") }, now)).toEqual([]);
    expect(keyTimeIssues({ detectedAt: at("09:05"), resolvedAt: at("11:00") }, now)).toEqual([]);
    expect(keyTimeIssues({}, now)).toEqual([]);
  });

  it("names the two times of a conflicting pair, on the later field", () => {
    expect(keyTimeIssues({ impactStartedAt: at("09:20"), detectedAt: at("09:05") }, now)).toEqual([
      { path: ["detectedAt"], message: "Detected (2026-11-28 09:05 UTC) is before impact started (2026-11-28 09:20 UTC)", code: "times_out_of_order" },
    ]);
  });

  it("compares across a missing time", () => {
    expect(keyTimeIssues({ detectedAt: at("10:00"), mitigatedAt: at("09:30") }, now)).toEqual([
      expect.objectContaining({ path: ["mitigatedAt"], message: expect.stringContaining("is before detected") }),
    ]);
  });

  it("does not let one early time hide a later conflict", () => {
    const issues = keyTimeIssues({ impactStartedAt: at("10:00"), detectedAt: at("09:00"), acknowledgedAt: at("09:30") }, now);
    expect(issues.map((issue) => issue.path[0])).toEqual(["detectedAt", "acknowledgedAt"]);
    expect(issues[1].message).toContain("is before impact started");
  });

  it("refuses times in the future, beyond a few minutes of clock skew", () => {
    expect(keyTimeIssues({ detectedAt: new Date(now.getTime() + 4 * 60_000) }, now)).toEqual([]);
    expect(keyTimeIssues({ detectedAt: new Date(now.getTime() + 6 * 60_000) }, now)).toEqual([
      expect.objectContaining({ path: ["detectedAt"], code: "future_time", message: expect.stringContaining("is in the future") }),
    ]);
  });

  it("throws one 422 whose message lists every conflict", () => {
    expect(() => assertKeyTimesInOrder({ impactStartedAt: at("09:00"), detectedAt: at("09:05") }, now)).not.toThrow();
    let caught: unknown;
    try {
      assertKeyTimesInOrder({ impactStartedAt: at("09:20"), detectedAt: at("09:05"), mitigatedAt: at("09:10"), resolvedAt: at("09:00") }, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidError);
    const error = caught as InvalidError;
    expect(error.issues.map((issue) => issue.path[0])).toEqual(["detectedAt", "mitigatedAt", "resolvedAt"]);
    expect(error.message).toMatch(/^The key times conflict: Detected .* is before impact started .*; Mitigated .*; Resolved .*\.$/);
  });
});

describe("durations", () => {
  it("measures minutes between two times, null when one is missing", () => {
    expect(minutesBetween(at("09:00"), at("10:30"))).toBe(90);
    expect(minutesBetween(null, at("10:30"))).toBeNull();
  });

  it("reads like people say it", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(12.4)).toBe("12 min");
    expect(formatDuration(60)).toBe("1 h");
    expect(formatDuration(85)).toBe("1 h 25 min");
    expect(formatDuration(50 * 60)).toBe("2 d 2 h");
    expect(formatDuration(72 * 60)).toBe("3 d");
  });
});
