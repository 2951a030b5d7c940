// The port the notifications domain owns: how one event reaches one endpoint. Adapters implement it in
// lib/integrations/<system>/ (webhooks: Standard Webhooks signing; slack: Block Kit); lib/integrations/registry.ts
// wires them. Nothing here knows HTTP, signing or Slack.
import type { EventEnvelope } from "@/lib/outbox/events";

export type EndpointKindName = "WEBHOOK" | "SLACK";

/** One endpoint as a channel needs it, secrets already decrypted (they never leave the worker). */
export interface DeliveryTarget {
  kind: EndpointKindName;
  url: string;
  /** Signing secrets, newest first: the current one, plus the previous one for 24 h after a rotation. */
  secrets: string[];
}

export interface DeliveryContext {
  /** The `webhook-id`: the event's id, the same on every attempt. */
  messageId: string;
  /** Absolute base URL of the portal, for links back. */
  portalUrl: string;
  timeoutMs: number;
  allowPrivate: boolean;
  /** The time to sign with (the attempt's start). */
  now: Date;
}

/** What one attempt did. `retryable` false: retrying cannot help (e.g. 400, 404, 410, a refused address). */
export interface DeliveryOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** At most 1,000 characters of the response body (never more than 64 KB is read). */
  responseExcerpt: string;
  error: string | null;
  retryable: boolean;
}

export interface NotificationChannel {
  deliver(target: DeliveryTarget, event: EventEnvelope & { id: string }, context: DeliveryContext): Promise<DeliveryOutcome>;
}

export type ChannelRegistry = Record<EndpointKindName, NotificationChannel>;
