// The incidents shaded on an SLO's charts, as a list of links: what the shading means, readable and
// reachable by keyboard.
import Link from "next/link";
import { Siren } from "lucide-react";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { MarkerListCard } from "@/components/slo/marker-list-card";
import { formatDateTime } from "@/lib/format";
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/browser";
import type { IncidentMarker } from "@/lib/incidents/slo-impact";

export function IncidentMarkerList({ markers, serviceName, windowDays }: { markers: readonly IncidentMarker[]; serviceName: string; windowDays: number }) {
  return (
    <MarkerListCard
      testId="slo-incidents"
      icon={Siren}
      title="Incidents in the window"
      description={
        markers.length
          ? `Incidents that affected ${serviceName} in the last ${windowDays} days, shaded on the charts from impact start to mitigation.`
          : `No incident affected ${serviceName} in the last ${windowDays} days.`
      }
      items={markers.map((marker) => ({
        key: marker.id,
        content: (
          <>
            <SeverityBadge severity={marker.severity as IncidentSeverity} />
            <Link href={`/incidents/${marker.id}`} className="link text-base font-medium">
              {marker.reference} {marker.title}
            </Link>
            <IncidentStatusBadge status={marker.status as IncidentStatus} />
            <span className="text-fg-muted">
              {formatDateTime(marker.from)} → {marker.open ? "now" : formatDateTime(marker.to)}
            </span>
          </>
        ),
      }))}
    />
  );
}
