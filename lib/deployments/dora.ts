// DORA metrics: the query parameters, the performance levels and the trend. Pure: no clock, no I/O.
// The figures themselves are computed in PostgreSQL (lib/deployments/dora.server.ts); this module names
// their thresholds and turns two periods into a trend.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const doraWindows = ["7", "30", "90"] as const;
export const doraBuckets = ["day", "week"] as const;
export type DoraWindow = (typeof doraWindows)[number];
export type DoraBucket = (typeof doraBuckets)[number];

/** An incident that begins within this many hours after a deployment of one of its services is blamed on it, by default. */
export const DEFAULT_ATTRIBUTION_HOURS = 24;

export const doraQuerySchema = z.object({
  team: text().trim().min(1).max(100).optional(),
  service: text().trim().min(1).max(100).optional(),
  environment: text().trim().toLowerCase().min(1).max(64).default("production"),
  window: z.enum(doraWindows).default("30"),
  bucket: z.enum(doraBuckets).optional(),
  attributionHours: z.coerce.number().int().min(1).max(168).default(DEFAULT_ATTRIBUTION_HOURS),
});
export type DoraQuery = z.infer<typeof doraQuerySchema>;

export type DoraLevel = "elite" | "high" | "medium" | "low";
export const doraLevels: DoraLevel[] = ["elite", "high", "medium", "low"];

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * The performance levels of the 2023 Accelerate State of DevOps report (DORA):
 * - deployment frequency: elite on demand (at least daily), high between daily and weekly, medium between
 *   weekly and monthly, low less often;
 * - lead time for changes: elite under a day, high under a week, medium under a month, low longer;
 * - change failure rate: elite 5 %, high 10 %, medium 15 %, low above;
 * - failed deployment recovery time: elite under an hour, high under a day, medium under a week, low longer.
 * Rework rate (added in 2024) has no published levels.
 */
export function frequencyLevel(deploymentsPerDay: number | null): DoraLevel | null {
  if (deploymentsPerDay === null) return null;
  if (deploymentsPerDay >= 1) return "elite";
  if (deploymentsPerDay >= 1 / 7) return "high";
  if (deploymentsPerDay >= 1 / 30) return "medium";
  return "low";
}

export function leadTimeLevel(seconds: number | null): DoraLevel | null {
  if (seconds === null) return null;
  if (seconds < DAY) return "elite";
  if (seconds < 7 * DAY) return "high";
  if (seconds < 30 * DAY) return "medium";
  return "low";
}

export function changeFailureLevel(rate: number | null): DoraLevel | null {
  if (rate === null) return null;
  if (rate <= 0.05) return "elite";
  if (rate <= 0.1) return "high";
  if (rate <= 0.15) return "medium";
  return "low";
}

export function recoveryLevel(seconds: number | null): DoraLevel | null {
  if (seconds === null) return null;
  if (seconds < HOUR) return "elite";
  if (seconds < DAY) return "high";
  if (seconds < 7 * DAY) return "medium";
  return "low";
}

/** Whether a change is good news: for frequency up is better, for the others down is. */
export type Direction = "higher-is-better" | "lower-is-better";

export interface Trend {
  previous: number | null;
  /** Relative change against the previous period (0.25 = 25 % more); null without both figures or from zero. */
  change: number | null;
  /** better, worse or same; null when there is nothing to compare. */
  verdict: "better" | "worse" | "same" | null;
}

export function trend(current: number | null, previous: number | null, direction: Direction): Trend {
  if (current === null || previous === null) return { previous, change: null, verdict: null };
  const change = previous === 0 ? null : (current - previous) / previous;
  if (Math.abs(current - previous) < 1e-9) return { previous, change: 0, verdict: "same" };
  const up = current > previous;
  return { previous, change, verdict: up === (direction === "higher-is-better") ? "better" : "worse" };
}

/** The period a window covers, ending now (exclusive), and the one before it of the same length. */
export function doraPeriods(window: DoraWindow, now: Date) {
  const days = Number(window);
  const to = new Date(now.getTime());
  const from = new Date(to.getTime() - days * DAY * 1000);
  const previousFrom = new Date(from.getTime() - days * DAY * 1000);
  return { days, from, to, previousFrom };
}

/** Daily buckets up to 30 days, weekly beyond, unless the caller asks. */
export function defaultBucket(window: DoraWindow): DoraBucket {
  return Number(window) > 30 ? "week" : "day";
}

/** The figures of one period as the SQL returns them (seconds, counts), before levels and trends. */
export interface PeriodFigures {
  deployments: number;
  successful: number;
  failures: number;
  reworks: number;
  servicesDeployed: number;
  leadTimeMedianSeconds: number | null;
  leadTimeP90Seconds: number | null;
  changes: number;
  recoveryMedianSeconds: number | null;
  recovered: number;
  unrecovered: number;
}

export interface DoraMetric {
  value: number | null;
  level: DoraLevel | null;
  trend: Trend;
}

export interface DoraSummary {
  /** Whether the scope ever recorded a production deployment: without any, every figure is "no data". */
  hasData: boolean;
  deployments: number;
  successful: number;
  failures: number;
  frequency: DoraMetric & { perServicePerDay: number | null };
  leadTime: DoraMetric & { p90Seconds: number | null; changes: number };
  changeFailureRate: DoraMetric;
  recoveryTime: DoraMetric & { recovered: number; unrecovered: number };
  reworkRate: DoraMetric;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Turns the figures of the current and previous periods into metrics with levels and trends. No deployments
 * means no data (null), never 0 %: a rate over nothing is not a rate. Frequency is 0 (not null) when the
 * scope has deployed before but not in this period. Its level is judged per deployed service, because
 * DORA's levels describe one application, and an organisation of 200 services deploying weekly each is
 * not "elite" for deploying 28 times a day in total.
 */
export function summarize(current: PeriodFigures, previous: PeriodFigures, days: number, hasData: boolean): DoraSummary {
  const perDay = (figures: PeriodFigures) => (hasData ? figures.successful / days : null);
  const perService = (figures: PeriodFigures) => (hasData && figures.servicesDeployed > 0 ? figures.successful / figures.servicesDeployed / days : hasData ? 0 : null);
  const cfr = (figures: PeriodFigures) => ratio(figures.failures, figures.deployments);
  const rework = (figures: PeriodFigures) => ratio(figures.reworks, figures.deployments);
  return {
    hasData,
    deployments: current.deployments,
    successful: current.successful,
    failures: current.failures,
    frequency: {
      value: perDay(current),
      perServicePerDay: perService(current),
      level: frequencyLevel(perService(current)),
      // A previous period without a deployment has no frequency to compare with (not "0 a day").
      trend: trend(perDay(current), previous.deployments > 0 ? perDay(previous) : null, "higher-is-better"),
    },
    leadTime: {
      value: current.leadTimeMedianSeconds,
      p90Seconds: current.leadTimeP90Seconds,
      changes: current.changes,
      level: leadTimeLevel(current.leadTimeMedianSeconds),
      trend: trend(current.leadTimeMedianSeconds, previous.leadTimeMedianSeconds, "lower-is-better"),
    },
    changeFailureRate: { value: cfr(current), level: changeFailureLevel(cfr(current)), trend: trend(cfr(current), cfr(previous), "lower-is-better") },
    recoveryTime: {
      value: current.recoveryMedianSeconds,
      recovered: current.recovered,
      unrecovered: current.unrecovered,
      level: recoveryLevel(current.recoveryMedianSeconds),
      trend: trend(current.recoveryMedianSeconds, previous.recoveryMedianSeconds, "lower-is-better"),
    },
    reworkRate: { value: rework(current), level: null, trend: trend(rework(current), rework(previous), "lower-is-better") },
  };
}

export const emptyFigures: PeriodFigures = {
  deployments: 0,
  successful: 0,
  failures: 0,
  reworks: 0,
  servicesDeployed: 0,
  leadTimeMedianSeconds: null,
  leadTimeP90Seconds: null,
  changes: 0,
  recoveryMedianSeconds: null,
  recovered: 0,
  unrecovered: 0,
};

/** One chart bucket of the current period. */
export interface DoraBucketFigures {
  start: string;
  deployments: number;
  successful: number;
  failures: number;
  changeFailureRate: number | null;
  leadTimeMedianSeconds: number | null;
  recoveryMedianSeconds: number | null;
  reworks: number;
}
