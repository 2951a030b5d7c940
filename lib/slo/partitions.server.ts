// Keeps slo_samples' monthly partitions: this month and the next two exist before their first minute
// arrives (a minute no partition covers lands in slo_samples_default and is moved when its month is
// created), and months wholly past the retention are dropped with their rollups. Run by the worker's
// periodic job under an advisory lock (lib/worker/jobs.ts); idempotent. See ADR 019.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { monthsToEnsure, partitionsPastRetention, retentionCutoff, type MonthPartition } from "@/lib/slo/partitions";

export const MONTHS_AHEAD = 2;

export interface PartitionMaintenance {
  created: string[];
  dropped: string[];
  /** Minutes moved out of slo_samples_default into the month created for them. */
  moved: number;
  /** Rollup rows (hours and days) deleted past the retention. */
  prunedRollups: number;
}

/** The partitions of slo_samples in the current schema, by name. */
export async function listSamplePartitions(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'slo_samples'::regclass ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

const timestamp = (date: Date) => `TIMESTAMP '${date.toISOString().replace("T", " ").replace("Z", "")}'`;

async function createPartition(tx: Tx, partition: MonthPartition): Promise<number> {
  // The month's minutes that arrived before it existed are in the default partition: move them first, or
  // attaching would fail its check that the default holds nothing of the month.
  await tx.$executeRawUnsafe(`CREATE TABLE "${partition.name}" (LIKE "slo_samples" INCLUDING DEFAULTS)`);
  const moved = await tx.$executeRawUnsafe(
    `WITH moved AS (DELETE FROM "slo_samples_default" WHERE "minute" >= ${timestamp(partition.from)} AND "minute" < ${timestamp(partition.to)} RETURNING "slo_id", "minute", "good", "total")
     INSERT INTO "${partition.name}" ("slo_id", "minute", "good", "total") SELECT "slo_id", "minute", "good", "total" FROM moved`,
  );
  await tx.$executeRawUnsafe(`ALTER TABLE "slo_samples" ATTACH PARTITION "${partition.name}" FOR VALUES FROM (${timestamp(partition.from)}) TO (${timestamp(partition.to)})`);
  return moved;
}

export async function maintainSamplePartitions(tx: Tx, now: Date, options: { retentionDays: number; monthsAhead?: number }): Promise<PartitionMaintenance> {
  const existing = new Set(await listSamplePartitions(tx));
  const result: PartitionMaintenance = { created: [], dropped: [], moved: 0, prunedRollups: 0 };
  for (const partition of monthsToEnsure(now, options.monthsAhead ?? MONTHS_AHEAD)) {
    if (existing.has(partition.name)) continue;
    result.moved += await createPartition(tx, partition);
    result.created.push(partition.name);
  }
  for (const partition of partitionsPastRetention([...existing], now, options.retentionDays)) {
    await tx.$executeRawUnsafe(`DROP TABLE "${partition.name}"`);
    result.dropped.push(partition.name);
  }
  const cutoff = retentionCutoff(now, options.retentionDays);
  // Minutes of months never partitioned (only in the default) go by the same rule, and so do the rollups.
  await tx.$executeRawUnsafe(`DELETE FROM "slo_samples_default" WHERE "minute" < date_trunc('month', ${timestamp(cutoff)})`);
  result.prunedRollups += await tx.$executeRawUnsafe(`DELETE FROM "slo_sample_hours" WHERE "hour" < date_trunc('month', ${timestamp(cutoff)})`);
  result.prunedRollups += await tx.$executeRawUnsafe(`DELETE FROM "slo_sample_days" WHERE "day" < date_trunc('month', ${timestamp(cutoff)})`);
  return result;
}
