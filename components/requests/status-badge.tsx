// A request's status as a badge: the same words and colours in the list, the request page and the role pages.
import type { RequestStatus } from "@/lib/generated/prisma/browser";
import { statusLabels, statusTones } from "@/lib/requests/lifecycle";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

const dotClasses: Record<string, string> = {
  neutral: "bg-fg-muted",
  info: "bg-info",
  healthy: "bg-healthy",
  warning: "bg-warning",
  critical: "bg-critical",
  nodata: "bg-nodata",
};

export function RequestStatusBadge({ status, className }: { status: RequestStatus; className?: string }) {
  const tone = statusTones[status];
  return (
    <Badge tone={tone} className={className} data-status={status}>
      <span aria-hidden="true" className={cn("size-2 rounded-full", dotClasses[tone])} />
      {statusLabels[status]}
    </Badge>
  );
}
