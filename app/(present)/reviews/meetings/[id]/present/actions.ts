"use server";
// Meeting mode's changes: start and move between items (the timers), and what is captured without leaving
// the mode — decisions, approvals, action items, notes and resolving comments. Each authenticates, checks that the agenda item
// belongs to the meeting, and calls one lib function.
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { runAction } from "@/lib/forms/run-action.server";
import { updateComment } from "@/lib/requests/requests.server";
import { recordApproval } from "@/lib/reviews/approvals.server";
import { createDecision } from "@/lib/reviews/decisions.server";
import { addMeetingAction, endMeeting, focusAgendaItem, getMeeting, saveAgendaNotes, startMeeting, takeOverMeeting } from "@/lib/reviews/meetings.server";
import type { CreateMeetingActionInput } from "@/lib/reviews/meetings-schema";
import { getPresentationSlide } from "@/lib/reviews/presentation.server";
import type { CreateDecisionInput, RecordApprovalInput } from "@/lib/reviews/schema";

async function agendaItem(actor: Actor, meetingId: string, agendaItemId: string) {
  const meeting = await getMeeting(actor, meetingId);
  const item = meeting.agenda.find((candidate) => candidate.id === agendaItemId);
  if (!item) throw new NotFoundError("Agenda item");
  return item;
}

const refresh = (meetingId: string) => {
  revalidatePath(`/reviews/meetings/${meetingId}`);
  revalidatePath("/reviews");
};

export async function startMeetingAction(meetingId: string, agendaItemId?: string) {
  const result = await runAction((actor) => startMeeting(actor, meetingId, agendaItemId ? { agendaItemId } : {}));
  if (result.ok) refresh(meetingId);
  return result;
}

export async function focusItemAction(meetingId: string, agendaItemId: string | null) {
  return runAction((actor) => focusAgendaItem(actor, meetingId, { agendaItemId }));
}

/** This person becomes the presenter everyone follows (audited). */
export async function takeOverAction(meetingId: string) {
  return runAction((actor) => takeOverMeeting(actor, meetingId));
}

export async function recordDecisionAction(meetingId: string, agendaItemId: string, input: Omit<CreateDecisionInput, "requestId" | "meetingItemId" | "team">) {
  return runAction(async (actor) => {
    const item = await agendaItem(actor, meetingId, agendaItemId);
    const decision = await createDecision(actor, { ...input, requestId: item.request.id, revision: item.request.revision, meetingItemId: item.id });
    return { reference: decision.reference, title: decision.title };
  });
}

export async function recordApprovalAction(meetingId: string, agendaItemId: string, input: RecordApprovalInput) {
  const result = await runAction(async (actor) => {
    const item = await agendaItem(actor, meetingId, agendaItemId);
    await recordApproval(actor, item.request.id, input);
    return getPresentationSlide(actor, meetingId, agendaItemId);
  });
  if (result.ok) refresh(meetingId);
  return result;
}

/** Resolves (or reopens) one comment of the item's request; answers the slide again, with its open comments. */
export async function resolveCommentAction(meetingId: string, agendaItemId: string, commentId: string, resolved: boolean) {
  const result = await runAction(async (actor) => {
    const item = await agendaItem(actor, meetingId, agendaItemId);
    await updateComment(actor, item.request.id, commentId, { resolved });
    return { requestId: item.request.id, slide: await getPresentationSlide(actor, meetingId, agendaItemId) };
  });
  if (result.ok) revalidatePath(`/requests/${result.data.requestId}`);
  return result;
}

export async function addActionItemAction(meetingId: string, input: CreateMeetingActionInput) {
  return runAction((actor) => addMeetingAction(actor, meetingId, input));
}

export async function saveNotesAction(meetingId: string, agendaItemId: string, notes: string) {
  return runAction(async (actor) => {
    await saveAgendaNotes(actor, meetingId, agendaItemId, { notes });
    return true;
  });
}

export async function endMeetingFromModeAction(meetingId: string) {
  const result = await runAction(async (actor) => (await endMeeting(actor, meetingId)).id);
  if (result.ok) refresh(meetingId);
  return result;
}
