import { describe, expect, it } from "vitest";
import { SLO_IMPACT_REFRESH_MS, sloImpactRefetchInterval } from "@/lib/incidents/query-keys";
import { incidentStatuses } from "@/lib/incidents/status";

describe("the SLO budget panel's polling", () => {
  it("refreshes every 30 seconds while the incident is active, never once it is resolved, closed or cancelled", () => {
    expect(SLO_IMPACT_REFRESH_MS).toBe(30_000);
    const polled = incidentStatuses.filter((status) => sloImpactRefetchInterval(status) === SLO_IMPACT_REFRESH_MS);
    const stopped = incidentStatuses.filter((status) => sloImpactRefetchInterval(status) === false);
    expect(stopped.sort()).toEqual(["CANCELLED", "CLOSED", "RESOLVED"]);
    expect(polled.length + stopped.length).toBe(incidentStatuses.length);
  });
});
