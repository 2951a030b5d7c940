import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { listVisibleServices } from "@/lib/services/services.server";
import { listDataSources } from "@/lib/slo/data-sources.server";
import { NoTeam } from "../../settings/_components/no-team";
import { SloForm } from "../_components/slo-form";

export const metadata: Metadata = { title: "New SLO" };

export default async function NewSloPage({ searchParams }: { searchParams: Promise<{ service?: string }> }) {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const { service: preselected } = await searchParams;
  const [services, { dataSources }] = await Promise.all([listVisibleServices(actor, { teamSlug: team.slug }), listDataSources(actor, team.slug)]);
  const chosen = services.find((service) => service.id === preselected);
  return (
    <>
      <PageHeader
        title="New SLO"
        eyebrow={
          chosen ? (
            <Link href={`/services/${chosen.id}`} className="link">
              {chosen.name}
            </Link>
          ) : (
            <Link href="/slos" className="link">
              SLOs
            </Link>
          )
        }
        description="An objective for one service: what counts as good, how much of it, over which rolling window."
      />
      {!roleAllows(team.role, "edit") ? (
        <EmptyState title="Viewers cannot add SLOs" description={`Ask a member of ${team.name} to add it, or to give you the member role.`} />
      ) : services.length === 0 ? (
        <EmptyState
          title="Add a service first"
          description="Every SLO belongs to a service of your team."
          action={
            <Link href="/services/new" className={buttonVariants()}>
              <Plus aria-hidden="true" /> New service
            </Link>
          }
        />
      ) : (
        <SloForm
          services={services.map((service) => ({ id: service.id, name: service.name }))}
          dataSources={dataSources.map((source) => ({ id: source.id, name: source.name }))}
          cancelHref={chosen ? `/services/${chosen.id}` : "/slos"}
          initial={{
            serviceId: chosen?.id ?? (services.length === 1 ? services[0].id : ""),
            name: "",
            slug: "",
            description: "",
            sliKind: "RATIO",
            goodQuery: "",
            totalQuery: "",
            latencyMetric: "",
            latencyThresholdMs: "",
            objective: "99.9",
            windowDays: "30",
            alerting: true,
            dataSourceId: "",
            alertMinEvents: "0",
          }}
        />
      )}
    </>
  );
}
