"use client";
// The incident page's live data and changes. Both queries poll every few seconds, so every viewer sees a
// change within 5 seconds; each change invalidates only what it changed.
import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import type { IncidentDetailJson, IncidentEventJson } from "@/lib/incidents/api-schemas";
import { unwrap, type ActionResult } from "@/lib/incidents/action-result";
import { fetchIncident, fetchTimeline } from "@/lib/incidents/live";
import { LIVE_REFRESH_MS, incidentKeys } from "@/lib/incidents/query-keys";

export function useLiveIncident(initial: { incident: IncidentDetailJson; timeline: IncidentEventJson[]; renderedAt: string }) {
  const id = initial.incident.id;
  const renderedAt = Date.parse(initial.renderedAt);
  const incident = useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: () => fetchIncident(id),
    initialData: initial.incident,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: LIVE_REFRESH_MS,
  });
  const timeline = useQuery({
    queryKey: incidentKeys.timeline(id),
    queryFn: () => fetchTimeline(id),
    initialData: initial.timeline,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: LIVE_REFRESH_MS,
  });
  return { incident, timeline };
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
