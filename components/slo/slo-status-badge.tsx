// The status of an SLO as a badge: a dot, a word and the status colour, the same everywhere.
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { SloStatus } from "@/lib/slo/math";
import { sloStatusPresentation } from "@/lib/slo/present";

const dotClass = { healthy: "bg-healthy", warning: "bg-warning", critical: "bg-critical", nodata: "bg-nodata" } as const;

export function SloStatusBadge({ status, size = "md", className }: { status: SloStatus; size?: "md" | "lg"; className?: string }) {
  const { label, tone, meaning } = sloStatusPresentation[status];
  return (
    <Badge tone={tone} title={meaning} data-status={status} className={cn(size === "lg" && "px-3 py-1 text-lg", className)}>
      <span aria-hidden="true" className={cn("shrink-0 rounded-full", size === "lg" ? "size-3" : "size-2.5", dotClass[tone])} />
      {label}
    </Badge>
  );
}
