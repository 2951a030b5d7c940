// The worker's periodic jobs. The engine runs each under its advisory lock (lib/worker/job-lock.ts), so
// however many workers run, one instance of a job runs at a time. A job holds no transaction open while
// it reads or computes; each change it makes is a short transaction that re-checks what it read, so a
// job is idempotent, and a second instance right after the first finds nothing left to do.
import type { Db } from "@/lib/db/client";
import { evaluateSloAlerts } from "@/lib/slo/alert-evaluation.server";
import { announceOverdueActionItems } from "@/lib/incidents/overdue.server";
import { pruneOutbox } from "@/lib/outbox/retention.server";
import { maintainSamplePartitions } from "@/lib/slo/partitions.server";
import { refreshDoraFacts } from "@/lib/deployments/dora-facts.server";
import { env } from "@/lib/env";

export interface PeriodicJob {
  name: string;
  intervalMs: number;
  firstRunAfterMs?: number;
  run(db: Db, now: Date): Promise<unknown>;
}

export const periodicJobs: PeriodicJob[] = [
  { name: "slo-alerts", intervalMs: 60_000, firstRunAfterMs: 5_000, run: (db, now) => evaluateSloAlerts(db, now) },
  { name: "overdue-action-items", intervalMs: 5 * 60_000, firstRunAfterMs: 10_000, run: (db, now) => announceOverdueActionItems(db, now) },
  // Monthly SLI sample partitions created ahead, and dropped past SLI_RETENTION_DAYS (ADR 019). DDL and the
  // move out of the default partition belong together, so this one job is a transaction; when nothing is
  // due (almost every hour) it is a catalogue read and three deletes that find nothing.
  {
    name: "sli-partitions",
    intervalMs: 60 * 60_000,
    // The migration created three months ahead: nothing is urgent at start, when the embedded database
    // (one session for everyone) is busiest.
    firstRunAfterMs: 5 * 60_000,
    run: (db, now) => db.$transaction((tx) => maintainSamplePartitions(tx, now, { retentionDays: env().SLI_RETENTION_DAYS }), { timeout: 10 * 60_000, maxWait: 30_000 }),
  },
  // The DORA facts of what changed since (ADR 018): reports refresh their own scope too, so this only keeps
  // them from having to.
  { name: "dora-facts", intervalMs: 60_000, firstRunAfterMs: 30_000, run: (db) => refreshDoraFacts(db, null) },
  { name: "outbox-retention", intervalMs: 60 * 60_000, firstRunAfterMs: 60_000, run: (db, now) => pruneOutbox(db, now) },
];
