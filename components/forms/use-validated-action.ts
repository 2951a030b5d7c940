"use client";
// A server-action form with client-side validation by the same zod schema the server uses, so the
// messages match; the server's answer (including checks only it can make) replaces them on submit.
import { useActionState, useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrorsFromIssues, formValues, idleFormState, type FormState } from "@/lib/forms/form-state";

export function useValidatedAction<T>(action: (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>, schema?: z.ZodType) {
  const [state, formAction, pending] = useActionState(action, idleFormState as FormState<T>);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | undefined>();
  const [submitted, setSubmitted] = useState(state);

  // A new server answer replaces the client's errors.
  if (submitted !== state) {
    setSubmitted(state);
    setClientErrors(undefined);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!schema) return;
    const result = schema.safeParse(formValues(new FormData(event.currentTarget)));
    if (result.success) {
      setClientErrors(undefined);
      return;
    }
    event.preventDefault();
    setClientErrors(fieldErrorsFromIssues(result.error.issues));
  }

  return { state, formAction, pending, onSubmit, errors: clientErrors ?? state.fieldErrors ?? {} };
}
