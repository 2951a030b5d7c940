// React Query keys of the incidents domain: the one place that names them, so mutations invalidate exactly
// what they change (a note: the timeline; a status or role change: the incident and its timeline).
import type { IncidentStatus } from "@/lib/generated/prisma/browser";
import { isActiveStatus } from "@/lib/incidents/status";

export const incidentKeys = {
  all: ["incidents"] as const,
  detail: (incidentId: string) => ["incidents", incidentId, "detail"] as const,
  timeline: (incidentId: string) => ["incidents", incidentId, "timeline"] as const,
  postmortem: (incidentId: string) => ["incidents", incidentId, "postmortem"] as const,
  sloImpact: (incidentId: string) => ["incidents", incidentId, "slo-impact"] as const,
};

/** How often an open incident page asks for news: under the 5 seconds within which every viewer must see a new event. */
export const LIVE_REFRESH_MS = 3_000;

/** How often an open incident page recomputes the SLO budget it consumed: the sums read rollups, so less often. */
export const SLO_IMPACT_REFRESH_MS = 30_000;

/** The SLO budget panel's polling: while the incident is active only (not resolved, closed or cancelled). */
export function sloImpactRefetchInterval(status: IncidentStatus): number | false {
  return isActiveStatus(status) ? SLO_IMPACT_REFRESH_MS : false;
}
