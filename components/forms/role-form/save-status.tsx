"use client";
// The autosave status line: "Saving…", "Saved · just now", "Not saved: … Retry". Announced politely.
import { CircleAlert, CircleCheck, LoaderCircle, RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";
import { Button } from "@/components/ui/button";

export type SaveState =
  | { status: "idle" }
  | { status: "dirty" }
  | { status: "saving" }
  | { status: "saved"; at: Date }
  | { status: "error"; message: string }
  | { status: "conflict" };

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div role="status" aria-live="polite" className="flex min-h-9 items-center gap-2 text-sm text-fg-muted" data-testid="save-status">
      {state.status === "saving" && (
        <>
          <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" /> Saving…
        </>
      )}
      {state.status === "dirty" && <>Unsaved changes</>}
      {state.status === "saved" && (
        <>
          <CircleCheck aria-hidden="true" className="size-4 text-healthy" />
          <span title={formatDateTime(state.at)}>Saved · {formatRelative(state.at, now < state.at ? state.at : now)}</span>
        </>
      )}
      {state.status === "error" && (
        <>
          <CircleAlert aria-hidden="true" className="size-4 shrink-0 text-critical" />
          <span className="text-critical-fg">Not saved: {state.message}</span>
          <Button variant="ghost" size="sm" onClick={onRetry}>
            <RefreshCw aria-hidden="true" /> Retry
          </Button>
        </>
      )}
      {state.status === "conflict" && (
        <>
          <CircleAlert aria-hidden="true" className="size-4 text-warning" />
          <span className="text-warning-fg">Not saved: changed elsewhere</span>
        </>
      )}
      {state.status === "idle" && <>Changes save automatically</>}
    </div>
  );
}
