import { describe, expect, it } from "vitest";
import { chunkRange, MAX_MINUTES_PER_QUERY, rangeParameters, retentionToMinutes, sliRangeQueries, sliSelectors } from "@/lib/integrations/prometheus/queries";

const ratio = { sliKind: "RATIO" as const, goodQuery: 'http_requests_total{job="api",code!~"5.."}', totalQuery: 'http_requests_total{job="api"}', latencyMetric: null, latencyThresholdMs: null };
const latency = { sliKind: "LATENCY" as const, goodQuery: null, totalQuery: null, latencyMetric: 'http_request_duration_seconds{job="api"}', latencyThresholdMs: 300 };

describe("Prometheus SLI queries", () => {
  it("asks for good and total as the summed increase over one minute of each selector", () => {
    expect(sliRangeQueries(ratio)).toEqual({ good: 'sum(increase(http_requests_total{job="api",code!~"5.."}[1m]))', total: 'sum(increase(http_requests_total{job="api"}[1m]))' });
  });

  it("reads a latency SLI from the histogram's bucket at the threshold and its _count", () => {
    expect(sliSelectors(latency)).toEqual({ good: 'http_request_duration_seconds_bucket{job="api",le="0.3"}', total: 'http_request_duration_seconds_count{job="api"}' });
    expect(sliRangeQueries(latency)).toEqual({ good: 'sum(increase(http_request_duration_seconds_bucket{job="api",le="0.3"}[1m]))', total: 'sum(increase(http_request_duration_seconds_count{job="api"}[1m]))' });
  });

  it("puts one point at the end of each minute of the range, 60 s apart", () => {
    // Minutes 1000 … 1009: the first point ends minute 1000 (at 1001·60 s), the last ends minute 1009.
    expect(rangeParameters({ fromMinute: 1000, toMinute: 1010 })).toEqual({ start: "60060", end: "60600", step: "60" });
    expect(() => rangeParameters({ fromMinute: 5, toMinute: 5 })).toThrow(/empty/);
    expect(() => rangeParameters({ fromMinute: 0, toMinute: MAX_MINUTES_PER_QUERY + 1 })).toThrow(/at most/);
  });

  it("stays under Prometheus' 11,000 points per series", () => {
    expect(MAX_MINUTES_PER_QUERY).toBeLessThan(11_000);
  });

  it("cuts a 30-day window into consecutive chunks under the point limit", () => {
    const chunks = chunkRange({ fromMinute: 0, toMinute: 43_200 });
    expect(chunks).toHaveLength(5);
    expect(chunks[0]).toEqual({ fromMinute: 0, toMinute: 10_000 });
    expect(chunks.at(-1)).toEqual({ fromMinute: 40_000, toMinute: 43_200 });
    for (let index = 1; index < chunks.length; index++) expect(chunks[index].fromMinute).toBe(chunks[index - 1].toMinute);
    expect(chunkRange({ fromMinute: 10, toMinute: 10 })).toEqual([]);
  });
});

describe("Prometheus storage retention", () => {
  it("reads the time part of runtimeinfo's storageRetention in minutes, null without one", () => {
    expect(retentionToMinutes("15d")).toBe(15 * 1_440);
    expect(retentionToMinutes("29d12h")).toBe(29.5 * 1_440);
    expect(retentionToMinutes("1y")).toBe(365 * 1_440);
    expect(retentionToMinutes("90d or 10GiB")).toBe(90 * 1_440);
    expect(retentionToMinutes("10GiB")).toBeNull();
    expect(retentionToMinutes("")).toBeNull();
    expect(retentionToMinutes("0s")).toBeNull();
  });
});
