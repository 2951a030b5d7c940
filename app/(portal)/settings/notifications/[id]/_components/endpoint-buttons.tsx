"use client";
// The one-click controls of an endpoint's page (for maintainers and owners): send a test event, enable or
// disable, resume a paused endpoint, delete, and redeliver one delivery. Each calls one server action,
// says what happened in a toast, and refreshes the page.
import { useRouter } from "next/navigation";
import { Pause, Play, RotateCcw, Send, Trash2 } from "lucide-react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import {
  deleteEndpointAction,
  redeliverAction,
  resumeEndpointAction,
  sendTestEventAction,
  setEndpointEnabledAction,
  type ButtonResult,
} from "../../actions";

/** Runs an action; a failure shows as a critical toast (a stale version also refreshes the page, so the next try is current). */
function useEndpointAction() {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  function run(action: () => Promise<ButtonResult>, success: { title: string; description?: string }) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast({ title: result.message ?? success.title, description: success.description, tone: "healthy" });
      else toast({ title: result.stale ? "Someone changed this endpoint" : "Not done", description: result.message, tone: "critical" });
      router.refresh();
    });
  }
  return { pending, run };
}

export function SendTestEventButton({ id, state }: { id: string; state: "active" | "paused" | "disabled" }) {
  const { pending, run } = useEndpointAction();
  return (
    <Button
      onClick={() =>
        run(() => sendTestEventAction(id), {
          title: "Test event queued",
          description: state === "paused" ? "It goes out once you resume the endpoint." : "It shows in the delivery log below.",
        })
      }
      loading={pending}
      disabled={state === "disabled"}
      aria-describedby={state === "disabled" ? "test-event-disabled" : undefined}
    >
      {!pending && <Send aria-hidden="true" />} Send test event
    </Button>
  );
}

export function EnableButton({ id, version, name, enabled }: { id: string; version: number; name: string; enabled: boolean }) {
  const router = useRouter();
  const { toast } = useToast();
  const { pending, run } = useEndpointAction();
  if (!enabled) {
    return (
      <Button variant="secondary" loading={pending} onClick={() => run(() => setEndpointEnabledAction(id, version, true), { title: `Enabled “${name}”` })}>
        {!pending && <Play aria-hidden="true" />} Enable
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary">
          <Pause aria-hidden="true" /> Disable
        </Button>
      }
      title={`Disable “${name}”?`}
      description="Nothing is sent to it while it is disabled, and events that happen meanwhile are not kept for it: enabling it again only sends what comes after."
      confirmLabel="Disable endpoint"
      onConfirm={async () => {
        const result = await setEndpointEnabledAction(id, version, false);
        router.refresh();
        if (!result.ok) throw new Error(result.message);
        toast({ title: result.message ?? `Disabled “${name}”`, tone: "healthy" });
      }}
    />
  );
}

export function ResumeButton({ id, version }: { id: string; version: number }) {
  const { pending, run } = useEndpointAction();
  return (
    <Button loading={pending} onClick={() => run(() => resumeEndpointAction(id, version), { title: "Resumed" })}>
      {!pending && <Play aria-hidden="true" />} Resume
    </Button>
  );
}

export function DeleteEndpointButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const { toast } = useToast();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger">
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      }
      title={`Delete “${name}”?`}
      description="It stops receiving events at once, and its delivery log goes with it. This cannot be undone."
      confirmLabel="Delete endpoint"
      onConfirm={async () => {
        const result = await deleteEndpointAction(id);
        if (!result.ok) throw new Error(result.message);
        toast({ title: `Deleted “${name}”`, tone: "healthy" });
        router.push("/settings/notifications");
        router.refresh();
      }}
    />
  );
}

export function RedeliverButton({ endpointId, deliveryId, description }: { endpointId: string; deliveryId: string; description: string }) {
  const { pending, run } = useEndpointAction();
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      aria-label={`Redeliver ${description}`}
      onClick={() => run(() => redeliverAction(endpointId, deliveryId), { title: "Redelivery queued", description: "It is sent again with the same webhook-id." })}
    >
      {!pending && <RotateCcw aria-hidden="true" />} Redeliver
    </Button>
  );
}
