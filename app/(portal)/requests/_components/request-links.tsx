// What a request led to elsewhere in the portal: the SLOs adopted from an SRE request and the incidents
// declared from an incident-responder request, with the actions that create them (members and up).
// A server component: the request page passes it to the request view as its `links` slot.
import Link from "next/link";
import { Activity, Siren } from "lucide-react";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { isIncidentRequestRole } from "@/lib/incidents/from-request";
import { listIncidentsFromRequest, previewDeclareFromRequest } from "@/lib/incidents/from-request.server";
import { previewSloAdoption } from "@/lib/slo/adoption.server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/browser";
import { AdoptSlosDialog } from "./adopt-slos-dialog";
import { DeclareFromRequestDialog } from "./declare-from-request-dialog";

interface RequestLinksProps {
  actor: Actor;
  requestId: string;
  roleKey: string;
  /** The request's current revision: 0 for a draft never submitted (nothing to link yet). */
  currentRevision: number;
}

export async function RequestLinks({ actor, requestId, roleKey, currentRevision }: RequestLinksProps) {
  if (currentRevision < 1) return null;
  if (roleKey === "sre-engineer") return <SloLinks actor={actor} requestId={requestId} />;
  if (isIncidentRequestRole(roleKey)) return <IncidentLinks actor={actor} requestId={requestId} />;
  return null;
}

async function SloLinks({ actor, requestId }: { actor: Actor; requestId: string }) {
  const preview = await previewSloAdoption(actor, requestId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!preview) return null;
  const current = preview.adopted.filter((slo) => slo.revision === preview.request.revision);
  const earlier = preview.adopted.filter((slo) => slo.revision !== preview.request.revision);
  return (
    <Card className="mb-6" data-testid="request-slo-links">
      <CardHeader className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle className="flex items-center gap-2">
            <Activity aria-hidden="true" className="size-5" /> SLOs from this request
          </CardTitle>
          <CardDescription>
            {current.length
              ? `Revision ${preview.request.revision} was adopted: these SLOs measure what the form describes.`
              : earlier.length
                ? `Revision ${preview.request.revision} describes ${preview.plan.items.length === 1 ? "one SLI" : `${preview.plan.items.length} SLIs`} for ${preview.plan.service.name}; adopt it to update the SLOs from an earlier revision and create any new ones.`
                : `Revision ${preview.request.revision} describes ${preview.plan.items.length === 1 ? "one SLI" : `${preview.plan.items.length} SLIs`} for ${preview.plan.service.name}; create them as SLOs to start measuring.`}
          </CardDescription>
        </div>
        {preview.canAdopt && current.length === 0 && <AdoptSlosDialog preview={preview} />}
      </CardHeader>
      {preview.adopted.length > 0 && (
        <CardContent>
          <ul className="flex flex-col gap-2" aria-label="SLOs created from this request">
            {[...current, ...earlier].map((slo) => (
              <li key={slo.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/slos/${slo.id}`} className="link text-base font-medium">
                  {slo.name}
                </Link>
                <span className="text-fg-muted">
                  on {slo.service.name}
                  {slo.revision !== null && ` · from revision ${slo.revision}`}
                </span>
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </Card>
  );
}

async function IncidentLinks({ actor, requestId }: { actor: Actor; requestId: string }) {
  const [preview, incidents] = await Promise.all([
    previewDeclareFromRequest(actor, requestId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    }),
    listIncidentsFromRequest(actor, requestId),
  ]);
  if (!preview) return null;
  return (
    <Card className="mb-6" data-testid="request-incident-links">
      <CardHeader className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle className="flex items-center gap-2">
            <Siren aria-hidden="true" className="size-5" /> Incidents from this request
          </CardTitle>
          <CardDescription>
            {incidents.length
              ? "Declared from this request, with its runbook attached."
              : `Declare an incident from this request: its answers fill in the form${preview.runbookPaths.length ? " and its runbook is attached" : ""}.`}
          </CardDescription>
        </div>
        {preview.canDeclare && <DeclareFromRequestDialog preview={preview} />}
      </CardHeader>
      {incidents.length > 0 && (
        <CardContent>
          <ul className="flex flex-col gap-2" aria-label="Incidents declared from this request">
            {incidents.map((incident) => (
              <li key={incident.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <SeverityBadge severity={incident.severity as IncidentSeverity} />
                <Link href={`/incidents/${incident.id}`} className="link text-base font-medium">
                  {incident.reference} {incident.title}
                </Link>
                <IncidentStatusBadge status={incident.status as IncidentStatus} />
                <span className="text-fg-muted">declared {formatDateTime(incident.declaredAt)}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </Card>
  );
}
