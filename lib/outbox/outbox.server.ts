// The transactional outbox: domains record an event in the transaction of the change that causes it, and
// the worker (lib/worker) delivers it after commit. Nothing outbound ever happens here: a rolled-back
// change leaves no event, a committed one always has its event.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventSchemas, type EventData, type EventSubject, type EventType } from "@/lib/outbox/events";

/** The channel the worker LISTENs on; NOTIFY inside a transaction is only sent when it commits. */
export const OUTBOX_CHANNEL = "portal_outbox";

/** `msg_` and 24 random base62 characters: the event's id, sent as `webhook-id` on every attempt. */
export function newEventId(): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const bytes = randomBytes(24);
  let id = "msg_";
  for (const byte of bytes) id += alphabet[byte % 62];
  return id;
}

export interface RecordEventInput<T extends EventType> {
  teamId: string;
  type: T;
  subject: EventSubject;
  data: EventData<T>;
  occurredAt?: Date;
}

/**
 * Writes one event in the caller's transaction. The data is checked against the event type's documented
 * schema, so a payload that drifts from the OpenAPI document fails where it is written, in the tests.
 */
export async function recordEvent<T extends EventType>(tx: Tx, input: RecordEventInput<T>): Promise<string> {
  const data = eventSchemas[input.type].parse(input.data) as Prisma.InputJsonValue;
  const id = newEventId();
  await tx.outboxEvent.create({
    data: {
      id,
      teamId: input.teamId,
      type: input.type,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      payload: data,
      occurredAt: input.occurredAt ?? new Date(),
    },
  });
  await notifyWorkers(tx);
  return id;
}

/** Wakes the workers when `tx` commits (deliveries made due again, e.g. by a redelivery). */
export async function notifyWorkers(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}
