"use client";
// The SLO page's charts (recharts): the error-budget burndown over the window, and the SLI against the
// objective over a chosen range. The data arrives downsampled from the server (≤ 241 points).
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { markerLabel, type IncidentMarker } from "@/lib/incidents/slo-impact";
import { MAX_LABELLED_DEPLOYMENTS, deploymentMarkerLabel, deploymentMarkersInRange, deploymentMarkersSentence, type DeploymentMarker } from "@/lib/deployments/slo-markers";
import type { SloSeriesJson } from "@/lib/slo/api-schemas";
import { burndownTicks, sliAxis } from "@/lib/slo/present";

const UTC = "UTC";
const shortTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: UTC });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: UTC });
const fullTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: UTC });

const axisTick = { fontSize: 14, fill: "var(--fg-muted)" };
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--fg)", fontSize: 15 };

function timeTick(spanMs: number) {
  return (value: number) => (spanMs > 2 * 86_400_000 ? shortDate.format(value) : shortTime.format(value));
}

/**
 * The incidents' impact windows as shaded areas, clipped to the chart's time range. A window narrower than
 * 1/150 of the range is widened to that, so a 20-minute incident still shows on a 30-day chart.
 */
function incidentAreas(markers: readonly IncidentMarker[] | undefined, data: readonly { at: number }[]) {
  if (!markers?.length || data.length < 2) return [];
  const first = data[0].at;
  const last = data[data.length - 1].at;
  const minimum = (last - first) / 150;
  return markers.flatMap((marker, index) => {
    const from = Math.max(first, Date.parse(marker.from));
    const to = Math.min(last, Math.max(Date.parse(marker.to), Date.parse(marker.from) + minimum));
    if (to <= from) return [];
    // Labels of areas in the right half end at the area, so they stay inside the chart; neighbours are
    // staggered over three lines so that close incidents do not write over each other. They sit at the
    // bottom of the area: both lines run near the top most of the time (budget left early, SLI near 100 %).
    const alignRight = (from + to) / 2 > first + (last - first) * 0.55;
    const line = index % 3;
    return [
      <ReferenceArea
        key={marker.id}
        x1={from}
        x2={to}
        fill="var(--critical)"
        fillOpacity={0.14}
        stroke="var(--critical)"
        strokeOpacity={0.6}
        ifOverflow="hidden"
        label={(props: { viewBox?: { x?: number; y?: number; width?: number; height?: number } }) => {
          const box = props.viewBox ?? {};
          const x = alignRight ? (box.x ?? 0) + (box.width ?? 0) - 4 : (box.x ?? 0) + 4;
          return (
            <text x={x} y={(box.y ?? 0) + (box.height ?? 0) - 6 - line * 17} textAnchor={alignRight ? "end" : "start"} fill="var(--critical-fg)" fontSize={13} fontWeight={600} stroke="var(--surface)" strokeWidth={4} paintOrder="stroke">
              {markerLabel(marker, 18)}
            </text>
          );
        }}
      />,
    ];
  });
}

/**
 * The deployments as dashed vertical lines (failed and rolled-back ones in the critical colour, and said so
 * in their label and the chart's name: never colour alone). Labels only while they fit; the list under the
 * charts names every one.
 */
function deploymentLines(markers: readonly DeploymentMarker[] | undefined, data: readonly { at: number }[]) {
  if (data.length < 2) return { lines: [], sentence: "" };
  const inRange = deploymentMarkersInRange(markers, data[0].at, data[data.length - 1].at);
  const labelled = inRange.length <= MAX_LABELLED_DEPLOYMENTS;
  const lines = inRange.map((marker, index) => {
    const failed = marker.status === "FAILED" || marker.status === "ROLLED_BACK";
    return (
      <ReferenceLine
        key={`deployment-${marker.id}`}
        x={marker.time}
        stroke={failed ? "var(--critical)" : "var(--fg-muted)"}
        // A busy service deploys a few times a day: successes stay faint so the lines do not hide the data.
        strokeOpacity={failed ? 0.9 : labelled ? 0.7 : 0.3}
        strokeWidth={failed ? 2 : 1}
        strokeDasharray={failed ? "5 3" : "2 4"}
        ifOverflow="hidden"
        className="deployment-marker"
        label={
          labelled
            ? { value: deploymentMarkerLabel(marker), position: index % 2 ? "insideTopRight" : "insideTopLeft", fill: failed ? "var(--critical-fg)" : "var(--fg-muted)", fontSize: 13, fontWeight: 600, stroke: "var(--surface)", strokeWidth: 4, paintOrder: "stroke", offset: 6 + (index % 2) * 16 }
            : undefined
        }
      />
    );
  });
  return { lines, sentence: deploymentMarkersSentence(inRange) };
}

function markersSentence(markers: readonly IncidentMarker[] | undefined): string {
  if (!markers?.length) return "";
  return ` Shaded: ${markers.length === 1 ? "1 incident" : `${markers.length} incidents`} (${markers.map((marker) => `${marker.reference} ${marker.severity}`).join(", ")}).`;
}

/** The budget left over the window, with the even pace that would spend exactly all of it by the end. */
export function BurndownChart({ series, markers, deployments }: { series: SloSeriesJson; markers?: readonly IncidentMarker[]; deployments?: readonly DeploymentMarker[] }) {
  const data = series.burndown.map((point) => ({ at: Date.parse(point.at), remaining: point.remaining === null ? null : point.remaining * 100, ideal: point.ideal * 100 }));
  const values = data.flatMap((point) => (point.remaining === null ? [] : [point.remaining]));
  const low = Math.min(0, ...values);
  const ticks = burndownTicks(low);
  const last = values.at(-1);
  const span = data.length > 1 ? data[data.length - 1].at - data[0].at : 0;
  const summary =
    last === undefined
      ? "Error budget burndown: no data in the window."
      : `Error budget burndown over the window: ${Math.round(last)} % left now${low < 0 ? `, overspent at the lowest by ${Math.round(-low)} %` : ""}.`;
  const areas = incidentAreas(markers, data);
  const changes = deploymentLines(deployments, data);
  return (
    <div role="img" aria-label={summary + markersSentence(markers) + changes.sentence} className="h-72 w-full" data-testid="burndown-chart" data-incident-markers={areas.length} data-deployment-markers={changes.lines.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={timeTick(span)} tick={axisTick} stroke="var(--border-strong)" minTickGap={40} />
          <YAxis domain={[ticks[0], 100]} ticks={ticks} interval={0} tickFormatter={(value: number) => `${value} %`} tick={axisTick} stroke="var(--border-strong)" width={64} />
          {areas}
          {changes.lines}
          <ReferenceLine y={0} stroke="var(--critical)" strokeWidth={2} label={{ value: "Exhausted", position: "insideBottomLeft", fill: "var(--critical-fg)", fontSize: 14 }} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(value) => `${fullTime.format(Number(value))} UTC`}
            formatter={(value, name) => [value === null || value === undefined ? "No data" : `${Number(value).toFixed(1)} %`, name === "remaining" ? "Budget left" : "Even pace"]}
          />
          <Line type="monotone" dataKey="ideal" stroke="var(--fg-muted)" strokeDasharray="6 5" strokeWidth={2} dot={false} isAnimationActive={false} name="ideal" />
          <Line type="monotone" dataKey="remaining" stroke="var(--accent)" strokeWidth={3} dot={false} isAnimationActive={false} connectNulls name="remaining" />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The SLI per bucket against the objective; empty buckets are gaps, not 100 %. */
export function SliChart({ series, objective, markers, deployments }: { series: SloSeriesJson; objective: number; markers?: readonly IncidentMarker[]; deployments?: readonly DeploymentMarker[] }) {
  const data = series.sli.map((point) => ({ at: Date.parse(point.at), sli: point.sli === null ? null : point.sli * 100 }));
  const values = data.flatMap((point) => (point.sli === null ? [] : [point.sli]));
  const lowest = values.length ? Math.min(...values) : objective;
  const axis = sliAxis(values.length ? lowest : null, objective);
  const span = data.length > 1 ? data[data.length - 1].at - data[0].at : 0;
  const below = values.filter((value) => value < objective).length;
  const summary = values.length
    ? `SLI per ${series.bucketMinutes >= 60 ? `${series.bucketMinutes / 60} h` : `${series.bucketMinutes} min`}: lowest ${lowest.toFixed(2)} %, ${below} of ${values.length} points below the ${objective} % objective.`
    : "SLI: no data in this range.";
  const cut = axis.clipped ? ` The axis starts at ${axis.min} % so that the objective reads; lower points are drawn on its bottom edge.` : "";
  const areas = incidentAreas(markers, data);
  const changes = deploymentLines(deployments, data);
  return (
    <figure className="flex flex-col gap-1">
    <div role="img" aria-label={summary + cut + markersSentence(markers) + changes.sentence} className="h-72 w-full" data-testid="sli-chart" data-incident-markers={areas.length} data-deployment-markers={changes.lines.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={timeTick(span)} tick={axisTick} stroke="var(--border-strong)" minTickGap={40} />
          <YAxis
            domain={[axis.min, 100]}
            ticks={axis.ticks}
            allowDataOverflow
            tickFormatter={(value: number) => `${Number(value.toFixed(3))} %`}
            tick={axisTick}
            stroke="var(--border-strong)"
            width={84}
          />
          {areas}
          {changes.lines}
          <ReferenceLine
            y={objective}
            stroke="var(--warning)"
            strokeWidth={2}
            strokeDasharray="6 4"
            label={{ value: `Objective ${objective} %`, position: "insideTopLeft", fill: "var(--warning-fg)", fontSize: 14, fontWeight: 600, stroke: "var(--surface)", strokeWidth: 4, paintOrder: "stroke" }}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(value) => `${fullTime.format(Number(value))} UTC`}
            formatter={(value) => [value === null || value === undefined ? "No data" : `${Number(value).toFixed(3)} %`, "SLI"]}
          />
          <Line type="linear" dataKey="sli" stroke="var(--accent)" strokeWidth={2.5} dot={false} isAnimationActive={false} connectNulls={false} name="sli" />
        </LineChart>
      </ResponsiveContainer>
    </div>
    {axis.clipped && (
      <figcaption className="text-sm text-fg-muted" data-testid="sli-axis-note">
        The axis starts at {axis.min} % so that the {objective} % objective reads; the lowest point, {lowest.toFixed(2)} %, is drawn on its bottom edge.
      </figcaption>
    )}
    </figure>
  );
}
