"use client";
// The incident's details and key times, each with an edit dialog. Edits carry the version they were made
// from: if someone changed the incident meanwhile, the dialog says so instead of overwriting their change.
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { BellRing, FileText, Pencil } from "lucide-react";
import { MarkdownView } from "@/components/markdown/lazy";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime } from "@/lib/format";
import type { IncidentSeverity } from "@/lib/generated/prisma/browser";
import type { IncidentDetailJson } from "@/lib/incidents/api-schemas";
import { ActionFailure } from "@/lib/forms/action-result";
import { toDateTimeLocal } from "@/lib/incidents/live";
import { postmortemStatusLabels } from "@/lib/incidents/postmortem";
import { incidentSeverities, severityDefinitions } from "@/lib/incidents/severity";
import type { UpdateIncidentInput } from "@/lib/incidents/schema";
import { keyTimeFields, keyTimeLabels, type KeyTimeField } from "@/lib/incidents/times";
import { updateIncidentAction } from "../actions";
import { useIncidentMutation } from "./use-incident";

function useUpdate(incidentId: string) {
  return useIncidentMutation((input: UpdateIncidentInput) => updateIncidentAction(incidentId, input), {
    incidentId,
    invalidates: ["detail", "timeline"],
    success: () => "Saved; the change is on the timeline",
    toastErrors: false,
  });
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm font-medium text-fg-muted">{label}</dt>
      <dd className="text-base">{children}</dd>
    </div>
  );
}

function FormError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md bg-critical-soft p-3 text-sm text-critical-fg">
      {error.message}
      {error instanceof ActionFailure && error.conflict ? " The page now shows their change." : ""}
    </p>
  );
}

export function DetailsPanel({ incident, services, canEdit }: { incident: IncidentDetailJson; services: { slug: string; name: string }[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<{ version: number } | null>(null);
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-2">
        <CardTitle>Details</CardTitle>
        {canEdit && (
          <Button variant="secondary" size="sm" onClick={() => setEditing({ version: incident.version })}>
            <Pencil aria-hidden="true" /> Edit
          </Button>
        )}
      </CardHeader>
      <CardContent>
        <dl className="flex flex-col gap-3">
          <Row label="Severity">
            {incident.severity} {severityDefinitions[incident.severity].name}: <span className="text-fg-muted">{severityDefinitions[incident.severity].description}</span>
          </Row>
          <Row label="Type">{incident.type === "SECURITY" ? "Security" : "Operational"}</Row>
          <Row label="Customer impact">{incident.customerImpact ? <Badge tone="critical">Customers affected</Badge> : "None recorded"}</Row>
          <Row label="Affected services">
            {incident.services.length ? (
              <span className="flex flex-wrap gap-1.5">
                {incident.services.map((service) => (
                  <Badge key={service.slug} title={service.slug}>
                    {service.name}
                  </Badge>
                ))}
              </span>
            ) : (
              <span className="text-fg-muted">None recorded</span>
            )}
          </Row>
          <Row label="Summary">{incident.summary ? <span className="whitespace-pre-wrap">{incident.summary}</span> : <span className="text-fg-muted">No summary yet</span>}</Row>
        </dl>
      </CardContent>
      {editing && <EditDetailsDialog incident={incident} version={editing.version} services={services} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function EditDetailsDialog({ incident, version, services, onClose }: { incident: IncidentDetailJson; version: number; services: { slug: string; name: string }[]; onClose: () => void }) {
  const update = useUpdate(incident.id);
  const [title, setTitle] = useState(incident.title);
  const [severity, setSeverity] = useState<IncidentSeverity>(incident.severity);
  const [type, setType] = useState(incident.type);
  const [customerImpact, setCustomerImpact] = useState(incident.customerImpact);
  const [chosen, setChosen] = useState(incident.services.map((service) => service.slug));
  const [summary, setSummary] = useState(incident.summary);
  const errors = update.error instanceof ActionFailure ? update.error.fieldErrors : {};
  return (
    <Dialog open onOpenChange={(open) => !open && !update.isPending && onClose()}>
      <DialogContent title="Edit the details" size="lg" description="Each change is recorded on the timeline.">
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ version, title, severity, type, customerImpact, services: chosen, summary }, { onSuccess: onClose });
          }}
        >
          <FormError error={update.error} />
          <Field id="edit-title" label="Title" error={errors.title} required>
            <Input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={160} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="edit-severity" label="Severity" error={errors.severity} help={severityDefinitions[severity].description}>
              <Select value={severity} onChange={(event) => setSeverity(event.target.value as IncidentSeverity)}>
                {incidentSeverities.map((level) => (
                  <option key={level} value={level}>
                    {level} {severityDefinitions[level].name}
                    {severityDefinitions[level].major ? " (major)" : ""}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="edit-type" label="Type" error={errors.type}>
              <Select value={type} onChange={(event) => setType(event.target.value as typeof type)}>
                <option value="OPERATIONAL">Operational</option>
                <option value="SECURITY">Security</option>
              </Select>
            </Field>
          </div>
          <Checkbox id="edit-customer-impact" label="Customers are affected" checked={customerImpact} onCheckedChange={(value) => setCustomerImpact(value === true)} />
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-base font-medium">Affected services</legend>
            {services.length === 0 && <p className="text-sm text-fg-muted">The team has no services in the catalog.</p>}
            <div className="grid gap-x-4 sm:grid-cols-2">
              {services.map((service) => (
                <Checkbox
                  key={service.slug}
                  id={`edit-service-${service.slug}`}
                  label={service.name}
                  checked={chosen.includes(service.slug)}
                  onCheckedChange={(checked) => setChosen((current) => (checked === true ? [...current, service.slug] : current.filter((slug) => slug !== service.slug)))}
                />
              ))}
            </div>
            {errors.services && <p className="text-sm font-medium text-critical-fg">{errors.services}</p>}
          </fieldset>
          <Field id="edit-summary" label="Summary" error={errors.summary}>
            <Textarea value={summary} onChange={(event) => setSummary(event.target.value)} rows={4} />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={update.isPending}>
              Save details
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function KeyTimesPanel({ incident, canEdit }: { incident: IncidentDetailJson; canEdit: boolean }) {
  const [editing, setEditing] = useState<{ version: number } | null>(null);
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <CardTitle>Key times</CardTitle>
          <CardDescription>UTC. They feed the team&apos;s MTTx metrics.</CardDescription>
        </div>
        {canEdit && (
          <Button variant="secondary" size="sm" onClick={() => setEditing({ version: incident.version })}>
            <Pencil aria-hidden="true" /> Edit
          </Button>
        )}
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2" data-testid="key-times">
          {keyTimeFields.map((field) => (
            <div key={field} className="contents">
              <dt className="text-base text-fg-muted">{keyTimeLabels[field]}</dt>
              <dd className="text-base font-medium tabular-nums">{incident.times[field] ? formatDateTime(incident.times[field]) : <span className="font-normal text-fg-muted">Not recorded</span>}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
      {editing && <EditTimesDialog incident={incident} version={editing.version} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function EditTimesDialog({ incident, version, onClose }: { incident: IncidentDetailJson; version: number; onClose: () => void }) {
  const update = useUpdate(incident.id);
  const [values, setValues] = useState<Record<KeyTimeField, string>>(() => Object.fromEntries(keyTimeFields.map((field) => [field, toDateTimeLocal(incident.times[field])])) as Record<KeyTimeField, string>);
  const errors = update.error instanceof ActionFailure ? update.error.fieldErrors : {};
  const resolved = incident.status === "RESOLVED" || incident.status === "CLOSED";
  return (
    <Dialog open onOpenChange={(open) => !open && !update.isPending && onClose()}>
      <DialogContent title="Edit the key times" description="In UTC. They must stay in order: impact started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved. Leave a time empty when it is not known.">
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const changed = Object.fromEntries(keyTimeFields.filter((field) => values[field] !== toDateTimeLocal(incident.times[field])).map((field) => [field, values[field]]));
            if (Object.keys(changed).length === 0) return onClose();
            update.mutate({ version, ...changed }, { onSuccess: onClose });
          }}
        >
          <FormError error={update.error} />
          {keyTimeFields.map((field) => (
            <Field
              key={field}
              id={`edit-${field}`}
              label={`${keyTimeLabels[field]} (UTC)`}
              error={errors[field]}
              help={field === "resolvedAt" && !resolved ? "Set when the incident is resolved." : undefined}
            >
              <Input type="datetime-local" value={values[field]} disabled={field === "resolvedAt" && !resolved} onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))} />
            </Field>
          ))}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={update.isPending}>
              Save times
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function AlertsPanel({ incident }: { incident: IncidentDetailJson }) {
  if (incident.alerts.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Alerts</CardTitle>
        <CardDescription>From Alertmanager, by fingerprint. A resolved alert does not resolve the incident.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-2">
          {incident.alerts.map((alert) => (
            <li key={alert.fingerprint} className="flex items-center justify-between gap-2">
              <span className="flex min-w-0 items-center gap-2">
                <BellRing aria-hidden="true" className="size-4 shrink-0 text-fg-muted" />
                <span className="truncate font-medium" title={`Fingerprint ${alert.fingerprint}`}>
                  {alert.alertName}
                </span>
              </span>
              <Badge tone={alert.status === "firing" ? "critical" : "healthy"}>{alert.status === "firing" ? "Firing" : "Resolved"}</Badge>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

export function PostmortemPanel({ incident }: { incident: IncidentDetailJson }) {
  const resolved = incident.status === "RESOLVED" || incident.status === "CLOSED";
  return (
    <Card>
      <CardHeader>
        <CardTitle>Postmortem</CardTitle>
        <CardDescription>
          {incident.postmortem
            ? `${postmortemStatusLabels[incident.postmortem.status]}.`
            : resolved
              ? "Generate a draft from this incident's timeline, then edit and publish it."
              : "Once the incident is resolved, a draft can be generated from its timeline."}
        </CardDescription>
      </CardHeader>
      {(incident.postmortem || resolved) && (
        <CardContent>
          <Link href={`/incidents/${incident.id}/postmortem`} className={buttonVariants({ variant: incident.postmortem ? "secondary" : "primary" })}>
            <FileText aria-hidden="true" /> {incident.postmortem ? "Open the postmortem" : "Write the postmortem"}
          </Link>
        </CardContent>
      )}
    </Card>
  );
}

/** The request an incident was declared from, as far as the viewer may see it. */
export interface SourceRequestLink {
  id: string;
  title: string;
  roleTitle: string;
}

/**
 * The request the incident was declared from, and the runbook it generated: collapsible, because it is
 * long and responders open it when they need it.
 */
export function RunbookPanel({ incident, sourceRequest }: { incident: IncidentDetailJson; sourceRequest?: SourceRequestLink | null }) {
  if (!incident.source) return null;
  const requestLink = sourceRequest ? (
    <Link href={`/requests/${sourceRequest.id}`} className="link">
      {sourceRequest.title || "an untitled request"}
    </Link>
  ) : (
    "a request"
  );
  return (
    <Card data-testid="incident-runbook">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FileText aria-hidden="true" className="size-5" /> Runbook
        </CardTitle>
        <CardDescription>
          Declared from {sourceRequest ? `the ${sourceRequest.roleTitle} request ` : ""}
          {requestLink}
          {incident.source.runbookMarkdown ? ", which generated this runbook." : "; it generated no runbook."}
        </CardDescription>
      </CardHeader>
      {incident.source.runbookMarkdown && (
        <CardContent>
          <details className="group rounded-md border border-border">
            <summary className="cursor-pointer rounded-md px-4 py-3 text-base font-medium hover:bg-surface-muted focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus">
              <span className="group-open:hidden">Show the runbook</span>
              <span className="hidden group-open:inline">Hide the runbook</span>
            </summary>
            <div tabIndex={0} role="region" aria-label="Runbook" className="overflow-x-auto border-t border-border px-4 pb-4">
              <MarkdownView markdown={incident.source.runbookMarkdown} className="text-sm" />
            </div>
          </details>
        </CardContent>
      )}
    </Card>
  );
}
