// SLI sample batches: the ingestion rules, shared by the API and the CSV upload's preview. Pure: `now`
// comes in. A batch is accepted whole or rejected whole with every bad item's index and reason.
import { z } from "zod";
import type { Issue } from "@/lib/errors";
import { MINUTES_PER_DAY, toEpochMinute, type MinuteSample } from "@/lib/slo/math";

/** The most samples one call may carry: a week of minutes, well under a second of work. */
export const MAX_SAMPLES_PER_BATCH = 10_000;

/**
 * The byte limit of a samples body. A compact sample is ~75 bytes; 400 bytes each leaves room for
 * pretty-printed JSON, and still stops a client from making the server hold an unbounded body.
 */
export const SAMPLES_BODY_LIMIT_BYTES = MAX_SAMPLES_PER_BATCH * 400;

/** Clock skew allowed between the sender and the portal. */
export const MAX_FUTURE_MS = 5 * 60_000;

export const sampleSchema = z
  .object({
    timestamp: z
      .union([z.string().meta({ example: "2026-11-29T10:41:00Z" }), z.number().meta({ example: 1_795_862_460 })])
      .describe("An ISO 8601 time with a zone, or Unix seconds; truncated to the minute"),
    good: z.int().min(0).describe("Good events in that minute"),
    total: z.int().min(0).describe("All events in that minute (≥ good)"),
  })
  .meta({ id: "SliSample" });

/** The body of POST /api/v1/slos/{id}/samples, for the OpenAPI document (validation is validateSamples). */
export const samplesBodySchema = z
  .array(sampleSchema)
  .max(MAX_SAMPLES_PER_BATCH)
  .describe("One-minute samples. Sending a minute again replaces it. At most 10,000 per call; a bad item rejects the whole batch.");

export type SampleIssueCode = "invalid_type" | "invalid_timestamp" | "not_integer" | "negative" | "too_big" | "good_exceeds_total" | "future" | "too_old" | "duplicate_minute";

export interface SampleIssue extends Issue {
  path: [number] | [number, "timestamp" | "good" | "total"];
  code: SampleIssueCode;
}

/** The samples to store, or why not: `tooMany` (413) or the issues of each bad item (422). */
export type SampleValidation = { ok: true; samples: MinuteSample[] } | { ok: false; tooMany: boolean; issues: SampleIssue[] };

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const minuteLabel = (minute: number) => new Date(minute * 60_000).toISOString().slice(0, 16) + "Z";

/** JavaScript dates end at ±8.64e15 ms; anything beyond is not a time. */
const MAX_DATE_MS = 8.64e15;

/** The time of a sample in milliseconds, or undefined when it is not a usable time. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value * 1000) <= MAX_DATE_MS ? value * 1000 : undefined;
  if (typeof value !== "string" || !isoTimestamp.test(value.trim())) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : ms;
}

function checkCount(value: unknown, field: "good" | "total", index: number, issues: SampleIssue[]): number | undefined {
  if (typeof value !== "number" || Number.isNaN(value)) {
    issues.push({ path: [index, field], code: "invalid_type", message: `${field} must be a number of events` });
    return undefined;
  }
  if (value < 0) {
    issues.push({ path: [index, field], code: "negative", message: `${field} cannot be negative (got ${value})` });
    return undefined;
  }
  if (!Number.isInteger(value)) {
    issues.push({ path: [index, field], code: "not_integer", message: `${field} must be a whole number of events (got ${value})` });
    return undefined;
  }
  if (value > Number.MAX_SAFE_INTEGER) {
    issues.push({ path: [index, field], code: "too_big", message: `${field} is larger than ${Number.MAX_SAFE_INTEGER}` });
    return undefined;
  }
  return value;
}

/**
 * Checks a batch against the ingestion rules and returns the samples to store (one per minute), or every
 * problem: good > total, negative or non-integer counts, a time more than 5 minutes ahead of `nowMs` or
 * older than the SLO's window, or two samples in the same minute.
 */
export function validateSamples(body: unknown, options: { nowMs: number; windowDays: number }): SampleValidation {
  if (!Array.isArray(body)) {
    return { ok: false, tooMany: false, issues: [{ path: [0], code: "invalid_type", message: "Send a JSON array of samples: [{ \"timestamp\", \"good\", \"total\" }, …]" }] };
  }
  if (body.length > MAX_SAMPLES_PER_BATCH) return { ok: false, tooMany: true, issues: [] };
  const nowMinute = toEpochMinute(options.nowMs);
  const oldestMinute = nowMinute - options.windowDays * MINUTES_PER_DAY + 1;
  const latestMs = options.nowMs + MAX_FUTURE_MS;
  const issues: SampleIssue[] = [];
  const samples: MinuteSample[] = [];
  const firstIndexOfMinute = new Map<number, number>();
  for (let index = 0; index < body.length; index++) {
    const item = body[index] as Record<string, unknown> | null;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      issues.push({ path: [index], code: "invalid_type", message: "Each sample is an object: { \"timestamp\", \"good\", \"total\" }" });
      continue;
    }
    const before = issues.length;
    const ms = parseTimestamp(item.timestamp);
    let minute: number | undefined;
    if (ms === undefined) {
      issues.push({ path: [index, "timestamp"], code: "invalid_timestamp", message: "timestamp must be an ISO 8601 time with a zone (2026-11-29T10:41:00Z) or Unix seconds" });
    } else {
      minute = Math.floor(ms / 60_000);
      if (ms > latestMs) {
        issues.push({ path: [index, "timestamp"], code: "future", message: `timestamp ${minuteLabel(minute)} is more than 5 minutes in the future (the portal's clock reads ${minuteLabel(nowMinute)})` });
      } else if (minute < oldestMinute) {
        issues.push({ path: [index, "timestamp"], code: "too_old", message: `timestamp ${minuteLabel(minute)} is older than the SLO's ${options.windowDays}-day window, which starts at ${minuteLabel(oldestMinute)}` });
      } else {
        const first = firstIndexOfMinute.get(minute);
        if (first !== undefined) {
          issues.push({ path: [index, "timestamp"], code: "duplicate_minute", message: `timestamp falls in the same minute (${minuteLabel(minute)}) as sample ${first}` });
        } else {
          firstIndexOfMinute.set(minute, index);
        }
      }
    }
    const good = checkCount(item.good, "good", index, issues);
    const total = checkCount(item.total, "total", index, issues);
    if (good !== undefined && total !== undefined && good > total) {
      issues.push({ path: [index, "good"], code: "good_exceeds_total", message: `good (${good}) is greater than total (${total})` });
    }
    if (issues.length === before && minute !== undefined) samples.push({ minute, good: good!, total: total! });
  }
  return issues.length ? { ok: false, tooMany: false, issues } : { ok: true, samples };
}
