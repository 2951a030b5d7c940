"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormMessage } from "@/components/forms/form-message";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { roleLabels, teamRoles } from "@/lib/auth/roles";
import { addMemberSchema } from "@/lib/teams/schema";
import { addMemberAction } from "../actions";

export function AddMemberForm({ team, canGrantOwner }: { team: string; canGrantOwner: boolean }) {
  const { state, formAction, pending, onSubmit, errors } = useValidatedAction(addMemberAction, addMemberSchema);
  const email = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.status === "success") email.current?.focus();
  }, [state]);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Add a member">
      <FormMessage state={state} />
      <input type="hidden" name="team" value={team} />
      <div className="grid gap-4 md:grid-cols-[1fr_14rem_auto] md:items-start">
        <Field id="member-email" label="Email" error={errors.email} required>
          <Input ref={email} name="email" type="email" defaultValue={values?.email} key={`email-${state.status}-${values?.email}`} />
        </Field>
        <Field id="member-role" label="Role" error={errors.role}>
          <Select name="role" defaultValue={values?.role ?? "MEMBER"}>
            {teamRoles
              .filter((role) => canGrantOwner || role !== "OWNER")
              .map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
          </Select>
        </Field>
        <Button type="submit" loading={pending} className="md:mt-7">
          Add member
        </Button>
      </div>
    </form>
  );
}
