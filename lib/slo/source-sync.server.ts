// Source SLOs: the SLI of an SLO whose definition names a data source is pulled by the portal, through
// the SliSource port (lib/slo/sli-source.ts), into the same sample table pushed samples go to. On creation
// (or when its SLI changes) the whole window is backfilled in chunks under the source's point limit, with
// the progress in slo_source_syncs; then the worker's minute job keeps it current, re-asking the last few
// minutes so that late scrapes are counted. A source that fails or hangs records its error on its SLOs'
// sync rows ("no data since …") and affects nothing else. Queries run outside any transaction; each
// chunk is written in a short one.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { sourceStatus } from "@/lib/slo/source-status";
import { sloAccess } from "@/lib/slo/slos.server";
import { InvalidError } from "@/lib/errors";
import { fromEpochMinute, MINUTES_PER_DAY, toEpochMinute } from "@/lib/slo/math";
import { writeSamples } from "@/lib/slo/samples.server";
import { loadTeamDataSource, sourceConnection } from "@/lib/slo/data-sources.server";
import { SourceError, type SliDefinition, type SliSource } from "@/lib/slo/sli-source";

/** Minutes behind the clock the pull stops: the minute that just ended may still miss its last scrape. */
export const PULL_LAG_MINUTES = 1;
/** Minutes asked again on every pull after the backfill, so a scrape that arrived late is counted. */
export const PULL_OVERLAP_MINUTES = 5;

type SloSliFields = SliDefinition & { dataSourceId: string | null; windowDays: number };

export const sliFieldsOf = (slo: SliDefinition): SliDefinition => ({
  sliKind: slo.sliKind,
  goodQuery: slo.goodQuery,
  totalQuery: slo.totalQuery,
  latencyMetric: slo.latencyMetric,
  latencyThresholdMs: slo.latencyThresholdMs,
});

/** Whether what the SLI is read from changed between two definitions (its samples then mean something else). */
export function sliChanged(before: SloSliFields, after: SloSliFields): boolean {
  const a = sliFieldsOf(before);
  const b = sliFieldsOf(after);
  return before.dataSourceId !== after.dataSourceId || (Object.keys(a) as (keyof SliDefinition)[]).some((key) => a[key] !== b[key]);
}

/**
 * Checks an SLO's data source before it is stored: one of the team's, and (when a source port is given)
 * its selectors accepted by the server. 422 with the field's path otherwise, also when the source cannot
 * answer (nothing would be pulled).
 */
export async function checkSloSource(db: Db | Tx, teamId: string, data: SloSliFields, sliSource?: SliSource): Promise<void> {
  if (!data.dataSourceId) return;
  const source = await loadTeamDataSource(db, teamId, data.dataSourceId);
  if (!source) throw InvalidError.field(["dataSourceId"], "Choose one of the team's data sources");
  if (!sliSource) return;
  let problems: { field: keyof SliDefinition; message: string }[];
  try {
    problems = await sliSource.checkSli(sourceConnection(source), sliFieldsOf(data));
  } catch (error) {
    if (error instanceof SourceError) throw InvalidError.field(["dataSourceId"], `The data source could not check the queries: ${error.message}`);
    throw error;
  }
  if (problems.length) throw new InvalidError(problems[0].message, problems.map((problem) => ({ path: [problem.field], message: problem.message })));
  await checkSourceWindow(sourceConnection(source), data, sliSource);
}

/** 422 on windowDays when the source keeps data for less time than the window (it could never serve its start). */
async function checkSourceWindow(connection: ReturnType<typeof sourceConnection>, data: SloSliFields, sliSource: SliSource): Promise<void> {
  let retention: number | null;
  try {
    retention = await sliSource.retentionMinutes(connection);
  } catch (error) {
    if (error instanceof SourceError) throw InvalidError.field(["dataSourceId"], `The data source could not tell how long it keeps data: ${error.message}`);
    throw error;
  }
  if (retention !== null && retention < data.windowDays * MINUTES_PER_DAY) {
    const days = Math.round((retention / MINUTES_PER_DAY) * 10) / 10;
    throw InvalidError.field(
      ["windowDays"],
      `The data source keeps ${days} ${days === 1 ? "day" : "days"} of data, so it cannot serve a ${data.windowDays}-day window. Choose a shorter window, or a source whose retention covers ${data.windowDays} days.`,
    );
  }
}

/** (Re)starts the pull of a source SLO: the backfill of its whole window, then minute by minute. */
export async function startSourceSync(tx: Tx, sloId: string, windowDays: number, now: Date): Promise<void> {
  const until = toEpochMinute(now) - PULL_LAG_MINUTES;
  const values = { syncedUntil: null, backfillFrom: fromEpochMinute(until - windowDays * MINUTES_PER_DAY), backfillTo: fromEpochMinute(until), lastErrorAt: null, lastError: null, lastSuccessAt: null, lastDataMinute: null };
  await tx.sloSourceSync.upsert({ where: { sloId }, create: { sloId, ...values }, update: values });
}

/** Forgets an SLO's samples and their rollups (its SLI now reads from elsewhere). */
export async function clearSamples(tx: Tx, sloId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM slo_samples WHERE slo_id = ${sloId}`;
  await tx.sloSampleHour.deleteMany({ where: { sloId } });
  await tx.sloSampleDay.deleteMany({ where: { sloId } });
}

export interface PullOptions {
  /** SLOs pulled at once (each is one request at a time to its source). */
  concurrency?: number;
  /** Only these SLOs (tests, benchmarks). */
  sloIds?: string[];
  /** Minutes behind the clock the pull stops (default PULL_LAG_MINUTES; 0 when every scrape is in, e.g. a test scraping each second). */
  lagMinutes?: number;
  /** Called when an SLO's pull starts (benchmarks). */
  onStart?: (sloId: string) => void;
  /** Called after each stored chunk (benchmarks). */
  onChunk?: (sloId: string, samples: number) => void;
}

export interface PullResult {
  slos: number;
  samples: number;
  failed: number;
}

type PullTarget = Awaited<ReturnType<typeof loadTargets>>[number];

function loadTargets(db: Db, sloIds?: string[]) {
  return db.slo.findMany({
    where: { dataSourceId: { not: null }, ...(sloIds ? { id: { in: sloIds } } : {}) },
    select: {
      id: true,
      windowDays: true,
      sliKind: true,
      goodQuery: true,
      totalQuery: true,
      latencyMetric: true,
      latencyThresholdMs: true,
      dataSource: { select: { id: true, url: true, authKind: true, username: true, secretEncrypted: true, tlsVerify: true, timeoutMs: true } },
      sourceSync: true,
    },
  });
}

async function pullOne(db: Db, sliSource: SliSource, slo: PullTarget, now: Date, options: PullOptions): Promise<{ samples: number; failed: boolean }> {
  if (!slo.dataSource) return { samples: 0, failed: false };
  const nowMinute = toEpochMinute(now);
  const until = nowMinute - (options.lagMinutes ?? PULL_LAG_MINUTES);
  const windowStart = until - slo.windowDays * MINUTES_PER_DAY;
  let sync = slo.sourceSync;
  if (!sync) {
    await db.$transaction((tx) => startSourceSync(tx, slo.id, slo.windowDays, now));
    sync = await db.sloSourceSync.findUniqueOrThrow({ where: { sloId: slo.id } });
  }
  const syncedUntil = sync.syncedUntil ? toEpochMinute(sync.syncedUntil) : null;
  const backfillDone = syncedUntil !== null && syncedUntil >= toEpochMinute(sync.backfillTo);
  const from = Math.max(windowStart, syncedUntil === null ? toEpochMinute(sync.backfillFrom) : backfillDone ? syncedUntil - PULL_OVERLAP_MINUTES : syncedUntil);
  if (from >= until) return { samples: 0, failed: false };
  options.onStart?.(slo.id);
  let stored = 0;
  try {
    const connection = sourceConnection(slo.dataSource);
    const sli = sliFieldsOf(slo);
    const fetchChunk = (chunkStart: number) => {
      const fetched = sliSource.fetchSamples(connection, sli, { fromMinute: chunkStart, toMinute: Math.min(chunkStart + sliSource.maxMinutesPerFetch, until) });
      // Awaited on the next turn of the loop; this keeps a failure while the previous chunk is written from
      // being an unhandled rejection (the loop has left by then, and the error is recorded once).
      fetched.catch(() => {});
      return fetched;
    };
    // The next chunk is asked for while the current one is written: the source and the database work at once.
    let next = fetchChunk(from);
    for (let chunkStart = from; chunkStart < until; chunkStart += sliSource.maxMinutesPerFetch) {
      const chunkEnd = Math.min(chunkStart + sliSource.maxMinutesPerFetch, until);
      const { samples } = await next;
      if (chunkEnd < until) next = fetchChunk(chunkEnd);
      const lastData = samples.length ? samples[samples.length - 1].minute : null;
      await db.$transaction(
        async (tx) => {
          await writeSamples(tx, slo.id, samples);
          await tx.sloSourceSync.update({
            where: { sloId: slo.id },
            data: { syncedUntil: fromEpochMinute(chunkEnd), lastSuccessAt: now, ...(lastData !== null ? { lastDataMinute: fromEpochMinute(lastData) } : {}) },
          });
        },
        { timeout: 60_000 },
      );
      stored += samples.length;
      options.onChunk?.(slo.id, samples.length);
    }
    return { samples: stored, failed: false };
  } catch (error) {
    const message = error instanceof SourceError ? error.message : `Unexpected: ${(error as Error).message}`;
    // The SLO may have been deleted meanwhile: updateMany then finds nothing, which is fine.
    await db.sloSourceSync.updateMany({ where: { sloId: slo.id }, data: { lastErrorAt: now, lastError: message.slice(0, 1_000) } });
    return { samples: stored, failed: true };
  }
}

/** The worker's minute job: every source SLO's backfill or next minutes. One failing SLO or source stops nothing else. */
export async function pullSourceSlis(db: Db, sliSource: SliSource, now: Date, options: PullOptions = {}): Promise<PullResult> {
  const targets = await loadTargets(db, options.sloIds);
  const result: PullResult = { slos: targets.length, samples: 0, failed: 0 };
  let next = 0;
  const lane = async () => {
    while (next < targets.length) {
      const target = targets[next++];
      const outcome = await pullOne(db, sliSource, target, now, options);
      result.samples += outcome.samples;
      if (outcome.failed) result.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, targets.length) }, lane));
  return result;
}

/** The SLO page's view of a source SLO's pull: the source's name and the status; null for a pushed SLO. */
export async function getSloSourceStatus(actor: Actor, sloId: string) {
  const { slo } = await sloAccess(getDb(), actor, sloId);
  if (!slo.dataSourceId) return null;
  const [source, sync] = await Promise.all([
    getDb().dataSource.findUnique({ where: { id: slo.dataSourceId }, select: { id: true, name: true, url: true } }),
    getDb().sloSourceSync.findUnique({ where: { sloId: slo.id } }),
  ]);
  if (!source) return null;
  return { source, status: sync ? sourceStatus(sync) : null };
}
