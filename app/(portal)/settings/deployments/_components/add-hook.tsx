"use client";
// The add form of Settings → Deployments: a service and a format; then the receiver's URL and secret, once.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { SigningSecretPanel } from "@/components/settings/signing-secret";
import { hookProviderLabels } from "@/lib/deployments/hook-setup";
import { deploymentHookProviders, type DeploymentHookProvider } from "@/lib/deployments/webhook-format";
import type { DeploymentHookView } from "@/lib/deployments/hooks.server";
import { createHookAction } from "../actions";
import { HookSetup } from "./hook-setup";

export function AddHook({ team, services }: { team: string; services: { slug: string; name: string }[] }) {
  const router = useRouter();
  const [service, setService] = useState(services[0]?.slug ?? "");
  const [provider, setProvider] = useState<DeploymentHookProvider>("github");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<(DeploymentHookView & { secret: string }) | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createHookAction(team, { service, provider });
      if (result.ok) {
        setErrors({});
        setMessage(null);
        setCreated(result.data);
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }
    });
  }

  if (created) {
    return (
      <SigningSecretPanel
        title={`${hookProviderLabels[created.provider as DeploymentHookProvider]} receiver for ${created.service.name}`}
        secret={created.secret}
        help="Store it now, in the provider's webhook settings: it is not shown again (rotate it below if it is lost)."
        onDismiss={() => setCreated(null)}
      >
        <HookSetup provider={created.provider as DeploymentHookProvider} url={created.url} />
      </SigningSecretPanel>
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {message && !Object.keys(errors).length && <ErrorAlert message={message} />}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="new-hook-service" label="Service" error={errors.service}>
          <Select value={service} onChange={(event) => setService(event.target.value)}>
            {services.map((entry) => (
              <option key={entry.slug} value={entry.slug}>
                {entry.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="new-hook-provider" label="Format" error={errors.provider}>
          <Select value={provider} onChange={(event) => setProvider(event.target.value as DeploymentHookProvider)}>
            {deploymentHookProviders.map((value) => (
              <option key={value} value={value}>
                {hookProviderLabels[value]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" loading={pending} disabled={!service}>
          Create receiver
        </Button>
      </div>
    </form>
  );
}
