"use server";
// The postmortem page's changes: each authenticates, calls one lib function and answers a result.
import { createActionItem, generatePostmortem, updateActionItem, updatePostmortem } from "@/lib/incidents/postmortems.server";
import type { CreateActionItemInput, UpdateActionItemInput, UpdatePostmortemInput } from "@/lib/incidents/schema";
import { runAction as run } from "@/lib/forms/run-action.server";

export async function generatePostmortemAction(incidentId: string) {
  return run((actor) => generatePostmortem(actor, incidentId));
}

export async function updatePostmortemAction(incidentId: string, input: UpdatePostmortemInput) {
  return run((actor) => updatePostmortem(actor, incidentId, input));
}

export async function createActionItemAction(incidentId: string, input: CreateActionItemInput) {
  return run((actor) => createActionItem(actor, incidentId, input));
}

export async function updateActionItemAction(incidentId: string, itemId: string, input: UpdateActionItemInput) {
  return run((actor) => updateActionItem(actor, incidentId, itemId, input));
}
