"use client";
// The incident timeline: add typed events (backdated if need be), filter by type, pin key events and move
// an event's time. Newest first, because during an outage the latest news matters most.
import { useMemo, useState, type ComponentType } from "react";
import {
  Activity,
  ArrowRightLeft,
  BellRing,
  Clock,
  ExternalLink,
  Gauge,
  Megaphone,
  Pencil,
  Pin,
  PinOff,
  Rocket,
  Siren,
  StickyNote,
  UserRound,
  Wrench,
} from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { IncidentEventType } from "@/lib/generated/prisma/browser";
import type { IncidentEventJson } from "@/lib/incidents/api-schemas";
import { ActionFailure } from "@/lib/forms/action-result";
import { eventTypeLabels, incidentEventTypes, manualEventPlaceholders, manualEventTypes, type ManualEventType } from "@/lib/incidents/event-types";
import { toDateTimeLocal } from "@/lib/incidents/live";
import { personName } from "@/lib/incidents/serialize";
import { formatDateTime } from "@/lib/format";
import { addEventAction, updateEventAction } from "../actions";
import { useIncidentMutation } from "./use-incident";

const eventIcons: Record<IncidentEventType, ComponentType<{ className?: string; "aria-hidden"?: boolean }>> = {
  DECLARED: Siren,
  STATUS_CHANGE: ArrowRightLeft,
  SEVERITY_CHANGE: Gauge,
  ROLE_CHANGE: UserRound,
  FIELD_CHANGE: Pencil,
  NOTE: StickyNote,
  ACTION: Wrench,
  ALERT: BellRing,
  DEPLOY: Rocket,
  COMMUNICATION: Megaphone,
  METRIC_SNAPSHOT: Activity,
};

const eventTones: Partial<Record<IncidentEventType, string>> = {
  DECLARED: "bg-critical-soft text-critical-fg",
  ALERT: "bg-warning-soft text-warning-fg",
  STATUS_CHANGE: "bg-info-soft text-info-fg",
  SEVERITY_CHANGE: "bg-info-soft text-info-fg",
  ACTION: "bg-healthy-soft text-healthy-fg",
};

/** Who wrote an event: Alertmanager's events are its own (the author on record is its token's creator). */
function authorOf(event: IncidentEventJson): string {
  if (event.source === "alertmanager") return "Alertmanager";
  const name = event.author ? personName(event.author) : "The system";
  return event.source === "api" ? `${name} · via the API` : name;
}

function time(iso: string) {
  return `${iso.slice(11, 16)} UTC`;
}

export function Timeline({ incidentId, events, canEdit }: { incidentId: string; events: IncidentEventJson[]; canEdit: boolean }) {
  const [hidden, setHidden] = useState<Set<IncidentEventType>>(new Set());
  const [pinnedOnly, setPinnedOnly] = useState(false);
  const [editing, setEditing] = useState<IncidentEventJson | null>(null);
  const counts = useMemo(() => {
    const result = new Map<IncidentEventType, number>();
    for (const event of events) result.set(event.type, (result.get(event.type) ?? 0) + 1);
    return result;
  }, [events]);
  const shown = useMemo(
    () => [...events].reverse().filter((event) => !hidden.has(event.type) && (!pinnedOnly || event.pinned)),
    [events, hidden, pinnedOnly],
  );
  const pin = useIncidentMutation((input: { eventId: string; pinned: boolean }) => updateEventAction(incidentId, input.eventId, { pinned: input.pinned }), {
    incidentId,
    invalidates: ["timeline"],
    success: (_, input) => (input.pinned ? "Pinned" : "Unpinned"),
  });

  function toggle(type: IncidentEventType) {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });
  }

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>Timeline</CardTitle>
        <span className="text-sm text-fg-muted">
          {events.length} event{events.length === 1 ? "" : "s"} · newest first · times in UTC
        </span>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {canEdit && <Composer incidentId={incidentId} />}
        <div role="group" aria-label="Filter the timeline by type" className="flex flex-wrap gap-2">
          <Button size="sm" variant={pinnedOnly ? "primary" : "secondary"} aria-pressed={pinnedOnly} onClick={() => setPinnedOnly((value) => !value)}>
            <Pin aria-hidden="true" /> Pinned only
          </Button>
          {incidentEventTypes
            .filter((type) => counts.has(type))
            .map((type) => {
              const Icon = eventIcons[type];
              const on = !hidden.has(type);
              return (
                <Button key={type} size="sm" variant={on ? "secondary" : "ghost"} aria-pressed={on} onClick={() => toggle(type)} className={cn(!on && "text-fg-muted line-through")}>
                  <Icon aria-hidden={true} /> {eventTypeLabels[type]} <span className="tabular-nums text-fg-muted">{counts.get(type)}</span>
                </Button>
              );
            })}
        </div>
        {shown.length === 0 ? (
          <EmptyState icon={<Clock />} title="No events match" description="Turn the type filters back on, or switch off “Pinned only”." titleAs="h3" className="py-8" />
        ) : (
          <ol className="flex flex-col" aria-label="Timeline events" data-testid="timeline">
            {shown.map((event) => {
              const Icon = eventIcons[event.type];
              const link = typeof event.data.link === "string" ? event.data.link : null;
              return (
                <li key={event.id} className={cn("group flex gap-4 border-l-2 py-3 pl-4", event.pinned ? "border-l-accent bg-info-soft/40" : "border-l-border")} data-testid="timeline-event" data-type={event.type}>
                  <div className="flex w-24 shrink-0 flex-col">
                    <time dateTime={event.occurredAt} title={formatDateTime(event.occurredAt)} className="text-lg font-semibold tabular-nums">
                      {time(event.occurredAt)}
                    </time>
                    <span className="text-xs text-fg-muted">{event.occurredAt.slice(0, 10)}</span>
                    {event.timeEditedAt && (
                      <span className="text-xs text-fg-muted" title={`Time edited ${formatDateTime(event.timeEditedAt)}`}>
                        time edited
                      </span>
                    )}
                  </div>
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge className={cn("border-transparent", eventTones[event.type])}>
                        <Icon aria-hidden={true} /> {eventTypeLabels[event.type]}
                      </Badge>
                      {event.pinned && (
                        <Badge tone="info">
                          <Pin aria-hidden="true" /> Pinned
                        </Badge>
                      )}
                      <span className="text-sm text-fg-muted">{authorOf(event)}</span>
                    </div>
                    <p className="text-base break-words whitespace-pre-wrap">{event.body}</p>
                    {link && (
                      <a href={link} target="_blank" rel="noreferrer noopener" className="link inline-flex w-fit items-center gap-1 text-sm break-all">
                        {link} <ExternalLink aria-hidden="true" className="size-3.5 shrink-0" />
                      </a>
                    )}
                  </div>
                  {canEdit && (
                    <div className="flex shrink-0 items-start gap-1">
                      <Button
                        variant="ghost"
                        size="icon"
                        aria-label={event.pinned ? `Unpin the ${eventTypeLabels[event.type].toLowerCase()} at ${time(event.occurredAt)}` : `Pin the ${eventTypeLabels[event.type].toLowerCase()} at ${time(event.occurredAt)}`}
                        title={event.pinned ? "Unpin" : "Pin as a key event"}
                        onClick={() => pin.mutate({ eventId: event.id, pinned: !event.pinned })}
                      >
                        {event.pinned ? <PinOff aria-hidden="true" /> : <Pin aria-hidden="true" />}
                      </Button>
                      <Button variant="ghost" size="icon" aria-label={`Edit the time of the ${eventTypeLabels[event.type].toLowerCase()} at ${time(event.occurredAt)}`} title="Edit the time" onClick={() => setEditing(event)}>
                        <Clock aria-hidden="true" />
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
      {editing && <EditTimeDialog incidentId={incidentId} event={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function Composer({ incidentId }: { incidentId: string }) {
  const [type, setType] = useState<ManualEventType>("NOTE");
  const [body, setBody] = useState("");
  const [more, setMore] = useState(false);
  const [occurredAt, setOccurredAt] = useState("");
  const [link, setLink] = useState("");
  const [pinned, setPinned] = useState(false);
  const add = useIncidentMutation((input: { type: ManualEventType; body: string; occurredAt?: string; link?: string; pinned: boolean }) => addEventAction(incidentId, input), {
    incidentId,
    invalidates: ["timeline"],
    toastErrors: false,
  });
  const errors = add.error instanceof ActionFailure ? add.error.fieldErrors : {};

  function submit() {
    add.mutate(
      { type, body, occurredAt: occurredAt || undefined, link: link || undefined, pinned },
      {
        onSuccess: () => {
          setBody("");
          setOccurredAt("");
          setLink("");
          setPinned(false);
        },
      },
    );
  }

  return (
    <form
      aria-label="Add to the timeline"
      className="flex flex-col gap-3 rounded-md border border-border bg-surface-muted/50 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div role="radiogroup" aria-label="Event type" className="flex flex-wrap gap-2">
        {manualEventTypes.map((value) => {
          const Icon = eventIcons[value];
          return (
            <label
              key={value}
              className={cn(
                "inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-md border px-3 text-sm font-medium has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus",
                type === value ? "border-accent bg-accent text-accent-fg" : "border-border-strong bg-surface text-fg hover:bg-surface-muted",
              )}
            >
              <input type="radio" name="event-type" value={value} checked={type === value} onChange={() => setType(value)} className="sr-only" />
              <Icon aria-hidden={true} className="size-4" /> {eventTypeLabels[value]}
            </label>
          );
        })}
      </div>
      <Field id="event-body" label={eventTypeLabels[type]} error={errors.body} help="Ctrl+Enter adds it.">
        <Textarea
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={2}
          placeholder={manualEventPlaceholders[type]}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
      </Field>
      {more && (
        <div className="grid gap-3 md:grid-cols-[14rem_1fr]">
          <Field id="event-time" label="When (UTC)" help="Leave empty for now." error={errors.occurredAt}>
            <Input type="datetime-local" value={occurredAt} onChange={(event) => setOccurredAt(event.target.value)} />
          </Field>
          <Field id="event-link" label="Link" help="A dashboard, pull request or status page." error={errors.link}>
            <Input type="url" value={link} onChange={(event) => setLink(event.target.value)} placeholder="https://" />
          </Field>
        </div>
      )}
      {add.error && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm font-medium text-critical-fg">
          {add.error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" loading={add.isPending}>
          Add to timeline
        </Button>
        <Checkbox id="event-pinned" label="Pin as a key event" checked={pinned} onCheckedChange={(value) => setPinned(value === true)} />
        <Button variant="ghost" size="sm" aria-expanded={more} onClick={() => setMore((value) => !value)}>
          {more ? "Fewer options" : "Backdate or add a link"}
        </Button>
      </div>
    </form>
  );
}

function EditTimeDialog({ incidentId, event, onClose }: { incidentId: string; event: IncidentEventJson; onClose: () => void }) {
  const [value, setValue] = useState(toDateTimeLocal(event.occurredAt));
  const save = useIncidentMutation((occurredAt: string) => updateEventAction(incidentId, event.id, { occurredAt }), {
    incidentId,
    invalidates: ["timeline"],
    success: () => "Time changed; the change is in the audit log",
    toastErrors: false,
  });
  const error = save.error instanceof ActionFailure ? (save.error.fieldErrors.occurredAt ?? save.error.message) : undefined;
  return (
    <Dialog open onOpenChange={(open) => !open && !save.isPending && onClose()}>
      <DialogContent title="Edit the event's time" description={`${eventTypeLabels[event.type]}: “${event.body.slice(0, 120)}${event.body.length > 120 ? "…" : ""}”. The change is recorded in the audit log.`}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(submitted) => {
            submitted.preventDefault();
            save.mutate(value, { onSuccess: onClose });
          }}
        >
          <Field id="edit-event-time" label="When it happened (UTC)" error={error} required>
            <Input type="datetime-local" value={value} onChange={(changed) => setValue(changed.target.value)} />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={save.isPending}>
              Save time
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
