// The worker's periodic jobs. The engine runs each under its advisory lock (lib/worker/job-lock.ts), so
// however many workers run, one instance of a job runs at a time. A job holds no transaction open while
// it reads or computes; each change it makes is a short transaction that re-checks what it read, so a
// job is idempotent, and a second instance right after the first finds nothing left to do.
import type { Db } from "@/lib/db/client";
import { evaluateSloAlerts } from "@/lib/slo/alert-evaluation.server";
import { announceOverdueActionItems } from "@/lib/incidents/overdue.server";
import { pruneOutbox } from "@/lib/outbox/retention.server";

export interface PeriodicJob {
  name: string;
  intervalMs: number;
  firstRunAfterMs?: number;
  run(db: Db, now: Date): Promise<unknown>;
}

export const periodicJobs: PeriodicJob[] = [
  { name: "slo-alerts", intervalMs: 60_000, firstRunAfterMs: 5_000, run: (db, now) => evaluateSloAlerts(db, now) },
  { name: "overdue-action-items", intervalMs: 5 * 60_000, firstRunAfterMs: 10_000, run: (db, now) => announceOverdueActionItems(db, now) },
  { name: "outbox-retention", intervalMs: 60 * 60_000, firstRunAfterMs: 60_000, run: (db, now) => pruneOutbox(db, now) },
];
