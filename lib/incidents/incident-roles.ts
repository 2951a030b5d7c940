// The four incident roles, in the order they are shown; the commander is always shown at the top.
import type { IncidentRole } from "@/lib/generated/prisma/browser";

export const incidentRoles = ["COMMANDER", "COMMUNICATIONS_LEAD", "SCRIBE", "OPERATIONS_LEAD"] as const satisfies readonly IncidentRole[];

export const incidentRoleLabels: Record<IncidentRole, string> = {
  COMMANDER: "Incident commander",
  COMMUNICATIONS_LEAD: "Communications lead",
  SCRIBE: "Scribe",
  OPERATIONS_LEAD: "Operations lead",
};

export const incidentRoleDescriptions: Record<IncidentRole, string> = {
  COMMANDER: "Runs the response: decides, delegates and owns the status.",
  COMMUNICATIONS_LEAD: "Keeps customers, support and leadership informed.",
  SCRIBE: "Keeps the timeline: what was seen, decided and done.",
  OPERATIONS_LEAD: "Leads the hands-on work on the systems.",
};
