// Which monthly partitions of slo_samples should exist and which are past the retention: pure month
// arithmetic in UTC (the minutes are stored as UTC wall time). See ADR 019.

const NAME = /^slo_samples_p(\d{4})_(\d{2})$/;

export interface MonthPartition {
  name: string;
  /** First minute of the month (inclusive), UTC. */
  from: Date;
  /** First minute of the next month (exclusive), UTC. */
  to: Date;
}

const monthStart = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1));

export function monthPartition(date: Date): MonthPartition {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return { name: `slo_samples_p${year}_${String(month + 1).padStart(2, "0")}`, from: monthStart(year, month), to: monthStart(year, month + 1) };
}

/** The partition a name stands for, or undefined for any other table (slo_samples_default among them). */
export function parsePartitionName(name: string): MonthPartition | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return monthPartition(monthStart(Number(match[1]), month - 1));
}

/** This month and the `ahead` months after it: what must exist before a minute of them arrives. */
export function monthsToEnsure(now: Date, ahead: number): MonthPartition[] {
  return Array.from({ length: ahead + 1 }, (_, offset) => monthPartition(monthStart(now.getUTCFullYear(), now.getUTCMonth() + offset)));
}

/** Minutes before this are past the retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 86_400_000);
}

/** Partitions wholly older than the cutoff: dropped whole, so data is kept at least `retentionDays`, at most a month longer. */
export function partitionsPastRetention(names: readonly string[], now: Date, retentionDays: number): MonthPartition[] {
  const cutoff = retentionCutoff(now, retentionDays).getTime();
  return names.map(parsePartitionName).filter((partition): partition is MonthPartition => partition !== undefined && partition.to.getTime() <= cutoff);
}
