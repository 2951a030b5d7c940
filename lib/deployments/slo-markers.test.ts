import { describe, expect, it } from "vitest";
import { deploymentMarkerLabel, deploymentMarkersInRange, deploymentMarkersSentence, type DeploymentMarker } from "@/lib/deployments/slo-markers";

const marker = (id: string, at: string, status: DeploymentMarker["status"] = "SUCCEEDED", version = `v${id}`): DeploymentMarker => ({ id, version, status, at, url: null });

describe("deployment markers on SLO charts", () => {
  it("keeps the markers inside the chart's range, in time order", () => {
    const markers = [marker("3", "2026-11-03T00:00:00Z"), marker("1", "2026-10-30T00:00:00Z"), marker("2", "2026-11-01T12:00:00Z"), marker("4", "2026-11-05T00:00:00Z")];
    const inRange = deploymentMarkersInRange(markers, Date.parse("2026-11-01T00:00:00Z"), Date.parse("2026-11-04T00:00:00Z"));
    expect(inRange.map((entry) => entry.id)).toEqual(["2", "3"]);
    expect(inRange[0].time).toBe(Date.parse("2026-11-01T12:00:00Z"));
    expect(deploymentMarkersInRange(markers, 10, 10)).toEqual([]);
    expect(deploymentMarkersInRange(undefined, 0, 10)).toEqual([]);
  });
  it("spells out a failure in the label and the accessible sentence, not by colour alone", () => {
    expect(deploymentMarkerLabel(marker("1", "2026-11-01T00:00:00Z", "SUCCEEDED", "v3.2.0"))).toBe("v3.2.0");
    expect(deploymentMarkerLabel(marker("1", "2026-11-01T00:00:00Z", "FAILED", "v3.2.1"))).toBe("v3.2.1 ✕ failed");
    expect(deploymentMarkerLabel(marker("1", "2026-11-01T00:00:00Z", "ROLLED_BACK", "a-very-long-version-name"))).toBe("a-very-long-ver… ✕ rolled back");
    expect(deploymentMarkerLabel(marker("1", "2026-11-01T00:00:00Z", "SUCCEEDED", ""))).toBe("deploy");
    expect(deploymentMarkersSentence([])).toBe("");
    expect(deploymentMarkersSentence([{ status: "SUCCEEDED" }])).toBe(" Dashed lines: 1 deployment.");
    expect(deploymentMarkersSentence([{ status: "SUCCEEDED" }, { status: "FAILED" }, { status: "ROLLED_BACK" }])).toBe(" Dashed lines: 3 deployments (2 failed or rolled back).");
  });
});
