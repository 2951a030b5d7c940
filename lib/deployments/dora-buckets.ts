// The buckets of a DORA chart: the start of each UTC day or ISO week (Monday) a window touches.
import type { DoraBucket } from "@/lib/deployments/dora";

/** Bucket starts covering [from, to): UTC days, or ISO weeks (Mondays) as PostgreSQL's date_trunc makes them. */
export function bucketStarts(from: Date, to: Date, unit: DoraBucket): Date[] {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  if (unit === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const step = unit === "week" ? 7 : 1;
  const starts: Date[] = [];
  for (const at = start; at < to; at.setUTCDate(at.getUTCDate() + step)) starts.push(new Date(at));
  return starts;
}

