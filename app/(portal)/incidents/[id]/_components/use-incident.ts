"use client";
// The incident page's live data and changes. Changes are pushed over the incident's event stream (with
// the changed event or incident, loaded once per replica), so every viewer sees one within a second;
// while the stream is down both queries poll every few seconds instead. Each change of one's own
// invalidates only what it changed.
import { useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import type { IncidentDetailJson, IncidentEventJson } from "@/lib/incidents/api-schemas";
import { unwrap, type ActionResult } from "@/lib/forms/action-result";
import { fetchIncident, fetchSloImpact, fetchTimeline } from "@/lib/incidents/live";
import { LIVE_REFRESH_MS, incidentKeys, sloImpactRefetchInterval } from "@/lib/incidents/query-keys";
import { useLiveUpdates } from "@/components/live/use-live-updates";
import type { LiveMessage } from "@/lib/live/messages";
import type { IncidentSloImpactJson } from "@/lib/incidents/slo-impact";

export function useLiveIncident(initial: { incident: IncidentDetailJson; timeline: IncidentEventJson[]; renderedAt: string }) {
  const id = initial.incident.id;
  const renderedAt = Date.parse(initial.renderedAt);
  const queryClient = useQueryClient();
  const { live } = useLiveUpdates(`/api/v1/incidents/${encodeURIComponent(id)}/stream`, (message: LiveMessage) => {
    if (message.part === "timeline" && message.data) {
      queryClient.setQueryData<IncidentEventJson[]>(incidentKeys.timeline(id), (events) => upsertEvent(events ?? [], message.data as IncidentEventJson));
    } else if (message.part === "detail" && message.data) {
      queryClient.setQueryData(incidentKeys.detail(id), message.data as IncidentDetailJson);
    } else {
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: incidentKeys.timeline(id), exact: true });
    }
  });
  const incident = useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: () => fetchIncident(id),
    initialData: initial.incident,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: live ? false : LIVE_REFRESH_MS,
  });
  const timeline = useQuery({
    queryKey: incidentKeys.timeline(id),
    queryFn: () => fetchTimeline(id),
    initialData: initial.timeline,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: live ? false : LIVE_REFRESH_MS,
  });
  return { incident, timeline, live };
}

/** Puts a pushed event in its place: replaced when known, else inserted in the API's order (occurred, then created). */
export function upsertEvent(events: IncidentEventJson[], event: IncidentEventJson): IncidentEventJson[] {
  const rest = events.filter((existing) => existing.id !== event.id);
  const key = (entry: IncidentEventJson) => `${entry.occurredAt}\u0000${entry.createdAt}`;
  const at = rest.findIndex((existing) => key(existing) > key(event));
  return at === -1 ? [...rest, event] : [...rest.slice(0, at), event, ...rest.slice(at)];
}

/**
 * The SLO budget the incident consumed: recomputed every 30 seconds while the incident is active (its window
 * grows until mitigation), not after it is resolved, closed or cancelled; and once whenever the incident
 * itself changes (new key times or services move the window or the SLOs).
 */
export function useLiveSloImpact(incident: IncidentDetailJson, initial: IncidentSloImpactJson, renderedAt: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: incidentKeys.sloImpact(incident.id),
    queryFn: () => fetchSloImpact(incident.id),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(renderedAt),
    refetchInterval: sloImpactRefetchInterval(incident.status),
  });
  const seenVersion = useRef(incident.version);
  useEffect(() => {
    if (seenVersion.current === incident.version) return;
    seenVersion.current = incident.version;
    void queryClient.invalidateQueries({ queryKey: incidentKeys.sloImpact(incident.id), exact: true });
  }, [incident.id, incident.version, queryClient]);
  return query;
}

/**
 * A server action as a mutation: a failure becomes a toast (unless the caller shows it in a form), a
 * success refreshes the given keys. An answer that is the incident itself replaces the cached incident.
 */
export function useIncidentMutation<TInput, TData>(
  action: (input: TInput) => Promise<ActionResult<TData>>,
  options: { incidentId: string; invalidates: ("detail" | "timeline")[]; success?: (data: TData, input: TInput) => string | undefined; toastErrors?: boolean },
) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: async (input: TInput) => unwrap(await action(input)),
    onSuccess: async (data, input) => {
      const keys: Record<"detail" | "timeline", QueryKey> = { detail: incidentKeys.detail(options.incidentId), timeline: incidentKeys.timeline(options.incidentId) };
      for (const key of options.invalidates) {
        if (key === "detail" && isIncident(data)) queryClient.setQueryData(keys.detail, data);
        else await queryClient.invalidateQueries({ queryKey: keys[key], exact: true });
      }
      const message = options.success?.(data, input);
      if (message) toast({ title: message, tone: "healthy" });
    },
    onError: (error) => {
      if (options.toastErrors !== false) toast({ title: "Not saved", description: error.message, tone: "critical" });
    },
  });
}

function isIncident(value: unknown): value is IncidentDetailJson {
  return typeof value === "object" && value !== null && "allowedTransitions" in value;
}
