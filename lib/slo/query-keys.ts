// React Query keys of the SLO dashboards: one place, so a mutation invalidates exactly what it changes.
export const sloKeys = {
  all: ["slos"] as const,
  team: (teamSlug: string) => ["slos", "team", teamSlug] as const,
  service: (serviceId: string) => ["slos", "service", serviceId] as const,
  detail: (sloId: string) => ["slos", "detail", sloId] as const,
  /** Every range of one SLO's series (a prefix key). */
  seriesOf: (sloId: string) => ["slos", "series", sloId] as const,
  series: (sloId: string, range: string) => ["slos", "series", sloId, range] as const,
};

/** How often the dashboards refresh: samples arrive per minute. */
export const SLO_REFRESH_MS = 60_000;

/** GETs JSON from the portal API; a failed answer throws its error message. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(body?.error?.message ?? `The portal answered ${response.status}`);
  return body as T;
}
