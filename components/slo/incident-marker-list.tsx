// The incidents shaded on an SLO's charts, as a list of links: what the shading means, readable and
// reachable by keyboard.
import Link from "next/link";
import { Siren } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { formatDateTime } from "@/lib/format";
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/browser";
import type { IncidentMarker } from "@/lib/incidents/slo-impact";

export function IncidentMarkerList({ markers, serviceName, windowDays }: { markers: readonly IncidentMarker[]; serviceName: string; windowDays: number }) {
  return (
    <Card data-testid="slo-incidents">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Siren aria-hidden="true" className="size-5" /> Incidents in the window
        </CardTitle>
        <CardDescription>
          {markers.length
            ? `Incidents that affected ${serviceName} in the last ${windowDays} days, shaded on the charts from impact start to mitigation.`
            : `No incident affected ${serviceName} in the last ${windowDays} days.`}
        </CardDescription>
      </CardHeader>
      {markers.length > 0 && (
        <CardContent>
          <ul className="flex flex-col gap-3">
            {markers.map((marker) => (
              <li key={marker.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <SeverityBadge severity={marker.severity as IncidentSeverity} />
                <Link href={`/incidents/${marker.id}`} className="link text-base font-medium">
                  {marker.reference} {marker.title}
                </Link>
                <IncidentStatusBadge status={marker.status as IncidentStatus} />
                <span className="text-fg-muted">
                  {formatDateTime(marker.from)} → {marker.open ? "now" : formatDateTime(marker.to)}
                </span>
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </Card>
  );
}
