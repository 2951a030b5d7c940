// Incident metrics for a team and period: counts by severity, MTTD/MTTA/MTTM/MTTR and their trend. Pure:
// the caller passes the incidents and the period. An incident without the two times a metric needs is
// counted apart for that metric (and listed), never as zero.
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/browser";
import { incidentSeverities } from "@/lib/incidents/severity";
import { isActiveStatus } from "@/lib/incidents/status";
import { minutesBetween, type KeyTimeField } from "@/lib/incidents/times";

export interface MetricsIncident {
  id: string;
  number: number;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  declaredAt: Date;
  impactStartedAt: Date | null;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
}

export const metricKeys = ["mttd", "mtta", "mttm", "mttr"] as const;
export type MetricKey = (typeof metricKeys)[number];

export interface MetricDefinition {
  abbreviation: string;
  name: string;
  from: KeyTimeField;
  to: KeyTimeField;
  definition: string;
}

export const metricDefinitions: Record<MetricKey, MetricDefinition> = {
  mttd: {
    abbreviation: "MTTD",
    name: "Mean time to detect",
    from: "impactStartedAt",
    to: "detectedAt",
    definition: "From the moment impact started to the moment it was detected (an alert fired or someone noticed), averaged over the incidents that have both times.",
  },
  mtta: {
    abbreviation: "MTTA",
    name: "Mean time to acknowledge",
    from: "detectedAt",
    to: "acknowledgedAt",
    definition: "From detection to the moment a responder acknowledged the incident (it left triage), averaged over the incidents that have both times.",
  },
  mttm: {
    abbreviation: "MTTM",
    name: "Mean time to mitigate",
    from: "detectedAt",
    to: "mitigatedAt",
    definition: "From detection to the moment customer impact was stopped or contained (the fix or workaround took effect), averaged over the incidents that have both times.",
  },
  mttr: {
    abbreviation: "MTTR",
    name: "Mean time to resolve",
    from: "detectedAt",
    to: "resolvedAt",
    definition: "From detection to the moment the incident was resolved, averaged over the incidents that have both times.",
  },
};

export interface MetricSummary {
  meanMinutes: number | null;
  medianMinutes: number | null;
  /** Incidents with both times: the ones averaged. */
  counted: number;
  /** Incidents without one of the times (or still open): not averaged, never counted as zero. */
  missing: { id: string; number: number; title: string; reason: "open" | "missing" }[];
}

export interface TrendPoint {
  start: string;
  label: string;
  count: number;
  bySeverity: Record<IncidentSeverity, number>;
  /** Mean minutes per metric in the bucket, null when no incident of the bucket has the times. */
  mttd: number | null;
  mtta: number | null;
  mttm: number | null;
  mttr: number | null;
}

export interface IncidentMetrics {
  from: string;
  to: string;
  bucket: "week" | "month";
  /** Incidents declared in the period, cancelled ones excluded. */
  total: number;
  major: number;
  /** Cancelled incidents (false alarms, duplicates): shown, but in no count or mean. */
  cancelled: number;
  bySeverity: Record<IncidentSeverity, number>;
  metrics: Record<MetricKey, MetricSummary>;
  trend: TrendPoint[];
}

const emptySeverityCounts = (): Record<IncidentSeverity, number> => Object.fromEntries(incidentSeverities.map((severity) => [severity, 0])) as Record<IncidentSeverity, number>;

function mean(values: number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The duration a metric measures for one incident, or null when a time is missing (or out of order). */
export function metricDuration(incident: MetricsIncident, key: MetricKey): number | null {
  const definition = metricDefinitions[key];
  const minutes = minutesBetween(incident[definition.from], incident[definition.to]);
  return minutes === null || minutes < 0 ? null : minutes;
}

function summarize(incidents: MetricsIncident[], key: MetricKey): MetricSummary {
  const durations: number[] = [];
  const missing: MetricSummary["missing"] = [];
  for (const incident of incidents) {
    const minutes = metricDuration(incident, key);
    if (minutes === null) {
      // Still being worked and the later time not reached yet: "open" rather than a gap in the record.
      const definition = metricDefinitions[key];
      const open = incident[definition.from] !== null && incident[definition.to] === null && isActiveStatus(incident.status);
      missing.push({ id: incident.id, number: incident.number, title: incident.title, reason: open ? "open" : "missing" });
    } else {
      durations.push(minutes);
    }
  }
  return { meanMinutes: mean(durations), medianMinutes: median(durations), counted: durations.length, missing };
}

// Spelled out here rather than with Intl, whose short month names differ between ICU versions.
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthLabel = (date: Date) => `${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
const dayLabel = (date: Date) => `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]}`;

/** The start of the UTC week (Monday) or month that contains `date`. */
export function bucketStart(date: Date, bucket: "week" | "month"): Date {
  if (bucket === "month") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

function nextBucket(start: Date, bucket: "week" | "month"): Date {
  if (bucket === "month") return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(start.getTime() + 7 * 86_400_000);
}

/** Metrics over the incidents declared in [from, to). */
export function computeIncidentMetrics(all: MetricsIncident[], period: { from: Date; to: Date; bucket: "week" | "month" }): IncidentMetrics {
  const inPeriod = all.filter((incident) => incident.declaredAt >= period.from && incident.declaredAt < period.to);
  const counted = inPeriod.filter((incident) => incident.status !== "CANCELLED");
  const bySeverity = emptySeverityCounts();
  for (const incident of counted) bySeverity[incident.severity]++;

  const trend: TrendPoint[] = [];
  for (let start = bucketStart(period.from, period.bucket); start < period.to; start = nextBucket(start, period.bucket)) {
    const end = nextBucket(start, period.bucket);
    const inBucket = counted.filter((incident) => incident.declaredAt >= start && incident.declaredAt < end);
    const severities = emptySeverityCounts();
    for (const incident of inBucket) severities[incident.severity]++;
    const meanOf = (key: MetricKey) => mean(inBucket.map((incident) => metricDuration(incident, key)).filter((value): value is number => value !== null));
    trend.push({
      start: start.toISOString(),
      label: period.bucket === "month" ? monthLabel(start) : `Week of ${dayLabel(start)}`,
      count: inBucket.length,
      bySeverity: severities,
      mttd: meanOf("mttd"),
      mtta: meanOf("mtta"),
      mttm: meanOf("mttm"),
      mttr: meanOf("mttr"),
    });
  }

  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    bucket: period.bucket,
    total: counted.length,
    major: bySeverity.SEV1 + bySeverity.SEV2,
    cancelled: inPeriod.length - counted.length,
    bySeverity,
    metrics: Object.fromEntries(metricKeys.map((key) => [key, summarize(counted, key)])) as Record<MetricKey, MetricSummary>,
    trend,
  };
}

/** The period a metrics page shows: the last `days` days up to `now`, weekly buckets up to 90 days, else monthly. */
export function metricsPeriod(days: number, now: Date): { from: Date; to: Date; bucket: "week" | "month" } {
  return { from: new Date(now.getTime() - days * 86_400_000), to: now, bucket: days <= 90 ? "week" : "month" };
}
