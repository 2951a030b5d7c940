// Maps domain errors to the state a form shows: a message and per-field errors keyed by dotted path.
import { DomainError, InvalidError } from "@/lib/errors";

export interface FormState<T = unknown> {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The values the user sent, so a failed submit loses nothing. */
  values?: Record<string, string>;
  data?: T;
}

export const idleFormState: FormState = { status: "idle" };

export function fieldErrorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function errorToFormState(error: unknown, values?: Record<string, string>): FormState<never> {
  if (error instanceof InvalidError) {
    return { status: "error", message: error.message, fieldErrors: fieldErrorsFromIssues(error.issues), values };
  }
  if (error instanceof DomainError) return { status: "error", message: error.message, values };
  console.error("Unhandled form error:", error);
  return { status: "error", message: "Something went wrong on our side. Try again in a moment.", values };
}

/** FormData as a flat record of strings (files are ignored). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
