"use server";
// Review settings actions: each authenticates, calls one lib function, and maps errors to a message.
import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session";
import { errorToFormState } from "@/lib/forms/form-state";
import { setRequiredApprovals, setReviewerKinds } from "@/lib/reviews/settings.server";
import type { SetRequiredApprovalsInput, SetReviewerKindsInput } from "@/lib/reviews/schema";

export type SettingsResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

function failure(error: unknown): SettingsResult {
  const state = errorToFormState(error);
  return { ok: false, message: state.message ?? "Not saved", fieldErrors: state.fieldErrors ?? {} };
}

export async function setReviewerKindsAction(team: string, input: SetReviewerKindsInput): Promise<SettingsResult> {
  try {
    await setReviewerKinds(await requireActionActor(), team, input);
    revalidatePath("/settings/reviews");
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function setRequiredApprovalsAction(team: string, input: SetRequiredApprovalsInput): Promise<SettingsResult> {
  try {
    await setRequiredApprovals(await requireActionActor(), team, input);
    revalidatePath("/settings/reviews");
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
