// How DORA figures read on a page: durations, rates, levels as status tones, trends as words. Pure.
import type { Status } from "@/lib/status";
import type { DoraLevel, Trend } from "@/lib/deployments/dora";

export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "No data";
  const minutes = Math.round(seconds / 60);
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

export function formatRate(rate: number | null): string {
  if (rate === null) return "No data";
  const percent = rate * 100;
  return `${percent < 10 && percent !== 0 ? percent.toFixed(1) : Math.round(percent)} %`;
}

export function formatPerDay(value: number | null): string {
  if (value === null) return "No data";
  if (value >= 10) return `${Math.round(value)} a day`;
  if (value >= 1) return `${value.toFixed(1)} a day`;
  if (value === 0) return "None";
  return `${(value * 7).toFixed(1)} a week`;
}

export const levelLabels: Record<DoraLevel, string> = { elite: "Elite", high: "High", medium: "Medium", low: "Low" };

/** Elite and high are healthy, medium a warning, low critical; no figure is no data. */
export function levelTone(level: DoraLevel | null): Status {
  if (level === null) return "nodata";
  if (level === "elite" || level === "high") return "healthy";
  return level === "medium" ? "warning" : "critical";
}

export function trendSentence(trend: Trend, format: (value: number | null) => string): string {
  if (trend.previous === null) return "No earlier data to compare with";
  if (trend.verdict === null) return "Nothing to compare with the previous period";
  if (trend.verdict === "same") return `Same as the previous period (${format(trend.previous)})`;
  const change = trend.change === null ? "" : ` ${trend.change > 0 ? "+" : "−"}${Math.round(Math.abs(trend.change) * 100)} %,`;
  return `${trend.verdict === "better" ? "Better" : "Worse"} than the previous period:${change} was ${format(trend.previous)}`;
}
