"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { FormMessage } from "@/components/forms/form-message";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { createTeamSchema, slugify } from "@/lib/teams/schema";
import { createTeamAction } from "../../actions";

export function CreateTeamForm() {
  const router = useRouter();
  const { state, formAction, pending, onSubmit, errors } = useValidatedAction(createTeamAction, createTeamSchema);
  const [name, setName] = useState(state.values?.name ?? "");
  const [slug, setSlug] = useState(state.values?.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(false);

  useEffect(() => {
    if (state.status === "success") {
      router.push("/settings");
      router.refresh();
    }
  }, [state, router]);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Create a team">
      <FormMessage state={state} />
      <Field id="team-name" label="Name" error={errors.name} required>
        <Input
          name="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(slugify(event.target.value));
          }}
          autoFocus
        />
      </Field>
      <Field id="team-slug" label="Slug" help="Used in URLs and the API. Lowercase letters, digits and hyphens." error={errors.slug} required>
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
      <Field id="team-description" label="Description" help="Optional: what the team owns." error={errors.description}>
        <Textarea name="description" defaultValue={state.values?.description} rows={3} />
      </Field>
      <div>
        <Button type="submit" loading={pending}>
          Create team
        </Button>
      </div>
    </form>
  );
}
