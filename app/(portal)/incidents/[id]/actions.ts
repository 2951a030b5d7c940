"use server";
// The incident page's changes. Each authenticates, calls one lib function and answers a result the client
// turns into a toast or field errors. The page itself refreshes through React Query (lib/incidents/query-keys.ts);
// the other incident pages render dynamically, so no cached page needs revalidating.
import { addTimelineEvent, assignIncidentRole, transitionIncident, updateIncident, updateTimelineEvent } from "@/lib/incidents/incidents.server";
import type { AddEventInput, AssignRoleInput, TransitionInput, UpdateEventInput, UpdateIncidentInput } from "@/lib/incidents/schema";
import { runAction as run } from "@/lib/forms/run-action.server";
import { linkIncidentCause, unlinkIncidentCause } from "@/lib/deployments/incident-changes.server";

export async function transitionIncidentAction(incidentId: string, input: TransitionInput) {
  return run((actor) => transitionIncident(actor, incidentId, input));
}

export async function assignRoleAction(incidentId: string, input: AssignRoleInput) {
  return run((actor) => assignIncidentRole(actor, incidentId, input));
}

export async function updateIncidentAction(incidentId: string, input: UpdateIncidentInput) {
  return run((actor) => updateIncident(actor, incidentId, input));
}

export async function addEventAction(incidentId: string, input: AddEventInput) {
  return run((actor) => addTimelineEvent(actor, incidentId, input));
}

export async function updateEventAction(incidentId: string, eventId: string, input: UpdateEventInput) {
  return run((actor) => updateTimelineEvent(actor, incidentId, eventId, input));
}

export async function linkCauseAction(incidentId: string, deploymentId: string) {
  return run((actor) => linkIncidentCause(actor, incidentId, { deploymentId }));
}

export async function unlinkCauseAction(incidentId: string, deploymentId: string) {
  return run((actor) => unlinkIncidentCause(actor, incidentId, deploymentId));
}
