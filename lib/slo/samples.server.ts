// Stores SLI samples: validates a batch (lib/slo/samples.ts), then writes its minutes and the hourly and
// daily rollups they fall in, in one transaction. Sending a minute again replaces it. See ADR 006.
//
// Minutes travel to PostgreSQL as array literals ("{…}" text cast to int[]/bigint[]) unnested by one
// INSERT … SELECT: one statement for 10,000 rows, the same on PostgreSQL and PGlite. Times are epoch minutes
// added to TIMESTAMP '1970-01-01', so the session's TimeZone setting can never shift them.
import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission } from "@/lib/auth/authorize";
import { ConflictError, InvalidError, NotFoundError, TooLargeError } from "@/lib/errors";
import { MINUTES_PER_DAY, type MinuteSample } from "@/lib/slo/math";
import { MAX_SAMPLES_PER_BATCH, validateSamples } from "@/lib/slo/samples";
import { sloAccess } from "@/lib/slo/slos.server";

const literal = (values: readonly number[]) => `{${values.join(",")}}`;
const floorTo = (minute: number, size: number) => minute - (((minute % size) + size) % size);

interface Columns {
  minutes: string;
  goods: string;
  totals: string;
  first: number;
  last: number;
  /** Sums per hour (keyed by the hour's first epoch minute), from the batch alone. */
  hourSums: Map<number, { good: number; total: number; minutes: number }>;
  days: Set<number>;
}

function columns(samples: readonly MinuteSample[]): Columns {
  const minutes: number[] = new Array(samples.length);
  const goods: number[] = new Array(samples.length);
  const totals: number[] = new Array(samples.length);
  const hourSums = new Map<number, { good: number; total: number; minutes: number }>();
  const days = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  for (let index = 0; index < samples.length; index++) {
    const { minute, good, total } = samples[index];
    minutes[index] = minute;
    goods[index] = good;
    totals[index] = total;
    const hour = floorTo(minute, 60);
    const sum = hourSums.get(hour);
    if (sum) {
      sum.good += good;
      sum.total += total;
      sum.minutes++;
    } else {
      hourSums.set(hour, { good, total, minutes: 1 });
      days.add(floorTo(minute, MINUTES_PER_DAY));
    }
    if (minute < first) first = minute;
    if (minute > last) last = minute;
  }
  return { minutes: literal(minutes), goods: literal(goods), totals: literal(totals), first, last, hourSums, days };
}

/**
 * Locks the SLO's row for the rest of the transaction, or throws NotFound when it is gone. This one lock per
 * batch does the foreign key's work (a concurrent delete waits for the batch, then its trigger removes the
 * samples), and because FOR NO KEY UPDATE conflicts with itself, batches of one SLO take turns: otherwise
 * two could each rewrite a rollup without seeing the other's minutes.
 */
async function lockSlo(tx: Tx, sloId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM slos WHERE id = ${sloId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new NotFoundError("SLO");
}

async function insertMinutes(tx: Tx, sloId: string, data: Columns, upsert: boolean): Promise<void> {
  if (upsert) {
    await tx.$executeRaw`
      INSERT INTO slo_samples (slo_id, minute, good, total)
      SELECT ${sloId}, TIMESTAMP '1970-01-01' + u.m * INTERVAL '1 minute', u.g, u.t
        FROM unnest(${data.minutes}::int[], ${data.goods}::bigint[], ${data.totals}::bigint[]) AS u(m, g, t)
      ON CONFLICT (slo_id, minute) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total`;
  } else {
    await tx.$executeRaw`
      INSERT INTO slo_samples (slo_id, minute, good, total)
      SELECT ${sloId}, TIMESTAMP '1970-01-01' + u.m * INTERVAL '1 minute', u.g, u.t
        FROM unnest(${data.minutes}::int[], ${data.goods}::bigint[], ${data.totals}::bigint[]) AS u(m, g, t)`;
  }
}

/**
 * Rewrites the hourly rollups of the batch's hours, then the daily rollups of its days from those hours.
 * `rangeWasEmpty`: no minute in [first, last] existed before the batch, so an hour wholly inside that range
 * holds exactly the batch's minutes and its sum is known without reading anything back; only the (at most
 * two) hours at the edges of the range are summed again from the table. Otherwise every hour is.
 */
async function writeRollups(tx: Tx, sloId: string, data: Columns, rangeWasEmpty: boolean): Promise<void> {
  const known: [number, { good: number; total: number; minutes: number }][] = [];
  const recount: number[] = [];
  for (const [hour, sum] of data.hourSums) {
    if (rangeWasEmpty && hour >= data.first && hour + 59 <= data.last) known.push([hour, sum]);
    else recount.push(hour);
  }
  if (known.length) {
    await tx.$executeRaw`
      INSERT INTO slo_sample_hours (slo_id, hour, good, total, minutes)
      SELECT ${sloId}, TIMESTAMP '1970-01-01' + u.h * INTERVAL '1 minute', u.g, u.t, u.n
        FROM unnest(${literal(known.map(([hour]) => hour))}::int[], ${literal(known.map(([, sum]) => sum.good))}::bigint[],
                    ${literal(known.map(([, sum]) => sum.total))}::bigint[], ${literal(known.map(([, sum]) => sum.minutes))}::int[]) AS u(h, g, t, n)
      ON CONFLICT (slo_id, hour) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, minutes = EXCLUDED.minutes`;
  }
  // LATERAL makes every hour and day one index range scan, whatever the planner guesses about a freshly
  // filled table (a guess once turned this into a nested loop over every minute of the SLO).
  if (recount.length) {
    await tx.$executeRaw`
      INSERT INTO slo_sample_hours (slo_id, hour, good, total, minutes)
      SELECT ${sloId}, h.start, a.good, a.total, a.minutes
        FROM (SELECT TIMESTAMP '1970-01-01' + x.m * INTERVAL '1 minute' AS start FROM unnest(${literal(recount)}::int[]) AS x(m)) AS h
        CROSS JOIN LATERAL (
          SELECT sum(s.good) AS good, sum(s.total) AS total, count(*)::int AS minutes
            FROM slo_samples s
           WHERE s.slo_id = ${sloId} AND s.minute >= h.start AND s.minute < h.start + INTERVAL '1 hour'
        ) AS a
       WHERE a.minutes > 0
      ON CONFLICT (slo_id, hour) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, minutes = EXCLUDED.minutes`;
  }
  await tx.$executeRaw`
    INSERT INTO slo_sample_days (slo_id, day, good, total, minutes)
    SELECT ${sloId}, d.start, a.good, a.total, a.minutes
      FROM (SELECT TIMESTAMP '1970-01-01' + x.m * INTERVAL '1 minute' AS start FROM unnest(${literal([...data.days])}::int[]) AS x(m)) AS d
      CROSS JOIN LATERAL (
        SELECT sum(h.good) AS good, sum(h.total) AS total, sum(h.minutes)::int AS minutes
          FROM slo_sample_hours h
         WHERE h.slo_id = ${sloId} AND h.hour >= d.start AND h.hour < d.start + INTERVAL '1 day'
      ) AS a
     WHERE a.minutes > 0
    ON CONFLICT (slo_id, day) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, minutes = EXCLUDED.minutes`;
}

/** Upserts validated minute samples of one SLO: a minute sent again replaces the stored one. */
export async function writeSamples(tx: Tx, sloId: string, samples: readonly MinuteSample[]): Promise<void> {
  if (samples.length === 0) return;
  const data = columns(samples);
  await lockSlo(tx, sloId);
  // New minutes are the usual case (an exporter pushing the latest ones): a plain insert then, much cheaper
  // than an upsert. Safe because the lock above keeps other writers of this SLO out.
  const [{ taken }] = await tx.$queryRaw<{ taken: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM slo_samples WHERE slo_id = ${sloId}
      AND minute >= TIMESTAMP '1970-01-01' + ${data.first}::int * INTERVAL '1 minute'
      AND minute <= TIMESTAMP '1970-01-01' + ${data.last}::int * INTERVAL '1 minute') AS taken`;
  await insertMinutes(tx, sloId, data, taken);
  await writeRollups(tx, sloId, data, !taken);
}

/**
 * Replaces every minute from the first to the last of `samples` (consecutive minutes): the demo seed's
 * path. Deleting the range and inserting plainly is several times faster than an upsert on the embedded
 * database, which matters when a first start writes 30 days of minutes.
 */
export async function replaceSampleRange(tx: Tx, sloId: string, samples: readonly MinuteSample[]): Promise<void> {
  if (samples.length === 0) return;
  const data = columns(samples);
  if (data.last - data.first + 1 !== samples.length) throw new Error("replaceSampleRange needs consecutive minutes");
  await lockSlo(tx, sloId);
  await tx.$executeRaw`
    DELETE FROM slo_samples
     WHERE slo_id = ${sloId}
       AND minute >= TIMESTAMP '1970-01-01' + ${data.first}::int * INTERVAL '1 minute'
       AND minute <= TIMESTAMP '1970-01-01' + ${data.last}::int * INTERVAL '1 minute'`;
  await insertMinutes(tx, sloId, data, false);
  await writeRollups(tx, sloId, data, true);
}

export interface IngestResult {
  /** Minutes written (new or replaced). */
  stored: number;
  /** The first and last minute of the batch, as ISO times; null for an empty batch. */
  from: string | null;
  to: string | null;
}

/**
 * POST /api/v1/slos/{id}/samples: checks the caller may edit the SLO's team, validates the whole batch
 * against the SLO's window and `now`, and stores it all or nothing.
 */
export async function ingestSamples(actor: Actor, sloId: string, body: unknown, now: Date = new Date()): Promise<IngestResult> {
  const db = getDb();
  const { slo, access } = await sloAccess(db, actor, sloId);
  assertPermission(access, "edit");
  if (slo.dataSourceId)
    throw new ConflictError("This SLO reads its SLI from a data source: the portal pulls its samples every minute, so pushed samples are refused. Point the SLO back to pushed samples to send them.");
  const result = validateSamples(body, { nowMs: now.getTime(), windowDays: slo.windowDays });
  if (!result.ok) {
    if (result.tooMany) throw new TooLargeError(`Send at most ${MAX_SAMPLES_PER_BATCH.toLocaleString("en")} samples per call`);
    const bad = new Set(result.issues.map((issue) => issue.path[0])).size;
    throw new InvalidError(`${bad} of ${Array.isArray(body) ? body.length : 1} samples ${bad === 1 ? "is" : "are"} invalid; nothing was stored`, result.issues);
  }
  const samples = result.samples;
  await db.$transaction((tx) => writeSamples(tx, slo.id, samples), { timeout: 30_000 });
  let first = Infinity;
  let last = -Infinity;
  for (const sample of samples) {
    if (sample.minute < first) first = sample.minute;
    if (sample.minute > last) last = sample.minute;
  }
  return {
    stored: samples.length,
    from: samples.length ? new Date(first * 60_000).toISOString() : null,
    to: samples.length ? new Date(last * 60_000).toISOString() : null,
  };
}
