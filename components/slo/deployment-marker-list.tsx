// The deployments marked on an SLO's charts, as a list: what the dashed lines are, readable and reachable
// by keyboard. The latest first; the status is a word, not only a colour.
import { Rocket } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { deploymentStatusWords, type DeploymentMarker } from "@/lib/deployments/slo-markers";

/** The list shows this many; the charts mark all of them. */
const LISTED = 12;

const tone = { SUCCEEDED: "healthy", FAILED: "critical", ROLLED_BACK: "critical", STARTED: "info" } as const;

export function DeploymentMarkerList({ deployments, serviceName, windowDays }: { deployments: readonly DeploymentMarker[]; serviceName: string; windowDays: number }) {
  const latest = deployments.slice(-LISTED).reverse();
  return (
    <Card data-testid="slo-deployments">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Rocket aria-hidden="true" className="size-5" /> Deployments in the window
        </CardTitle>
        <CardDescription>
          {deployments.length
            ? `${deployments.length === 1 ? "1 production deployment" : `${deployments.length} production deployments`} of ${serviceName} in the last ${windowDays} days, drawn on the charts as dashed lines (failed and rolled back ones in red).${deployments.length > LISTED ? ` The latest ${LISTED}:` : ""}`
            : `No production deployment of ${serviceName} recorded in the last ${windowDays} days.`}
        </CardDescription>
      </CardHeader>
      {latest.length > 0 && (
        <CardContent>
          <ul className="flex flex-col gap-2">
            {latest.map((deployment) => (
              <li key={deployment.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-mono text-base font-medium">{deployment.url ? <a href={deployment.url} className="link" rel="noreferrer">{deployment.version || "deployment"}</a> : deployment.version || "deployment"}</span>
                <Badge tone={tone[deployment.status]}>{deploymentStatusWords[deployment.status]}</Badge>
                <span className="text-fg-muted">{formatDateTime(deployment.at)}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </Card>
  );
}
