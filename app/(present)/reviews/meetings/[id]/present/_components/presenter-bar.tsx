"use client";
// Who is presenting, for everyone in meeting mode: the presenter moves the slides and the timers; everyone
// else follows live, and may take over (explicitly, after confirming; the takeover is audited).
import { useState } from "react";
import { MonitorUp, Radio } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { MeetingDetail } from "@/lib/reviews/meetings-schema";

export function PresenterBar({ meeting, presenting, live, onTakeOver }: { meeting: MeetingDetail; presenting: boolean; live: boolean; onTakeOver: () => Promise<void> }) {
  const [confirm, setConfirm] = useState(false);
  const presenter = meeting.presenter ? (meeting.presenter.name ?? meeting.presenter.email) : null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-lg" data-testid="presenter-bar" data-presenting={presenting} data-live={live ? "push" : "poll"}>
      <span className={cn("flex items-center gap-2 font-semibold", presenting ? "text-healthy-fg" : "text-fg")}>
        <Radio aria-hidden="true" className="size-5" />
        {presenting ? "You are presenting" : presenter ? `Following ${presenter}` : "Waiting for a presenter"}
      </span>
      {!live && <span className="text-base text-fg-muted">(refreshing every few seconds)</span>}
      {!presenting && meeting.permissions.canEdit && meeting.status === "IN_PROGRESS" && (
        <Button variant="secondary" size="sm" className="text-base" onClick={() => setConfirm(true)}>
          <MonitorUp aria-hidden="true" /> Take over
        </Button>
      )}
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="Take over presenting?"
        description={`${presenter ?? "Nobody"} ${presenter ? "is presenting" : "presents"} now. After you take over, your slide and timer are the ones everyone follows, and ${presenter ?? "the previous presenter"} follows you. This is recorded in the team's activity.`}
        confirmLabel="Take over"
        onConfirm={onTakeOver}
      />
    </div>
  );
}
