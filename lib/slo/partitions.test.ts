import { describe, expect, it } from "vitest";
import { monthPartition, monthsToEnsure, parsePartitionName, partitionsPastRetention } from "@/lib/slo/partitions";

describe("monthly partitions of slo_samples", () => {
  it("names a month and its bounds in UTC", () => {
    const december = monthPartition(new Date("2026-12-31T23:59:00Z"));
    expect(december).toEqual({ name: "slo_samples_p2026_12", from: new Date("2026-12-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") });
    expect(parsePartitionName("slo_samples_p2026_12")).toEqual(december);
  });

  it("keeps this month and the next ones ready, across a year's end", () => {
    expect(monthsToEnsure(new Date("2026-11-15T10:00:00Z"), 2).map((partition) => partition.name)).toEqual(["slo_samples_p2026_11", "slo_samples_p2026_12", "slo_samples_p2027_01"]);
  });

  it("drops only months wholly older than the retention, never the default partition", () => {
    const names = ["slo_samples_default", "slo_samples_p2026_07", "slo_samples_p2026_08", "slo_samples_p2026_09", "slo_samples_p2026_10", "slo_samples_p2026_13", "other"];
    // 90 days before 2026-11-15 is 2026-08-17: July ended before it, August did not.
    expect(partitionsPastRetention(names, new Date("2026-11-15T00:00:00Z"), 90).map((partition) => partition.name)).toEqual(["slo_samples_p2026_07"]);
    expect(partitionsPastRetention(names, new Date("2026-11-15T00:00:00Z"), 31).map((partition) => partition.name)).toEqual(["slo_samples_p2026_07", "slo_samples_p2026_08", "slo_samples_p2026_09"]);
  });
});
