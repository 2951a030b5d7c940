// Stores SLI samples: validates a batch (lib/slo/samples.ts), then upserts its minutes and rewrites the
// hourly rollups they fall in, in one transaction. Sending a minute again replaces it.
//
// Minutes travel to PostgreSQL as three array literals ("{…}" text cast to int[]/bigint[]), unnested in one
// INSERT … SELECT: one statement and three parameters for 10,000 rows, the same on PostgreSQL and PGlite.
// Times are epoch minutes turned into TIMESTAMP (without zone) by adding intervals to the epoch, so the
// session's TimeZone setting can never shift them.
import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission } from "@/lib/auth/authorize";
import { InvalidError, NotFoundError, TooLargeError } from "@/lib/errors";
import type { MinuteSample } from "@/lib/slo/math";
import { MAX_SAMPLES_PER_BATCH, validateSamples } from "@/lib/slo/samples";
import { sloAccess } from "@/lib/slo/slos.server";

export interface IngestResult {
  /** Minutes written (new or replaced). */
  stored: number;
  /** The first and last minute of the batch, as ISO times; null for an empty batch. */
  from: string | null;
  to: string | null;
}

const arrayLiteral = (values: readonly number[]) => `{${values.join(",")}}`;

function columns(samples: readonly MinuteSample[]) {
  const minutes: number[] = new Array(samples.length);
  const goods: number[] = new Array(samples.length);
  const totals: number[] = new Array(samples.length);
  const hours = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  for (let index = 0; index < samples.length; index++) {
    const sample = samples[index];
    minutes[index] = sample.minute;
    goods[index] = sample.good;
    totals[index] = sample.total;
    hours.add(sample.minute - (((sample.minute % 60) + 60) % 60));
    if (sample.minute < first) first = sample.minute;
    if (sample.minute > last) last = sample.minute;
  }
  return { minutes: arrayLiteral(minutes), goods: arrayLiteral(goods), totals: arrayLiteral(totals), hours: arrayLiteral([...hours]), first, last };
}

/**
 * Locks the SLO's row for the rest of the transaction, or throws NotFound when it is gone. This one lock per
 * batch does the foreign key's work (a concurrent delete waits for the batch, then its trigger removes the
 * samples), and because FOR NO KEY UPDATE conflicts with itself, batches of one SLO take turns: otherwise
 * two could each rewrite an hour's rollup without seeing the other's minutes.
 */
async function lockSlo(tx: Tx, sloId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM slos WHERE id = ${sloId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new NotFoundError("SLO");
}

/**
 * Rewrites the hourly rollups of the given hours (epoch minutes of their starts) from their minutes. LATERAL
 * makes every hour one index range scan, whatever the planner guesses about a freshly filled table.
 */
async function rewriteHours(tx: Tx, sloId: string, hours: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO slo_sample_hours (slo_id, hour, good, total, minutes)
    SELECT ${sloId}, h.start, a.good, a.total, a.minutes
      FROM (SELECT TIMESTAMP '1970-01-01' + x.m * INTERVAL '1 minute' AS start FROM unnest(${hours}::int[]) AS x(m)) AS h
      CROSS JOIN LATERAL (
        SELECT sum(s.good) AS good, sum(s.total) AS total, count(*)::int AS minutes
          FROM slo_samples s
         WHERE s.slo_id = ${sloId} AND s.minute >= h.start AND s.minute < h.start + INTERVAL '1 hour'
      ) AS a
     WHERE a.minutes > 0
    ON CONFLICT (slo_id, hour) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, minutes = EXCLUDED.minutes`;
}

/**
 * Upserts validated minute samples of one SLO (a minute sent again replaces the stored one), then rewrites
 * the hourly rollups of the hours they touch from the minutes themselves, so nothing is counted twice.
 */
export async function writeSamples(tx: Tx, sloId: string, samples: readonly MinuteSample[]): Promise<void> {
  if (samples.length === 0) return;
  const { minutes, goods, totals, hours, first, last } = columns(samples);
  await lockSlo(tx, sloId);
  // New minutes are the usual case (an exporter pushing the latest ones): a plain insert then, which is much
  // cheaper than an upsert. Safe because the lock above keeps other writers of this SLO out.
  const [{ taken }] = await tx.$queryRaw<{ taken: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM slo_samples WHERE slo_id = ${sloId}
      AND minute >= TIMESTAMP '1970-01-01' + ${first}::int * INTERVAL '1 minute'
      AND minute <= TIMESTAMP '1970-01-01' + ${last}::int * INTERVAL '1 minute') AS taken`;
  if (taken) {
    await tx.$executeRaw`
      INSERT INTO slo_samples (slo_id, minute, good, total)
      SELECT ${sloId}, TIMESTAMP '1970-01-01' + u.m * INTERVAL '1 minute', u.g, u.t
        FROM unnest(${minutes}::int[], ${goods}::bigint[], ${totals}::bigint[]) AS u(m, g, t)
      ON CONFLICT (slo_id, minute) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total`;
  } else {
    await tx.$executeRaw`
      INSERT INTO slo_samples (slo_id, minute, good, total)
      SELECT ${sloId}, TIMESTAMP '1970-01-01' + u.m * INTERVAL '1 minute', u.g, u.t
        FROM unnest(${minutes}::int[], ${goods}::bigint[], ${totals}::bigint[]) AS u(m, g, t)`;
  }
  await rewriteHours(tx, sloId, hours);
}

/**
 * Replaces every minute from the first to the last of `samples` (which must be consecutive minutes): the
 * demo seed's path. Deleting the range and inserting plainly is several times faster than an upsert on the
 * embedded database, which matters when a first start writes 30 days of minutes.
 */
export async function replaceSampleRange(tx: Tx, sloId: string, samples: readonly MinuteSample[]): Promise<void> {
  if (samples.length === 0) return;
  const first = samples[0].minute;
  const last = samples[samples.length - 1].minute;
  if (last - first + 1 !== samples.length) throw new Error("replaceSampleRange needs consecutive minutes");
  const { minutes, goods, totals, hours } = columns(samples);
  await lockSlo(tx, sloId);
  await tx.$executeRaw`
    DELETE FROM slo_samples
     WHERE slo_id = ${sloId}
       AND minute >= TIMESTAMP '1970-01-01' + ${first}::int * INTERVAL '1 minute'
       AND minute <= TIMESTAMP '1970-01-01' + ${last}::int * INTERVAL '1 minute'`;
  await tx.$executeRaw`
    INSERT INTO slo_samples (slo_id, minute, good, total)
    SELECT ${sloId}, TIMESTAMP '1970-01-01' + u.m * INTERVAL '1 minute', u.g, u.t
      FROM unnest(${minutes}::int[], ${goods}::bigint[], ${totals}::bigint[]) AS u(m, g, t)`;
  await rewriteHours(tx, sloId, hours);
}

/**
 * POST /api/v1/slos/{id}/samples: checks the caller may edit the SLO's team, validates the whole batch
 * against the SLO's window and `now`, and stores it all or nothing.
 */
export async function ingestSamples(actor: Actor, sloId: string, body: unknown, now: Date = new Date()): Promise<IngestResult> {
  const db = getDb();
  const { slo, access } = await sloAccess(db, actor, sloId);
  await requireTeamPermission(db, actor, { id: access.team.id }, "edit", "SLO");
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
