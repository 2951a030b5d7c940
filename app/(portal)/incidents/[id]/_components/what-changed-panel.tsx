"use client";
// What changed: the deployments of the affected services in the hours before the incident began, newest
// first, each with one button to name it as the cause (the DORA figures then count it as a change failure).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { GitCommitHorizontal } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { IncidentChange } from "@/lib/deployments/incident-changes";
import { linkCauseAction, unlinkCauseAction } from "../actions";

const statusTone = { SUCCEEDED: "healthy", FAILED: "critical", ROLLED_BACK: "warning", STARTED: "info" } as const;
const statusWord = { SUCCEEDED: "Succeeded", FAILED: "Failed", ROLLED_BACK: "Rolled back", STARTED: "Running" } as const;

function before(minutes: number) {
  if (minutes < 0) return "after the start";
  if (minutes < 60) return `${minutes} min before`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min before`;
}

export function WhatChangedPanel({ incidentId, changes, hours, canEdit }: { incidentId: string; changes: IncidentChange[]; hours: number; canEdit: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const act = (work: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await work();
      setError(result.ok ? null : (result.message ?? "That did not work"));
      if (result.ok) router.refresh();
    });
  return (
    <Card data-testid="incident-what-changed">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <GitCommitHorizontal aria-hidden="true" className="size-5" /> What changed
        </CardTitle>
        <CardDescription>Deployments of the affected services in the {hours} hours before the incident began.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {changes.length === 0 && <p className="text-base text-fg-muted">No deployment of these services in that time.</p>}
        <ul className="flex flex-col gap-3">
          {changes.map((change) => {
            const status = change.status as keyof typeof statusWord;
            return (
              <li key={change.id} className="flex flex-col gap-1 rounded-md border border-border p-3" data-testid={`change-${change.id}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{change.service.name}</span>
                  <span className="font-mono text-sm">{change.version || change.commitSha?.slice(0, 8) || "—"}</span>
                  <Badge tone={statusTone[status] ?? "neutral"}>{statusWord[status] ?? change.status}</Badge>
                  {change.linked && <Badge tone="critical">Named as the cause</Badge>}
                </div>
                <p className="text-sm text-fg-muted">
                  {formatDateTime(change.startedAt)} ({before(change.minutesBefore)}){change.triggeredBy ? ` by ${change.triggeredBy}` : ""}
                  {change.url && (
                    <>
                      {" · "}
                      <a href={change.url} className="link" target="_blank" rel="noreferrer">
                        Run
                      </a>
                    </>
                  )}
                </p>
                {canEdit && (
                  <div>
                    {change.linked ? (
                      <Button size="sm" variant="ghost" disabled={pending} onClick={() => act(() => unlinkCauseAction(incidentId, change.id))}>
                        Not the cause
                      </Button>
                    ) : (
                      <Button size="sm" variant="secondary" disabled={pending} onClick={() => act(() => linkCauseAction(incidentId, change.id))}>
                        Link as cause
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {error && (
          <p role="alert" className="text-sm text-critical-fg">
            {error}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
