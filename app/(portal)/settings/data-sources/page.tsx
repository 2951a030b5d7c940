import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { listDataSources } from "@/lib/slo/data-sources.server";
import { NoTeam } from "../_components/no-team";
import { AddDataSource } from "./_components/add-data-source";
import { DataSourcesList } from "./_components/data-sources-list";

export const metadata: Metadata = { title: "Data sources" };

export default async function DataSourcesPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const { dataSources, canManage } = await listDataSources(actor, team.slug);
  return (
    <>
      <PageHeader
        title="Data sources"
        description={`Prometheus-compatible APIs (Prometheus, Thanos, Mimir, VictoriaMetrics) ${team.name}'s SLOs can read their SLI from, instead of pushing samples.`}
      />
      <div className="flex flex-col gap-6">
        {canManage && (
          <Card>
            <CardHeader>
              <CardTitle>Add a data source</CardTitle>
              <CardDescription>The portal queries it every minute with increase(…[1m]) at a 60-second step. A token or password is stored encrypted and never shown again.</CardDescription>
            </CardHeader>
            <CardContent>
              <AddDataSource team={team.slug} />
            </CardContent>
          </Card>
        )}
        <section aria-labelledby="data-sources-heading" className="flex flex-col gap-3">
          <h2 id="data-sources-heading" className="text-xl font-semibold">
            Data sources
          </h2>
          <DataSourcesList dataSources={dataSources} canManage={canManage} />
        </section>
      </div>
    </>
  );
}
