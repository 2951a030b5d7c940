import type { Metadata } from "next";
import Link from "next/link";
import { Pencil, Upload } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ExportMenu } from "@/components/slo/export-menu";
import { SloDashboard } from "@/components/slo/slo-dashboard";
import { requirePageActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { roleAllows } from "@/lib/auth/roles";
import { toSloWithReportJson } from "@/lib/slo/api-schemas";
import { bucketBound } from "@/lib/slo/exports";
import { getSloReport, getSloSeries } from "@/lib/slo/reports.server";
import { listSloIncidentMarkers } from "@/lib/incidents/slo-impact.server";
import { listSloDeploymentMarkers } from "@/lib/deployments/slo-markers.server";
import { getRequestLink } from "@/lib/requests/linked-request.server";
import { sliKindLabels } from "@/lib/slo/schema";
import { orNotFound } from "../../_lib/or-not-found";
import { DeleteSloButton } from "../_components/delete-slo-button";
import { getSloSourceStatus } from "@/lib/slo/source-sync.server";
import { SourceStatusCard } from "./source-status";

export const metadata: Metadata = { title: "SLO" };

export default async function SloPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const now = new Date();
  // Each read checks access itself: they run together.
  const [result, series, markers, deployments, pull] = await orNotFound(
    Promise.all([getSloReport(actor, id, now), getSloSeries(actor, id, "window", now), listSloIncidentMarkers(actor, id, now), listSloDeploymentMarkers(actor, id, now), getSloSourceStatus(actor, id)]),
  );
  const slo = result.definition;
  const sourceRequest = slo.sourceRequestId ? await getRequestLink(actor, slo.sourceRequestId) : null;
  const canEdit = roleAllows(result.role, "edit");
  return (
    <>
      <PageHeader
        title={slo.name}
        eyebrow={
          <span>
            <Link href="/slos" className="link">
              SLOs
            </Link>{" "}
            ·{" "}
            <Link href={`/services/${slo.service.id}`} className="link">
              {slo.service.name}
            </Link>
            {sourceRequest && (
              <span data-testid="slo-source-request">
                {" "}
                · Created from request{" "}
                <Link href={`/requests/${sourceRequest.id}`} className="link">
                  {sourceRequest.title || "an untitled request"}
                </Link>
                {slo.sourceRevision !== null && ` (revision ${slo.sourceRevision})`}
              </span>
            )}
          </span>
        }
        description={slo.description || undefined}
        actions={
          <>
            {canEdit && !pull && (
              <Link href={`/slos/${slo.id}/upload`} className={buttonVariants()}>
                <Upload aria-hidden="true" /> Upload CSV
              </Link>
            )}
            <ExportMenu href={`/api/v1/slos/${slo.id}/export`} />
            {canEdit && (
              <Link href={`/slos/${slo.id}/edit`} className={buttonVariants({ variant: "secondary" })}>
                <Pencil aria-hidden="true" /> Edit
              </Link>
            )}
            {roleAllows(result.role, "manage") && <DeleteSloButton id={slo.id} name={slo.name} />}
          </>
        }
      />
      {pull && <SourceStatusCard source={pull.source} status={pull.status} />}
      <SloDashboard initial={toSloWithReportJson(result, result.asOf)} initialSeries={series} markers={markers} deployments={deployments} />
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Definition</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-4 md:grid-cols-[12rem_minmax(0,1fr)]">
            <dt className="font-medium text-fg-muted">SLI</dt>
            <dd>{sliKindLabels[slo.sliKind]}</dd>
            {slo.sliKind === "RATIO" ? (
              <>
                <dt className="font-medium text-fg-muted">Good events</dt>
                <dd className="font-mono text-sm break-all">{slo.goodQuery}</dd>
                <dt className="font-medium text-fg-muted">All events</dt>
                <dd className="font-mono text-sm break-all">{slo.totalQuery}</dd>
              </>
            ) : (
              <>
                <dt className="font-medium text-fg-muted">Histogram</dt>
                <dd className="font-mono text-sm break-all">{slo.latencyMetric}</dd>
                <dt className="font-medium text-fg-muted">Threshold</dt>
                <dd>
                  {slo.latencyThresholdMs} ms <span className="text-fg-muted">(bucket le=&quot;{bucketBound(slo.latencyThresholdMs ?? 0)}&quot;)</span>
                </dd>
              </>
            )}
            <dt className="font-medium text-fg-muted">Objective</dt>
            <dd>
              {slo.objective} % over a rolling {slo.windowDays}-day window
            </dd>
            {slo.sourceRequestId && (
              <>
                <dt className="font-medium text-fg-muted">Adopted from</dt>
                <dd>
                  {sourceRequest ? (
                    <Link href={`/requests/${sourceRequest.id}`} className="link">
                      {sourceRequest.title || "an untitled request"}
                    </Link>
                  ) : (
                    "A request that has since been deleted"
                  )}
                  {slo.sourceRevision !== null && `, revision ${slo.sourceRevision}`}
                </dd>
              </>
            )}
            <dt className="font-medium text-fg-muted">Alerting</dt>
            <dd>{slo.alerting ? "On: page and ticket alerts in the exported rules" : "Off: recording rules only"}</dd>
            <dt className="font-medium text-fg-muted">Low-traffic guard</dt>
            <dd>{slo.alertMinEvents > 0 ? `Alerts need at least ${slo.alertMinEvents.toLocaleString("en")} events in their long window` : "Off"}</dd>
            {pull ? (
              <>
                <dt className="font-medium text-fg-muted">Data</dt>
                <dd>Pulled from the data source {pull.source.name} every minute; pushed samples are refused.</dd>
              </>
            ) : (
              <>
            <dt className="font-medium text-fg-muted">Push data</dt>
            <dd className="flex min-w-0 flex-col gap-2">
              <span>
                Send one-minute samples with a team API token (<Link href="/settings/tokens" className="link">Settings → API tokens</Link>); at most 10,000 per call, a minute sent again replaces
                the stored one:
              </span>
              <code tabIndex={0} aria-label="Example request" className="block overflow-x-auto rounded-md bg-surface-muted p-3 font-mono text-sm whitespace-pre">
                {`curl -X POST -H "Authorization: Bearer $PORTAL_TOKEN" -H "Content-Type: application/json" \\\n  -d "[{\\"timestamp\\":\\"$(date -u +%FT%TZ)\\",\\"good\\":998,\\"total\\":1000}]" \\\n  ${env().NEXTAUTH_URL ?? ""}/api/v1/slos/${slo.id}/samples`}
              </code>
            </dd>
              </>
            )}
          </dl>
        </CardContent>
      </Card>
    </>
  );
}
