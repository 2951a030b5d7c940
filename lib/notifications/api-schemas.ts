// The JSON shapes of the notification endpoints API (for the OpenAPI document; the handlers return them).
import { z } from "zod";
import { eventTypes } from "@/lib/outbox/events";
import { deliveryStatuses, endpointKinds } from "@/lib/notifications/schema";

export const endpointViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(endpointKinds),
    name: z.string(),
    url: z.string().describe("The URL as lists show it: a webhook's origin and path, a Slack URL's host. The full URL is never returned."),
    eventTypes: z.array(z.enum(eventTypes as [string, ...string[]])),
    enabled: z.boolean(),
    state: z.enum(["active", "paused", "disabled"]),
    pausedAt: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    lastDeliveryAt: z.string().nullable(),
    previousSecretValidUntil: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "NotificationEndpoint" });

export const createdEndpointSchema = z.object({
  endpoint: endpointViewSchema,
  secret: z.string().nullable().describe("The Standard Webhooks signing secret (whsec_…), shown this once; null for Slack"),
});

export const rotatedSecretSchema = z.object({ endpoint: endpointViewSchema, secret: z.string().describe("The new signing secret, shown this once") });

export const deliveryViewSchema = z
  .object({
    id: z.string(),
    eventId: z.string().describe("The event's id: the `webhook-id` header, the same on every attempt"),
    eventType: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    responseExcerpt: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "NotificationDelivery" });

export const deliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  latencyMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  ok: z.boolean(),
  error: z.string().nullable(),
  responseExcerpt: z.string(),
});
