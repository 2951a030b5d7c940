// The incident status machine: which moves are allowed, what each one does to the key times, and the
// message for a move that is not allowed. Pure; the server enforces it (lib/incidents/incidents.server.ts).
import type { IncidentStatus } from "@/lib/generated/prisma/browser";
import { InvalidError } from "@/lib/errors";
import type { KeyTimes } from "@/lib/incidents/times";

export const incidentStatuses = [
  "TRIAGE",
  "INVESTIGATING",
  "IDENTIFIED",
  "MONITORING",
  "RESOLVED",
  "CLOSED",
  "CANCELLED",
] as const satisfies readonly IncidentStatus[];

/** Statuses of an incident that is still being worked: the list shows these first. */
export const activeStatuses = ["TRIAGE", "INVESTIGATING", "IDENTIFIED", "MONITORING"] as const satisfies readonly IncidentStatus[];

export const statusLabels: Record<IncidentStatus, string> = {
  TRIAGE: "Triage",
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
  CANCELLED: "Cancelled",
};

export const statusDescriptions: Record<IncidentStatus, string> = {
  TRIAGE: "Declared; nobody has acknowledged it yet.",
  INVESTIGATING: "Acknowledged; the cause is being looked for.",
  IDENTIFIED: "The cause is known; a fix or mitigation is under way.",
  MONITORING: "Mitigated; watching that the fix holds.",
  RESOLVED: "Over for customers; the follow-up (postmortem) is open.",
  CLOSED: "Done, follow-up included.",
  CANCELLED: "Not an incident after all (a false alarm or a duplicate).",
};

/**
 * The allowed moves. Leaving triage means someone acknowledged it, so triage only goes to investigating
 * (or is cancelled). Work may skip ahead (a fix can land before the cause is formally identified) and
 * go back to investigating when a hypothesis or a fix fails. Cancelling is for false alarms, so it is
 * only possible before mitigation. A resolved incident can be reopened; closed and cancelled are final.
 */
export const statusTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  TRIAGE: ["INVESTIGATING", "CANCELLED"],
  INVESTIGATING: ["IDENTIFIED", "MONITORING", "RESOLVED", "CANCELLED"],
  IDENTIFIED: ["INVESTIGATING", "MONITORING", "RESOLVED", "CANCELLED"],
  MONITORING: ["INVESTIGATING", "RESOLVED"],
  RESOLVED: ["INVESTIGATING", "CLOSED"],
  CLOSED: [],
  CANCELLED: [],
};

/** The status tone of each status: impact ongoing is critical, mitigated a warning, resolved healthy. */
export const statusTones: Record<IncidentStatus, "critical" | "warning" | "healthy" | "neutral" | "nodata"> = {
  TRIAGE: "critical",
  INVESTIGATING: "critical",
  IDENTIFIED: "critical",
  MONITORING: "warning",
  RESOLVED: "healthy",
  CLOSED: "neutral",
  CANCELLED: "nodata",
};

export function isActiveStatus(status: IncidentStatus): boolean {
  return (activeStatuses as readonly IncidentStatus[]).includes(status);
}

export function allowedTransitions(from: IncidentStatus): readonly IncidentStatus[] {
  return statusTransitions[from];
}

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return statusTransitions[from].includes(to);
}

/** Why a move is not allowed, in words, or null when it is. */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `The incident is already ${statusLabels[to].toLowerCase()}.`;
  const next = statusTransitions[from];
  const options = next.length ? `From ${statusLabels[from]} it can move to: ${next.map((s) => statusLabels[s]).join(", ")}.` : `${statusLabels[from]} is final.`;
  return `An incident cannot move from ${statusLabels[from]} to ${statusLabels[to]}. ${options}`;
}

/** The words on the button that makes a move. */
export function transitionLabel(from: IncidentStatus, to: IncidentStatus): string {
  if (from === "RESOLVED" && to === "INVESTIGATING") return "Reopen";
  if (to === "INVESTIGATING") return from === "TRIAGE" ? "Acknowledge and investigate" : "Back to investigating";
  switch (to) {
    case "IDENTIFIED":
      return "Cause identified";
    case "MONITORING":
      return "Mitigated: monitor";
    case "RESOLVED":
      return "Resolve";
    case "CLOSED":
      return "Close";
    case "CANCELLED":
      return "Cancel (not an incident)";
    default:
      return statusLabels[to];
  }
}

export interface TransitionPlan {
  from: IncidentStatus;
  to: IncidentStatus;
  /** RESOLVED → INVESTIGATING: recorded as a reopening. */
  reopened: boolean;
  /** Only the times this move changes; null clears a time. */
  times: Partial<KeyTimes> & { closedAt?: Date | null };
}

/**
 * What a move does, or an InvalidError (422) when the machine does not allow it. Times are set only when
 * still empty (a time entered by hand wins): leaving triage acknowledges, monitoring means mitigated,
 * resolving sets resolved (and mitigated, when nobody recorded it). Going back to investigating means the
 * mitigation did not hold, so mitigated (and on a reopening, resolved) is cleared; the timeline event keeps
 * the old values.
 */
export function planTransition(current: { status: IncidentStatus } & Partial<KeyTimes>, to: IncidentStatus, now: Date): TransitionPlan {
  const problem = transitionProblem(current.status, to);
  if (problem) throw InvalidError.field(["to"], problem);
  const times: TransitionPlan["times"] = {};
  const reopened = current.status === "RESOLVED" && to === "INVESTIGATING";
  if (current.status === "TRIAGE" && to !== "CANCELLED" && !current.acknowledgedAt) times.acknowledgedAt = now;
  if ((to === "MONITORING" || to === "RESOLVED") && !current.mitigatedAt) times.mitigatedAt = now;
  if (to === "RESOLVED" && !current.resolvedAt) times.resolvedAt = now;
  if (to === "INVESTIGATING" && (current.status === "MONITORING" || reopened)) {
    if (current.mitigatedAt) times.mitigatedAt = null;
    if (current.resolvedAt) times.resolvedAt = null;
  }
  if (to === "CLOSED" || to === "CANCELLED") times.closedAt = now;
  return { from: current.status, to, reopened, times };
}
