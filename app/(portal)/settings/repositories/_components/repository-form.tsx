"use client";
// Adds or edits a repository: clone URL (HTTPS), default branch, path template, sign-in, and optionally a
// provider API for pull requests and its webhook secret. Checked with the schema the server uses; the
// server's answer (URL checks, 422 issue paths) replaces those messages. Secrets are never shown again:
// in an edit, empty secret fields keep what is stored.
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldErrorsFromIssues } from "@/lib/forms/form-state";
import type { ConnectionFormProps } from "@/components/settings/connections";
import {
  createRepositorySchema,
  DEFAULT_PATH_TEMPLATE,
  gitProviders,
  providerLabels,
  updateRepositorySchema,
  type GitAuthKindValue,
  type GitProviderValue,
} from "@/lib/artifacts/repository-schema";
import type { RepositoryView } from "@/lib/artifacts/repositories.server";

export type RepositoryFormProps = ConnectionFormProps<RepositoryView>;

const authLabels: Record<GitAuthKindValue, string> = { TOKEN: "Access token", BASIC: "Username and password", NONE: "None (public repository, read only)" };

export function RepositoryForm({ idPrefix, existing, submitLabel, onSubmit, onSaved, footer }: RepositoryFormProps) {
  const [name, setName] = useState(existing?.name ?? "");
  const [cloneUrl, setCloneUrl] = useState(existing?.cloneUrl ?? "");
  const [defaultBranch, setDefaultBranch] = useState(existing?.defaultBranch ?? "main");
  const [pathTemplate, setPathTemplate] = useState(existing?.pathTemplate ?? DEFAULT_PATH_TEMPLATE);
  const [authKind, setAuthKind] = useState<GitAuthKindValue>(existing?.auth.kind ?? "TOKEN");
  const [token, setToken] = useState("");
  const [username, setUsername] = useState(existing?.auth.username ?? "");
  const [password, setPassword] = useState("");
  const [provider, setProvider] = useState<GitProviderValue>(existing?.provider ?? "NONE");
  const [apiUrl, setApiUrl] = useState(existing && existing.provider !== "NONE" ? (existing.apiUrl ?? "") : "");
  const [webhookSecret, setWebhookSecret] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = (field: string) => `${idPrefix}-${field}`;

  function input(): Record<string, unknown> {
    const secretGiven = authKind === "TOKEN" ? token !== "" : authKind === "BASIC" ? password !== "" : true;
    const authChanged = !existing || existing.auth.kind !== authKind || secretGiven || (authKind === "BASIC" && username !== (existing.auth.username ?? ""));
    const auth =
      authKind === "NONE" ? { kind: "NONE" } : authKind === "TOKEN" ? { kind: "TOKEN", token } : { kind: "BASIC", username, password };
    const common = {
      name,
      cloneUrl,
      defaultBranch,
      pathTemplate,
      provider,
      apiUrl: provider === "NONE" || apiUrl.trim() === "" ? null : apiUrl.trim(),
    };
    if (!existing) return { ...common, auth, webhookSecret: webhookSecret || null };
    return { version: existing.version, ...common, ...(authChanged ? { auth } : {}), ...(webhookSecret ? { webhookSecret } : {}) };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = input();
    const parsed = (existing ? updateRepositorySchema : createRepositorySchema).safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      setMessage(null);
      return;
    }
    startTransition(async () => {
      const result = await onSubmit(body);
      if (result.ok) {
        setErrors({});
        setMessage(null);
        setToken("");
        setPassword("");
        setWebhookSecret("");
        onSaved(result.data);
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });
  }

  const keepHint = existing?.auth.hasSecret ? "Leave empty to keep the stored one." : undefined;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label={existing ? `Edit ${existing.name}` : "Add a repository"} aria-busy={pending || undefined}>
      {message && <ErrorAlert message={message} />}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={id("name")} label="Name" help="How people pick it, e.g. “Platform infrastructure”." error={errors.name} required>
          <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} disabled={pending} />
        </Field>
        <Field id={id("branch")} label="Default branch" help="Pull requests target it; the portal never pushes to it." error={errors.defaultBranch} required>
          <Input value={defaultBranch} onChange={(event) => setDefaultBranch(event.target.value)} className="font-mono" spellCheck={false} disabled={pending} />
        </Field>
      </div>
      <Field
        id={id("url")}
        label="Clone URL (HTTPS)"
        help="The HTTPS address you would `git clone`. SSH addresses are not supported: the portal speaks Git over HTTPS only."
        error={errors.cloneUrl}
        required
      >
        <Input
          type="url"
          inputMode="url"
          value={cloneUrl}
          onChange={(event) => setCloneUrl(event.target.value)}
          placeholder="https://github.com/acme/infrastructure.git"
          className="font-mono"
          spellCheck={false}
          autoComplete="off"
          disabled={pending}
        />
      </Field>
      <Field
        id={id("path")}
        label="Path template"
        help="Where a request's files go. Placeholders: {role}, {request-slug}, {request-id}, {team}. Relative, without “..”."
        error={errors.pathTemplate}
        required
      >
        <Input value={pathTemplate} onChange={(event) => setPathTemplate(event.target.value)} className="font-mono" spellCheck={false} disabled={pending} />
      </Field>
      <fieldset className="flex flex-col gap-4 rounded-md border border-border p-4">
        <legend className="px-1 font-semibold">Sign-in</legend>
        <Field id={id("auth")} label="How the portal signs in" error={errors["auth.kind"] ?? errors.auth}>
          <Select value={authKind} onChange={(event) => setAuthKind(event.target.value as GitAuthKindValue)} disabled={pending}>
            {(Object.keys(authLabels) as GitAuthKindValue[]).map((kind) => (
              <option key={kind} value={kind}>
                {authLabels[kind]}
              </option>
            ))}
          </Select>
        </Field>
        {authKind === "TOKEN" && (
          <Field id={id("token")} label="Token" help={keepHint ?? "A token that may push branches (and open pull requests). Stored encrypted, never shown again."} error={errors["auth.token"]} required={!existing?.auth.hasSecret}>
            <Input type="password" value={token} onChange={(event) => setToken(event.target.value)} autoComplete="new-password" disabled={pending} />
          </Field>
        )}
        {authKind === "BASIC" && (
          <div className="grid gap-4 md:grid-cols-2">
            <Field id={id("username")} label="Username" error={errors["auth.username"]} required>
              <Input value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="off" disabled={pending} />
            </Field>
            <Field id={id("password")} label="Password" help={keepHint ?? "Stored encrypted, never shown again."} error={errors["auth.password"]} required={!existing?.auth.hasSecret}>
              <Input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" disabled={pending} />
            </Field>
          </div>
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-4 rounded-md border border-border p-4">
        <legend className="px-1 font-semibold">Pull requests (optional)</legend>
        <Field id={id("provider")} label="Provider API" help="With a provider, each publication opens or updates a pull (merge) request; without, it pushes the branch only." error={errors.provider}>
          <Select value={provider} onChange={(event) => setProvider(event.target.value as GitProviderValue)} disabled={pending}>
            {gitProviders.map((value) => (
              <option key={value} value={value}>
                {providerLabels[value]}
              </option>
            ))}
          </Select>
        </Field>
        {provider !== "NONE" && (
          <div className="grid gap-4 md:grid-cols-2">
            <Field
              id={id("api")}
              label="API URL"
              help={provider === "GITHUB" ? "Empty for github.com; https://HOST/api/v3 for GitHub Enterprise." : provider === "GITLAB" ? "Empty for https://HOST/api/v4 of the clone URL's host." : "Empty for https://HOST/api/v1 of the clone URL's host."}
              error={errors.apiUrl}
            >
              <Input type="url" value={apiUrl} onChange={(event) => setApiUrl(event.target.value)} className="font-mono" spellCheck={false} disabled={pending} />
            </Field>
            <Field
              id={id("webhook")}
              label="Webhook secret"
              help={existing?.webhook.configured ? "Set: leave empty to keep it." : "Optional: with it, the provider tells the portal when a pull request is merged or closed; without, the portal polls."}
              error={errors.webhookSecret}
            >
              <Input type="password" value={webhookSecret} onChange={(event) => setWebhookSecret(event.target.value)} autoComplete="new-password" disabled={pending} />
            </Field>
          </div>
        )}
      </fieldset>
      {footer ? (
        footer(pending)
      ) : (
        <div>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
