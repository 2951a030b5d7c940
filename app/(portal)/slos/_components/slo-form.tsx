"use client";
// The SLO form: create (on a chosen service) or edit (with the version it was opened at, for 409s). The
// fields follow the SLI kind; the same zod schema checks them here and on the server.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormMessage } from "@/components/forms/form-message";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { alertFactors, errorBudgetOf, sloWindowDays } from "@/lib/slo/math";
import { formatMinutes } from "@/lib/slo/present";
import { createSloSchema, sliKindLabels, sliKinds, sloInputSchema, type SliKindValue } from "@/lib/slo/schema";
import { slugify } from "@/lib/teams/schema";
import { createSloAction, updateSloAction } from "../actions";

export interface SloFormValues {
  id?: string;
  updatedAt?: string;
  serviceId: string;
  name: string;
  slug: string;
  description: string;
  sliKind: SliKindValue;
  goodQuery: string;
  totalQuery: string;
  latencyMetric: string;
  latencyThresholdMs: string;
  objective: string;
  windowDays: string;
  alerting: boolean;
  /** "" for pushed samples. */
  dataSourceId: string;
  alertMinEvents: string;
}

const kindHelp: Record<SliKindValue, string> = {
  RATIO: "Good events ÷ all events, e.g. requests answered without a server error.",
  LATENCY: "The share of requests answered within a threshold, from a Prometheus histogram.",
};

export function SloForm({
  services,
  dataSources,
  initial,
  cancelHref,
}: {
  services: { id: string; name: string }[];
  dataSources: { id: string; name: string }[];
  initial: SloFormValues;
  cancelHref: string;
}) {
  const router = useRouter();
  const editing = initial.id !== undefined;
  const { state, formAction, pending, onSubmit, errors } = useValidatedAction(editing ? updateSloAction : createSloAction, editing ? sloInputSchema : createSloSchema);
  const sent = state.status === "error" ? state.values : undefined;
  const [name, setName] = useState(sent?.name ?? initial.name);
  const [slug, setSlug] = useState(sent?.slug ?? initial.slug);
  const [slugEdited, setSlugEdited] = useState(editing);
  const [kind, setKind] = useState<SliKindValue>((sent?.sliKind as SliKindValue) ?? initial.sliKind);
  const [objective, setObjective] = useState(sent?.objective ?? initial.objective);
  const [windowDays, setWindowDays] = useState(sent?.windowDays ?? initial.windowDays);

  useEffect(() => {
    if (state.status === "success" && state.data) {
      router.push(`/slos/${state.data.id}`);
      router.refresh();
    }
  }, [state, router]);

  const value = (key: keyof SloFormValues) => sent?.[key] ?? String(initial[key] ?? "");
  const objectiveNumber = Number(objective);
  const days = Number(windowDays);
  const preview = Number.isFinite(objectiveNumber) && objectiveNumber >= 50 && objectiveNumber <= 99.999 && (sloWindowDays as readonly number[]).includes(days);
  const factors = preview ? alertFactors(days) : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-6" aria-label={editing ? "Edit SLO" : "Create an SLO"}>
      <FormMessage state={state} />
      {editing ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="updatedAt" value={initial.updatedAt} />
        </>
      ) : (
        <Field id="slo-service" label="Service" error={errors.serviceId} required>
          <Select name="serviceId" defaultValue={value("serviceId")} placeholder="Choose a service" key={`service-${state.status}`}>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="grid gap-5 md:grid-cols-2">
        <Field id="slo-name" label="Name" help="What a person reads, e.g. “Checkout availability”." error={errors.name} required>
          <Input
            name="name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(slugify(event.target.value));
            }}
            autoFocus={!editing}
          />
        </Field>
        <Field id="slo-slug" label="Slug" help="Unique on the service; names the exported rules." error={errors.slug} required>
          <Input
            name="slug"
            value={slug}
            onChange={(event) => {
              setSlug(event.target.value);
              setSlugEdited(true);
            }}
            className="font-mono"
          />
        </Field>
      </div>
      <Field id="slo-description" label="Description" help="Optional: what a good event means to the user." error={errors.description}>
        <Textarea name="description" defaultValue={value("description")} rows={2} key={`description-${state.status}`} />
      </Field>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-medium">
          SLI <span className="text-critical-fg">*</span>
        </legend>
        <div className="grid gap-3 md:grid-cols-2">
          {sliKinds.map((option) => (
            <label
              key={option}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md border p-4 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus",
                kind === option ? "border-accent bg-info-soft/50 ring-1 ring-accent" : "border-border-strong",
              )}
            >
              <input type="radio" name="sliKind" value={option} checked={kind === option} onChange={() => setKind(option)} className="mt-1 size-4 accent-(--accent)" />
              <span className="flex flex-col gap-1">
                <span className="font-semibold">{sliKindLabels[option]}</span>
                <span className="text-sm text-fg-muted">{kindHelp[option]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.sliKind && <p className="text-sm font-medium text-critical-fg">{errors.sliKind}</p>}
      </fieldset>

      <Field
        id="slo-data-source"
        label="Where the SLI comes from"
        help={
          dataSources.length
            ? "A data source: the portal backfills the window, then queries it every minute. Pushed samples: you send them through the API or a CSV upload. Changing it starts the SLO's history over."
            : "Samples are pushed through the API or a CSV upload. Add a Prometheus under Settings → Data sources to have the portal pull them instead."
        }
        error={errors.dataSourceId}
      >
        <Select name="dataSourceId" defaultValue={value("dataSourceId")} key={`source-${state.status}`}>
          <option value="">Pushed samples (API or CSV)</option>
          {dataSources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.name} (Prometheus)
            </option>
          ))}
        </Select>
      </Field>

      {kind === "RATIO" ? (
        <div className="grid gap-5">
          <Field id="slo-good" label="Good events" help="A Prometheus counter selector, used by the exported rules." error={errors.goodQuery} required>
            <Input name="goodQuery" defaultValue={value("goodQuery")} className="font-mono" placeholder='e.g. http_requests_total{service="checkout",code!~"5.."}' key={`good-${state.status}`} />
          </Field>
          <Field id="slo-total" label="All events" error={errors.totalQuery} required>
            <Input name="totalQuery" defaultValue={value("totalQuery")} className="font-mono" placeholder='e.g. http_requests_total{service="checkout"}' key={`total-${state.status}`} />
          </Field>
        </div>
      ) : (
        <div className="grid gap-5 md:grid-cols-[1fr_14rem]">
          <Field id="slo-latency-metric" label="Histogram" help="The histogram's selector without _bucket; its buckets must include the threshold." error={errors.latencyMetric} required>
            <Input name="latencyMetric" defaultValue={value("latencyMetric")} className="font-mono" placeholder='e.g. http_request_duration_seconds{service="checkout"}' key={`metric-${state.status}`} />
          </Field>
          <Field id="slo-latency-threshold" label="Threshold (ms)" help="Requests at or under it are good." error={errors.latencyThresholdMs} required>
            <Input name="latencyThresholdMs" type="number" inputMode="numeric" min={1} step={1} defaultValue={value("latencyThresholdMs")} key={`threshold-${state.status}`} />
          </Field>
        </div>
      )}

      <div className="grid gap-5 md:grid-cols-2">
        <Field id="slo-objective" label="Objective (%)" help="Between 50 and 99.999, e.g. 99.9." error={errors.objective} required>
          <Input name="objective" type="number" inputMode="decimal" min={50} max={99.999} step="any" value={objective} onChange={(event) => setObjective(event.target.value)} />
        </Field>
        <Field id="slo-window" label="Rolling window" error={errors.windowDays} required>
          <Select name="windowDays" value={windowDays} onChange={(event) => setWindowDays(event.target.value)}>
            {sloWindowDays.map((option) => (
              <option key={option} value={option}>
                {option} days
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {preview && factors && (
        <p className="rounded-md bg-surface-muted p-4 text-base" data-testid="budget-preview">
          Error budget: <strong>{(errorBudgetOf(objectiveNumber) * 100).toFixed(3).replace(/\.?0+$/, "")} %</strong> of events, about{" "}
          <strong>{formatMinutes(errorBudgetOf(objectiveNumber) * days * 1_440)}</strong> of full outage in {days} days. Pages above {Math.round(factors["page-fast"] * 100) / 100}× (1 h) and{" "}
          {Math.round(factors["page-slow"] * 100) / 100}× (6 h); tickets above {Math.round(factors["ticket-fast"] * 100) / 100}× (1 day) and {Math.round(factors["ticket-slow"] * 1000) / 1000}× (3 days).
        </p>
      )}
      <div>
        <input type="hidden" name="alerting" value="false" />
        <Checkbox
          name="alerting"
          value="on"
          defaultChecked={sent ? sent.alerting === "on" : initial.alerting}
          key={`alerting-${state.status}`}
          label="Alerting"
          description="Include the page and ticket burn-rate alerts in the exported Prometheus rules and Sloth spec."
        />
      </div>
      <Field
        id="slo-min-events"
        label="Minimum events before alerting"
        help="The low-traffic guard: an alert fires only when its long window (1 hour to 3 days) holds at least this many events, so one error among a handful of requests does not page. 0 turns it off."
        error={errors.alertMinEvents}
      >
        <Input name="alertMinEvents" type="number" inputMode="numeric" min={0} step={1} defaultValue={value("alertMinEvents")} className="max-w-56" key={`min-events-${state.status}`} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" loading={pending}>
          {editing ? "Save changes" : "Create SLO"}
        </Button>
        <a href={cancelHref} className={buttonVariants({ variant: "ghost" })}>
          Cancel
        </a>
      </div>
    </form>
  );
}
