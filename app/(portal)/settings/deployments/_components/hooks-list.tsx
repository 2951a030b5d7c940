"use client";
// The team's deployment receivers: format, service, URL, last delivery, and Rotate secret and Delete. A
// rotated secret is shown once, in the dialog that rotated it (components/settings/rotate-secret-dialog.tsx);
// the old one stops working at once.
import { Rocket, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { RotateSecretDialog } from "@/components/settings/rotate-secret-dialog";
import { formatDateTime, formatRelative } from "@/lib/format";
import { hookProviderLabels } from "@/lib/deployments/hook-setup";
import type { DeploymentHookProvider } from "@/lib/deployments/webhook-format";
import type { DeploymentHookView } from "@/lib/deployments/hooks.server";
import { deleteHookAction, rotateHookSecretAction } from "../actions";
import { HookSetup } from "./hook-setup";

function RotateHookSecret({ hook }: { hook: DeploymentHookView }) {
  const name = `${hookProviderLabels[hook.provider as DeploymentHookProvider]} receiver of ${hook.service.name}`;
  return (
    <RotateSecretDialog
      text={{
        confirmTitle: `Rotate the secret of the ${name}?`,
        confirmDescription: "A new secret replaces the current one at once: deliveries signed with the old one are refused (401) until the provider has the new one.",
        doneTitle: `New secret of the ${name}`,
        doneDescription: "The previous secret no longer works: put this one into the provider now.",
      }}
      help="Store it now, in the provider's webhook settings: it is not shown again."
      // Nothing on the page changes with the secret: no refresh.
      rotate={async () => {
        const result = await rotateHookSecretAction(hook.id);
        return result.ok ? { ok: true, value: { secret: result.data.secret } } : { ok: false, message: result.message };
      }}
    />
  );
}

export function HooksList({ hooks }: { hooks: DeploymentHookView[] }) {
  const router = useRouter();
  const { toast } = useToast();
  if (hooks.length === 0) {
    return <EmptyState icon={<Rocket />} title="No receivers yet" description="Create one above for each service and format; the provider then reports every deployment, no CI change needed." />;
  }
  return (
    <ul className="flex flex-col gap-4" aria-label="Deployment receivers">
      {hooks.map((hook) => {
        const provider = hook.provider as DeploymentHookProvider;
        return (
          <li key={hook.id}>
            <Card data-testid={`deployment-hook-${hook.id}`}>
              <CardHeader className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between">
                <CardTitle as="h3" className="flex items-center gap-2 text-xl">
                  <Rocket aria-hidden="true" className="size-5" /> {hookProviderLabels[provider]} · {hook.service.name}
                </CardTitle>
                <Badge tone={hook.lastDeliveryAt ? "healthy" : "nodata"}>{hook.lastDeliveryAt ? `Last delivery ${formatRelative(hook.lastDeliveryAt)}` : "No delivery yet"}</Badge>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <HookSetup provider={provider} url={hook.url} />
                <p className="text-sm text-fg-muted">Created {formatDateTime(hook.createdAt)}. The secret is stored encrypted and never shown again; rotate it if it is lost.</p>
                <div className="flex flex-wrap gap-2">
                  <RotateHookSecret hook={hook} />
                  <ConfirmDialog
                    trigger={
                      <Button variant="danger">
                        <Trash2 aria-hidden="true" /> Delete
                      </Button>
                    }
                    title={`Delete the ${hookProviderLabels[provider]} receiver of ${hook.service.name}?`}
                    description="Deliveries to its URL are refused from now on (404). Deployments it recorded stay."
                    confirmLabel="Delete receiver"
                    onConfirm={async () => {
                      const result = await deleteHookAction(hook.id);
                      if (!result.ok) throw new Error(result.message);
                      toast({ title: "Receiver deleted", tone: "healthy" });
                      router.refresh();
                    }}
                  />
                </div>
              </CardContent>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
