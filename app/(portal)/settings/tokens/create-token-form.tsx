"use client";
import { useState } from "react";
import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogClose } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { createTokenSchema, tokenExpiryChoices } from "@/lib/tokens/schema";
import { createTokenAction } from "../actions";

export function CreateTokenForm({ team }: { team: string }) {
  const { state, formAction, pending, onSubmit, errors } = useValidatedAction(createTokenAction, createTokenSchema);
  const { toast } = useToast();
  // The secret of the latest successful answer is shown until the user closes the dialog.
  const [dismissed, setDismissed] = useState<object | undefined>();
  const shown = state.status === "success" && state.data && dismissed !== state ? state.data : undefined;
  const values = state.status === "error" ? state.values : undefined;

  return (
    <>
      <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Create a token">
        {state.status === "error" && <FormMessage state={state} />}
        <input type="hidden" name="team" value={team} />
        <div className="grid gap-4 md:grid-cols-[1fr_12rem_auto] md:items-start">
          <Field id="token-name" label="Name" help="What uses it, e.g. “CI deploys” or “SLI exporter”." error={errors.name} required>
            <Input name="name" defaultValue={values?.name} key={`name-${state.status}-${values?.name}`} />
          </Field>
          <Field id="token-expiry" label="Expires" error={errors.expiresInDays}>
            <Select name="expiresInDays" defaultValue={values?.expiresInDays ?? "90"}>
              {tokenExpiryChoices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" loading={pending} className="md:mt-7">
            Create token
          </Button>
        </div>
      </form>
      <Dialog open={shown !== undefined} onOpenChange={(open) => !open && setDismissed(state)}>
        <DialogContent title={`Token “${shown?.name}” created`} description="Copy it now: it will not be shown again.">
          <div className="flex items-center gap-2">
            <code className="flex-1 rounded-md border border-border bg-surface-muted p-3 font-mono text-sm break-all" data-testid="new-token">
              {shown?.secret}
            </code>
            <Button
              variant="secondary"
              aria-label="Copy the token"
              onClick={async () => {
                await navigator.clipboard?.writeText(shown?.secret ?? "").catch(() => undefined);
                toast({ title: "Token copied", tone: "healthy" });
              }}
            >
              <Copy aria-hidden="true" /> Copy
            </Button>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button>I have copied it</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
