"use client";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { deleteSloAction } from "../actions";

export function DeleteSloButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const { toast } = useToast();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost">
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      }
      title={`Delete ${name}?`}
      description="Its SLI data goes with it, and exported rules that use it stop matching anything. This cannot be undone."
      confirmLabel="Delete SLO"
      onConfirm={async () => {
        const result = await deleteSloAction(id);
        if (!result.ok) throw new Error(result.message);
        toast({ title: `Deleted ${name}`, tone: "healthy" });
        router.push(result.serviceId ? `/services/${result.serviceId}` : "/slos");
        router.refresh();
      }}
    />
  );
}
