// Notification endpoint input: shared by the Settings → Notifications forms, their server actions and the API.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { isEventType, subscribableEventTypes, type EventType } from "@/lib/outbox/events";

export const endpointKinds = ["WEBHOOK", "SLACK"] as const;
export type EndpointKindValue = (typeof endpointKinds)[number];

export const endpointKindLabels: Record<EndpointKindValue, string> = {
  WEBHOOK: "Webhook (Standard Webhooks, signed)",
  SLACK: "Slack incoming webhook",
};

const name = text().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters");

const url = z
  .string({ error: "Enter the receiver's URL" })
  .trim()
  .min(1, "Enter the receiver's URL")
  .max(2_000, "Use at most 2,000 characters")
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return parsed.protocol === "https:" || parsed.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter an http(s) URL, e.g. https://hooks.example.com/portal");

const eventTypeList = z
  .array(z.string(), { error: "Choose the events to send" })
  .min(1, "Choose at least one event")
  .max(subscribableEventTypes.length)
  .superRefine((types, context) => {
    types.forEach((type, index) => {
      if (!isEventType(type) || type === "portal.test") context.addIssue({ code: "custom", path: [index], message: `Unknown event type "${type.slice(0, 60)}"` });
    });
    if (new Set(types).size !== types.length) context.addIssue({ code: "custom", message: "Each event type only once" });
  })
  .transform((types) => types as EventType[]);

export const createEndpointSchema = z
  .object({
    kind: z.enum(endpointKinds, { error: "Choose Webhook or Slack" }),
    name,
    url,
    eventTypes: eventTypeList,
  })
  .superRefine((input, context) => {
    if (input.kind === "SLACK" && !/^https:\/\//.test(input.url)) context.addIssue({ code: "custom", path: ["url"], message: "Slack incoming webhook URLs start with https://" });
  });
export type CreateEndpointInput = z.input<typeof createEndpointSchema>;

export const updateEndpointSchema = z.object({
  version: z.number({ error: "Send the version you edited" }).int().min(1),
  name: name.optional(),
  url: url.optional(),
  eventTypes: eventTypeList.optional(),
  enabled: z.boolean().optional(),
  /** false resumes a paused endpoint (its waiting deliveries go out again). */
  paused: z.literal(false, { error: "Only resuming (paused: false) is possible; the portal pauses endpoints itself" }).optional(),
});
export type UpdateEndpointInput = z.input<typeof updateEndpointSchema>;

export const deliveryStatuses = ["PENDING", "DELIVERING", "DELIVERED", "FAILED"] as const;

export const listDeliveriesSchema = z.object({
  status: z.enum(deliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().datetime({ offset: true, error: "An ISO 8601 time" }).optional(),
});

/** After this many failed attempts in a row an endpoint is paused until someone resumes it. */
export const PAUSE_AFTER_CONSECUTIVE_FAILURES = 20;
/** How long the previous secret keeps signing after a rotation. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 60 * 60 * 1000;
