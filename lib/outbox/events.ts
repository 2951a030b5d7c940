// The events the portal announces, each with its documented JSON payload. Domains write them through
// lib/outbox/outbox.server.ts in their own transactions; receivers get `{ type, timestamp, data }` (the
// Standard Webhooks envelope) with `data` as described here. The schemas are also the OpenAPI `webhooks`.
import { z } from "zod";

const person = z.object({ name: z.string().nullable(), email: z.string().nullable() }).meta({ id: "EventPerson" });
const team = z.object({ slug: z.string(), name: z.string() }).meta({ id: "EventTeam" });
const link = z.string().describe("An absolute link back to the portal page");

const requestRef = z
  .object({
    id: z.string(),
    title: z.string(),
    role: z.string().describe("The specialist role's key, e.g. sre-engineer"),
    roleName: z.string(),
    status: z.string(),
    revision: z.number().int(),
    url: link,
  })
  .meta({ id: "EventRequest" });

const incidentRef = z
  .object({
    id: z.string(),
    reference: z.string().describe("INC-12"),
    title: z.string(),
    severity: z.enum(["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]),
    status: z.string(),
    type: z.string(),
    customerImpact: z.boolean(),
    declaredAt: z.string(),
    services: z.array(z.object({ slug: z.string(), name: z.string() })),
    commander: person.nullable(),
    url: link,
  })
  .meta({ id: "EventIncident" });

const sloRef = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    service: z.object({ slug: z.string(), name: z.string() }),
    objective: z.number().describe("Percent"),
    windowDays: z.number().int(),
    url: link,
  })
  .meta({ id: "EventSlo" });

const meetingRef = z
  .object({ id: z.string(), title: z.string(), scheduledAt: z.string(), startedAt: z.string().nullable(), endedAt: z.string().nullable(), url: link })
  .meta({ id: "EventMeeting" });

const base = { team, actor: person.nullable().describe("Who made the change; null for the portal itself or an integration") };

/** Every event type, with the schema of its `data`. */
export const eventSchemas = {
  "request.submitted": z.object({ ...base, request: requestRef }),
  "request.approved": z.object({ ...base, request: requestRef }),
  "request.changes_requested": z.object({ ...base, request: requestRef, comment: z.string().nullable() }),
  "request.closed": z.object({ ...base, request: requestRef, comment: z.string().nullable() }),
  "request.published": z.object({
    ...base,
    request: requestRef,
    publication: z.object({
      id: z.string(),
      repository: z.object({ id: z.string(), name: z.string() }),
      branch: z.string().describe("The portal's branch, e.g. portal/checkout-network-k3x9q2"),
      directory: z.string().describe("Where the files are inside the repository (the rendered path template)"),
      commitSha: z.string(),
      pullRequestUrl: z.string().nullable().describe("The pull (merge) request, when the repository has a provider API"),
      conflicts: z.array(z.string()).describe("Files committed with conflict markers: edited in the repository on the same lines"),
      trigger: z.enum(["manual", "approval"]),
    }),
  }),
  "incident.declared": z.object({ ...base, incident: incidentRef, summary: z.string() }),
  "incident.status_changed": z.object({ ...base, incident: incidentRef, from: z.string(), to: z.string(), note: z.string().nullable() }),
  "incident.role_assigned": z.object({ ...base, incident: incidentRef, role: z.string(), assignee: person }),
  "incident.resolved": z.object({ ...base, incident: incidentRef, resolvedAt: z.string(), durationMinutes: z.number().int().nullable() }),
  "postmortem.published": z.object({ ...base, incident: incidentRef, postmortem: z.object({ id: z.string(), publishedAt: z.string(), url: link }) }),
  "slo.alert.firing": z.object({
    ...base,
    slo: sloRef,
    alert: z.object({
      level: z.enum(["page", "ticket"]),
      burnRate: z.number().describe("The long window's burn rate of the alerting window pair"),
      shortBurnRate: z.number(),
      threshold: z.number().describe("The burn rate that fires this level"),
      windows: z.string().describe('The window pair, e.g. "1h/5m"'),
      budgetRemainingPercent: z.number().nullable(),
      since: z.string(),
    }),
  }),
  "slo.alert.resolved": z.object({
    ...base,
    slo: sloRef,
    alert: z.object({ level: z.enum(["page", "ticket"]), firedAt: z.string(), resolvedAt: z.string(), budgetRemainingPercent: z.number().nullable() }),
  }),
  "meeting.started": z.object({ ...base, meeting: meetingRef, agenda: z.array(z.object({ requestId: z.string(), title: z.string(), timeboxMinutes: z.number().int() })) }),
  "meeting.minutes_ready": z.object({ ...base, meeting: meetingRef, minutesUrl: link, decisions: z.number().int(), actionItems: z.number().int() }),
  "action_item.overdue": z.object({
    ...base,
    actionItem: z.object({ id: z.string(), title: z.string(), dueDate: z.string().describe("YYYY-MM-DD"), status: z.string(), owner: person.nullable(), url: link }),
    incident: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  }),
  "portal.test": z.object({ ...base, message: z.string(), endpoint: z.object({ id: z.string(), name: z.string() }) }),
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;

export const eventTypes = Object.keys(eventSchemas) as EventType[];

/** The event types a team can subscribe to (the test event is sent on demand, to one endpoint). */
export const subscribableEventTypes = eventTypes.filter((type) => type !== "portal.test");

export const eventTypeLabels: Record<EventType, string> = {
  "request.submitted": "Request submitted",
  "request.approved": "Request approved",
  "request.changes_requested": "Changes requested on a request",
  "request.closed": "Request closed",
  "request.published": "Request published to Git",
  "incident.declared": "Incident declared",
  "incident.status_changed": "Incident status changed",
  "incident.role_assigned": "Incident role assigned",
  "incident.resolved": "Incident resolved",
  "postmortem.published": "Postmortem published",
  "slo.alert.firing": "SLO alert firing (page or ticket)",
  "slo.alert.resolved": "SLO alert resolved",
  "meeting.started": "Review meeting started",
  "meeting.minutes_ready": "Meeting minutes ready",
  "action_item.overdue": "Action item overdue",
  "portal.test": "Test event",
};

export const isEventType = (value: string): value is EventType => Object.hasOwn(eventSchemas, value);

/** What an event is about: a subject's events are delivered to each endpoint in the order they were written. */
export interface EventSubject {
  type: "request" | "incident" | "slo" | "meeting" | "action_item" | "endpoint";
  id: string;
}

/** The body a receiver gets (Standard Webhooks' recommended envelope). */
export interface EventEnvelope<T extends EventType = EventType> {
  type: T;
  timestamp: string;
  data: EventData<T>;
}
