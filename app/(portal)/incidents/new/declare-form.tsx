"use client";
// The declare form: title, severity (with what each level means), affected services and an optional summary.
import { useState } from "react";
import { Siren } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { FormMessage } from "@/components/forms/form-message";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { declareIncidentSchema } from "@/lib/incidents/schema";
import { incidentSeverities, severityDefinitions } from "@/lib/incidents/severity";
import { declareIncidentAction } from "../actions";
import { AffectedServices } from "@/components/incidents/affected-services";

export function DeclareForm({ team, services }: { team: string; services: { slug: string; name: string; tier: number }[] }) {
  const { state, formAction, pending, onSubmit, errors } = useValidatedAction(declareIncidentAction, declareIncidentSchema);
  const values = state.status === "error" ? state.values : undefined;
  const [chosen, setChosen] = useState<string[]>(() => values?.services?.split(",").filter(Boolean) ?? []);
  const [severity, setSeverity] = useState(values?.severity ?? "");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label="Declare an incident">
      <FormMessage state={state} />
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="services" value={chosen.join(",")} />
      <Field id="incident-title" label="What is wrong?" help="What people see, e.g. “Checkout returns errors in the EU”." error={errors.title} required>
        <Input name="title" defaultValue={values?.title} autoFocus autoComplete="off" className="h-12 text-lg" maxLength={160} />
      </Field>

      <fieldset className="flex flex-col gap-2" aria-describedby={errors.severity ? "incident-severity-error" : undefined}>
        <legend className="mb-1 text-base font-medium">
          Severity <span aria-hidden="true" className="text-critical-fg">*</span>
          <span className="sr-only"> (required)</span>
        </legend>
        <div className="grid gap-2 md:grid-cols-2 xl:grid-cols-3" role="radiogroup" aria-required="true">
          {incidentSeverities.map((level) => {
            const definition = severityDefinitions[level];
            return (
              <label
                key={level}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-md border-2 p-3 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus",
                  severity === level ? (definition.major ? "border-critical bg-critical-soft" : "border-accent bg-info-soft") : "border-border hover:bg-surface-muted",
                )}
              >
                <input type="radio" name="severity" value={level} checked={severity === level} onChange={() => setSeverity(level)} className="mt-1 size-4 accent-(--accent)" />
                <span className="flex flex-col gap-0.5">
                  <span className="text-base font-semibold">
                    {definition.label} {definition.name}
                    {definition.major && <span className="ml-2 text-sm font-medium text-critical-fg">Major</span>}
                  </span>
                  <span className="text-sm text-fg-muted">{definition.description}</span>
                </span>
              </label>
            );
          })}
        </div>
        {errors.severity && (
          <p id="incident-severity-error" role="alert" className="text-sm font-medium text-critical-fg">
            {errors.severity}
          </p>
        )}
      </fieldset>

      <AffectedServices idPrefix="service-" services={services.map((service) => ({ ...service, description: `${service.slug} · tier ${service.tier}` }))} chosen={chosen} setChosen={setChosen} error={errors.services} wide />

      <Field id="incident-summary" label="Summary" help="Optional: what is known so far." error={errors.summary}>
        <Textarea name="summary" defaultValue={values?.summary} rows={3} />
      </Field>

      <div>
        <Button type="submit" variant="danger" size="lg" loading={pending}>
          <Siren aria-hidden="true" /> Declare incident
        </Button>
      </div>
    </form>
  );
}
