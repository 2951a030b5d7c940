"use client";
// The events an endpoint receives: one checkbox per subscribable event type, and "Select all" (mixed
// while only some are chosen). Controlled, so that the add and edit forms decide what they send.
import { CircleAlert } from "lucide-react";
import { Checkbox } from "@/components/ui/checkbox";
import { eventTypeLabels, subscribableEventTypes, type EventType } from "@/lib/outbox/events";

export interface EventTypesFieldsetProps {
  /** Prefix of the ids of the boxes, help and error. */
  id: string;
  value: readonly EventType[];
  onChange: (value: EventType[]) => void;
  error?: string;
  disabled?: boolean;
}

/** The chosen types in the catalogue's order, so what is sent does not depend on the order of the clicks. */
const inCatalogueOrder = (types: Iterable<EventType>) => {
  const chosen = new Set(types);
  return subscribableEventTypes.filter((type) => chosen.has(type));
};

export function EventTypesFieldset({ id, value, onChange, error, disabled }: EventTypesFieldsetProps) {
  const chosen = new Set(value);
  const allState = chosen.size === 0 ? false : chosen.size === subscribableEventTypes.length ? true : "indeterminate";
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${helpId} ${errorId}` : helpId;

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={describedBy} data-testid="event-types">
      <legend className="mb-1.5 text-base font-medium text-fg">
        Events
        <span aria-hidden="true" className="ml-0.5 text-critical-fg">
          *
        </span>
      </legend>
      <p id={helpId} className="text-sm text-fg-muted">
        What this endpoint receives. Each delivery carries the event&apos;s code as <code className="font-mono">type</code>.
      </p>
      <Checkbox
        id={`${id}-all`}
        label={<span className="font-medium">Select all</span>}
        checked={allState}
        disabled={disabled}
        onCheckedChange={(checked) => onChange(checked === true ? [...subscribableEventTypes] : [])}
        containerClassName="border-b border-border pb-2"
      />
      <div className="grid gap-x-6 sm:grid-cols-2 2xl:grid-cols-3">
        {subscribableEventTypes.map((type) => (
          <Checkbox
            key={type}
            id={`${id}-${type}`}
            label={eventTypeLabels[type]}
            description={<code className="font-mono break-all">{type}</code>}
            checked={chosen.has(type)}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            onCheckedChange={(checked) => onChange(inCatalogueOrder(checked === true ? [...value, type] : value.filter((held) => held !== type)))}
          />
        ))}
      </div>
      {error && (
        <p id={errorId} role="alert" className="flex items-start gap-1.5 text-sm font-medium text-critical-fg">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{error}</span>
        </p>
      )}
    </fieldset>
  );
}
