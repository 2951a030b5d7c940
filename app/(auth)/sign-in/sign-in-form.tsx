"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/lib/users/schema";
import { fieldErrorsFromIssues } from "@/lib/forms/form-state";
import { ErrorAlert } from "@/components/ui/error-alert";

const INVALID = "Invalid email or password";

/** Only our two fixed sentences are shown; anything else in the URL becomes the generic message. */
function messageFor(error: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error.startsWith("Too many failed sign-ins")) return error;
  if (error === "SessionRequired") return "Sign in to continue.";
  return INVALID;
}

export function SignInForm({ callbackUrl, providers, initialError }: { callbackUrl: string; providers: { id: string; name: string }[]; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(messageFor(initialError));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const parsed = signInSchema.safeParse(data);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false, callbackUrl });
    if (!result || result.error) {
      setPending(false);
      setError(messageFor(result?.error ?? "CredentialsSignin"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Sign in">
        <ErrorAlert message={error} />
        <Field id="email" label="Email" error={fieldErrors.email} required>
          <Input name="email" type="email" autoComplete="username" autoFocus />
        </Field>
        <Field id="password" label="Password" error={fieldErrors.password} required>
          <Input name="password" type="password" autoComplete="current-password" />
        </Field>
        <Button type="submit" loading={pending} size="lg">
          Sign in
        </Button>
      </form>
      {providers.length > 0 && (
        <div className="flex flex-col gap-2 border-t border-border pt-6">
          {providers.map((provider) => (
            <Button key={provider.id} variant="secondary" onClick={() => signIn(provider.id, { callbackUrl })}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
