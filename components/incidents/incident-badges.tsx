// Severity and status badges of incidents, in three sizes: the largest is read from the back of the room
// during an outage. Severity always shows its level and name; status its word; colour is never alone.
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/browser";
import { severityDefinitions, severityTone } from "@/lib/incidents/severity";
import { statusLabels, statusTones } from "@/lib/incidents/status";

type Size = "md" | "lg" | "xl";

const sizeClasses: Record<Size, string> = {
  md: "",
  lg: "px-3 py-1 text-base",
  xl: "border-2 px-4 py-1.5 text-xl font-bold lg:text-2xl",
};

export function SeverityBadge({ severity, size = "md", showName = size !== "md", className }: { severity: IncidentSeverity; size?: Size; showName?: boolean; className?: string }) {
  const definition = severityDefinitions[severity];
  return (
    <Badge
      tone={severityTone(severity)}
      className={cn(sizeClasses[size], "font-semibold", className)}
      title={`${definition.label} ${definition.name}: ${definition.description}`}
      data-testid="severity-badge"
    >
      {definition.label}
      {showName && <span className="font-medium">{definition.name}</span>}
    </Badge>
  );
}

export function IncidentStatusBadge({ status, size = "md", className }: { status: IncidentStatus; size?: Size; className?: string }) {
  const tone = statusTones[status];
  return (
    <Badge tone={tone} className={cn(sizeClasses[size], className)} data-testid="status-badge">
      <span aria-hidden="true" className={cn("rounded-full", size === "xl" ? "size-3" : "size-2", dotClasses[tone])} />
      {statusLabels[status]}
    </Badge>
  );
}

const dotClasses: Record<(typeof statusTones)[IncidentStatus], string> = {
  critical: "bg-critical",
  warning: "bg-warning",
  healthy: "bg-healthy",
  neutral: "bg-fg-muted",
  nodata: "bg-nodata",
};
