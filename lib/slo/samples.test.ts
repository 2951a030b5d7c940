import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SAMPLES_PER_BATCH, sampleSchema, validateSamples } from "@/lib/slo/samples";
import { parseSamplesCsv } from "@/lib/slo/csv";

const now = Date.parse("2026-11-29T12:00:30Z");
const options = { nowMs: now, windowDays: 30 };
const at = (iso: string) => iso;

describe("validateSamples", () => {
  it("accepts ISO times and Unix seconds, truncated to the minute", () => {
    const result = validateSamples(
      [
        { timestamp: at("2026-11-29T11:58:59.999Z"), good: 10, total: 10 },
        { timestamp: Date.parse("2026-11-29T11:59:07Z") / 1000, good: 0, total: 0 },
        { timestamp: "2026-11-29T13:00:00+01:00", good: 3, total: 4 }, // 12:00 UTC, the current minute
      ],
      options,
    );
    expect(result).toEqual({
      ok: true,
      samples: [
        { minute: Date.parse("2026-11-29T11:58:00Z") / 60_000, good: 10, total: 10 },
        { minute: Date.parse("2026-11-29T11:59:00Z") / 60_000, good: 0, total: 0 },
        { minute: Date.parse("2026-11-29T12:00:00Z") / 60_000, good: 3, total: 4 },
      ],
    });
  });

  it.each([
    ["good > total", { timestamp: "2026-11-29T11:00:00Z", good: 11, total: 10 }, ["good"], "good_exceeds_total"],
    ["a negative good", { timestamp: "2026-11-29T11:00:00Z", good: -1, total: 10 }, ["good"], "negative"],
    ["a negative total", { timestamp: "2026-11-29T11:00:00Z", good: 0, total: -5 }, ["total"], "negative"],
    ["a fractional count", { timestamp: "2026-11-29T11:00:00Z", good: 1.5, total: 10 }, ["good"], "not_integer"],
    ["a count given as text", { timestamp: "2026-11-29T11:00:00Z", good: "9", total: 10 }, ["good"], "invalid_type"],
    ["a missing total", { timestamp: "2026-11-29T11:00:00Z", good: 1 }, ["total"], "invalid_type"],
    ["a time more than 5 minutes ahead", { timestamp: "2026-11-29T12:05:31Z", good: 1, total: 1 }, ["timestamp"], "future"],
    ["a time older than the window", { timestamp: "2026-10-30T12:00:00Z", good: 1, total: 1 }, ["timestamp"], "too_old"],
    ["a time without a zone", { timestamp: "2026-11-29T11:00:00", good: 1, total: 1 }, ["timestamp"], "invalid_timestamp"],
    ["a time that is not a time", { timestamp: "yesterday", good: 1, total: 1 }, ["timestamp"], "invalid_timestamp"],
  ])("rejects %s with the item's index, the field and the reason", (_, item, field, code) => {
    const result = validateSamples([{ timestamp: "2026-11-29T10:00:00Z", good: 1, total: 1 }, item], options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ path: [1, ...field], code, message: expect.any(String) }]);
  });

  it("allows up to 5 minutes of clock skew ahead, and the oldest minute of the window", () => {
    const result = validateSamples(
      [
        { timestamp: "2026-11-29T12:05:30Z", good: 1, total: 1 }, // exactly now + 5 minutes
        { timestamp: "2026-10-30T12:01:00Z", good: 1, total: 1 }, // now − 30 days + 1 minute
      ],
      options,
    );
    expect(result.ok).toBe(true);
  });

  it("rejects two samples in the same minute, naming the first", () => {
    const result = validateSamples(
      [
        { timestamp: "2026-11-29T11:00:05Z", good: 1, total: 1 },
        { timestamp: "2026-11-29T11:01:00Z", good: 1, total: 1 },
        { timestamp: "2026-11-29T11:00:55Z", good: 2, total: 2 },
      ],
      options,
    );
    expect(result).toMatchObject({ ok: false, issues: [{ path: [2, "timestamp"], code: "duplicate_minute", message: expect.stringContaining("sample 0") }] });
  });

  it("reports every bad item of a batch, not just the first", () => {
    const result = validateSamples(
      [
        { timestamp: "2026-11-29T11:00:00Z", good: 5, total: 1 },
        { timestamp: "2026-11-29T11:01:00Z", good: 1, total: 1 },
        "not an object",
        { timestamp: "2026-11-29T11:02:00Z", good: -1, total: 0.5 },
      ],
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      [[0, "good"], "good_exceeds_total"],
      [[2], "invalid_type"],
      [[3, "good"], "negative"],
      [[3, "total"], "not_integer"],
    ]);
  });

  it("rejects a body that is not an array", () => {
    expect(validateSamples({ timestamp: "x" }, options)).toMatchObject({ ok: false, tooMany: false });
  });

  it("says too many past 10,000 samples, before looking at them", () => {
    const batch = Array.from({ length: MAX_SAMPLES_PER_BATCH + 1 }, () => ({}));
    expect(validateSamples(batch, options)).toEqual({ ok: false, tooMany: true, issues: [] });
    const full = Array.from({ length: MAX_SAMPLES_PER_BATCH }, (_, index) => ({ timestamp: (now - index * 60_000) / 1000, good: 1, total: 1 }));
    expect(validateSamples(full, options).ok).toBe(true);
  });

  it("never accepts an item the documented schema rejects", () => {
    fc.assert(
      fc.property(fc.record({ timestamp: fc.oneof(fc.string(), fc.double(), fc.constant(now / 1000)), good: fc.oneof(fc.integer(), fc.double(), fc.string()), total: fc.oneof(fc.integer(), fc.double()) }, { requiredKeys: [] }), (item) => {
        if (!sampleSchema.safeParse(item).success) expect(validateSamples([item], options).ok).toBe(false);
      }),
    );
  });
});

describe("parseSamplesCsv", () => {
  it("reads a header in any order, quoted fields, Unix seconds and blank lines", () => {
    const csv = '\uFEFFtotal,timestamp,good\r\n10,2026-11-29T11:00:00Z,9\r\n\r\n"20","1795863600",20\n';
    expect(parseSamplesCsv(csv)).toEqual({
      rows: [
        { timestamp: "2026-11-29T11:00:00Z", good: 9, total: 10 },
        { timestamp: 1795863600, good: 20, total: 20 },
      ],
      lines: [2, 4],
      errors: [],
    });
  });

  it("keeps bad counts as they were written, for the rules to name", () => {
    const { rows } = parseSamplesCsv("timestamp,good,total\n2026-11-29T11:00:00Z,lots,1.5\n2026-11-29T11:01:00Z,-2,3");
    expect(rows).toEqual([
      { timestamp: "2026-11-29T11:00:00Z", good: "lots", total: 1.5 },
      { timestamp: "2026-11-29T11:01:00Z", good: -2, total: 3 },
    ]);
    const result = validateSamples(rows, options);
    expect(result.ok).toBe(false);
  });

  it("explains a missing header, an empty file and a short row", () => {
    expect(parseSamplesCsv("").errors).toEqual([{ line: 1, message: expect.stringContaining("empty") }]);
    expect(parseSamplesCsv("time,ok,all\n1,2,3").errors).toEqual([{ line: 1, message: expect.stringContaining("timestamp, good, total") }]);
    expect(parseSamplesCsv("timestamp,good,total").errors).toEqual([{ line: 2, message: expect.stringContaining("no samples") }]);
    expect(parseSamplesCsv("timestamp,good,total\n2026-11-29T11:00:00Z,1").errors).toEqual([{ line: 2, message: "Expected 3 fields, found 2" }]);
  });
});
