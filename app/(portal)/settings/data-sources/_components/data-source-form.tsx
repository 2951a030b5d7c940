"use client";
// Adds or edits a data source: base URL, sign-in (none, bearer token, username and password), TLS
// verification and the time limit. Checked with the schema the server uses; the server's answer (the URL's
// address check, 422 issue paths) replaces those messages. Secrets are never shown again: in an edit, an
// empty secret field keeps what is stored.
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldErrorsFromIssues } from "@/lib/forms/form-state";
import type { ConnectionFormProps } from "@/components/settings/connections";
import { createDataSourceSchema, dataSourceAuthKinds, dataSourceAuthLabels, updateDataSourceSchema, type DataSourceAuthKindValue } from "@/lib/slo/data-source-schema";
import type { DataSourceView } from "@/lib/slo/data-sources.server";

export type DataSourceFormProps = ConnectionFormProps<DataSourceView>;

export function DataSourceForm({ idPrefix, existing, submitLabel, onSubmit, onSaved, footer }: DataSourceFormProps) {
  const [name, setName] = useState(existing?.name ?? "");
  const [url, setUrl] = useState(existing?.url ?? "");
  const [authKind, setAuthKind] = useState<DataSourceAuthKindValue>(existing?.auth.kind ?? "NONE");
  const [token, setToken] = useState("");
  const [username, setUsername] = useState(existing?.auth.username ?? "");
  const [password, setPassword] = useState("");
  const [tlsVerify, setTlsVerify] = useState(existing?.tlsVerify ?? true);
  const [timeoutMs, setTimeoutMs] = useState(String(existing?.timeoutMs ?? 10_000));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = (field: string) => `${idPrefix}-${field}`;

  function input(): Record<string, unknown> {
    const secretGiven = authKind === "BEARER" ? token !== "" : authKind === "BASIC" ? password !== "" : true;
    const authChanged = !existing || existing.auth.kind !== authKind || secretGiven || (authKind === "BASIC" && username !== (existing.auth.username ?? ""));
    const auth = authKind === "NONE" ? { kind: "NONE" } : authKind === "BEARER" ? { kind: "BEARER", token } : { kind: "BASIC", username, password };
    const common = { name, url: url.trim(), tlsVerify, timeoutMs: Number(timeoutMs) };
    if (!existing) return { ...common, auth };
    return { version: existing.version, ...common, ...(authChanged ? { auth } : {}) };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = input();
    const parsed = (existing ? updateDataSourceSchema : createDataSourceSchema).safeParse(body);
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
        onSaved(result.data);
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });
  }

  const keepHint = existing?.auth.hasSecret ? "Leave empty to keep the stored one." : undefined;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" aria-label={existing ? `Edit ${existing.name}` : "Add a data source"} aria-busy={pending || undefined}>
      {message && <ErrorAlert message={message} />}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={id("name")} label="Name" help="How people pick it, e.g. “Production Prometheus”." error={errors.name} required>
          <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} disabled={pending} />
        </Field>
        <Field id={id("timeout")} label="Time limit (ms)" help="How long one query may take before it counts as an error." error={errors.timeoutMs} required>
          <Input type="number" inputMode="numeric" min={500} max={60_000} step={100} value={timeoutMs} onChange={(event) => setTimeoutMs(event.target.value)} disabled={pending} />
        </Field>
      </div>
      <Field id={id("url")} label="URL" help="The base URL of the Prometheus HTTP API, without /api/v1, e.g. https://prometheus.example.com or https://thanos.example.com/prometheus." error={errors.url} required>
        <Input
          type="url"
          inputMode="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://prometheus.example.com"
          className="font-mono"
          spellCheck={false}
          autoComplete="off"
          disabled={pending}
        />
      </Field>
      <Checkbox
        id={id("tls")}
        checked={tlsVerify}
        onCheckedChange={(value) => setTlsVerify(value === true)}
        disabled={pending}
        label="Verify the TLS certificate"
        description="Turn off only for a server with a self-signed certificate on a network you trust."
      />
      <fieldset className="flex flex-col gap-4 rounded-md border border-border p-4">
        <legend className="px-1 font-semibold">Sign-in</legend>
        <Field id={id("auth")} label="How the portal signs in" error={errors["auth.kind"] ?? errors.auth}>
          <Select value={authKind} onChange={(event) => setAuthKind(event.target.value as DataSourceAuthKindValue)} disabled={pending}>
            {dataSourceAuthKinds.map((kind) => (
              <option key={kind} value={kind}>
                {dataSourceAuthLabels[kind]}
              </option>
            ))}
          </Select>
        </Field>
        {authKind === "BEARER" && (
          <Field id={id("token")} label="Token" help={keepHint ?? "Sent as Authorization: Bearer. Stored encrypted, never shown again."} error={errors["auth.token"]} required={!existing?.auth.hasSecret}>
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
