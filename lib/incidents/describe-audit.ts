// Sentences for the incidents domain's audit events (the home page's recent activity).
import { eventTypeLabels } from "@/lib/incidents/event-types";
import { incidentRoleLabels } from "@/lib/incidents/incident-roles";
import { actionItemStatusLabels, postmortemStatusLabels } from "@/lib/incidents/postmortem";
import { statusLabels } from "@/lib/incidents/status";

type Details = Record<string, unknown> | null;

const text = (details: Details, key: string) => {
  const value = details?.[key];
  return value === undefined || value === null ? "" : String(value);
};
const label = <K extends string>(labels: Record<K, string>, value: string) => labels[value as K] ?? value;

/** The sentence for an incident, postmortem or action-item audit event; undefined for other actions. */
export function describeIncidentAuditEvent(action: string, details: unknown, who: string): string | undefined {
  const d = (details && typeof details === "object" ? details : null) as Details;
  const ref = text(d, "reference");
  switch (action) {
    case "incident.declared":
      return text(d, "via") === "alertmanager" ? `Alertmanager declared ${ref} “${text(d, "title")}” (${text(d, "severity")})` : `${who} declared ${ref} “${text(d, "title")}” (${text(d, "severity")})`;
    case "incident.status_changed":
      return `${who} moved ${ref} from ${label(statusLabels, text(d, "from")).toLowerCase()} to ${label(statusLabels, text(d, "to")).toLowerCase()}`;
    case "incident.reopened":
      return `${who} reopened ${ref}`;
    case "incident.updated":
      return `${who} changed the details of ${ref}`;
    case "incident.role_assigned":
      return d?.to ? `${who} made ${text(d, "to")} ${label(incidentRoleLabels, text(d, "role")).toLowerCase()} of ${ref}` : `${who} unassigned the ${label(incidentRoleLabels, text(d, "role")).toLowerCase()} of ${ref}`;
    case "incident.alerts_received":
      return `Alertmanager sent alerts for ${ref}`;
    case "incident.event_added":
      return `${who} added a ${label(eventTypeLabels, text(d, "type")).toLowerCase()} to an incident's timeline`;
    case "incident.event_pinned":
    case "incident.event_unpinned":
      return `${who} ${action.endsWith("unpinned") ? "unpinned" : "pinned"} a timeline event`;
    case "incident.event_time_edited":
      return `${who} moved a timeline event from ${text(d, "from").slice(11, 16)} to ${text(d, "to").slice(11, 16)} UTC`;
    case "postmortem.created":
      return `${who} generated the postmortem draft of ${ref}`;
    case "postmortem.edited":
      return `${who} edited a postmortem`;
    case "postmortem.status_changed":
      return `${who} moved a postmortem to ${label(postmortemStatusLabels, text(d, "to")).toLowerCase()}`;
    case "action_item.created":
      return `${who} added the action item “${text(d, "title")}”`;
    case "action_item.updated":
      return d?.to ? `${who} marked “${text(d, "title")}” ${label(actionItemStatusLabels, text(d, "to")).toLowerCase()}` : `${who} changed the action item “${text(d, "title")}”`;
    default:
      return undefined;
  }
}
