// The worker's periodic jobs. Each runs in a transaction that first takes a PostgreSQL advisory lock
// named after the job, so however many workers run, one instance of a job runs at a time; the jobs are
// idempotent, so a second worker running one right after the first finds nothing left to do.
import type { Db, Tx } from "@/lib/db/client";
import { evaluateSloAlerts } from "@/lib/slo/alert-evaluation.server";
import { announceOverdueActionItems } from "@/lib/incidents/overdue.server";
import { pruneOutbox } from "@/lib/outbox/retention.server";

export interface PeriodicJob {
  name: string;
  intervalMs: number;
  firstRunAfterMs?: number;
  run(db: Db, now: Date): Promise<void>;
}

/** Runs `work` in a transaction holding the job's advisory lock, or not at all when another instance holds it. */
export async function withJobLock<T>(db: Db, name: string, work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T | undefined> {
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, `portal-job:${name}`);
      return locked ? work(tx) : undefined;
    },
    { timeout: options.timeoutMs ?? 60_000, maxWait: 10_000 },
  );
}

export const periodicJobs: PeriodicJob[] = [
  { name: "slo-alerts", intervalMs: 60_000, firstRunAfterMs: 5_000, run: (db, now) => withJobLock(db, "slo-alerts", (tx) => evaluateSloAlerts(tx, now)).then(() => undefined) },
  { name: "overdue-action-items", intervalMs: 5 * 60_000, firstRunAfterMs: 10_000, run: (db, now) => withJobLock(db, "overdue-action-items", (tx) => announceOverdueActionItems(tx, now)).then(() => undefined) },
  { name: "outbox-retention", intervalMs: 60 * 60_000, firstRunAfterMs: 60_000, run: (db, now) => withJobLock(db, "outbox-retention", (tx) => pruneOutbox(tx, now)).then(() => undefined) },
];
