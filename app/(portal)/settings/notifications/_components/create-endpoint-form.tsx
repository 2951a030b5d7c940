"use client";
// Adds an endpoint: kind, name, URL and events, checked with the schema the server uses; the server's
// answer (its URL checks, the 422 issue paths) replaces those messages. A webhook's signing secret is
// shown once, in a panel, right after.
import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormMessage } from "@/components/forms/form-message";
import { idleFormState, type FormState } from "@/lib/forms/form-state";
import { createEndpointSchema, endpointKindLabels, endpointKinds, type EndpointKindValue } from "@/lib/notifications/schema";
import type { EventType } from "@/lib/outbox/events";
import { createEndpointAction, type CreatedEndpoint } from "../actions";
import { EventTypesFieldset } from "./event-types-fieldset";
import { endpointFieldErrors, issuesToFieldErrors } from "./field-errors";
import { SigningSecretPanel } from "@/components/settings/signing-secret";

export function urlHelp(kind: EndpointKindValue) {
  return kind === "SLACK"
    ? "Paste the channel's incoming webhook URL from Slack (https://hooks.slack.com/services/…). It is stored encrypted and only its host is shown again."
    : "Where events are POSTed as signed JSON. Private and loopback addresses are refused unless the portal runs with WEBHOOK_ALLOW_PRIVATE.";
}

export function CreateEndpointForm({ team }: { team: string }) {
  const [state, formAction, pending] = useActionState(createEndpointAction, idleFormState as FormState<CreatedEndpoint>);
  const [kind, setKind] = useState<EndpointKindValue>("WEBHOOK");
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [eventTypes, setEventTypes] = useState<EventType[]>([]);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | undefined>();
  const [answered, setAnswered] = useState(state);
  // The secret of the latest answer is shown until the user says they have stored it.
  const [dismissed, setDismissed] = useState<object | undefined>();

  // A new answer from the server: its errors replace the client's; after a success the form starts afresh.
  if (answered !== state) {
    setAnswered(state);
    setClientErrors(undefined);
    if (state.status === "success") {
      setName("");
      setUrl("");
      setEventTypes([]);
    }
  }

  const errors = clientErrors ?? endpointFieldErrors(state.fieldErrors);
  const created = state.status === "success" ? state.data : undefined;
  const secret = created?.secret && dismissed !== state ? created.secret : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Sent by hand, not through `action`: React would reset the form, and with it the controlled boxes.
    event.preventDefault();
    const parsed = createEndpointSchema.safeParse({ kind, name, url, eventTypes });
    if (!parsed.success) {
      setClientErrors(issuesToFieldErrors(parsed.error.issues));
      return;
    }
    setClientErrors(undefined);
    const formData = new FormData();
    formData.set("team", team);
    formData.set("kind", kind);
    formData.set("name", name);
    formData.set("url", url);
    for (const type of eventTypes) formData.append("eventTypes", type);
    startTransition(() => formAction(formData));
  }

  return (
    <div className="flex flex-col gap-6">
      {secret && created && (
        <SigningSecretPanel title={`Signing secret of “${created.name}”`} secret={secret} onDismiss={() => setDismissed(state)}>
          <p>
            <Link href={`/settings/notifications/${created.id}`} className="link">
              Open “{created.name}”
            </Link>{" "}
            to send it a test event once your receiver knows the secret.
          </p>
        </SigningSecretPanel>
      )}
      {created && !created.secret && (
        <p role="status" className="rounded-md bg-healthy-soft p-3 text-sm text-healthy-fg">
          {state.message}{" "}
          <Link href={`/settings/notifications/${created.id}`} className="font-medium underline underline-offset-4">
            Open it to send a test message
          </Link>
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Add an endpoint" aria-busy={pending || undefined}>
        {state.status === "error" && <FormMessage state={state} />}
        <div className="grid gap-4 md:grid-cols-[minmax(max-content,20rem)_minmax(0,1fr)]">
          <Field id="endpoint-kind" label="Kind" error={errors.kind}>
            <Select value={kind} onChange={(event) => setKind(event.target.value as EndpointKindValue)} disabled={pending}>
              {endpointKinds.map((value) => (
                <option key={value} value={value}>
                  {endpointKindLabels[value]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="endpoint-name" label="Name" help="What receives it, e.g. “Ops bus” or “#checkout-alerts”." error={errors.name} required>
            <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} disabled={pending} />
          </Field>
        </div>
        <Field id="endpoint-url" label="URL" help={urlHelp(kind)} error={errors.url} required>
          <Input
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder={kind === "SLACK" ? "https://hooks.slack.com/services/…" : "https://hooks.example.com/portal"}
            className="font-mono"
            disabled={pending}
          />
        </Field>
        <EventTypesFieldset id="endpoint-events" value={eventTypes} onChange={setEventTypes} error={errors.eventTypes} disabled={pending} />
        {errors._form && <FormMessage state={{ status: "error", message: errors._form }} />}
        <div>
          <Button type="submit" loading={pending}>
            Add endpoint
          </Button>
        </div>
      </form>
    </div>
  );
}
