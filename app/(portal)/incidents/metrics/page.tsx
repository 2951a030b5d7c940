import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { SeverityBadge } from "@/components/incidents/incident-badges";
import { buttonVariants } from "@/components/ui/button";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { getIncidentMetrics } from "@/lib/incidents/metrics.server";
import { metricDefinitions, metricKeys } from "@/lib/incidents/metrics";
import { metricsPeriodLabels, metricsPeriods, type MetricsPeriod } from "@/lib/incidents/schema";
import { incidentSeverities, severityDefinitions } from "@/lib/incidents/severity";
import { formatDuration } from "@/lib/incidents/times";
import { NoTeam } from "../_components/no-team";
import { TrendChart } from "./_components/trend-chart";

export const metadata: Metadata = { title: "Incident metrics" };

export default async function IncidentMetricsPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam title="Incident metrics" />;
  const requested = (await searchParams).period;
  const period: MetricsPeriod = metricsPeriods.includes(requested as MetricsPeriod) ? (requested as MetricsPeriod) : "90d";
  const metrics = await getIncidentMetrics(actor, team.slug, { period });
  const largest = Math.max(1, ...Object.values(metrics.bySeverity));

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/incidents" className="link">
            Incidents
          </Link>
        }
        title="Incident metrics"
        description={`${team.name}, ${formatDate(metrics.from)} to ${formatDate(metrics.to)}. Incidents count in the period they were declared; cancelled ones (false alarms) are left out.`}
        actions={
          <nav aria-label="Period" className="flex flex-wrap gap-1">
            {metricsPeriods.map((value) => (
              <Link key={value} href={`/incidents/metrics?period=${value}`} aria-current={value === period ? "page" : undefined} className={buttonVariants({ variant: value === period ? "primary" : "secondary", size: "sm" })}>
                {metricsPeriodLabels[value]}
              </Link>
            ))}
          </nav>
        }
      />

      <section aria-label="Incidents by severity" className="mb-8 grid gap-4 lg:grid-cols-[16rem_1fr]">
        <Stat label="Incidents" value={metrics.total} hint={metrics.cancelled ? `${metrics.cancelled} cancelled (false alarms), not counted` : "Declared in the period"} tone={metrics.major > 0 ? "critical" : "neutral"} toneLabel={metrics.major > 0 ? `${metrics.major} major (SEV1–2)` : undefined} />
        <Card>
          <CardContent className="flex flex-col gap-2 py-5">
            {incidentSeverities.map((severity) => (
              <div key={severity} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-3" data-testid={`severity-count-${severity}`}>
                <SeverityBadge severity={severity} showName className="justify-self-start" />
                <div className="h-5 rounded-sm bg-surface-muted" aria-hidden="true">
                  <div className={`h-5 rounded-sm ${severityDefinitions[severity].major ? "bg-critical" : severity === "SEV3" ? "bg-warning" : "bg-nodata"}`} style={{ width: `${(metrics.bySeverity[severity] / largest) * 100}%` }} />
                </div>
                <span className="text-right text-xl font-bold tabular-nums">{metrics.bySeverity[severity]}</span>
              </div>
            ))}
          </CardContent>
        </Card>
      </section>

      <section aria-label="Mean times" className="mb-8 grid gap-4 md:grid-cols-2 2xl:grid-cols-4">
        {metricKeys.map((key) => {
          const summary = metrics.metrics[key];
          const definition = metricDefinitions[key];
          const open = summary.missing.filter((entry) => entry.reason === "open");
          const missing = summary.missing.filter((entry) => entry.reason === "missing");
          return (
            <Card key={key} data-testid={`metric-${key}`}>
              <CardHeader>
                <CardTitle as="h2" className="flex items-baseline justify-between gap-2">
                  <span>{definition.abbreviation}</span>
                  <span className="text-base font-medium text-fg-muted">{definition.name}</span>
                </CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-3">
                <p className="text-5xl font-bold tabular-nums">{summary.meanMinutes === null ? "No data" : formatDuration(summary.meanMinutes)}</p>
                <p className="text-base text-fg-muted">
                  {summary.counted === 0 ? "No incident in the period has both times." : `Mean of ${summary.counted} incident${summary.counted === 1 ? "" : "s"}; median ${formatDuration(summary.medianMinutes)}.`}
                </p>
                <p className="text-sm">{definition.definition}</p>
                {(missing.length > 0 || open.length > 0) && (
                  <div className="rounded-md bg-surface-muted p-3 text-sm" data-testid={`metric-${key}-apart`}>
                    <p className="font-medium">Counted apart, not as zero:</p>
                    {missing.length > 0 && (
                      <p>
                        {missing.length} without the {`${definition.from === "impactStartedAt" ? "impact start" : "times"}`}:{" "}
                        {missing.map((entry, index) => (
                          <span key={entry.id}>
                            {index > 0 && ", "}
                            <Link href={`/incidents/${entry.id}`} className="link">
                              INC-{entry.number}
                            </Link>
                          </span>
                        ))}
                      </p>
                    )}
                    {open.length > 0 && <p>{open.length} still open: {open.map((entry) => `INC-${entry.number}`).join(", ")}</p>}
                  </div>
                )}
              </CardContent>
            </Card>
          );
        })}
      </section>

      <Card>
        <CardHeader>
          <CardTitle>Trend</CardTitle>
          <CardDescription>
            Mean minutes per {metrics.bucket}, with the number of incidents declared. A point is drawn only for a {metrics.bucket} whose incidents have the times; the lines join those points.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TrendChart points={metrics.trend} />
        </CardContent>
      </Card>
    </>
  );
}
