"use client";
// The DORA page's charts (recharts, as the incident metrics and SLO pages): deployments per bucket with the
// change failure rate, and the lead and recovery times. Buckets without data leave gaps, never zeros. The
// same figures are given as a table for screen readers and for reading exact values.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DoraBucketFigures } from "@/lib/deployments/dora";
import { formatRate, formatSeconds } from "@/lib/deployments/present";

const axisTick = { fill: "var(--fg-muted)", fontSize: 14 };
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", color: "var(--fg)", fontSize: 15 };
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
// Distinct hues that read on light and dark surfaces; the status colours are kept for health.
const colours = { successful: "#0891b2", failed: "#db2777", cfr: "#d97706", lead: "#7c3aed", recovery: "#db2777" };

export function DoraCharts({ buckets, bucket }: { buckets: DoraBucketFigures[]; bucket: "day" | "week" }) {
  const data = buckets.map((entry) => ({
    label: `${bucket === "week" ? "Wk " : ""}${dayFormat.format(new Date(entry.start))}`,
    successful: entry.successful,
    failedOrCausing: entry.failures,
    cfr: entry.changeFailureRate === null ? null : Math.round(entry.changeFailureRate * 1000) / 10,
    leadHours: entry.leadTimeMedianSeconds === null ? null : Math.round((entry.leadTimeMedianSeconds / 3600) * 10) / 10,
    recoveryHours: entry.recoveryMedianSeconds === null ? null : Math.round((entry.recoveryMedianSeconds / 3600) * 10) / 10,
  }));
  return (
    <figure className="flex flex-col gap-6">
      <div className="grid gap-6 xl:grid-cols-2" aria-hidden="true">
        <div className="h-80 w-full" data-testid="dora-deployments-chart">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="label" tick={axisTick} stroke="var(--border-strong)" minTickGap={16} />
              <YAxis yAxisId="count" allowDecimals={false} tick={axisTick} stroke="var(--border-strong)" label={{ value: "deployments", angle: -90, position: "insideLeft", fill: "var(--fg-muted)", fontSize: 14 }} />
              <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} tick={axisTick} stroke="var(--border-strong)" label={{ value: "% failed", angle: 90, position: "insideRight", fill: "var(--fg-muted)", fontSize: 14 }} />
              <Tooltip contentStyle={tooltipStyle} formatter={(value, name) => (name === "Change failure rate" ? [`${value} %`, name] : [value, name])} />
              <Legend wrapperStyle={{ fontSize: 15 }} />
              <Bar yAxisId="count" dataKey="successful" name="Successful" stackId="d" fill={colours.successful} isAnimationActive={false} />
              <Bar yAxisId="count" dataKey="failedOrCausing" name="Change failures" fill={colours.failed} isAnimationActive={false} />
              <Line yAxisId="rate" dataKey="cfr" name="Change failure rate" stroke={colours.cfr} strokeWidth={3} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <div className="h-80 w-full" data-testid="dora-times-chart">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="label" tick={axisTick} stroke="var(--border-strong)" minTickGap={16} />
              <YAxis tick={axisTick} stroke="var(--border-strong)" label={{ value: "hours", angle: -90, position: "insideLeft", fill: "var(--fg-muted)", fontSize: 14 }} />
              <Tooltip contentStyle={tooltipStyle} formatter={(value, name) => [`${value} h`, name]} />
              <Legend wrapperStyle={{ fontSize: 15 }} />
              <Line dataKey="leadHours" name="Lead time (median)" stroke={colours.lead} strokeWidth={3} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
              <Line dataKey="recoveryHours" name="Recovery time (median)" stroke={colours.recovery} strokeWidth={3} strokeDasharray="6 3" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </div>
      <figcaption className="sr-only">Deployments, change failures, lead time and recovery time per {bucket}, also given in the table below.</figcaption>
      <details>
        <summary className="cursor-pointer text-base font-medium">The figures as a table</summary>
        <div tabIndex={0} role="region" aria-label="The figures as a table" className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-border">
                <th className="py-2 pr-4">{bucket === "week" ? "Week of" : "Day"}</th>
                <th className="py-2 pr-4 text-right">Deployments</th>
                <th className="py-2 pr-4 text-right">Successful</th>
                <th className="py-2 pr-4 text-right">Change failures</th>
                <th className="py-2 pr-4 text-right">Change failure rate</th>
                <th className="py-2 pr-4 text-right">Lead time</th>
                <th className="py-2 pr-4 text-right">Recovery</th>
                <th className="py-2 pr-4 text-right">Rework</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((entry, index) => (
                <tr key={entry.start} className="border-b border-border">
                  <td className="py-1.5 pr-4">{data[index].label}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{entry.deployments}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{entry.successful}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{entry.failures}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{formatRate(entry.changeFailureRate)}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{formatSeconds(entry.leadTimeMedianSeconds)}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{formatSeconds(entry.recoveryMedianSeconds)}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{entry.reworks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
