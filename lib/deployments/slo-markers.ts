// Deployment markers on an SLO's charts: what changed on the SLO's service, beside the incidents. Pure.
import type { DeploymentStatus } from "@/lib/generated/prisma/browser";

export interface DeploymentMarker {
  id: string;
  version: string;
  status: DeploymentStatus;
  /** ISO time the marker stands at: when the deployment finished, or started while it runs. */
  at: string;
  url: string | null;
}

/** Above this many markers in a chart's range, lines carry no label (they would write over each other). */
export const MAX_LABELLED_DEPLOYMENTS = 8;

export const deploymentStatusWords: Record<DeploymentStatus, string> = { STARTED: "in progress", SUCCEEDED: "succeeded", FAILED: "failed", ROLLED_BACK: "rolled back" };

/** The markers inside [first, last] (epoch ms), in time order, each with its time as a number. */
export function deploymentMarkersInRange(markers: readonly DeploymentMarker[] | undefined, first: number, last: number) {
  if (!markers?.length || !(last > first)) return [];
  return markers
    .map((marker) => ({ ...marker, time: Date.parse(marker.at) }))
    .filter((marker) => marker.time >= first && marker.time <= last)
    .sort((a, b) => a.time - b.time);
}

/**
 * "v1.2 ✕ failed": a marker's label on the chart; the status is spelled out (never colour alone), and a
 * success stays short.
 */
export function deploymentMarkerLabel(marker: Pick<DeploymentMarker, "version" | "status">, max = 16): string {
  const version = marker.version || "deploy";
  const short = version.length > max ? `${version.slice(0, max - 1)}…` : version;
  return marker.status === "SUCCEEDED" ? short : `${short} ${marker.status === "STARTED" ? "…" : "✕"} ${deploymentStatusWords[marker.status]}`;
}

/** What the dashed lines mean, for the chart's accessible name: " Dashed lines: 3 deployments (1 failed)." */
export function deploymentMarkersSentence(markers: readonly { status: DeploymentStatus }[]): string {
  if (!markers.length) return "";
  const failed = markers.filter((marker) => marker.status === "FAILED" || marker.status === "ROLLED_BACK").length;
  return ` Dashed lines: ${markers.length === 1 ? "1 deployment" : `${markers.length} deployments`}${failed ? ` (${failed} failed or rolled back)` : ""}.`;
}
