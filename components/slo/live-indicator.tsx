"use client";
// "Live · as of 10:42 UTC": tells a room watching a dashboard that it refreshes itself, and when it could not.
import { RefreshCw, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function LiveIndicator({ asOf, fetching, error, className }: { asOf: string; fetching: boolean; error?: string; className?: string }) {
  if (error) {
    return (
      <p role="status" className={cn("flex items-center gap-2 text-sm text-warning-fg", className)}>
        <TriangleAlert aria-hidden="true" className="size-4" /> Not refreshed: {error}. Showing data as of {time.format(new Date(asOf))} UTC.
      </p>
    );
  }
  return (
    <p className={cn("flex items-center gap-2 text-sm text-fg-muted", className)} aria-live="off">
      <RefreshCw aria-hidden="true" className={cn("size-4", fetching && "motion-safe:animate-spin")} />
      Refreshes every minute · as of {time.format(new Date(asOf))} UTC
    </p>
  );
}
