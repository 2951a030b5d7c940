// An endpoint's state as a badge with words, so colour is never the only signal. Server- and client-safe.
import { Ban, CircleCheck, CirclePause } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { PAUSE_AFTER_CONSECUTIVE_FAILURES } from "@/lib/notifications/schema";

export type EndpointState = "active" | "paused" | "disabled";

export function EndpointStateBadge({ state, consecutiveFailures }: { state: EndpointState; consecutiveFailures: number }) {
  if (state === "paused") {
    return (
      <Badge tone="critical" data-testid="endpoint-state">
        <CirclePause aria-hidden="true" /> Paused after {consecutiveFailures || PAUSE_AFTER_CONSECUTIVE_FAILURES} failures
      </Badge>
    );
  }
  if (state === "disabled") {
    return (
      <Badge tone="neutral" data-testid="endpoint-state">
        <Ban aria-hidden="true" /> Disabled
      </Badge>
    );
  }
  return (
    <Badge tone="healthy" data-testid="endpoint-state">
      <CircleCheck aria-hidden="true" /> Active
    </Badge>
  );
}
