"use client";
// "Create SLOs from this request": previews the SLOs the SRE form's current revision describes, on a
// chosen service (or a new one named by the form), and what happens to each (created, updated from an
// earlier revision of this request, unchanged), then writes them all in one go.
import { Activity } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adoptionActionOf, type AdoptionAction, type AdoptionPreview } from "@/lib/slo/adoption";
import { sliKindShortLabels } from "@/lib/slo/schema";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { adoptSlosAction } from "../[id]/link-actions";

const NEW_SERVICE = "__new__";

function actionLabel(action: AdoptionAction, revision: number) {
  if (action.kind === "create") return "Create";
  if (action.kind === "unchanged") return "Unchanged";
  if (action.kind === "update") return `Update (revision ${action.fromRevision ?? "?"} → ${revision})`;
  return "Slug taken";
}

function count(n: number) {
  return n === 1 ? "1 SLO" : `${n} SLOs`;
}

function submitLabel(creates: number, updates: number) {
  if (updates === 0) return `Create ${count(creates)}`;
  if (creates === 0) return `Update ${count(updates)}`;
  return `Create ${creates} and update ${count(updates)}`;
}

export function AdoptSlosDialog({ preview }: { preview: AdoptionPreview }) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(preview.matchedServiceId ?? NEW_SERVICE);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);

  const adoptable = preview.plan.items.flatMap((item) => (item.ok ? [item.spec] : []));
  const skipped = preview.plan.items.filter((item) => !item.ok);
  const chosenService = preview.services.find((service) => service.id === choice);
  const actions = new Map(adoptable.map((spec) => [spec.slug, adoptionActionOf(spec.slug, chosenService, preview.request.revision)]));
  const tally = (kind: AdoptionAction["kind"]) => [...actions.values()].filter((action) => action.kind === kind).length;
  const creates = tally("create");
  const updates = tally("update");
  const clashes = tally("taken");

  async function adopt() {
    setPending(true);
    setError(null);
    const result = await adoptSlosAction(preview.request.id, {
      revision: preview.request.revision,
      ...(choice === NEW_SERVICE ? { newService: { slug: preview.plan.service.slug, name: preview.plan.service.name } } : { serviceId: choice }),
    });
    setPending(false);
    if (!result.ok) {
      setError({ message: result.message, details: Object.values(result.fieldErrors ?? {}).filter((detail) => detail !== result.message) });
      return;
    }
    setOpen(false);
    const { created, updated } = result.data;
    const done = [created.length ? `${count(created.length)} created` : "", updated.length ? `${count(updated.length)} updated` : ""].filter(Boolean).join(", ");
    toast({ title: result.data.alreadyAdopted ? "Already adopted" : `${done} on ${result.data.service.name}`, tone: "healthy" });
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button>
          <Activity aria-hidden="true" /> Create SLOs from this request
        </Button>
      </DialogTrigger>
      <DialogContent
        size="xl"
        title="Create SLOs from this request"
        description={`Revision ${preview.request.revision} of “${preview.request.title}” describes these SLOs. They are written together, and remember this request and revision; SLOs adopted from an earlier revision are updated and keep their data.`}
      >
        <Field id="adopt-service" label="Service" help={chosenService ? `The SLOs are added to ${chosenService.name}.` : `A new tier 2 service “${preview.plan.service.name}” (${preview.plan.service.slug}) is added to the catalog.`}>
          <Select value={choice} onChange={(event) => setChoice(event.target.value)}>
            {!preview.services.some((service) => service.slug === preview.plan.service.slug) && (
              <option value={NEW_SERVICE}>
                New service: {preview.plan.service.name} ({preview.plan.service.slug})
              </option>
            )}
            {preview.services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name} ({service.slug})
              </option>
            ))}
          </Select>
        </Field>

        {adoptable.length > 0 ? (
          <Table aria-label="SLOs to create">
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Action</TH>
                <TH>SLI</TH>
                <TH numeric>Objective</TH>
                <TH numeric>Window</TH>
                <TH>Measures</TH>
              </TR>
            </THead>
            <TBody>
              {adoptable.map((spec) => {
                const action = actions.get(spec.slug)!;
                return (
                  <TR key={spec.slug}>
                    <TD className="font-medium">
                      {spec.name}
                      {action.kind === "taken" && <span className="block text-sm font-normal text-critical-fg">{chosenService?.name} already has an SLO “{spec.slug}” not adopted from this request</span>}
                    </TD>
                    <TD className={action.kind === "taken" ? "font-semibold whitespace-nowrap text-critical-fg" : action.kind === "update" ? "font-semibold whitespace-nowrap" : "whitespace-nowrap"}>{actionLabel(action, preview.request.revision)}</TD>
                    <TD>{sliKindShortLabels[spec.sliKind]}</TD>
                    <TD numeric>{spec.objective} %</TD>
                    <TD numeric>{spec.windowDays} days</TD>
                    <TD className="max-w-md font-mono text-sm break-all">
                      {spec.sliKind === "RATIO" ? `${spec.goodQuery} ÷ ${spec.totalQuery}` : `${spec.latencyMetric} ≤ ${spec.latencyThresholdMs} ms`}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        ) : (
          <p className="text-base">None of the form&apos;s SLIs can become an SLO as written.</p>
        )}

        {skipped.length > 0 && (
          <div role="note" className="rounded-md border border-warning bg-warning-soft/60 p-3">
            <p className="font-semibold text-warning-fg">Not created ({skipped.length}):</p>
            <ul className="list-disc pl-5">
              {skipped.map((item) => (
                <li key={item.sliName}>
                  <span className="font-medium">{item.sliName}</span>: {item.ok ? "" : item.reason}
                </li>
              ))}
            </ul>
          </div>
        )}

        {error && (
          <div role="alert" className="rounded-md border border-critical bg-critical-soft p-3 text-critical-fg">
            <p className="font-semibold">{error.message}</p>
            {error.details.length > 0 && (
              <ul className="list-disc pl-5">
                {error.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button onClick={adopt} loading={pending} disabled={creates + updates === 0 || clashes > 0}>
            {creates + updates === 0 ? "Nothing to change" : submitLabel(creates, updates)}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
