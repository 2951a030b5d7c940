// Outbox retention: events are kept 30 days after they were fanned out (the delivery log shows them),
// then deleted with their deliveries, unless one of those is still waiting to be sent.
import "server-only";
import type { Db } from "@/lib/db/client";

export const OUTBOX_RETENTION_DAYS = 30;

export async function pruneOutbox(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 86_400_000);
  return db.$executeRawUnsafe(
    `DELETE FROM outbox_events e WHERE e.fanned_out_at < $1
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status IN ('PENDING', 'DELIVERING'))`,
    cutoff,
  );
}
