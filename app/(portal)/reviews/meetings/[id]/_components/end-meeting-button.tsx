"use client";
// Ends a running meeting from its page (meeting mode has its own button): asks first, since the minutes are
// written once.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { endMeetingAction } from "../../actions";

export function EndMeetingButton({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="danger" size="lg" onClick={() => setOpen(true)} loading={pending}>
        End meeting
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="End the meeting?"
        description="The minutes are written now, from what was recorded; the meeting cannot be restarted."
        confirmLabel="End meeting"
        onConfirm={() =>
          startTransition(async () => {
            const result = await endMeetingAction(meetingId);
            if (!result.ok) toast({ title: "The meeting did not end", description: result.message, tone: "critical" });
            router.refresh();
          })
        }
      />
    </>
  );
}
