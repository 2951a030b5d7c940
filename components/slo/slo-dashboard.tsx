"use client";
// The live part of an SLO's page: status and what fires, attainment, budget (in % and minutes), time to
// exhaustion, the burndown and SLI charts, and the burn rate of every window with its alert thresholds.
// Polls the JSON API through React Query.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { LiveIndicator } from "@/components/slo/live-indicator";
import { BurndownChart, SliChart } from "@/components/slo/slo-charts";
import { SloStatusBadge } from "@/components/slo/slo-status-badge";
import { IncidentMarkerList } from "@/components/slo/incident-marker-list";
import { DeploymentMarkerList } from "@/components/slo/deployment-marker-list";
import type { DeploymentMarker } from "@/lib/deployments/slo-markers";
import type { IncidentMarker } from "@/lib/incidents/slo-impact";
import { formatDateTime, formatRelative } from "@/lib/format";
import type { SloSeriesJson, SloWithReportJson } from "@/lib/slo/api-schemas";
import { alertRules, burnWindows } from "@/lib/slo/math";
import {
  formatAttainment,
  formatBudget,
  formatBurnRate,
  formatCompactCount,
  formatCount,
  formatFactor,
  formatMinutes,
  formatTimeToExhaustion,
  quietAlertReason,
  sloStatusPresentation,
} from "@/lib/slo/present";
import { SLO_REFRESH_MS, fetchJson, sloKeys } from "@/lib/slo/query-keys";

type Range = SloSeriesJson["range"];

const windowLabel = Object.fromEntries(burnWindows.map((window) => [window.key, window.label]));

function percent(value: number | null, digits = 3) {
  return value === null ? "No data" : `${(value * 100).toFixed(digits)} %`;
}

export function SloDashboard({
  initial,
  initialSeries,
  markers,
  deployments,
}: {
  initial: SloWithReportJson;
  initialSeries: SloSeriesJson;
  markers?: readonly IncidentMarker[];
  deployments?: readonly DeploymentMarker[];
}) {
  const id = initial.slo.id;
  const detail = useQuery({ queryKey: sloKeys.detail(id), queryFn: () => fetchJson<SloWithReportJson>(`/api/v1/slos/${id}`), initialData: initial, refetchInterval: SLO_REFRESH_MS });
  const [range, setRange] = useState<Range>("window");
  const windowSeries = useQuery({
    queryKey: sloKeys.series(id, "window"),
    queryFn: () => fetchJson<SloSeriesJson>(`/api/v1/slos/${id}/series?range=window`),
    initialData: initialSeries,
    refetchInterval: SLO_REFRESH_MS,
  });
  const rangeSeries = useQuery({
    queryKey: sloKeys.series(id, range),
    queryFn: () => fetchJson<SloSeriesJson>(`/api/v1/slos/${id}/series?range=${range}`),
    enabled: range !== "window",
    placeholderData: keepPreviousData,
    refetchInterval: SLO_REFRESH_MS,
  });
  const { slo, report } = detail.data;
  const sliSeries = range === "window" ? windowSeries.data : rangeSeries.data;
  const tone = sloStatusPresentation[report.status].tone;
  const firing = report.alerts.filter((alert) => alert.firing);
  const now = new Date(report.asOf);
  const burnRateByWindow = Object.fromEntries(report.burnRates.map((row) => [row.window, row]));

  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Current status" className="flex flex-col gap-3 rounded-md border border-border bg-surface p-5 md:flex-row md:items-center md:justify-between">
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <SloStatusBadge status={report.status} size="lg" />
            <p className="text-lg">{sloStatusPresentation[report.status].meaning}</p>
          </div>
          <p className="text-base text-fg-muted" data-testid="firing-alerts">
            {!slo.alerting
              ? "Alerting is off for this SLO: the thresholds below are shown, but its exported rules have no alerts."
              : firing.length
                ? `Firing: ${firing.map((alert) => `${alert.severity === "page" ? "Page" : "Ticket"} · ${alert.label.toLowerCase()} (${windowLabel[alert.longWindow]} and ${windowLabel[alert.shortWindow]} above ${formatFactor(alert.factor)}×)`).join("; ")}.`
                : quietAlertReason(report, (key) => windowLabel[key] ?? key)}
          </p>
        </div>
        <LiveIndicator asOf={report.asOf} fetching={detail.isFetching || windowSeries.isFetching} error={detail.error?.message} className="shrink-0" />
      </section>

      <section aria-label="Figures" className="grid gap-4 sm:grid-cols-2 2xl:grid-cols-4">
        <Stat label="Attainment" value={<span data-testid="attainment">{formatAttainment(report.sli, slo.objective)}</span>} hint={`Objective ${slo.objective} % over ${slo.windowDays} days`} tone={report.sli === null ? "nodata" : report.sli * 100 >= slo.objective ? "healthy" : "critical"} toneLabel={report.sli === null ? "No data" : report.sli * 100 >= slo.objective ? "Meets objective" : "Below objective"} />
        <Stat
          label="Error budget left"
          value={<span data-testid="budget-left">{formatBudget(report.budgetRemaining)}</span>}
          hint={
            report.remainingBadMinutes === null
              ? `${formatMinutes(report.allowedBadMinutes)} of errors allowed in ${slo.windowDays} days`
              : report.remainingBadMinutes >= 0
                ? `${formatMinutes(report.remainingBadMinutes)} of ${formatMinutes(report.allowedBadMinutes)} allowed bad minutes left`
                : `Overspent by ${formatMinutes(-report.remainingBadMinutes)} (${formatMinutes(report.allowedBadMinutes)} allowed)`
          }
          tone={tone}
          toneLabel={sloStatusPresentation[report.status].label}
        />
        <Stat
          label="Time to exhaustion"
          value={formatTimeToExhaustion(report.timeToExhaustionHours, report.status)}
          hint={report.currentBurnRate === null ? "No events in the last hour" : `At the last hour's burn rate of ${formatBurnRate(report.currentBurnRate)}`}
          tone={report.timeToExhaustionHours === 0 ? "critical" : report.timeToExhaustionHours !== null && report.timeToExhaustionHours < 72 ? "warning" : "neutral"}
          toneLabel={report.timeToExhaustionHours === 0 ? "Exhausted" : report.timeToExhaustionHours !== null && report.timeToExhaustionHours < 72 ? "Within 3 days" : undefined}
        />
        <Stat
          label="Events in the window"
          value={report.total ? formatCompactCount(report.total) : "None"}
          hint={report.lastSampleAt ? `${formatCount(report.total)} events, ${formatCount(report.total - report.good)} bad · last data ${formatRelative(report.lastSampleAt, now)}` : "No sample received yet"}
        />
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Error budget burndown</CardTitle>
            <CardDescription>
              Budget left over the last {slo.windowDays} days, against the even pace that would spend it exactly by the end of the window.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <BurndownChart series={windowSeries.data} markers={markers} deployments={deployments} />
          </CardContent>
        </Card>
        {/* Tabs wrap the card: the range tabs live in its header, the chart they control in its body. */}
        <Tabs className="grid" value={range} onValueChange={(value) => setRange(value as Range)}>
          <Card>
            <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
              <div className="flex flex-col gap-1.5">
                <CardTitle>SLI</CardTitle>
                <CardDescription>Good ÷ total events per {sliSeries ? (sliSeries.bucketMinutes >= 60 ? `${sliSeries.bucketMinutes / 60} h` : `${sliSeries.bucketMinutes} min`) : "bucket"}; gaps have no data.</CardDescription>
              </div>
              <TabsList aria-label="SLI chart range">
                <TabsTrigger value="6h">6 h</TabsTrigger>
                <TabsTrigger value="1d">1 day</TabsTrigger>
                <TabsTrigger value="3d">3 days</TabsTrigger>
                <TabsTrigger value="window">{slo.windowDays} days</TabsTrigger>
              </TabsList>
            </CardHeader>
            <CardContent>
              {/* The chart is the active tab's panel, so the selected tab controls an element that exists. */}
              <TabsContent value={range} className="pt-0" aria-busy={rangeSeries.isFetching || undefined}>
                {sliSeries ? (
                  <SliChart series={sliSeries} objective={slo.objective} markers={markers} deployments={deployments} />
                ) : (
                  <div className="flex h-72 flex-col justify-end gap-2">
                    <span className="sr-only">Loading the SLI chart…</span>
                    <Skeleton className="h-full" />
                  </div>
                )}
              </TabsContent>
            </CardContent>
          </Card>
        </Tabs>
      </div>

      {markers && <IncidentMarkerList markers={markers} serviceName={slo.service.name} windowDays={slo.windowDays} />}
      {deployments && <DeploymentMarkerList deployments={deployments} serviceName={slo.service.name} windowDays={slo.windowDays} />}

      <Card>
        <CardHeader>
          <CardTitle>Alerts</CardTitle>
          <CardDescription>
            Multiwindow, multi-burn-rate alerts: each fires when both its long and its short window burn faster than its threshold, the rate that spends its share of the
            budget within the long window.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <Table data-testid="alerts-table">
            <TableCaption className="sr-only">Alerts and their conditions</TableCaption>
            <THead>
              <TR>
                <TH>Alert</TH>
                <TH>Condition</TH>
                <TH numeric>Long window</TH>
                <TH numeric>Short window</TH>
                <TH>State</TH>
              </TR>
            </THead>
            <TBody>
              {report.alerts.map((alert) => (
                <TR key={alert.key} data-testid={`alert-${alert.key}`}>
                  <TD>
                    <span className="font-semibold">{alert.severity === "page" ? "Page" : "Ticket"}</span> · {alert.label.toLowerCase()}
                    <span className="block text-sm text-fg-muted">{alert.budgetSharePercent} % of the budget within {windowLabel[alert.longWindow]}</span>
                  </TD>
                  <TD>
                    {windowLabel[alert.longWindow]} and {windowLabel[alert.shortWindow]} above <span className="font-semibold tabular-nums">{formatFactor(alert.factor)}×</span>
                  </TD>
                  <TD numeric className={cn(alert.longBurnRate !== null && alert.longBurnRate > alert.factor && "font-semibold text-critical-fg")}>
                    {formatBurnRate(alert.longBurnRate)}
                  </TD>
                  <TD numeric className={cn(alert.shortBurnRate !== null && alert.shortBurnRate > alert.factor && "font-semibold text-critical-fg")}>
                    {formatBurnRate(alert.shortBurnRate)}
                  </TD>
                  <TD>
                    {alert.firing ? (
                      <span className={cn("font-semibold", alert.severity === "page" ? "text-critical-fg" : "text-warning-fg")}>Firing{slo.alerting ? "" : " (alerting off)"}</span>
                    ) : (
                      <span className="text-fg-muted">Quiet</span>
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>

          <Table data-testid="burn-rate-table">
            <TableCaption className="text-base text-fg">Burn rate by window (1× spends exactly the budget over {slo.windowDays} days)</TableCaption>
            <THead>
              <TR>
                <TH>Window</TH>
                <TH numeric>Events</TH>
                <TH numeric>Error ratio</TH>
                <TH numeric>Burn rate</TH>
                <TH>Thresholds</TH>
              </TR>
            </THead>
            <TBody>
              {burnWindows.map((window) => {
                const row = burnRateByWindow[window.key];
                const uses = alertRules.filter((rule) => rule.longWindow === window.key || rule.shortWindow === window.key);
                const evaluations = uses.map((rule) => report.alerts.find((alert) => alert.key === rule.key)!);
                const over = evaluations.filter((alert) => row.burnRate !== null && row.burnRate > alert.factor);
                return (
                  <TR key={window.key} data-testid={`burn-${window.key}`}>
                    <TD className="font-medium">{window.label}</TD>
                    <TD numeric>{formatCount(row.total)}</TD>
                    <TD numeric>{percent(row.errorRatio)}</TD>
                    <TD numeric className={cn("text-lg", over.some((alert) => alert.severity === "page") ? "font-semibold text-critical-fg" : over.length ? "font-semibold text-warning-fg" : undefined)}>
                      {formatBurnRate(row.burnRate)}
                    </TD>
                    <TD>
                      <ul className="flex flex-wrap gap-x-4 gap-y-1">
                        {evaluations.map((alert) => (
                          <li key={alert.key} className={cn(row.burnRate !== null && row.burnRate > alert.factor ? "font-semibold" : "text-fg-muted")}>
                            {alert.severity === "page" ? "Page" : "Ticket"} &gt; {formatFactor(alert.factor)}×{row.burnRate !== null && row.burnRate > alert.factor ? " (over)" : ""}
                          </li>
                        ))}
                      </ul>
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
          <p className="text-sm text-fg-muted">Computed {formatDateTime(report.asOf)} from one-minute samples; a window without events reads “No data”, never 100 %.</p>
        </CardContent>
      </Card>
    </div>
  );
}
