// What a server action answers: the changed thing, or what went wrong (per field, and whether it was a stale edit).
export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string>; conflict?: boolean };

/** A failed action as an Error, for React Query's onError; keeps the field errors for forms. */
export class ActionFailure extends Error {
  readonly fieldErrors: Record<string, string>;
  readonly conflict: boolean;
  constructor(result: Extract<ActionResult<unknown>, { ok: false }>) {
    super(result.message);
    this.fieldErrors = result.fieldErrors ?? {};
    this.conflict = result.conflict ?? false;
  }
}

/** The data of a successful action, or throws its ActionFailure. */
export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new ActionFailure(result);
  return result.data;
}
