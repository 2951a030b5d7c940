"use client";
// Edits an endpoint's name, URL and events in a dialog. The form keeps the version it was opened with
// (the page refreshes itself every few seconds, and a silently newer version would defeat the check),
// so a change made meanwhile by someone else answers 409 and the form offers to reload.
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { idleFormState, type FormState } from "@/lib/forms/form-state";
import { updateEndpointSchema, type EndpointKindValue } from "@/lib/notifications/schema";
import type { EventType } from "@/lib/outbox/events";
import { updateEndpointAction, type EditOutcome } from "../../actions";
import { urlHelp } from "../../_components/create-endpoint-form";
import { EventTypesFieldset } from "../../_components/event-types-fieldset";
import { endpointFieldErrors, issuesToFieldErrors } from "../../_components/field-errors";

export interface EditableEndpoint {
  id: string;
  kind: EndpointKindValue;
  name: string;
  url: string;
  eventTypes: EventType[];
  version: number;
}

export function EditEndpointDialog({ endpoint }: { endpoint: EditableEndpoint }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Pencil aria-hidden="true" /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit “${endpoint.name}”`} size="lg">
        {/* Mounted on open, so each opening starts from the endpoint as it is then. */}
        <EditEndpointForm endpoint={endpoint} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function EditEndpointForm({ endpoint, onDone }: { endpoint: EditableEndpoint; onDone: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<FormState<EditOutcome> | undefined>();
  const [base, setBase] = useState(endpoint);
  const [name, setName] = useState(endpoint.name);
  const [url, setUrl] = useState("");
  const [eventTypes, setEventTypes] = useState<EventType[]>(endpoint.eventTypes);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | undefined>();
  const [reloading, setReloading] = useState(false);

  // After "Reload": once the page brings a newer version, start over from it (the user's edits are dropped on purpose).
  if (reloading && endpoint.version !== base.version) {
    setReloading(false);
    setBase(endpoint);
    setName(endpoint.name);
    setUrl("");
    setEventTypes(endpoint.eventTypes);
    setResult(undefined);
  }

  const failed = result?.status === "error" ? result : undefined;
  const stale = failed?.data?.stale === true;
  const errors = clientErrors ?? endpointFieldErrors(failed?.fieldErrors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { version: base.version, name, ...(url.trim() ? { url } : {}), eventTypes };
    const parsed = updateEndpointSchema.safeParse(input);
    if (!parsed.success) {
      setClientErrors(issuesToFieldErrors(parsed.error.issues));
      return;
    }
    setClientErrors(undefined);
    const formData = new FormData();
    formData.set("id", base.id);
    formData.set("version", String(base.version));
    formData.set("name", name);
    formData.set("url", url);
    for (const type of eventTypes) formData.append("eventTypes", type);
    startTransition(async () => {
      const answer = await updateEndpointAction(idleFormState as FormState<EditOutcome>, formData);
      if (answer.status === "success") {
        toast({ title: answer.message ?? "Saved", tone: "healthy" });
        onDone();
        return;
      }
      setResult(answer);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={`Edit ${base.name}`} aria-busy={pending || undefined}>
      {stale ? (
        <div role="alert" className="flex flex-col gap-3 rounded-md bg-critical-soft p-3 text-sm text-critical-fg sm:flex-row sm:items-center sm:justify-between">
          <p>Someone changed this endpoint after you opened it. Reload it to see their change, then make yours again.</p>
          <Button
            variant="secondary"
            size="sm"
            loading={reloading}
            onClick={() => {
              setReloading(true);
              router.refresh();
            }}
          >
            Reload
          </Button>
        </div>
      ) : (
        <ErrorAlert message={failed?.message} />
      )}
      <Field id="edit-endpoint-name" label="Name" error={errors.name} required>
        <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} disabled={pending} />
      </Field>
      <Field
        id="edit-endpoint-url"
        label="New URL"
        help={
          <>
            Leave empty to keep the current one (<span className="font-mono break-all">{base.url}</span>). {urlHelp(base.kind)}
          </>
        }
        error={errors.url}
      >
        <Input
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          className="font-mono"
          disabled={pending}
        />
      </Field>
      <EventTypesFieldset id="edit-endpoint-events" value={eventTypes} onChange={setEventTypes} error={errors.eventTypes} disabled={pending} />
      <DialogFormFooter pending={pending} submitLabel="Save changes" />
    </form>
  );
}
