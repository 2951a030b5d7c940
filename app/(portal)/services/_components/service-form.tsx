"use client";
// The service form, for creating and for editing (with the version it was opened at, for 409s).
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormMessage } from "@/components/forms/form-message";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { createServiceSchema, lifecycleLabels, serviceLifecycles, tierDescriptions, tierLabels } from "@/lib/services/schema";
import { slugify } from "@/lib/teams/schema";
import { createServiceAction, updateServiceAction } from "../actions";

export interface ServiceFormValues {
  id?: string;
  updatedAt?: string;
  name: string;
  slug: string;
  tier: number;
  lifecycle: string;
  description: string;
  repoUrl: string;
  runbookUrl: string;
  dashboardUrl: string;
}

export function ServiceForm({ team, initial, cancelHref }: { team: { slug: string; name: string }; initial?: ServiceFormValues; cancelHref: string }) {
  const router = useRouter();
  const editing = initial?.id !== undefined;
  const { state, formAction, pending, onSubmit, errors } = useValidatedAction(editing ? updateServiceAction : createServiceAction, createServiceSchema);
  const values = state.status === "error" ? state.values : undefined;
  const [name, setName] = useState(values?.name ?? initial?.name ?? "");
  const [slug, setSlug] = useState(values?.slug ?? initial?.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(editing);

  useEffect(() => {
    if (state.status === "success" && state.data) {
      router.push(`/services/${state.data.id}`);
      router.refresh();
    }
  }, [state, router]);

  const value = (key: keyof ServiceFormValues) => values?.[key] ?? String(initial?.[key] ?? "");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-5" aria-label={editing ? "Edit service" : "Create a service"}>
      <FormMessage state={state} />
      <input type="hidden" name="team" value={team.slug} />
      {editing && <input type="hidden" name="id" value={initial.id} />}
      {editing && <input type="hidden" name="updatedAt" value={initial.updatedAt} />}
      <div className="grid gap-5 md:grid-cols-2">
        <Field id="service-name" label="Name" error={errors.name} required>
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
        <Field id="service-slug" label="Slug" help={`Unique in ${team.name}; used in exports and alert labels.`} error={errors.slug} required>
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
        <Field id="service-tier" label="Tier" help="How much the business depends on it." error={errors.tier} required>
          <Select name="tier" defaultValue={value("tier") || "3"} key={`tier-${state.status}`}>
            {[1, 2, 3, 4].map((tier) => (
              <option key={tier} value={tier}>
                {tierLabels[tier]} — {tierDescriptions[tier]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="service-lifecycle" label="Lifecycle" error={errors.lifecycle} required>
          <Select name="lifecycle" defaultValue={value("lifecycle") || "PRODUCTION"} key={`lifecycle-${state.status}`}>
            {serviceLifecycles.map((lifecycle) => (
              <option key={lifecycle} value={lifecycle}>
                {lifecycleLabels[lifecycle]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id="service-description" label="Description" help="Optional: what it does and for whom." error={errors.description}>
        <Textarea name="description" defaultValue={value("description")} rows={3} key={`description-${state.status}`} />
      </Field>
      <div className="grid gap-5 md:grid-cols-3">
        <Field id="service-repo" label="Repository" help="Optional" error={errors.repoUrl}>
          <Input name="repoUrl" type="url" inputMode="url" defaultValue={value("repoUrl")} placeholder="https://…" key={`repo-${state.status}`} />
        </Field>
        <Field id="service-runbook" label="Runbook" help="Optional; linked from alerts" error={errors.runbookUrl}>
          <Input name="runbookUrl" type="url" inputMode="url" defaultValue={value("runbookUrl")} placeholder="https://…" key={`runbook-${state.status}`} />
        </Field>
        <Field id="service-dashboard" label="Dashboard" help="Optional" error={errors.dashboardUrl}>
          <Input name="dashboardUrl" type="url" inputMode="url" defaultValue={value("dashboardUrl")} placeholder="https://…" key={`dashboard-${state.status}`} />
        </Field>
      </div>
      <div className="flex gap-3">
        <Button type="submit" loading={pending}>
          {editing ? "Save changes" : "Create service"}
        </Button>
        <a href={cancelHref} className={buttonVariants({ variant: "ghost" })}>
          Cancel
        </a>
      </div>
    </form>
  );
}
