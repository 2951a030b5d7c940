"use client";
// The metrics trend: MTTD/MTTA/MTTM/MTTR per bucket as lines (gaps where there is no data, never zero),
// over the number of incidents as bars, plus the same figures as a table for screen readers.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { IncidentMetricsJson } from "@/lib/incidents/api-schemas";
import { metricDefinitions, metricKeys } from "@/lib/incidents/metrics";
import { formatDuration } from "@/lib/incidents/times";

// Distinct hues that read on light and dark surfaces; not the status colours, which mean health.
const lineColours: Record<(typeof metricKeys)[number], string> = { mttd: "#7c3aed", mtta: "#0891b2", mttm: "#d97706", mttr: "#db2777" };

export function TrendChart({ points }: { points: IncidentMetricsJson["trend"] }) {
  const data = points.map((point) => ({ ...point, label: point.label.replace(/^Week of /, "") }));
  return (
    <figure>
      <div className="h-96 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="label" tick={{ fill: "var(--fg-muted)", fontSize: 14 }} stroke="var(--border-strong)" />
            <YAxis yAxisId="minutes" tick={{ fill: "var(--fg-muted)", fontSize: 14 }} stroke="var(--border-strong)" label={{ value: "minutes", angle: -90, position: "insideLeft", fill: "var(--fg-muted)", fontSize: 14 }} />
            <YAxis yAxisId="count" orientation="right" allowDecimals={false} tick={{ fill: "var(--fg-muted)", fontSize: 14 }} stroke="var(--border-strong)" label={{ value: "incidents", angle: 90, position: "insideRight", fill: "var(--fg-muted)", fontSize: 14 }} />
            <Tooltip
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--fg)" }}
              formatter={(value, name) => (name === "Incidents" ? [value, name] : [formatDuration(typeof value === "number" ? value : null), name])}
            />
            <Legend wrapperStyle={{ fontSize: 15 }} />
            <Bar yAxisId="count" dataKey="count" name="Incidents" fill="var(--nodata)" fillOpacity={0.35} />
            {metricKeys.map((key) => (
              <Line key={key} yAxisId="minutes" type="linear" dataKey={key} name={metricDefinitions[key].abbreviation} stroke={lineColours[key]} strokeWidth={3} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">The trend of the mean times and the number of incidents, also given in the table below.</figcaption>
      <details className="mt-4">
        <summary className="cursor-pointer text-base font-medium">The figures as a table</summary>
        <div tabIndex={0} role="region" aria-label="The figures as a table" className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-border">
                <th className="py-2 pr-4">Period</th>
                <th className="py-2 pr-4 text-right">Incidents</th>
                {metricKeys.map((key) => (
                  <th key={key} className="py-2 pr-4 text-right">
                    {metricDefinitions[key].abbreviation}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.start} className="border-b border-border">
                  <td className="py-1.5 pr-4">{point.label}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{point.count}</td>
                  {metricKeys.map((key) => (
                    <td key={key} className="py-1.5 pr-4 text-right tabular-nums">
                      {formatDuration(point[key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
