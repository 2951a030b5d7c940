import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { getSlo } from "@/lib/slo/slos.server";
import { listDataSources } from "@/lib/slo/data-sources.server";
import { orNotFound } from "../../../_lib/or-not-found";
import { SloForm } from "../../_components/slo-form";

export const metadata: Metadata = { title: "Edit SLO" };

export default async function EditSloPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const slo = await orNotFound(getSlo(actor, id));
  const { dataSources } = await listDataSources(actor, slo.team.slug);
  return (
    <>
      <PageHeader
        title={`Edit ${slo.name}`}
        eyebrow={
          <span>
            <Link href={`/services/${slo.service.id}`} className="link">
              {slo.service.name}
            </Link>{" "}
            ·{" "}
            <Link href={`/slos/${slo.id}`} className="link">
              {slo.name}
            </Link>
          </span>
        }
        description="Changing the objective or window changes the reports at once; the stored samples stay."
      />
      {roleAllows(slo.role, "edit") ? (
        <SloForm
          services={[{ id: slo.service.id, name: slo.service.name }]}
          dataSources={dataSources.map((source) => ({ id: source.id, name: source.name }))}
          cancelHref={`/slos/${slo.id}`}
          initial={{
            id: slo.id,
            updatedAt: slo.updatedAt.toISOString(),
            serviceId: slo.service.id,
            name: slo.name,
            slug: slo.slug,
            description: slo.description,
            sliKind: slo.sliKind,
            goodQuery: slo.goodQuery ?? "",
            totalQuery: slo.totalQuery ?? "",
            latencyMetric: slo.latencyMetric ?? "",
            latencyThresholdMs: slo.latencyThresholdMs === null ? "" : String(slo.latencyThresholdMs),
            objective: String(slo.objective),
            windowDays: String(slo.windowDays),
            alerting: slo.alerting,
            dataSourceId: slo.dataSourceId ?? "",
            alertMinEvents: String(slo.alertMinEvents),
          }}
        />
      ) : (
        <EmptyState title="Viewers cannot change SLOs" description={`Ask a member of ${slo.team.name} to make the change.`} />
      )}
    </>
  );
}
