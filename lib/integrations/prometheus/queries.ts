// The PromQL the portal asks a Prometheus-compatible source for an SLI, and the query_range parameters of a
// minute range. Pure. Good and total events are two queries, each `sum(increase(selector[1m]))`, asked
// side by side with the same start, end and step, so their points fall on the same minutes. (One query
// joining both with `label_replace(…) or label_replace(…)` took twice as long: Prometheus relabels every
// point of a range query step by step.) Selectors were validated by lib/slo/schema.ts.
import { eventSelectors } from "@/lib/slo/exports";
import type { MinuteRange, SliDefinition } from "@/lib/slo/sli-source";

/**
 * Prometheus refuses a query_range of more than 11,000 points per series ("exceeded maximum resolution of
 * 11,000 points per timeseries"); at a 60 s step a chunk of 10,000 minutes stays under it with room to spare.
 */
export const MAX_MINUTES_PER_QUERY = 10_000;

/** The step of every range query: one point per minute. */
export const STEP_SECONDS = 60;

/** `sum(increase(selector[1m]))`: the events of the minute ending at the evaluation time, counter resets handled by increase. */
export const minuteIncrease = (selector: string) => `sum(increase(${selector}[1m]))`;

/** The good and total selectors of an SLI (a latency SLI's bucket at the threshold, and its _count). */
export function sliSelectors(sli: SliDefinition): { good: string; total: string } {
  return eventSelectors({ ...sli, slug: "sli" } as Parameters<typeof eventSelectors>[0]);
}

/** The two expressions whose single series are the minute's good and total events. */
export function sliRangeQueries(sli: SliDefinition): { good: string; total: string } {
  const { good, total } = sliSelectors(sli);
  return { good: minuteIncrease(good), total: minuteIncrease(total) };
}

/**
 * query_range parameters for a minute range [fromMinute, toMinute): a point at the end of each minute
 * (`increase(…[1m])` at time t covers (t − 60 s, t]), so the first point is at the end of fromMinute and
 * the last at the end of toMinute − 1.
 */
export function rangeParameters(range: MinuteRange): { start: string; end: string; step: string } {
  if (!(range.toMinute > range.fromMinute)) throw new Error("An empty minute range");
  if (range.toMinute - range.fromMinute > MAX_MINUTES_PER_QUERY) throw new Error(`A range query covers at most ${MAX_MINUTES_PER_QUERY} minutes`);
  return { start: String((range.fromMinute + 1) * 60), end: String(range.toMinute * 60), step: String(STEP_SECONDS) };
}

/** Splits [fromMinute, toMinute) into consecutive chunks of at most `size` minutes, oldest first. */
export function chunkRange(range: MinuteRange, size = MAX_MINUTES_PER_QUERY): MinuteRange[] {
  const chunks: MinuteRange[] = [];
  for (let from = range.fromMinute; from < range.toMinute; from += size) chunks.push({ fromMinute: from, toMinute: Math.min(from + size, range.toMinute) });
  return chunks;
}

const DURATION_UNITS: Record<string, number> = { y: 525_600, w: 10_080, d: 1_440, h: 60, m: 1, s: 1 / 60, ms: 1 / 60_000 };

/**
 * The time part of Prometheus' storageRetention ("15d", "29d12h", "90d or 10GiB", "10GiB") in minutes; null
 * when there is none (a size-only retention, or something this does not read).
 */
export function retentionToMinutes(text: string): number | null {
  for (const part of text.split(/\s+or\s+/)) {
    const trimmed = part.trim();
    if (!/^(\d+(ms|y|w|d|h|m|s))+$/.test(trimmed)) continue;
    let minutes = 0;
    for (const [, value, unit] of trimmed.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)) minutes += Number(value) * DURATION_UNITS[unit];
    return minutes > 0 ? minutes : null;
  }
  return null;
}
