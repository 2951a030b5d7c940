// The message above a form: what went wrong as a whole, or that it worked.
import { CircleAlert, CircleCheck } from "lucide-react";
import type { FormState } from "@/lib/forms/form-state";

export function FormMessage({ state, success }: { state: FormState<unknown>; success?: string }) {
  if (state.status === "error" && state.message) {
    return (
      <p role="alert" className="flex items-start gap-2 rounded-md bg-critical-soft p-3 text-sm text-critical-fg">
        <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        {state.message}
      </p>
    );
  }
  if (state.status === "success" && (success ?? state.message)) {
    return (
      <p role="status" className="flex items-start gap-2 rounded-md bg-healthy-soft p-3 text-sm text-healthy-fg">
        <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        {success ?? state.message}
      </p>
    );
  }
  return null;
}
