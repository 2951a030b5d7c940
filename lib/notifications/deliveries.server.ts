// The worker's side of notifications: fan committed outbox events out to the endpoints that want them,
// claim due deliveries (FOR UPDATE SKIP LOCKED, so two workers never take the same attempt), and record
// each attempt's outcome with its retry or failure. No HTTP here: the worker calls a channel in between.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { EventType } from "@/lib/outbox/events";
import { decideRetry } from "@/lib/notifications/backoff";
import type { DeliveryOutcome, EndpointKindName } from "@/lib/notifications/channel";
import { PAUSE_AFTER_CONSECUTIVE_FAILURES } from "@/lib/notifications/schema";

/** Timestamps are stored as UTC wall time (Prisma's DateTime): compare with the UTC clock. */
const NOW = "(now() AT TIME ZONE 'UTC')";

/** A fan-out at a time: events are fanned out in sequence order, so a subject's deliveries keep it. */
const FAN_OUT_LOCK = 7_215_001;

/**
 * Turns up to `limit` committed, not yet fanned-out events into one delivery per subscribed, enabled
 * endpoint of the event's team (the test event only to its own endpoint). Idempotent: a delivery exists
 * once per endpoint and event. Returns how many events it handled.
 */
export async function fanOutEvents(db: Db, limit = 500): Promise<number> {
  return db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${FAN_OUT_LOCK}) AS locked`);
    if (!locked) return 0;
    const rows = await tx.$queryRawUnsafe<{ handled: bigint }[]>(
      `WITH batch AS (
         SELECT id, team_id, type, subject_type, subject_id, sequence FROM outbox_events
         WHERE fanned_out_at IS NULL ORDER BY sequence LIMIT $1
       ), created AS (
         INSERT INTO webhook_deliveries (id, endpoint_id, event_id, team_id, subject_key, sequence, status, next_attempt_at, created_at, updated_at)
         SELECT 'dlv_' || replace(gen_random_uuid()::text, '-', ''), ep.id, b.id, b.team_id, b.subject_type || ':' || b.subject_id, b.sequence, 'PENDING', ${NOW}, ${NOW}, ${NOW}
         FROM batch b
         JOIN webhook_endpoints ep ON ep.team_id = b.team_id AND ep.enabled
           AND CASE WHEN b.subject_type = 'endpoint' THEN ep.id = b.subject_id ELSE b.type = ANY(ep.event_types) END
         ON CONFLICT (endpoint_id, event_id) DO NOTHING
       ), marked AS (
         UPDATE outbox_events SET fanned_out_at = ${NOW} WHERE id IN (SELECT id FROM batch) RETURNING 1
       )
       SELECT count(*)::bigint AS handled FROM marked`,
      limit,
    );
    return Number(rows[0]?.handled ?? 0);
  });
}

export interface OutboxBacklog {
  /** Events committed but not yet fanned out. */
  eventsPending: number;
  /** Age of the oldest event or delivery still waiting to be sent, in seconds (0 when none). */
  oldestPendingSeconds: number;
  /** Deliveries still to send or given up on, by state. */
  deliveries: { pending: number; delivering: number; failed: number };
}

/** The outbox as an operator watches it (/metrics): what waits, and for how long. Read-only, a few index scans. */
export async function outboxBacklog(db: Db): Promise<OutboxBacklog> {
  const [row] = await db.$queryRawUnsafe<{ events: bigint; oldest: number | null; pending: bigint; delivering: bigint; failed: bigint }[]>(
    `SELECT (SELECT count(*) FROM outbox_events WHERE fanned_out_at IS NULL) AS events,
            extract(epoch FROM ${NOW} - least(
              (SELECT min(occurred_at) FROM outbox_events WHERE fanned_out_at IS NULL),
              (SELECT min(created_at) FROM webhook_deliveries WHERE status IN ('PENDING', 'DELIVERING'))))::float8 AS oldest,
            (SELECT count(*) FROM webhook_deliveries WHERE status = 'PENDING') AS pending,
            (SELECT count(*) FROM webhook_deliveries WHERE status = 'DELIVERING') AS delivering,
            (SELECT count(*) FROM webhook_deliveries WHERE status = 'FAILED') AS failed`,
  );
  return {
    eventsPending: Number(row.events),
    oldestPendingSeconds: Math.max(0, row.oldest ?? 0),
    deliveries: { pending: Number(row.pending), delivering: Number(row.delivering), failed: Number(row.failed) },
  };
}

export interface ClaimedDelivery {
  id: string;
  attempt: number;
  createdAt: Date;
  endpoint: {
    id: string;
    kind: EndpointKindName;
    urlEncrypted: string;
    secretEncrypted: string | null;
    previousSecretEncrypted: string | null;
    previousSecretExpiresAt: Date | null;
  };
  event: { id: string; type: EventType; occurredAt: Date; payload: unknown };
}

interface ClaimRow {
  id: string;
  attempts: number;
  created_at: Date;
  endpoint_id: string;
  kind: EndpointKindName;
  url_encrypted: string;
  secret_encrypted: string | null;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Date | null;
  event_id: string;
  type: EventType;
  occurred_at: Date;
  payload: unknown;
}

/**
 * Claims up to `limit` due deliveries for `workerId` for `leaseMs`: pending ones whose time has come, and
 * ones a worker claimed but never finished (it died: its lease ran out). A delivery waits while an earlier
 * one of the same subject for the same endpoint is still pending, and while its endpoint is paused.
 */
export async function claimDeliveries(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRawUnsafe<ClaimRow[]>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d
       JOIN webhook_endpoints ep ON ep.id = d.endpoint_id
       WHERE ((d.status = 'PENDING' AND d.next_attempt_at <= ${NOW}) OR (d.status = 'DELIVERING' AND d.locked_until < ${NOW}))
         AND ep.enabled AND ep.paused_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM webhook_deliveries p
           WHERE p.endpoint_id = d.endpoint_id AND p.subject_key = d.subject_key AND p.sequence < d.sequence AND p.status IN ('PENDING', 'DELIVERING')
         )
       ORDER BY d.next_attempt_at, d.sequence
       LIMIT $1
       FOR UPDATE OF d SKIP LOCKED
     ), claimed AS (
       UPDATE webhook_deliveries d
       SET status = 'DELIVERING', attempts = d.attempts + 1, locked_by = $2, locked_until = ${NOW} + $3 * interval '1 millisecond', updated_at = ${NOW}
       FROM due WHERE d.id = due.id
       RETURNING d.id, d.attempts, d.created_at, d.endpoint_id, d.event_id
     )
     SELECT c.id, c.attempts, c.created_at, c.endpoint_id, ep.kind::text AS kind, ep.url_encrypted, ep.secret_encrypted, ep.previous_secret_encrypted,
            ep.previous_secret_expires_at, c.event_id, e.type, e.occurred_at, e.payload
     FROM claimed c
     JOIN webhook_endpoints ep ON ep.id = c.endpoint_id
     JOIN outbox_events e ON e.id = c.event_id
     ORDER BY e.sequence`,
    limit,
    workerId,
    leaseMs,
  );
  return rows.map((row) => ({
    id: row.id,
    attempt: row.attempts,
    createdAt: row.created_at,
    endpoint: {
      id: row.endpoint_id,
      kind: row.kind,
      urlEncrypted: row.url_encrypted,
      secretEncrypted: row.secret_encrypted,
      previousSecretEncrypted: row.previous_secret_encrypted,
      previousSecretExpiresAt: row.previous_secret_expires_at,
    },
    event: { id: row.event_id, type: row.type, occurredAt: row.occurred_at, payload: row.payload },
  }));
}

export interface CompletionSettings {
  workerId: string;
  startedAt: Date;
  now?: Date;
  retryBaseMs: number;
  retryForMs: number;
  random?: () => number;
}

const clip = (text: string | null, length: number) => (text === null ? null : text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * Records one attempt and what follows from it, in one transaction: delivered; or pending again at the
 * next backoff step; or failed. The endpoint's run of failures is counted; at 20 in a row it is paused.
 * Only the worker still holding the claim may move the delivery on (a worker whose lease ran out and was
 * taken over only logs its attempt).
 */
export async function completeDelivery(db: Db, claimed: ClaimedDelivery, outcome: DeliveryOutcome, settings: CompletionSettings): Promise<"delivered" | "retry" | "failed" | "superseded"> {
  const now = settings.now ?? new Date();
  const decision = outcome.ok
    ? null
    : decideRetry({ attempt: claimed.attempt, retryable: outcome.retryable, createdAt: claimed.createdAt, now, baseMs: settings.retryBaseMs, retryForMs: settings.retryForMs, random: (settings.random ?? Math.random)() });
  const error = clip(outcome.error, 1_000);
  return db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: claimed.id,
        attempt: claimed.attempt,
        startedAt: settings.startedAt,
        latencyMs: outcome.latencyMs,
        statusCode: outcome.statusCode,
        ok: outcome.ok,
        error,
        responseExcerpt: clip(outcome.responseExcerpt, 1_000) ?? "",
        workerId: settings.workerId,
      },
    });
    const state = outcome.ok ? "DELIVERED" : decision?.retry ? "PENDING" : "FAILED";
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: claimed.id, lockedBy: settings.workerId, attempts: claimed.attempt, status: "DELIVERING" },
      data: {
        status: state,
        lockedBy: null,
        lockedUntil: null,
        lastStatusCode: outcome.statusCode,
        lastError: error,
        lastLatencyMs: outcome.latencyMs,
        deliveredAt: outcome.ok ? now : undefined,
        nextAttemptAt: decision?.retry ? decision.nextAttemptAt : undefined,
      },
    });
    if (count === 0) return "superseded";
    if (outcome.ok) {
      await tx.webhookEndpoint.update({ where: { id: claimed.endpoint.id }, data: { consecutiveFailures: 0, lastDeliveryAt: now } });
      return "delivered";
    }
    const [endpoint] = await tx.$queryRawUnsafe<{ team_id: string; name: string; paused_now: boolean }[]>(
      `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, last_delivery_at = $2,
         paused_at = CASE WHEN paused_at IS NULL AND consecutive_failures + 1 >= $3 THEN $2 ELSE paused_at END
       WHERE id = $1
       RETURNING team_id, name, (paused_at = $2 AND consecutive_failures = $3) AS paused_now`,
      claimed.endpoint.id,
      now,
      PAUSE_AFTER_CONSECUTIVE_FAILURES,
    );
    if (endpoint?.paused_now) {
      await tx.auditLog.create({
        data: {
          teamId: endpoint.team_id,
          action: "webhook.paused",
          targetType: "webhook_endpoint",
          targetId: claimed.endpoint.id,
          details: { via: "worker", name: endpoint.name, consecutiveFailures: PAUSE_AFTER_CONSECUTIVE_FAILURES, lastError: error },
        },
      });
    }
    return state === "PENDING" ? "retry" : "failed";
  });
}

/** Hands claimed deliveries back (graceful stop before sending them): due again at once, the attempt not counted. */
export async function releaseDeliveries(db: Db, workerId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.$executeRawUnsafe(
    `UPDATE webhook_deliveries SET status = 'PENDING', attempts = attempts - 1, locked_by = NULL, locked_until = NULL, updated_at = ${NOW}
     WHERE id = ANY($1::text[]) AND locked_by = $2 AND status = 'DELIVERING'`,
    `{${ids.join(",")}}`,
    workerId,
  );
}

/** How many deliveries wait (pending or being sent): the outbox depth. */
export async function pendingDeliveryCount(db: Db): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM webhook_deliveries WHERE status IN ('PENDING', 'DELIVERING')`);
  return Number(row?.n ?? 0);
}
