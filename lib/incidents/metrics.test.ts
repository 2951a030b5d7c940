import { describe, expect, it } from "vitest";
import { bucketStart, computeIncidentMetrics, metricsPeriod, type MetricsIncident } from "@/lib/incidents/metrics";

const t = (text: string) => new Date(`${text}:00Z`);

function incident(number: number, fields: Partial<MetricsIncident> & Pick<MetricsIncident, "severity" | "status" | "declaredAt">): MetricsIncident {
  return { id: `i${number}`, number, title: `Incident ${number}`, impactStartedAt: null, detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, ...fields };
}

// A fixed month of incidents. Durations in minutes: MTTD / MTTA / MTTM / MTTR.
const fixtures: MetricsIncident[] = [
  // 10 / 5 / 60 / 120
  incident(1, { severity: "SEV2", status: "RESOLVED", declaredAt: t("2026-10-06T10:12"), impactStartedAt: t("2026-10-06T10:00"), detectedAt: t("2026-10-06T10:10"), acknowledgedAt: t("2026-10-06T10:15"), mitigatedAt: t("2026-10-06T11:10"), resolvedAt: t("2026-10-06T12:10") }),
  // impact start never recorded: – / 30 / 60 / 90
  incident(2, { severity: "SEV3", status: "CLOSED", declaredAt: t("2026-10-07T09:00"), detectedAt: t("2026-10-07T09:00"), acknowledgedAt: t("2026-10-07T09:30"), mitigatedAt: t("2026-10-07T10:00"), resolvedAt: t("2026-10-07T10:30") }),
  // still investigating: 20 / 5 / open / open
  incident(3, { severity: "SEV1", status: "INVESTIGATING", declaredAt: t("2026-10-28T08:20"), impactStartedAt: t("2026-10-28T08:00"), detectedAt: t("2026-10-28T08:20"), acknowledgedAt: t("2026-10-28T08:25") }),
  // a false alarm: in no count or mean
  incident(4, { severity: "SEV4", status: "CANCELLED", declaredAt: t("2026-10-20T14:00"), detectedAt: t("2026-10-20T14:00"), acknowledgedAt: t("2026-10-20T14:01") }),
  // before the period
  incident(5, { severity: "SEV2", status: "CLOSED", declaredAt: t("2026-09-20T10:00"), impactStartedAt: t("2026-09-20T09:00"), detectedAt: t("2026-09-20T10:00"), acknowledgedAt: t("2026-09-20T10:01"), mitigatedAt: t("2026-09-20T10:02"), resolvedAt: t("2026-09-20T10:03") }),
  // acknowledgement never recorded: 10 / – / 40 / 60
  incident(6, { severity: "SEV5", status: "RESOLVED", declaredAt: t("2026-10-14T10:00"), impactStartedAt: t("2026-10-14T09:50"), detectedAt: t("2026-10-14T10:00"), mitigatedAt: t("2026-10-14T10:40"), resolvedAt: t("2026-10-14T11:00") }),
];

const period = { from: t("2026-10-01T00:00"), to: t("2026-11-01T00:00"), bucket: "week" as const };
const metrics = computeIncidentMetrics(fixtures, period);

describe("incident metrics over a fixed month", () => {
  it("counts the period's incidents by severity, cancelled ones apart", () => {
    expect(metrics.total).toBe(4);
    expect(metrics.major).toBe(2);
    expect(metrics.cancelled).toBe(1);
    expect(metrics.bySeverity).toEqual({ SEV1: 1, SEV2: 1, SEV3: 1, SEV4: 0, SEV5: 1 });
  });

  it("averages MTTD over the incidents with both times and lists the one without impact start", () => {
    expect(metrics.metrics.mttd.meanMinutes).toBeCloseTo(40 / 3, 6);
    expect(metrics.metrics.mttd.medianMinutes).toBe(10);
    expect(metrics.metrics.mttd.counted).toBe(3);
    expect(metrics.metrics.mttd.missing).toEqual([{ id: "i2", number: 2, title: "Incident 2", reason: "missing" }]);
  });

  it("counts a missing acknowledgement apart, never as zero", () => {
    // Were incident 6 counted as 0 minutes, the mean would be 40 / 4 = 10.
    expect(metrics.metrics.mtta.meanMinutes).toBeCloseTo(40 / 3, 6);
    expect(metrics.metrics.mtta.counted).toBe(3);
    expect(metrics.metrics.mtta.missing).toEqual([{ id: "i6", number: 6, title: "Incident 6", reason: "missing" }]);
  });

  it("reports an incident still being worked as open for MTTM and MTTR", () => {
    expect(metrics.metrics.mttm).toEqual({ meanMinutes: (60 + 60 + 40) / 3, medianMinutes: 60, counted: 3, missing: [{ id: "i3", number: 3, title: "Incident 3", reason: "open" }] });
    expect(metrics.metrics.mttr).toEqual({ meanMinutes: 90, medianMinutes: 90, counted: 3, missing: [{ id: "i3", number: 3, title: "Incident 3", reason: "open" }] });
  });

  it("trends weekly from the Monday before the period starts, with no mean where no incident has the times", () => {
    expect(metrics.trend.map((point) => point.start.slice(0, 10))).toEqual(["2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"]);
    expect(metrics.trend.map((point) => point.count)).toEqual([0, 2, 1, 0, 1]);
    expect(metrics.trend[0]).toMatchObject({ label: "Week of 28 Sep", mttd: null, mtta: null, mttm: null, mttr: null });
    expect(metrics.trend[1]).toMatchObject({ mttd: 10, mtta: 17.5, mttm: 60, mttr: 105, bySeverity: { SEV1: 0, SEV2: 1, SEV3: 1, SEV4: 0, SEV5: 0 } });
    expect(metrics.trend[2]).toMatchObject({ mttd: 10, mtta: null, mttm: 40, mttr: 60 });
    expect(metrics.trend[3]).toMatchObject({ count: 0, mttd: null });
    expect(metrics.trend[4]).toMatchObject({ mttd: 20, mtta: 5, mttm: null, mttr: null });
  });

  it("has no means at all for a period without incidents", () => {
    const empty = computeIncidentMetrics([], period);
    expect(empty.total).toBe(0);
    for (const summary of Object.values(empty.metrics)) expect(summary).toEqual({ meanMinutes: null, medianMinutes: null, counted: 0, missing: [] });
  });
});

describe("periods and buckets", () => {
  it("starts weeks on Monday and months on the 1st, in UTC", () => {
    expect(bucketStart(t("2026-11-28T23:59"), "week").toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(bucketStart(t("2026-11-23T00:00"), "week").toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(bucketStart(t("2026-11-28T10:00"), "month").toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("uses weeks up to 90 days and months beyond", () => {
    const now = t("2026-11-28T12:00");
    expect(metricsPeriod(90, now)).toEqual({ from: t("2026-08-30T12:00"), to: now, bucket: "week" });
    expect(metricsPeriod(365, now).bucket).toBe("month");
    const yearly = computeIncidentMetrics(fixtures, metricsPeriod(365, now));
    expect(yearly.trend).toHaveLength(13);
    expect(yearly.trend[0].label).toBe("Nov 2025");
    expect(yearly.total).toBe(5);
  });
});
