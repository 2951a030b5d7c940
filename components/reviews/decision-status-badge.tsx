// A decision's status as a badge: the same words and colours on the index, the decision page and requests.
import { decisionStatusLabels, decisionStatusTones, type DecisionStatus } from "@/lib/reviews/schema";
import { Badge } from "@/components/ui/badge";

export function DecisionStatusBadge({ status, className }: { status: DecisionStatus; className?: string }) {
  return (
    <Badge tone={decisionStatusTones[status]} className={className} data-decision-status={status}>
      {decisionStatusLabels[status]}
    </Badge>
  );
}
