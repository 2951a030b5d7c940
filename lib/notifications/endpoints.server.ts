// Notification endpoints of a team (Settings → Notifications and the API): create with a signing secret
// shown once, change (409 on a stale version), rotate the secret, resume a paused endpoint, send a test
// event, read the delivery log, redeliver. URLs and secrets are encrypted at rest and never returned.
// Everyone in the team reads; maintainers and owners change.
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission, requireTeamPermission, teamAccess, type TeamAccess } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { checkOutboundUrl } from "@/lib/net/address-policy";
import { notifyWorkers, recordEvent } from "@/lib/outbox/outbox.server";
import { eventActor } from "@/lib/outbox/refs.server";
import type { EventType } from "@/lib/outbox/events";
import {
  createEndpointSchema,
  listDeliveriesSchema,
  PREVIOUS_SECRET_VALID_MS,
  updateEndpointSchema,
  type CreateEndpointInput,
  type EndpointKindValue,
  type UpdateEndpointInput,
} from "@/lib/notifications/schema";
import type { z } from "zod";

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64 (the spec's format). */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * What lists show of a URL: a webhook's origin and path (its query may carry a token), a Slack URL's
 * host only (the whole URL is the credential).
 */
export function displayUrl(kind: EndpointKindValue, raw: string): string {
  const url = new URL(raw);
  return kind === "SLACK" ? `${url.host}/…` : `${url.origin}${url.pathname}${url.search ? "?…" : ""}`;
}

const endpointSelect = {
  id: true,
  teamId: true,
  kind: true,
  name: true,
  urlDisplay: true,
  eventTypes: true,
  enabled: true,
  pausedAt: true,
  consecutiveFailures: true,
  lastDeliveryAt: true,
  previousSecretExpiresAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

export interface EndpointView {
  id: string;
  kind: EndpointKindValue;
  name: string;
  url: string;
  eventTypes: EventType[];
  enabled: boolean;
  state: "active" | "paused" | "disabled";
  pausedAt: string | null;
  consecutiveFailures: number;
  lastDeliveryAt: string | null;
  /** Until when the previous signing secret still signs (after a rotation), or null. */
  previousSecretValidUntil: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toEndpointView(row: EndpointRow, now = new Date()): EndpointView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: row.urlDisplay,
    eventTypes: row.eventTypes as EventType[],
    enabled: row.enabled,
    state: !row.enabled ? "disabled" : row.pausedAt ? "paused" : "active",
    pausedAt: row.pausedAt?.toISOString() ?? null,
    consecutiveFailures: row.consecutiveFailures,
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
    previousSecretValidUntil: row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt.toISOString() : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An endpoint the actor's teams own, with the actor's access; NotFound otherwise (and for bad ids). */
async function endpointAccess(db: Db | Tx, actor: Actor, id: string): Promise<{ endpoint: EndpointRow; access: TeamAccess }> {
  const endpoint = typeof id === "string" && id.length <= 100 ? await db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect }) : null;
  if (!endpoint) throw new NotFoundError("Endpoint");
  const access = await teamAccess(db, actor, { id: endpoint.teamId }, "Endpoint");
  return { endpoint, access };
}

async function checkedUrl(url: string): Promise<string> {
  return (await checkOutboundUrl(url, { allowPrivate: env().WEBHOOK_ALLOW_PRIVATE, path: ["url"] })).toString();
}

export async function listEndpoints(actor: Actor, teamSlug: string) {
  const db = getDb();
  const access = await teamAccess(db, actor, { slug: teamSlug });
  const rows = await db.webhookEndpoint.findMany({ where: { teamId: access.team.id }, select: endpointSelect, orderBy: { createdAt: "asc" } });
  return { team: access.team, role: access.role, endpoints: rows.map((row) => toEndpointView(row)) };
}

export async function getEndpoint(actor: Actor, id: string) {
  const { endpoint, access } = await endpointAccess(getDb(), actor, id);
  return { endpoint: toEndpointView(endpoint), team: access.team, role: access.role };
}

/** Creates an endpoint. A webhook's signing secret is in the answer once and never again. */
export async function createEndpoint(actor: Actor, teamSlug: string, input: CreateEndpointInput): Promise<{ endpoint: EndpointView; secret: string | null }> {
  const data = parseOrThrow(createEndpointSchema, input);
  const db = getDb();
  // Authorize before resolving the URL, so that a stranger learns nothing about addresses from the answer.
  await requireTeamPermission(db, actor, { slug: teamSlug }, "manage");
  // The URL is resolved before the transaction: nothing slow or outbound runs inside one.
  const url = await checkedUrl(data.url);
  const secret = data.kind === "WEBHOOK" ? newSigningSecret() : null;
  return db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    const row = await tx.webhookEndpoint.create({
      data: {
        teamId: access.team.id,
        kind: data.kind,
        name: data.name,
        urlEncrypted: encryptSecret(url),
        urlDisplay: displayUrl(data.kind, url),
        eventTypes: data.eventTypes,
        secretEncrypted: secret ? encryptSecret(secret) : null,
        createdById: actor.userId,
      },
      select: endpointSelect,
    });
    await recordAudit(tx, actor, {
      action: "webhook.created",
      teamId: access.team.id,
      targetType: "webhook_endpoint",
      targetId: row.id,
      details: { name: row.name, kind: row.kind, url: row.urlDisplay, eventTypes: data.eventTypes },
    });
    return { endpoint: toEndpointView(row), secret };
  });
}

function staleEndpoint(current: number) {
  return new ConflictError("Someone changed this endpoint after you opened it. Reload it and make your change again.", { currentVersion: current });
}

/** Changes name, URL, events, enabled, or resumes a paused endpoint; `version` must be the current one. */
export async function updateEndpoint(actor: Actor, id: string, input: UpdateEndpointInput): Promise<EndpointView> {
  const data = parseOrThrow(updateEndpointSchema, input);
  const db = getDb();
  const { endpoint, access } = await endpointAccess(db, actor, id);
  assertPermission(access, "manage");
  const url = data.url !== undefined ? await checkedUrl(data.url) : undefined;
  return db.$transaction(async (tx) => {
    const change: Prisma.WebhookEndpointUpdateManyMutationInput = {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(url !== undefined ? { urlEncrypted: encryptSecret(url), urlDisplay: displayUrl(endpoint.kind, url) } : {}),
      ...(data.eventTypes !== undefined ? { eventTypes: data.eventTypes as string[] } : {}),
      ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
      ...(data.paused === false ? { pausedAt: null, consecutiveFailures: 0 } : {}),
      version: { increment: 1 },
    };
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, version: data.version }, data: change });
    if (count === 0) throw staleEndpoint((await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { version: true } })).version);
    const row = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: endpointSelect });
    await recordAudit(tx, actor, {
      action: data.paused === false && endpoint.pausedAt ? "webhook.resumed" : "webhook.updated",
      teamId: access.team.id,
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      details: { name: row.name, fields: Object.keys(data).filter((key) => key !== "version"), ...(url !== undefined ? { url: row.urlDisplay } : {}) },
    });
    return toEndpointView(row);
  });
}

export async function deleteEndpoint(actor: Actor, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { endpoint, access } = await endpointAccess(tx, actor, id);
    assertPermission(access, "manage");
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, actor, { action: "webhook.deleted", teamId: access.team.id, targetType: "webhook_endpoint", targetId: endpoint.id, details: { name: endpoint.name, url: endpoint.urlDisplay } });
  });
}

/** A new signing secret, shown once; the previous one keeps signing for 24 hours beside it. */
export async function rotateEndpointSecret(actor: Actor, id: string, now = new Date()): Promise<{ endpoint: EndpointView; secret: string }> {
  const secret = newSigningSecret();
  return getDb().$transaction(async (tx) => {
    const { endpoint, access } = await endpointAccess(tx, actor, id);
    assertPermission(access, "manage");
    if (endpoint.kind !== "WEBHOOK") throw new ConflictError("Slack endpoints are not signed: change the URL to replace a Slack webhook.");
    const current = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { secretEncrypted: true } });
    const row = await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secretEncrypted: encryptSecret(secret),
        previousSecretEncrypted: current.secretEncrypted,
        previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS),
        version: { increment: 1 },
      },
      select: endpointSelect,
    });
    await recordAudit(tx, actor, { action: "webhook.secret_rotated", teamId: access.team.id, targetType: "webhook_endpoint", targetId: endpoint.id, details: { name: endpoint.name } });
    return { endpoint: toEndpointView(row, now), secret };
  });
}

/** Queues a `portal.test` event for this endpoint alone; it shows in the delivery log like any other. */
export async function sendTestEvent(actor: Actor, id: string): Promise<{ eventId: string }> {
  return getDb().$transaction(async (tx) => {
    const { endpoint, access } = await endpointAccess(tx, actor, id);
    assertPermission(access, "manage");
    const eventId = await recordEvent(tx, {
      teamId: access.team.id,
      type: "portal.test",
      subject: { type: "endpoint", id: endpoint.id },
      data: {
        team: { slug: access.team.slug, name: access.team.name },
        actor: await eventActor(tx, actor),
        message: "A test event from Platform Portal: if you can read this, the endpoint works.",
        endpoint: { id: endpoint.id, name: endpoint.name },
      },
    });
    await recordAudit(tx, actor, { action: "webhook.test_sent", teamId: access.team.id, targetType: "webhook_endpoint", targetId: endpoint.id, details: { name: endpoint.name, eventId } });
    return { eventId };
  });
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "DELIVERING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** The endpoint's delivery log, newest first, with the last attempt's response excerpt. */
export async function listDeliveries(actor: Actor, endpointId: string, query: z.input<typeof listDeliveriesSchema> = {}): Promise<{ endpoint: EndpointView; deliveries: DeliveryView[] }> {
  const filters = parseOrThrow(listDeliveriesSchema, query);
  const db = getDb();
  const { endpoint } = await endpointAccess(db, actor, endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, ...(filters.status ? { status: filters.status } : {}), ...(filters.before ? { createdAt: { lt: new Date(filters.before) } } : {}) },
    orderBy: [{ createdAt: "desc" }, { sequence: "desc" }],
    take: filters.limit,
    include: { event: { select: { type: true } }, attemptLog: { orderBy: { attempt: "desc" }, take: 1, select: { responseExcerpt: true } } },
  });
  return {
    endpoint: toEndpointView(endpoint),
    deliveries: rows.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      eventType: row.event.type,
      status: row.status,
      attempts: row.attempts,
      lastStatusCode: row.lastStatusCode,
      lastLatencyMs: row.lastLatencyMs,
      lastError: row.lastError,
      responseExcerpt: row.attemptLog[0]?.responseExcerpt ?? null,
      nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

/** Every attempt of one delivery, oldest first. */
export async function listDeliveryAttempts(actor: Actor, endpointId: string, deliveryId: string) {
  const db = getDb();
  const { endpoint } = await endpointAccess(db, actor, endpointId);
  const delivery = await db.webhookDelivery.findFirst({ where: { id: String(deliveryId), endpointId: endpoint.id }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
  if (!delivery) throw new NotFoundError("Delivery");
  return delivery.attemptLog.map((attempt) => ({
    attempt: attempt.attempt,
    startedAt: attempt.startedAt.toISOString(),
    latencyMs: attempt.latencyMs,
    statusCode: attempt.statusCode,
    ok: attempt.ok,
    error: attempt.error,
    responseExcerpt: attempt.responseExcerpt,
  }));
}

/** Sends a delivered or failed delivery again, with the same `webhook-id`; a waiting one is 409. */
export async function redeliver(actor: Actor, endpointId: string, deliveryId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { endpoint, access } = await endpointAccess(tx, actor, endpointId);
    assertPermission(access, "manage");
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: String(deliveryId), endpointId: endpoint.id, status: { in: ["DELIVERED", "FAILED"] } },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.webhookDelivery.findFirst({ where: { id: String(deliveryId), endpointId: endpoint.id }, select: { status: true } });
      if (!exists) throw new NotFoundError("Delivery");
      throw new ConflictError("This delivery is still being sent or retried; redeliver it once it has succeeded or failed.");
    }
    await notifyWorkers(tx);
    await recordAudit(tx, actor, { action: "webhook.redelivered", teamId: access.team.id, targetType: "webhook_endpoint", targetId: endpoint.id, details: { name: endpoint.name, deliveryId } });
  });
}

/** The paused endpoints of the teams the actor owns: what the owners' banner lists. */
export async function listPausedEndpointsForOwners(actor: Actor): Promise<{ id: string; name: string; team: { slug: string; name: string }; pausedAt: string }[]> {
  if (actor.kind !== "user") return [];
  // One query (every page's layout asks): the endpoints of the teams the user owns.
  const rows = await getDb().webhookEndpoint.findMany({
    where: { team: { memberships: { some: { userId: actor.userId, role: "OWNER" } } }, pausedAt: { not: null }, enabled: true },
    select: { id: true, name: true, pausedAt: true, team: { select: { slug: true, name: true } } },
    orderBy: { pausedAt: "asc" },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, team: row.team, pausedAt: row.pausedAt!.toISOString() }));
}
