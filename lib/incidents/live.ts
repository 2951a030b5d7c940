// How the live incident page reads its data: the same JSON API a script would use, with the session cookie.
import type { IncidentDetailJson, IncidentEventJson, PostmortemJson } from "@/lib/incidents/api-schemas";
import type { IncidentSloImpactJson } from "@/lib/incidents/slo-impact";

async function fetchJson<T>(url: string, options: { notFoundAsNull?: boolean } = {}): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } });
  if (response.status === 404 && options.notFoundAsNull) return null as T;
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error((body as { error?: { message?: string } } | undefined)?.error?.message ?? `The portal answered ${response.status}`);
  return body as T;
}

export const fetchIncident = (incidentId: string) => fetchJson<IncidentDetailJson>(`/api/v1/incidents/${encodeURIComponent(incidentId)}`);

export const fetchTimeline = async (incidentId: string) => (await fetchJson<{ events: IncidentEventJson[] }>(`/api/v1/incidents/${encodeURIComponent(incidentId)}/events`)).events;

/** The error budget the incident consumed per affected SLO, as of now. */
export const fetchSloImpact = (incidentId: string) => fetchJson<IncidentSloImpactJson>(`/api/v1/incidents/${encodeURIComponent(incidentId)}/slo-impact`);

/** The incident's postmortem, or null while none was written. */
export const fetchPostmortem = (incidentId: string) => fetchJson<PostmortemJson | null>(`/api/v1/incidents/${encodeURIComponent(incidentId)}/postmortem`, { notFoundAsNull: true });

/** A UTC time as a `datetime-local` value ("2026-11-28T09:41"): the forms read and write UTC. */
export function toDateTimeLocal(iso: string | null): string {
  return iso ? iso.slice(0, 16) : "";
}
