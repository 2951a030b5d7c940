// The body every server action with an ActionResult shares: authenticate, do the one lib call, answer.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/session";
import { ConflictError } from "@/lib/errors";
import { errorToFormState } from "@/lib/forms/form-state";
import type { ActionResult } from "@/lib/forms/action-result";

export async function runAction<T>(work: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await requireActionActor();
    return { ok: true, data: await work(actor) };
  } catch (error) {
    const state = errorToFormState(error);
    return { ok: false, message: state.message ?? "Something went wrong", fieldErrors: state.fieldErrors, conflict: error instanceof ConflictError };
  }
}
