// Turns a query_range matrix of the SLI query (lib/integrations/prometheus/queries.ts) into one-minute
// samples. Pure. The rules:
// - a point at time t is the minute that ends at t (the minute starting at t − 60 s); points off the
//   minute grid or outside the asked range are ignored, so a partial minute is never stored;
// - a minute without a total point is a gap, not zero (no series: nothing was scraped); a minute with a
//   total but no good point has zero good events (the good series may simply not exist yet);
// - increase() extrapolates, so counts come back fractional: they are rounded to whole events, and good
//   is clamped to [0, total]; NaN and ±Inf (a stale or broken series) are gaps.
import type { MinuteSample } from "@/lib/slo/math";
import type { MinuteRange } from "@/lib/slo/sli-source";

export interface MatrixSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

function pointsByMinute(series: MatrixSeries | undefined, range: MinuteRange): Map<number, number> {
  const points = new Map<number, number>();
  if (!series) return points;
  for (const [time, text] of series.values) {
    if (!Number.isFinite(time) || Math.abs(time - Math.round(time)) > 1e-6) continue;
    const seconds = Math.round(time);
    if (seconds % 60 !== 0) continue;
    const minute = seconds / 60 - 1;
    if (minute < range.fromMinute || minute >= range.toMinute) continue;
    const value = Number(text);
    if (!Number.isFinite(value)) continue;
    points.set(minute, Math.max(0, Math.round(value)));
  }
  return points;
}

/** The samples of a range from the matrix's sli="good" and sli="total" series, oldest first. */
export function matrixToMinuteSamples(result: readonly MatrixSeries[], range: MinuteRange): MinuteSample[] {
  const good = pointsByMinute(
    result.find((series) => series.metric.sli === "good"),
    range,
  );
  const total = pointsByMinute(
    result.find((series) => series.metric.sli === "total"),
    range,
  );
  const samples: MinuteSample[] = [];
  for (const minute of [...total.keys()].sort((a, b) => a - b)) {
    const all = total.get(minute)!;
    samples.push({ minute, good: Math.min(good.get(minute) ?? 0, all), total: all });
  }
  return samples;
}
