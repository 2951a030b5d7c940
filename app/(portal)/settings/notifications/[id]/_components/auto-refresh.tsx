"use client";
// Keeps a server-rendered page current: `router.refresh()` every few seconds while the tab is visible
// (and at once when it becomes visible again), a Refresh button, and a switch to stop it (WCAG 2.2.2).
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

const timeWithSeconds = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium", timeZone: "UTC" });

export function AutoRefresh({ renderedAt, intervalMs = 5_000, label }: { renderedAt: string; intervalMs?: number; label: string }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const [auto, setAuto] = useState(true);
  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);

  useEffect(() => {
    if (!auto) return;
    // A hidden tab skips its turns: nobody reads it, and the server has better things to do.
    const timer = window.setInterval(() => {
      if (!document.hidden) refresh();
    }, intervalMs);
    const onVisibility = () => {
      if (!document.hidden) refresh();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [auto, intervalMs, refresh]);

  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-fg-muted">
        Updated <time dateTime={renderedAt}>{timeWithSeconds.format(new Date(renderedAt))} UTC</time>
      </span>
      <Button variant="secondary" size="sm" onClick={refresh} loading={refreshing}>
        {!refreshing && <RefreshCw aria-hidden="true" />} Refresh
      </Button>
      <Button variant="ghost" size="sm" aria-pressed={auto} onClick={() => setAuto((on) => !on)}>
        Auto-refresh every {Math.round(intervalMs / 1000)} s
        {/* The state is aria-pressed for assistive tech; the words are for the eye (the name stays stable). */}
        <span aria-hidden="true" className="text-fg-muted">
          {auto ? "(on)" : "(off)"}
        </span>
      </Button>
    </div>
  );
}
