"use client";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { deleteServiceAction } from "../actions";

export function DeleteServiceButton({ id, name, sloCount }: { id: string; name: string; sloCount: number }) {
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
      description={
        sloCount
          ? `Its ${sloCount} SLO${sloCount === 1 ? "" : "s"} and all their SLI data go with it. This cannot be undone.`
          : "This cannot be undone."
      }
      confirmLabel="Delete service"
      onConfirm={async () => {
        const result = await deleteServiceAction(id);
        if (!result.ok) throw new Error(result.message);
        toast({ title: `Deleted ${name}`, tone: "healthy" });
        router.push("/services");
        router.refresh();
      }}
    />
  );
}
