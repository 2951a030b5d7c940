import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getIncidentPage } from "@/lib/incidents/incidents.server";
import { getRequestLink } from "@/lib/requests/linked-request.server";
import { getIncidentSloImpact } from "@/lib/incidents/slo-impact.server";
import { IncidentView } from "./_components/incident-view";
import { listIncidentChanges } from "@/lib/deployments/incident-changes.server";
import { CHANGES_LOOKBACK_HOURS } from "@/lib/deployments/incident-changes";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const now = new Date();
  // Each read checks access itself, so they need not wait for one another; only the source request's link
  // needs the incident first.
  const [page, sloImpact, changes] = await Promise.all([getIncidentPage(actor, id), getIncidentSloImpact(actor, id, now), listIncidentChanges(actor, id)]).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const sourceRequest = page.incident.source ? await getRequestLink(actor, page.incident.source.requestId) : null;
  return (
    <IncidentView
      incident={page.incident}
      timeline={page.timeline}
      responders={page.responders}
      services={page.services}
      canEdit={page.canEdit}
      currentUserId={actor.userId}
      renderedAt={now.toISOString()}
      sloImpact={sloImpact}
      sourceRequest={sourceRequest}
      changes={{ changes: changes.changes, hours: CHANGES_LOOKBACK_HOURS, canEdit: changes.canEdit }}
    />
  );
}
