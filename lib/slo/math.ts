// Error budgets, burn rates and multiwindow multi-burn-rate alerts, as in the Google SRE workbook
// ("Alerting on SLOs", alert 6) and Sloth. Pure: counts in, report out; no clock, no I/O.
//
// Time is counted in whole minutes since the Unix epoch ("epoch minutes"). A window of w minutes ending at
// minute T holds the minutes T − w + 1 … T, so "5m" is the current minute and the four before it.

export const burnWindows = [
  { key: "5m", minutes: 5, label: "5 minutes" },
  { key: "30m", minutes: 30, label: "30 minutes" },
  { key: "1h", minutes: 60, label: "1 hour" },
  { key: "2h", minutes: 120, label: "2 hours" },
  { key: "6h", minutes: 360, label: "6 hours" },
  { key: "1d", minutes: 1_440, label: "1 day" },
  { key: "3d", minutes: 4_320, label: "3 days" },
] as const;

export type BurnWindow = (typeof burnWindows)[number]["key"];

export const windowMinutesOf = Object.fromEntries(burnWindows.map((window) => [window.key, window.minutes])) as Record<BurnWindow, number>;

/** The rolling SLO windows the portal offers. */
export const sloWindowDays = [7, 28, 30] as const;
export type SloWindowDays = (typeof sloWindowDays)[number];

export const MINUTES_PER_DAY = 1_440;

export type AlertSeverity = "page" | "ticket";

/**
 * The four alerts. Each fires when both its long and its short window burn faster than its factor
 * F = budget share × period hours ÷ long-window hours: the rate that spends `budgetSharePercent` of the
 * whole budget within the long window. The short window makes the alert stop soon after the burn stops.
 */
export const alertRules = [
  { key: "page-fast", severity: "page", longWindow: "1h", shortWindow: "5m", budgetSharePercent: 2, label: "Fast burn" },
  { key: "page-slow", severity: "page", longWindow: "6h", shortWindow: "30m", budgetSharePercent: 5, label: "Sustained burn" },
  { key: "ticket-fast", severity: "ticket", longWindow: "1d", shortWindow: "2h", budgetSharePercent: 10, label: "Slow burn" },
  { key: "ticket-slow", severity: "ticket", longWindow: "3d", shortWindow: "6h", budgetSharePercent: 10, label: "Very slow burn" },
] as const satisfies readonly { key: string; severity: AlertSeverity; longWindow: BurnWindow; shortWindow: BurnWindow; budgetSharePercent: number; label: string }[];

export type AlertRule = (typeof alertRules)[number];
export type AlertKey = AlertRule["key"];

export interface EventCounts {
  good: number;
  total: number;
}

export const noEvents: EventCounts = Object.freeze({ good: 0, total: 0 });

/** The counts a report is computed from: the SLO's whole window and every burn-rate window. */
export interface WindowCounts {
  window: EventCounts;
  burn: Record<BurnWindow, EventCounts>;
}

export type SloStatus = "healthy" | "ticket" | "page" | "exhausted" | "nodata";

/** Worst first: how the dashboards sort. */
export const statusSeverity: Record<SloStatus, number> = { exhausted: 0, page: 1, ticket: 2, nodata: 3, healthy: 4 };

/** The SLI: good ÷ total, or null when there were no events ("no data" is never 100%). */
export function sliOf(counts: EventCounts): number | null {
  return counts.total > 0 ? counts.good / counts.total : null;
}

/** Bad ÷ total, or null without events. */
export function errorRatioOf(counts: EventCounts): number | null {
  return counts.total > 0 ? (counts.total - counts.good) / counts.total : null;
}

/**
 * The error budget in thousandths of a percent: objective 99.9 → 100 (0.1 %). Objectives have at most three
 * decimals, so this is an exact integer and every threshold comparison below can be exact.
 */
export function budgetMilliPercent(objectivePercent: number): number {
  return Math.round((100 - objectivePercent) * 1000);
}

/** The error budget as a fraction: 1 − objective (99.9 % → 0.001). */
export function errorBudgetOf(objectivePercent: number): number {
  return budgetMilliPercent(objectivePercent) / 100_000;
}

/** Burn rate = error ratio ÷ error budget; null without events. 1 spends exactly the budget over the window. */
export function burnRateOf(counts: EventCounts, objectivePercent: number): number | null {
  const ratio = errorRatioOf(counts);
  return ratio === null ? null : ratio / errorBudgetOf(objectivePercent);
}

/** F = share × period hours ÷ long-window hours (30 days: 14.4, 6, 3, 1). */
export function alertFactor(rule: Pick<AlertRule, "budgetSharePercent" | "longWindow">, windowDays: number): number {
  return (rule.budgetSharePercent * windowDays * 24 * 60) / (100 * windowMinutesOf[rule.longWindow]);
}

export function alertFactors(windowDays: number): Record<AlertKey, number> {
  return Object.fromEntries(alertRules.map((rule) => [rule.key, alertFactor(rule, windowDays)])) as Record<AlertKey, number>;
}

/**
 * Whether the burn rate over `counts` is strictly above the alert's factor, decided exactly:
 *   (bad ÷ total) ÷ (budgetMilli ÷ 100000) > share × periodMinutes ÷ (100 × longMinutes)
 *   ⇔ bad × 100000 × 100 × longMinutes > total × budgetMilli × share × periodMinutes   (all integers)
 * Floating point would put a burn of exactly 14.4 on either side of the threshold by accident.
 */
export function burnExceeds(counts: EventCounts, objectivePercent: number, rule: Pick<AlertRule, "budgetSharePercent" | "longWindow">, windowDays: number): boolean {
  if (counts.total <= 0) return false;
  const bad = BigInt(counts.total - counts.good);
  const left = bad * 100_000n * 100n * BigInt(windowMinutesOf[rule.longWindow]);
  const right = BigInt(counts.total) * BigInt(budgetMilliPercent(objectivePercent)) * BigInt(rule.budgetSharePercent) * BigInt(windowDays * MINUTES_PER_DAY);
  return left > right;
}

/** Whether the budget is spent: consumed ≥ 100 %, i.e. bad ÷ total ≥ 1 − objective, decided exactly. */
export function budgetExhausted(counts: EventCounts, objectivePercent: number): boolean {
  if (counts.total <= 0) return false;
  const bad = BigInt(counts.total - counts.good);
  return bad * 100_000n >= BigInt(counts.total) * BigInt(budgetMilliPercent(objectivePercent));
}

export interface BurnRateRow {
  window: BurnWindow;
  minutes: number;
  good: number;
  total: number;
  errorRatio: number | null;
  burnRate: number | null;
}

export interface AlertEvaluation {
  key: AlertKey;
  severity: AlertSeverity;
  label: string;
  longWindow: BurnWindow;
  shortWindow: BurnWindow;
  budgetSharePercent: number;
  factor: number;
  longBurnRate: number | null;
  shortBurnRate: number | null;
  firing: boolean;
}

export interface SloReport {
  status: SloStatus;
  objective: number;
  windowDays: number;
  /** 1 − objective, as a fraction. */
  errorBudget: number;
  good: number;
  total: number;
  /** Attainment over the window (good ÷ total), null without data. */
  sli: number | null;
  /** (1 − SLI) ÷ (1 − objective): 1 means the whole budget is spent. Null without data. */
  budgetConsumed: number | null;
  /** 1 − consumed; negative once exhausted. Null without data. */
  budgetRemaining: number | null;
  /** The budget as time: (1 − objective) × the window's minutes (43.2 for 99.9 % over 30 days). */
  allowedBadMinutes: number;
  /** What is left of that, in minutes (negative once exhausted). Null without data. */
  remainingBadMinutes: number | null;
  burnRates: BurnRateRow[];
  alerts: AlertEvaluation[];
  /** The burn rate time to exhaustion is computed from: the last hour's. */
  currentBurnRate: number | null;
  /** Hours until the remaining budget is spent at the current burn rate; 0 when exhausted; null when not burning or without data. */
  timeToExhaustionHours: number | null;
}

/**
 * Hours until `remaining` (a fraction of the budget) is spent at `burnRate`: a burn rate of 1 spends the
 * whole budget in the window's length, so the budget drains at burnRate ÷ periodHours per hour.
 */
export function timeToExhaustionHours(remaining: number | null, burnRate: number | null, windowDays: number): number | null {
  if (remaining === null) return null;
  if (remaining <= 0) return 0;
  if (burnRate === null || burnRate <= 0) return null;
  return (remaining * windowDays * 24) / burnRate;
}

/**
 * The current state of one SLO from its window's and burn windows' counts. `alertMinEvents` is the
 * low-traffic guard: an alert fires only when its long window holds at least that many events, so that a
 * service with three requests an hour does not page on one error (0 or absent: no guard).
 */
export function evaluateSlo(definition: { objective: number; windowDays: number; alertMinEvents?: number }, counts: WindowCounts): SloReport {
  const { objective, windowDays } = definition;
  const minEvents = definition.alertMinEvents ?? 0;
  const errorBudget = errorBudgetOf(objective);
  const sli = sliOf(counts.window);
  const budgetConsumed = sli === null ? null : (1 - sli) / errorBudget;
  const exhausted = budgetExhausted(counts.window, objective);
  // Exhaustion is decided exactly; keep the displayed number on the same side of zero as the status.
  let budgetRemaining = budgetConsumed === null ? null : 1 - budgetConsumed;
  if (budgetRemaining !== null && exhausted && budgetRemaining > 0) budgetRemaining = 0;
  const allowedBadMinutes = errorBudget * windowDays * MINUTES_PER_DAY;

  const burnRates: BurnRateRow[] = burnWindows.map((window) => {
    const windowCounts = counts.burn[window.key] ?? noEvents;
    return {
      window: window.key,
      minutes: window.minutes,
      good: windowCounts.good,
      total: windowCounts.total,
      errorRatio: errorRatioOf(windowCounts),
      burnRate: burnRateOf(windowCounts, objective),
    };
  });
  const burnOf = (key: BurnWindow) => burnRates.find((row) => row.window === key)!.burnRate;

  const alerts: AlertEvaluation[] = alertRules.map((rule) => ({
    key: rule.key,
    severity: rule.severity,
    label: rule.label,
    longWindow: rule.longWindow,
    shortWindow: rule.shortWindow,
    budgetSharePercent: rule.budgetSharePercent,
    factor: alertFactor(rule, windowDays),
    longBurnRate: burnOf(rule.longWindow),
    shortBurnRate: burnOf(rule.shortWindow),
    firing:
      (counts.burn[rule.longWindow] ?? noEvents).total >= minEvents &&
      burnExceeds(counts.burn[rule.longWindow] ?? noEvents, objective, rule, windowDays) &&
      burnExceeds(counts.burn[rule.shortWindow] ?? noEvents, objective, rule, windowDays),
  }));

  let status: SloStatus;
  if (counts.window.total <= 0) status = "nodata";
  else if (exhausted) status = "exhausted";
  else if (alerts.some((alert) => alert.firing && alert.severity === "page")) status = "page";
  else if (alerts.some((alert) => alert.firing && alert.severity === "ticket")) status = "ticket";
  else status = "healthy";

  const currentBurnRate = burnOf("1h");
  return {
    status,
    objective,
    windowDays,
    errorBudget,
    good: counts.window.good,
    total: counts.window.total,
    sli,
    budgetConsumed,
    budgetRemaining,
    allowedBadMinutes,
    remainingBadMinutes: budgetRemaining === null ? null : budgetRemaining * allowedBadMinutes,
    burnRates,
    alerts,
    currentBurnRate,
    timeToExhaustionHours: timeToExhaustionHours(budgetRemaining, currentBurnRate, windowDays),
  };
}

/** A minute's counts, at an epoch minute. */
export interface MinuteSample {
  minute: number;
  good: number;
  total: number;
}

/**
 * The counts of every window straight from minute samples: the reference the SQL aggregates (hourly
 * rollups plus edge minutes) are tested against.
 */
export function windowCountsFromSamples(samples: Iterable<MinuteSample>, nowMinute: number, windowDays: number): WindowCounts {
  const sloWindowMinutes = windowDays * MINUTES_PER_DAY;
  const window = { good: 0, total: 0 };
  const burn = Object.fromEntries(burnWindows.map((entry) => [entry.key, { good: 0, total: 0 }])) as Record<BurnWindow, EventCounts>;
  for (const sample of samples) {
    const age = nowMinute - sample.minute; // 0 for the current minute
    if (age < 0) continue;
    if (age < sloWindowMinutes) {
      window.good += sample.good;
      window.total += sample.total;
    }
    for (const entry of burnWindows) {
      if (age < entry.minutes) {
        burn[entry.key].good += sample.good;
        burn[entry.key].total += sample.total;
      }
    }
  }
  return { window, burn };
}

/** Sorts reports worst first: status, then least budget left, then name. */
export function compareWorstFirst(a: { name: string; report: Pick<SloReport, "status" | "budgetRemaining"> }, b: { name: string; report: Pick<SloReport, "status" | "budgetRemaining"> }): number {
  return (
    statusSeverity[a.report.status] - statusSeverity[b.report.status] ||
    (a.report.budgetRemaining ?? Number.POSITIVE_INFINITY) - (b.report.budgetRemaining ?? Number.POSITIVE_INFINITY) ||
    a.name.localeCompare(b.name)
  );
}

export const toEpochMinute = (date: Date | number): number => Math.floor((typeof date === "number" ? date : date.getTime()) / 60_000);
export const fromEpochMinute = (minute: number): Date => new Date(minute * 60_000);
