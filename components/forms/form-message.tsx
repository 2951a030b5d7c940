// The message above a form: what went wrong as a whole, or that it worked.
import { CircleCheck } from "lucide-react";
import type { FormState } from "@/lib/forms/form-state";
import { ErrorAlert } from "@/components/ui/error-alert";

export function FormMessage({ state, success }: { state: FormState<unknown>; success?: string }) {
  if (state.status === "error" && state.message) return <ErrorAlert message={state.message} />;
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
