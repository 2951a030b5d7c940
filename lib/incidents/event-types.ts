// Timeline event types: their names, and which ones people write (the rest are recorded by the system).
import type { IncidentEventType } from "@/lib/generated/prisma/browser";

export const incidentEventTypes = [
  "DECLARED",
  "STATUS_CHANGE",
  "SEVERITY_CHANGE",
  "ROLE_CHANGE",
  "FIELD_CHANGE",
  "NOTE",
  "ACTION",
  "ALERT",
  "DEPLOY",
  "COMMUNICATION",
  "METRIC_SNAPSHOT",
] as const satisfies readonly IncidentEventType[];

/** The types a person adds by hand; status, severity, role, field and alert events are recorded automatically. */
export const manualEventTypes = ["NOTE", "ACTION", "COMMUNICATION", "DEPLOY", "METRIC_SNAPSHOT"] as const satisfies readonly IncidentEventType[];
export type ManualEventType = (typeof manualEventTypes)[number];

export const eventTypeLabels: Record<IncidentEventType, string> = {
  DECLARED: "Declared",
  STATUS_CHANGE: "Status change",
  SEVERITY_CHANGE: "Severity change",
  ROLE_CHANGE: "Role change",
  FIELD_CHANGE: "Details changed",
  NOTE: "Note",
  ACTION: "Action taken",
  ALERT: "Alert",
  DEPLOY: "Deploy / change",
  COMMUNICATION: "Communication sent",
  METRIC_SNAPSHOT: "Metric snapshot",
};

/** What the text box asks for, per manual type. */
export const manualEventPlaceholders: Record<ManualEventType, string> = {
  NOTE: "What was seen or decided, e.g. “Error rate on checkout-api at 12 %, only EU region”",
  ACTION: "What was done, e.g. “Rolled back checkout-api to v2.14.0”",
  COMMUNICATION: "What was said and where, e.g. “Status page: investigating elevated checkout errors”",
  DEPLOY: "The deploy or change, e.g. “payment-gateway v3.2.0 rolled out 09:55”",
  METRIC_SNAPSHOT: "The reading, e.g. “p99 latency 2.4 s (SLO 800 ms), 5xx 3.1 %”",
};

/**
 * Events that tell the story on their own: the postmortem draft's timeline takes these (plus anything
 * pinned) and leaves out notes and field edits.
 */
export const keyEventTypes: readonly IncidentEventType[] = ["DECLARED", "STATUS_CHANGE", "SEVERITY_CHANGE", "ACTION", "DEPLOY", "COMMUNICATION"];
