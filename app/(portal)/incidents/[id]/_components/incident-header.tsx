"use client";
// The top of the incident page, kept in view while scrolling: severity, status and the current incident
// commander, large enough for a wall screen, with the moves the status machine allows.
import { useState } from "react";
import { Crown, Radio, TriangleAlert } from "lucide-react";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogFooter, DialogClose } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { IncidentStatus } from "@/lib/generated/prisma/browser";
import type { IncidentDetailJson } from "@/lib/incidents/api-schemas";
import { isActiveStatus, statusDescriptions, statusLabels, transitionLabel } from "@/lib/incidents/status";
import { formatDuration, impactDuration } from "@/lib/incidents/times";
import { formatDateTime } from "@/lib/format";
import { keyTimesOf, personName } from "@/lib/incidents/serialize";
import { assignRoleAction, transitionIncidentAction } from "../actions";
import { useIncidentMutation } from "./use-incident";

function declaredBy(incident: IncidentDetailJson): string {
  if (incident.declaredVia === "alertmanager") return " by Alertmanager";
  const who = incident.declaredBy ? ` by ${personName(incident.declaredBy)}` : "";
  return incident.declaredVia === "api" ? `${who} through the API` : who;
}

export function IncidentHeader({
  incident,
  now,
  canEdit,
  currentUserId,
  live,
}: {
  incident: IncidentDetailJson;
  now: Date;
  canEdit: boolean;
  currentUserId: string | null;
  /** `pushed`: the event stream is open (changes appear as they happen); otherwise the page polls. */
  live: { updatedAt: number; failing: boolean; pushed?: boolean };
}) {
  const [moving, setMoving] = useState<IncidentStatus | null>(null);
  const [note, setNote] = useState("");
  const transition = useIncidentMutation((input: { to: IncidentStatus; note?: string }) => transitionIncidentAction(incident.id, input), {
    incidentId: incident.id,
    invalidates: ["detail", "timeline"],
    success: (_, input) => `Now ${statusLabels[input.to].toLowerCase()}`,
    toastErrors: false,
  });
  const takeCommand = useIncidentMutation(() => assignRoleAction(incident.id, { role: "COMMANDER", userId: currentUserId }), {
    incidentId: incident.id,
    invalidates: ["detail", "timeline"],
    success: () => "You are the incident commander",
  });

  const active = isActiveStatus(incident.status);
  const impact = impactDuration(keyTimesOf(incident.times), active ? now : null);
  const impactEnded = Boolean(incident.times.mitigatedAt || incident.times.resolvedAt);
  const commander = incident.commander;
  const secondsAgo = Math.max(0, Math.round((now.getTime() - live.updatedAt) / 1000));

  function open(to: IncidentStatus) {
    setNote("");
    transition.reset();
    setMoving(to);
  }

  return (
    <header
      className={cn(
        "sticky top-0 z-20 mb-6 flex flex-col gap-3 rounded-md border border-t-8 border-border bg-surface p-4 shadow-md lg:px-6",
        active ? (incident.status === "MONITORING" ? "border-t-warning" : "border-t-critical") : incident.status === "RESOLVED" ? "border-t-healthy" : "border-t-nodata",
      )}
      data-testid="incident-header"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-1 text-base text-fg-muted">
        <span>
          <span className="font-semibold text-fg">{incident.reference}</span> · {incident.team.name} · declared {formatDateTime(incident.declaredAt)}
          {declaredBy(incident)}
        </span>
        <span className={cn("flex items-center gap-2 text-sm font-medium", live.failing ? "text-warning-fg" : "text-healthy-fg")} data-testid="live-indicator" data-live={live.pushed ? "push" : "poll"}>
          <Radio aria-hidden="true" className={cn("size-4", !live.failing && "motion-safe:animate-pulse")} />
          {live.failing ? "Reconnecting… the page retries on its own" : live.pushed ? "Live" : `Live · updated ${secondsAgo < 5 ? "just now" : `${secondsAgo} s ago`}`}
        </span>
      </div>
      <h1 className="text-3xl font-bold tracking-tight 2xl:text-4xl">{incident.title}</h1>
      <div className="flex flex-wrap items-stretch gap-3">
        <SeverityBadge severity={incident.severity} size="xl" />
        <IncidentStatusBadge status={incident.status} size="xl" />
        <div
          className={cn("flex min-w-64 items-center gap-3 rounded-md border-2 px-4 py-1.5", commander ? "border-border bg-surface-muted" : "border-warning bg-warning-soft")}
          data-testid="current-commander"
        >
          {commander ? <Crown aria-hidden="true" className="size-6 shrink-0 text-fg-muted" /> : <TriangleAlert aria-hidden="true" className="size-6 shrink-0 text-warning-fg" />}
          <div className="flex flex-col">
            <span className="text-sm font-medium text-fg-muted">Incident commander</span>
            <span className={cn("text-xl font-bold", !commander && "text-warning-fg")}>{commander ? personName(commander) : "Nobody yet"}</span>
          </div>
          {canEdit && active && currentUserId && commander?.id !== currentUserId && (
            <Button size="sm" variant={commander ? "secondary" : "primary"} className="ml-auto" loading={takeCommand.isPending} onClick={() => takeCommand.mutate(undefined)}>
              {commander ? "Take over" : "Take command"}
            </Button>
          )}
        </div>
        <div className="flex flex-col justify-center rounded-md border-2 border-border px-4 py-1.5">
          <span className="text-sm font-medium text-fg-muted" title={`From ${impact.basis}`}>
            {impactEnded ? "Impact lasted" : active ? "Impact so far" : "Impact"}
          </span>
          <span className="text-xl font-bold tabular-nums">{formatDuration(impact.minutes)}</span>
        </div>
      </div>
      {canEdit && incident.allowedTransitions.length > 0 && (
        <div className="no-print flex flex-wrap items-center gap-2" role="group" aria-label="Change the status">
          {incident.allowedTransitions.map((to) => (
            <Button
              key={to}
              variant={to === "CANCELLED" ? "ghost" : isForward(incident.status, to) ? "primary" : "secondary"}
              onClick={() => open(to)}
            >
              {transitionLabel(incident.status, to)}
            </Button>
          ))}
        </div>
      )}
      <Dialog open={moving !== null} onOpenChange={(next) => !next && !transition.isPending && setMoving(null)}>
        {moving && (
          <DialogContent title={`${transitionLabel(incident.status, moving)}?`} description={`${statusLabels[incident.status]} → ${statusLabels[moving]}: ${statusDescriptions[moving]}`}>
            <form
              className="flex flex-col gap-4"
              onSubmit={(event) => {
                event.preventDefault();
                transition.mutate({ to: moving, note: note.trim() || undefined }, { onSuccess: () => setMoving(null) });
              }}
            >
              {transition.error && (
                <p role="alert" className="rounded-md bg-critical-soft p-3 text-sm text-critical-fg">
                  {transition.error.message}
                </p>
              )}
              <Field id="transition-note" label="Note for the timeline" help="Optional: why, e.g. “Rollback done, error rate back under 0.1 %”.">
                <Textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} maxLength={2000} />
              </Field>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="secondary">Not now</Button>
                </DialogClose>
                <Button type="submit" variant={moving === "CANCELLED" ? "danger" : "primary"} loading={transition.isPending}>
                  {transitionLabel(incident.status, moving)}
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        )}
      </Dialog>
    </header>
  );
}

const order: IncidentStatus[] = ["TRIAGE", "INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED", "CLOSED"];

/** A move towards resolution is the primary action; going back or cancelling is secondary. */
function isForward(from: IncidentStatus, to: IncidentStatus) {
  return order.indexOf(to) > order.indexOf(from);
}
