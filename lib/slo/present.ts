// How SLO numbers and statuses read on screen: one place, so the list, the SLO page and the service page
// say the same thing the same way. Pure and client-safe.
import type { Status } from "@/lib/status";
import type { SloStatus } from "@/lib/slo/math";

export const sloStatusPresentation: Record<SloStatus, { label: string; tone: Status; meaning: string }> = {
  exhausted: { label: "Exhausted", tone: "critical", meaning: "The error budget of the window is spent." },
  page: { label: "Critical (page)", tone: "critical", meaning: "Burning fast enough to page someone now." },
  ticket: { label: "Burning (ticket)", tone: "warning", meaning: "Burning fast enough to need a ticket." },
  nodata: { label: "No data", tone: "nodata", meaning: "No events in the window: nothing is known." },
  healthy: { label: "Healthy", tone: "healthy", meaning: "Within budget, and no alert would fire." },
};

export const sloStatusOrder: SloStatus[] = ["exhausted", "page", "ticket", "nodata", "healthy"];

/** Decimals that tell an objective's neighbours apart: 99.9 → 2 (99.95 %), 99.95 → 3 (99.953 %). */
export function attainmentDecimals(objective: number): number {
  const decimals = (String(objective).split(".")[1] ?? "").length;
  return Math.min(4, Math.max(2, decimals + 1));
}

/**
 * The SLI as a percentage, truncated rather than rounded, so an attainment just under the objective never
 * reads as meeting it (99.8996 % against 99.9 % shows 99.89 %, not 99.90 %).
 */
export function formatAttainment(sli: number | null, objective: number): string {
  if (sli === null) return "No data";
  const decimals = attainmentDecimals(objective);
  const factor = 10 ** decimals;
  return `${(Math.floor(sli * 100 * factor + 1e-9) / factor).toFixed(decimals)} %`;
}

export function formatObjective(objective: number): string {
  return `${objective} %`;
}

const minus = (value: number, text: string) => (value < 0 ? `−${text}` : text);

/** Budget remaining as a percentage: one decimal near zero, whole numbers otherwise; a true minus sign. */
export function formatBudget(remaining: number | null): string {
  if (remaining === null) return "—";
  const percent = remaining * 100;
  const magnitude = Math.abs(percent);
  const text = magnitude < 10 ? magnitude.toFixed(1) : Math.round(magnitude).toString();
  return `${minus(percent, text)} %`;
}

/** Minutes of budget: "26.8 min", "−12.2 min", "1 h 40 min". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  const magnitude = Math.abs(minutes);
  if (magnitude < 100) return `${minus(minutes, magnitude.toFixed(1))} min`;
  const hours = Math.floor(magnitude / 60);
  const rest = Math.round(magnitude - hours * 60);
  return minus(minutes, rest ? `${hours} h ${rest} min` : `${hours} h`);
}

/** A burn rate: "0.42×", "14.4×", "120×"; "No data" without events. */
export function formatBurnRate(rate: number | null): string {
  if (rate === null) return "No data";
  if (rate < 10) return `${rate.toFixed(2)}×`;
  if (rate < 100) return `${rate.toFixed(1)}×`;
  return `${Math.round(rate)}×`;
}

/** An alert factor as written in the workbook: 14.4, 6, 0.933. */
export function formatFactor(factor: number): string {
  return String(Math.round(factor * 1000) / 1000);
}

/** A duration in hours, roughly: "45 min", "18 h", "2 d 4 h", "30+ d". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = Math.floor(hours / 24);
  if (days > 90) return "90+ d";
  const rest = Math.round(hours - days * 24);
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** Time to exhaustion as a sentence fragment. */
export function formatTimeToExhaustion(hours: number | null, status: SloStatus): string {
  if (status === "nodata") return "No data";
  if (hours === 0) return "Exhausted";
  if (hours === null) return "Not burning";
  return formatHours(hours);
}

/** "1,234,567" */
export function formatCount(value: number): string {
  return value.toLocaleString("en");
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** "94.3M", "12.5K", "950": for big figures on tiles; the exact number goes in the hint. */
export function formatCompactCount(value: number): string {
  return compact.format(value);
}

/**
 * The SLI chart's y-axis: from a round number at or below both the lowest point and the objective (with at
 * least as much room below the objective as above it) up to 100 %, in 1-2-2.5-5 steps: 99.2, 99.4 … 100.
 */
export function sliAxis(lowest: number | null, objective: number): { min: number; ticks: number[]; clipped: boolean } {
  // Around the objective: down to five error budgets below 100 % at most, so that a 99.95 % objective never
  // reads as 100 % because one bad hour pulled the axis down to 85 %. Lower points are drawn at the bottom edge.
  const budget = 100 - objective;
  const low = Math.max(Math.min(lowest ?? objective, objective - budget), objective - 5 * budget);
  const rough = Math.max(100 - low, 0.001) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough - 1e-12)!;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const round = (value: number) => Number(value.toFixed(decimals));
  const min = Math.max(0, round(Math.floor(low / step + 1e-9) * step));
  const ticks: number[] = [];
  for (let tick = min; tick < 100 + step / 2; tick = round(tick + step)) ticks.push(Math.min(100, tick));
  return { min, ticks, clipped: lowest !== null && lowest < min };
}

/** Round ticks for the budget burndown (percent left), always through 100 and 0: steps of 10, 20, 25 or 50. */
export function burndownTicks(lowest: number): number[] {
  const low = Math.min(0, lowest);
  const step = [10, 20, 25, 50, 100].find((candidate) => (100 - Math.floor(low / candidate) * candidate) / candidate <= 6) ?? 100;
  const ticks: number[] = [];
  for (let tick = Math.floor(low / step) * step; tick <= 100; tick += step) ticks.push(tick);
  return ticks;
}

/** Why no alert fires on an SLO whose budget is spent: every alert needs its short window burning too. */
export function quietAlertReason(input: { status: string; alerts: readonly { shortWindow: string; shortBurnRate: number | null; factor: number }[] }, windowLabel: (key: string) => string): string {
  if (input.status !== "exhausted") return "No alert fires.";
  const shortest = [...input.alerts].sort((a, b) => a.factor - b.factor)[0];
  if (!shortest) return "No alert fires: the budget is spent, and this SLO has no alert rules.";
  const rate = shortest.shortBurnRate === null ? "no data" : `${formatFactor(shortest.shortBurnRate)}×`;
  return `No alert fires: the budget is spent, but the burn has stopped. An alert also needs its short window burning fast, and over the last ${windowLabel(shortest.shortWindow)} the burn rate is ${rate} (a ticket needs over ${formatFactor(shortest.factor)}×). The budget comes back as the bad minutes leave the window.`;
}
