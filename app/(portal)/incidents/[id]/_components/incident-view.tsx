"use client";
// The live incident page: the header with status controls, the timeline, and the side panels, all fed by
// the polling queries so that every viewer sees the same incident within seconds.
import { useEffect, useState } from "react";
import type { IncidentDetailJson, IncidentEventJson, PersonJson } from "@/lib/incidents/api-schemas";
import { IncidentHeader } from "./incident-header";
import { Timeline } from "./timeline";
import { RolesPanel } from "./roles-panel";
import { AlertsPanel, DetailsPanel, KeyTimesPanel, PostmortemPanel, RunbookPanel, type SourceRequestLink } from "./details-panel";
import { SloImpactPanel } from "./slo-impact-panel";
import { WhatChangedPanel } from "./what-changed-panel";
import type { IncidentChange } from "@/lib/deployments/incident-changes";
import type { IncidentSloImpactJson } from "@/lib/incidents/slo-impact";
import { useLiveIncident, useLiveSloImpact } from "./use-incident";

export interface IncidentViewProps {
  incident: IncidentDetailJson;
  timeline: IncidentEventJson[];
  responders: PersonJson[];
  services: { slug: string; name: string }[];
  canEdit: boolean;
  currentUserId: string | null;
  /** When the server rendered the page: the first "now", so server and browser render the same durations. */
  renderedAt: string;
  /** The error budget the affected services' SLOs lost during the incident, as of rendering (then polled). */
  sloImpact?: IncidentSloImpactJson;
  /** The request the incident was declared from, when the viewer can see it. */
  sourceRequest?: SourceRequestLink | null;
  /** Deployments of the affected services before the incident began ("what changed"). */
  changes?: { changes: IncidentChange[]; hours: number; canEdit: boolean };
}

/** The clock the page's durations and "updated … ago" read; it ticks every few seconds. */
function useNow(initial: string, everyMs: number): Date {
  const [now, setNow] = useState(() => new Date(initial));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function IncidentView(props: IncidentViewProps) {
  const { incident: incidentQuery, timeline, live: pushed } = useLiveIncident(props);
  const now = useNow(props.renderedAt, 5_000);
  const incident = incidentQuery.data;
  return (
    <>
      <IncidentHeader
        incident={incident}
        now={now}
        canEdit={props.canEdit}
        currentUserId={props.currentUserId}
        live={{ updatedAt: Math.max(incidentQuery.dataUpdatedAt, timeline.dataUpdatedAt), failing: incidentQuery.isRefetchError || timeline.isRefetchError, pushed }}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <RunbookPanel incident={incident} sourceRequest={props.sourceRequest} />
          <Timeline incidentId={incident.id} events={timeline.data} canEdit={props.canEdit} />
        </div>
        <aside className="flex flex-col gap-6" aria-label="Incident details">
          <RolesPanel incident={incident} responders={props.responders} canEdit={props.canEdit} />
          <DetailsPanel incident={incident} services={props.services} canEdit={props.canEdit} />
          <KeyTimesPanel incident={incident} canEdit={props.canEdit} />
          {props.changes && <WhatChangedPanel incidentId={incident.id} changes={props.changes.changes} hours={props.changes.hours} canEdit={props.changes.canEdit} />}
          {props.sloImpact && <LiveSloImpactPanel incident={incident} initial={props.sloImpact} renderedAt={props.renderedAt} />}
          <AlertsPanel incident={incident} />
          <PostmortemPanel incident={incident} />
        </aside>
      </div>
    </>
  );
}

function LiveSloImpactPanel({ incident, initial, renderedAt }: { incident: IncidentDetailJson; initial: IncidentSloImpactJson; renderedAt: string }) {
  const { data } = useLiveSloImpact(incident, initial, renderedAt);
  return <SloImpactPanel impact={data} />;
}
