"use client";
// "Declare an incident from this request": the quick declare form, prefilled from the request's answers,
// in a dialog. The request's runbook is attached to the incident; declaring opens the incident's page.
import { FileText, Siren } from "lucide-react";
import { useState } from "react";
import type { DeclareFromRequestPreview } from "@/lib/incidents/from-request.server";
import { declareIncidentSchema } from "@/lib/incidents/schema";
import { incidentSeverities, severityDefinitions } from "@/lib/incidents/severity";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormMessage } from "@/components/forms/form-message";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { declareFromRequestAction } from "../[id]/link-actions";
import { AffectedServices } from "@/components/incidents/affected-services";

export function DeclareFromRequestDialog({ preview }: { preview: DeclareFromRequestPreview }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">
          <Siren aria-hidden="true" /> Declare an incident from this request
        </Button>
      </DialogTrigger>
      <DialogContent size="lg" title="Declare an incident" description={`In ${preview.request.team.name}, from revision ${preview.request.revision} of this request. Check the answers, then declare.`}>
        {open && <DeclareForm preview={preview} />}
      </DialogContent>
    </Dialog>
  );
}

function DeclareForm({ preview }: { preview: DeclareFromRequestPreview }) {
  const action = declareFromRequestAction.bind(null, preview.request.id);
  const { state, formAction, pending, onSubmit, errors } = useValidatedAction(action, declareIncidentSchema);
  const values = state.status === "error" ? state.values : undefined;
  const defaults = preview.defaults;
  const [chosen, setChosen] = useState<string[]>(() => values?.services?.split(",").filter(Boolean) ?? defaults.services);
  const [customerImpact, setCustomerImpact] = useState(values ? values.customerImpact === "true" : defaults.customerImpact);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Declare an incident from this request">
      <FormMessage state={state} />
      <input type="hidden" name="services" value={chosen.join(",")} />
      <input type="hidden" name="customerImpact" value={customerImpact ? "true" : "false"} />
      <Field id="from-request-title" label="What is wrong?" error={errors.title} required>
        <Input name="title" defaultValue={values?.title ?? defaults.title} autoComplete="off" maxLength={160} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="from-request-severity" label="Severity" error={errors.severity} required>
          <Select name="severity" defaultValue={values?.severity ?? defaults.severity}>
            {incidentSeverities.map((level) => (
              <option key={level} value={level}>
                {severityDefinitions[level].label} {severityDefinitions[level].name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="from-request-type" label="Type" error={errors.type}>
          <Select name="type" defaultValue={values?.type ?? defaults.type}>
            <option value="OPERATIONAL">Operational</option>
            <option value="SECURITY">Security</option>
          </Select>
        </Field>
      </div>
      <AffectedServices idPrefix="from-request-service-" services={preview.services.map((service) => ({ ...service, description: service.slug }))} chosen={chosen} setChosen={setChosen} teamName={preview.request.team.name} error={errors.services} />
      <Checkbox id="from-request-customer-impact" label="Customers are affected" checked={customerImpact} onCheckedChange={(checked) => setCustomerImpact(checked === true)} />
      <Field id="from-request-summary" label="Summary" error={errors.summary}>
        <Textarea name="summary" defaultValue={values?.summary ?? defaults.summary} rows={3} />
      </Field>
      <p className="flex items-start gap-2 text-base text-fg-muted">
        <FileText aria-hidden="true" className="mt-1 size-4 shrink-0" />
        {preview.runbookPaths.length
          ? `The runbook is attached from ${preview.runbookPaths.join(", ")}.`
          : "This request's revision generated no runbook; the incident links back to the request."}
      </p>
      <DialogFormFooter
        pending={pending}
        variant="danger"
        submitLabel={
          <>
            <Siren aria-hidden="true" /> Declare incident
          </>
        }
      />
    </form>
  );
}
