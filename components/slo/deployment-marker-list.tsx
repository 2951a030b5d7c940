// The deployments marked on an SLO's charts, as a list: what the dashed lines are, readable and reachable
// by keyboard. The latest first; the status is a word, not only a colour.
import { Rocket } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { MarkerListCard } from "@/components/slo/marker-list-card";
import { formatDateTime } from "@/lib/format";
import { deploymentStatusWords, type DeploymentMarker } from "@/lib/deployments/slo-markers";

/** The list shows this many; the charts mark all of them. */
const LISTED = 12;

const tone = { SUCCEEDED: "healthy", FAILED: "critical", ROLLED_BACK: "critical", STARTED: "info" } as const;

export function DeploymentMarkerList({ deployments, serviceName, windowDays }: { deployments: readonly DeploymentMarker[]; serviceName: string; windowDays: number }) {
  const latest = deployments.slice(-LISTED).reverse();
  return (
    <MarkerListCard
      testId="slo-deployments"
      icon={Rocket}
      title="Deployments in the window"
      description={
        deployments.length
          ? `${deployments.length === 1 ? "1 production deployment" : `${deployments.length} production deployments`} of ${serviceName} in the last ${windowDays} days, drawn on the charts as dashed lines (failed and rolled back ones in red).${deployments.length > LISTED ? ` The latest ${LISTED}:` : ""}`
          : `No production deployment of ${serviceName} recorded in the last ${windowDays} days.`
      }
      items={latest.map((deployment) => ({
        key: deployment.id,
        content: (
          <>
            <span className="font-mono text-base font-medium">{deployment.url ? <a href={deployment.url} className="link" rel="noreferrer">{deployment.version || "deployment"}</a> : deployment.version || "deployment"}</span>
            <Badge tone={tone[deployment.status]}>{deploymentStatusWords[deployment.status]}</Badge>
            <span className="text-fg-muted">{formatDateTime(deployment.at)}</span>
          </>
        ),
      }))}
    />
  );
}
