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
import { InvalidError, TooLargeError } from "@/lib/errors";
import type { MinuteSample } from "@/lib/slo/math";
import { MAX_SAMPLES_PER_BATCH, validateSamples } from "@/lib/slo/samples";
import { sloAccess } from "@/lib/slo/slos.server";

/** Namespaces the per-SLO advisory lock (the first key of pg_advisory_xact_lock(int, int)). */
const INGEST_LOCK_CLASS = 0x510_0001;

export interface IngestResult {
  /** Minutes written (new or replaced). */
  stored: number;
  /** The first and last minute of the batch, as ISO times; null for an empty batch. */
  from: string | null;
  to: string | null;
}

/**
 * Writes validated minute samples of one SLO, and rewrites the hourly rollups of the hours they touch from
 * the minutes themselves (so a replaced minute is never counted twice). A per-SLO transaction lock makes
 * concurrent batches of the same SLO take turns: otherwise two could each recompute an hour without
 * seeing the other's minutes. Exported for the demo seed, which writes through the same path.
 */
export async function writeSamples(tx: Tx, sloId: string, samples: readonly MinuteSample[]): Promise<void> {
  if (samples.length === 0) return;
  const minutes: number[] = new Array(samples.length);
  const goods: number[] = new Array(samples.length);
  const totals: number[] = new Array(samples.length);
  const hours = new Set<number>();
  for (let index = 0; index < samples.length; index++) {
    const sample = samples[index];
    minutes[index] = sample.minute;
    goods[index] = sample.good;
    totals[index] = sample.total;
    hours.add(sample.minute - (((sample.minute % 60) + 60) % 60));
  }
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK_CLASS}::int, hashtext(${sloId}))`;
  await tx.$executeRaw`
    INSERT INTO slo_samples (slo_id, minute, good, total)
    SELECT ${sloId}, TIMESTAMP '1970-01-01' + u.m * INTERVAL '1 minute', u.g, u.t
      FROM unnest(${`{${minutes.join(",")}}`}::int[], ${`{${goods.join(",")}}`}::bigint[], ${`{${totals.join(",")}}`}::bigint[]) AS u(m, g, t)
    ON CONFLICT (slo_id, minute) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total`;
  await tx.$executeRaw`
    INSERT INTO slo_sample_hours (slo_id, hour, good, total, minutes)
    SELECT ${sloId}, h.start, sum(s.good), sum(s.total), count(*)::int
      FROM (SELECT TIMESTAMP '1970-01-01' + x.m * INTERVAL '1 minute' AS start FROM unnest(${`{${[...hours].join(",")}}`}::int[]) AS x(m)) AS h
      JOIN slo_samples s ON s.slo_id = ${sloId} AND s.minute >= h.start AND s.minute < h.start + INTERVAL '1 hour'
     GROUP BY h.start
    ON CONFLICT (slo_id, hour) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total, minutes = EXCLUDED.minutes`;
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
