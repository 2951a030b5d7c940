// The error budget each affected service's SLO lost during the incident's impact window, with links to the
// SLOs. Rendered with the page, then refreshed every 30 seconds while the incident is active (an open
// incident's figures grow until it is mitigated; see useLiveSloImpact).
import Link from "next/link";
import { Activity } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { IncidentSloImpactJson } from "@/lib/incidents/slo-impact";

/** Large shares whole, small ones with enough decimals that a non-zero figure never reads "0.0 %". */
function percent(value: number) {
  if (value >= 10) return `${value.toFixed(0)} %`;
  if (value >= 0.1 || value === 0) return `${value.toFixed(1)} %`;
  return value >= 0.01 ? `${value.toFixed(2)} %` : "under 0.01 %";
}

export function SloImpactPanel({ impact }: { impact: IncidentSloImpactJson }) {
  if (!impact.window) return null;
  return (
    <Card data-testid="incident-slo-impact">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Activity aria-hidden="true" className="size-5" /> SLO error budget
        </CardTitle>
        <CardDescription>
          Consumed from {formatDateTime(impact.window.from)} to {impact.window.open ? "now" : formatDateTime(impact.window.to)} (impact start to mitigation).
        </CardDescription>
      </CardHeader>
      <CardContent>
        {impact.slos.length === 0 ? (
          <p className="text-base text-fg-muted">
            The affected services have no SLOs. <Link href="/slos" className="link">Define SLOs</Link> to measure what incidents cost.
          </p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label="Error budget consumed per SLO">
            {impact.slos.map((slo) => (
              <li key={slo.sloId} className="flex flex-col gap-0.5">
                <Link href={`/slos/${slo.sloId}`} className="link font-medium">
                  {slo.serviceName} · {slo.sloName}
                </Link>
                {slo.budgetConsumedPercent === null ? (
                  <span className="text-fg-muted">No data for the incident window</span>
                ) : (
                  <span className={slo.budgetConsumedPercent >= 100 ? "font-semibold text-critical-fg" : slo.budgetConsumedPercent >= 10 ? "font-semibold text-warning-fg" : undefined}>
                    {percent(slo.budgetConsumedPercent)} of the {slo.windowDays}-day budget · {slo.badMinutes! >= 0.1 || slo.badMinutes === 0 ? slo.badMinutes!.toFixed(1) : slo.badMinutes!.toFixed(2)} bad minutes
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
