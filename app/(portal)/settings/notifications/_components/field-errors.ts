// Field errors of the endpoint forms, keyed by the field they are shown on.
import { fieldErrorsFromIssues } from "@/lib/forms/form-state";

/**
 * Issues about one event type come as `eventTypes.<index>`; the form shows them on the whole group,
 * so they are folded into `eventTypes` (the first message wins, as for any field).
 */
export function endpointFieldErrors(errors: Record<string, string> | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors ?? {})) {
    const field = path.split(".")[0] ?? path;
    byField[field] ??= message;
  }
  return byField;
}

export function issuesToFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  return endpointFieldErrors(fieldErrorsFromIssues(issues));
}
