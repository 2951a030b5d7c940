"use server";
// The meeting pages' changes. Each authenticates, calls one lib function and answers an ActionResult that
// the client turns into a toast or field errors; the pages that show the change are revalidated.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/forms/run-action.server";
import { createMeeting, endMeeting, updateMeeting } from "@/lib/reviews/meetings.server";
import type { CreateMeetingInput, UpdateMeetingInput } from "@/lib/reviews/meetings-schema";

export async function createMeetingAction(teamSlug: string, input: CreateMeetingInput) {
  const result = await runAction(async (actor) => (await createMeeting(actor, teamSlug, input)).id);
  if (result.ok) revalidatePath("/reviews");
  return result;
}

export async function updateMeetingAction(meetingId: string, input: UpdateMeetingInput) {
  const result = await runAction(async (actor) => (await updateMeeting(actor, meetingId, input)).version);
  if (result.ok) {
    revalidatePath("/reviews");
    revalidatePath(`/reviews/meetings/${meetingId}`);
  }
  return result;
}

export async function endMeetingAction(meetingId: string) {
  const result = await runAction(async (actor) => (await endMeeting(actor, meetingId)).id);
  if (result.ok) {
    revalidatePath("/reviews");
    revalidatePath(`/reviews/meetings/${meetingId}`);
  }
  return result;
}
