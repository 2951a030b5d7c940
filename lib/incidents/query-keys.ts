// React Query keys of the incidents domain: the one place that names them, so mutations invalidate exactly
// what they change (a note: the timeline; a status or role change: the incident and its timeline).
export const incidentKeys = {
  all: ["incidents"] as const,
  detail: (incidentId: string) => ["incidents", incidentId, "detail"] as const,
  timeline: (incidentId: string) => ["incidents", incidentId, "timeline"] as const,
  postmortem: (incidentId: string) => ["incidents", incidentId, "postmortem"] as const,
};

/** How often an open incident page asks for news: under the 5 seconds within which every viewer must see a new event. */
export const LIVE_REFRESH_MS = 3_000;
