// The notification endpoints' operations, and the events they send as OpenAPI 3.1 `webhooks`.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { errorBodySchema } from "@/lib/api/schemas";
import { eventSchemas, eventTypeLabels, type EventType } from "@/lib/outbox/events";
import { createEndpointSchema, deliveryStatuses, updateEndpointSchema } from "@/lib/notifications/schema";
import { createdEndpointSchema, deliveryAttemptSchema, deliveryViewSchema, endpointViewSchema, rotatedSecretSchema } from "@/lib/notifications/api-schemas";

const slugParam = { name: "slug", in: "path" as const, description: "The team's slug", required: true };
const idParam = { name: "id", in: "path" as const, description: "The endpoint's id", required: true };
const deliveryParam = { name: "deliveryId", in: "path" as const, description: "The delivery's id", required: true };
const forbidden = { 403: { description: "Only maintainers and owners manage endpoints (API tokens act as members)", schema: errorBodySchema } };

export const notificationOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/teams/{slug}/webhooks",
    summary: "The team's notification endpoints (signed webhooks and Slack), without URLs' secrets",
    tags: ["notifications"],
    params: [slugParam],
    responses: { 200: { description: "Endpoints", schema: z.object({ endpoints: z.array(endpointViewSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/teams/{slug}/webhooks",
    summary:
      "Add an endpoint for some event types. A webhook gets a Standard Webhooks signing secret, returned this once. URLs resolving to private, loopback or link-local addresses are refused (422) unless the portal allows them",
    tags: ["notifications"],
    params: [slugParam],
    body: createEndpointSchema,
    responses: { 201: { description: "The endpoint, and its secret once", schema: createdEndpointSchema }, ...forbidden },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}",
    summary: "One endpoint",
    tags: ["notifications"],
    params: [idParam],
    responses: { 200: { description: "The endpoint", schema: z.object({ endpoint: endpointViewSchema }) } },
  },
  {
    method: "patch",
    path: "/api/v1/webhooks/{id}",
    summary: "Change an endpoint's name, URL, events or enabled flag, or resume it after it was paused (`paused: false`). Send the `version` you read",
    tags: ["notifications"],
    params: [idParam],
    body: updateEndpointSchema,
    responses: { 200: { description: "The endpoint", schema: z.object({ endpoint: endpointViewSchema }) }, 409: { description: "The endpoint changed since `version`", schema: errorBodySchema }, ...forbidden },
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    summary: "Delete an endpoint and its delivery log",
    tags: ["notifications"],
    params: [idParam],
    responses: { 204: { description: "Deleted" }, ...forbidden },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/rotate-secret",
    summary: "A new signing secret, returned this once; the previous one keeps signing beside it for 24 hours",
    tags: ["notifications"],
    params: [idParam],
    responses: { 200: { description: "The endpoint and its new secret", schema: rotatedSecretSchema }, 409: { description: "Slack endpoints are not signed", schema: errorBodySchema }, ...forbidden },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/test",
    summary: "Queue a `portal.test` event for this endpoint alone",
    tags: ["notifications"],
    params: [idParam],
    responses: { 202: { description: "Queued", schema: z.object({ eventId: z.string() }) }, ...forbidden },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries",
    summary: "The endpoint's delivery log, newest first",
    tags: ["notifications"],
    params: [
      idParam,
      { name: "status", in: "query", description: "Only deliveries in this state", schema: { type: "string", enum: [...deliveryStatuses] } },
      { name: "limit", in: "query", description: "At most this many (1–200, default 50)", schema: { type: "integer", minimum: 1, maximum: 200 } },
      { name: "before", in: "query", description: "Only deliveries created before this ISO 8601 time (the next page)" },
    ],
    responses: { 200: { description: "Deliveries", schema: z.object({ endpoint: endpointViewSchema, deliveries: z.array(deliveryViewSchema) }) } },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/attempts",
    summary: "Every attempt of one delivery: status code, latency, error and response excerpt",
    tags: ["notifications"],
    params: [idParam, deliveryParam],
    responses: { 200: { description: "Attempts, oldest first", schema: z.object({ attempts: z.array(deliveryAttemptSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
    summary: "Send a delivered or failed delivery again, with the same `webhook-id`",
    tags: ["notifications"],
    params: [idParam, deliveryParam],
    responses: { 202: { description: "Queued again" }, 409: { description: "The delivery is still pending or being sent", schema: errorBodySchema }, ...forbidden },
  },
];

/** The events as OpenAPI `webhooks`: what a receiver gets, per event type (the Standard Webhooks envelope). */
export function notificationWebhooks() {
  return Object.fromEntries(
    (Object.keys(eventSchemas) as EventType[]).map((type) => [
      type,
      {
        summary: eventTypeLabels[type],
        envelope: z.object({ type: z.literal(type), timestamp: z.string().describe("When it happened (ISO 8601)"), data: eventSchemas[type] }),
      },
    ]),
  );
}
