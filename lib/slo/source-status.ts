// What the SLO page and list say about a source SLO's pull: backfilling (with progress), current, or
// "no data since …" with the source's error. Pure: `now` comes in.
export interface SourceSyncState {
  syncedUntil: Date | null;
  backfillFrom: Date;
  backfillTo: Date;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  lastDataMinute: Date | null;
}

export interface SourceStatus {
  state: "backfilling" | "current" | "failing";
  /** Share of the backfill done, 0–1. */
  progress: number;
  /** The last minute the source had data for (null: none yet). */
  noDataSince: string | null;
  error: string | null;
  errorAt: string | null;
  lastSuccessAt: string | null;
}

/** Failing: the last attempt failed (an error newer than the last success). */
export function sourceStatus(sync: SourceSyncState): SourceStatus {
  const span = sync.backfillTo.getTime() - sync.backfillFrom.getTime();
  const done = sync.syncedUntil ? Math.min(1, Math.max(0, (sync.syncedUntil.getTime() - sync.backfillFrom.getTime()) / (span || 1))) : 0;
  const failing = sync.lastErrorAt !== null && (sync.lastSuccessAt === null || sync.lastErrorAt > sync.lastSuccessAt);
  return {
    state: failing ? "failing" : done < 1 ? "backfilling" : "current",
    progress: done,
    noDataSince: sync.lastDataMinute ? new Date(sync.lastDataMinute.getTime() + 60_000).toISOString() : null,
    error: failing ? sync.lastError : null,
    errorAt: failing ? (sync.lastErrorAt?.toISOString() ?? null) : null,
    lastSuccessAt: sync.lastSuccessAt?.toISOString() ?? null,
  };
}
