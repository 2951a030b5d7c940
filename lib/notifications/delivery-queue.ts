// Webhook and Slack deliveries as a work queue of the worker: fan committed outbox events out to the
// endpoints that want them, claim due deliveries, send each through the channel of its endpoint's kind
// (the port in lib/notifications/channel.ts, adapters wired by lib/integrations/registry.ts), and record
// the attempt with its retry or failure.
import "server-only";
import type { Db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { EventEnvelope } from "@/lib/outbox/events";
import type { ChannelRegistry, DeliveryOutcome } from "@/lib/notifications/channel";
import { claimDeliveries, completeDelivery, fanOutEvents, releaseDeliveries, type ClaimedDelivery } from "@/lib/notifications/deliveries.server";
import type { WorkQueue } from "@/lib/worker/worker";

export interface DeliverySettings {
  /** Deliveries one worker sends at once. */
  concurrency: number;
  timeoutMs: number;
  allowPrivate: boolean;
  retryBaseMs: number;
  retryForMs: number;
  /** Absolute base URL of the portal, for links back. */
  portalUrl: string;
  /** Told each attempt's result and how long after its event was committed it ended (the worker's /metrics). */
  observe?: (result: "delivered" | "retry" | "failed" | "superseded", sinceEventMs: number) => void;
}

/** A lease outlives the attempt's timeout, so a live worker never loses its claim mid-attempt. */
const leaseFor = (timeoutMs: number) => timeoutMs + 5_000;

export function deliveryQueue(channels: ChannelRegistry, settings: DeliverySettings): WorkQueue<ClaimedDelivery> {
  const counters = { delivered: 0, retried: 0, failed: 0, superseded: 0, fannedOut: 0 };

  async function send(claimed: ClaimedDelivery, startedAt: Date): Promise<DeliveryOutcome> {
    try {
      const { endpoint, event } = claimed;
      const previousValid = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > startedAt;
      const secrets = [endpoint.secretEncrypted, previousValid ? endpoint.previousSecretEncrypted : null].filter((sealed): sealed is string => Boolean(sealed)).map(decryptSecret);
      const url = decryptSecret(endpoint.urlEncrypted);
      const envelope = { id: event.id, type: event.type, timestamp: event.occurredAt.toISOString(), data: event.payload } as EventEnvelope & { id: string };
      return await channels[endpoint.kind].deliver({ kind: endpoint.kind, url, secrets }, envelope, {
        messageId: event.id,
        portalUrl: settings.portalUrl,
        timeoutMs: settings.timeoutMs,
        allowPrivate: settings.allowPrivate,
        now: startedAt,
      });
    } catch (error) {
      // A secret that no longer decrypts (the encryption key changed) or a channel bug: not worth retrying.
      return { ok: false, statusCode: null, latencyMs: Date.now() - startedAt.getTime(), responseExcerpt: "", error: `Not sent: ${(error as Error).message}`, retryable: false };
    }
  }

  return {
    name: "deliveries",
    concurrency: settings.concurrency,
    async prepare(db) {
      const fanned = await fanOutEvents(db);
      counters.fannedOut += fanned;
      return fanned;
    },
    claim: (db, workerId, limit) => claimDeliveries(db, workerId, limit, leaseFor(settings.timeoutMs)),
    async run(db: Db, claimed, workerId) {
      const startedAt = new Date();
      const outcome = await send(claimed, startedAt);
      const result = await completeDelivery(db, claimed, outcome, { workerId, startedAt, retryBaseMs: settings.retryBaseMs, retryForMs: settings.retryForMs });
      if (result === "delivered") counters.delivered++;
      else if (result === "retry") counters.retried++;
      else if (result === "failed") counters.failed++;
      else counters.superseded++;
      settings.observe?.(result, Date.now() - claimed.event.occurredAt.getTime());
    },
    async release(db, workerId) {
      // Anything still marked as ours was claimed but never started: hand it back.
      const orphans = await db.webhookDelivery.findMany({ where: { lockedBy: workerId, status: "DELIVERING" }, select: { id: true } });
      await releaseDeliveries(db, workerId, orphans.map((row) => row.id));
    },
    stats: () => ({ ...counters }),
  };
}
