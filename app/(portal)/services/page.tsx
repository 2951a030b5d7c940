import type { Metadata } from "next";
import Link from "next/link";
import { Boxes, Plus, Search } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterBar } from "@/components/filters/filter-bar";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { lifecycleLabels, serviceLifecycles, tierLabels } from "@/lib/services/schema";
import { listServices } from "@/lib/services/services.server";
import { statusSeverity, type SloStatus } from "@/lib/slo/math";
import { listTeamSloReports } from "@/lib/slo/reports.server";
import { NoTeam } from "../settings/_components/no-team";
import { ServicesTable, type ServiceRow } from "./_components/services-table";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const [list, reports] = await Promise.all([listServices(actor, team.slug, params), listTeamSloReports(actor, team.slug)]);
  const byService = new Map<string, { count: number; worst: SloStatus | null }>();
  for (const { definition, report } of reports.slos) {
    const entry = byService.get(definition.serviceId) ?? { count: 0, worst: null };
    entry.count++;
    if (!entry.worst || statusSeverity[report.status] < statusSeverity[entry.worst]) entry.worst = report.status;
    byService.set(definition.serviceId, entry);
  }
  const rows: ServiceRow[] = list.services.map((service) => ({
    id: service.id,
    name: service.name,
    slug: service.slug,
    tier: service.tier,
    lifecycle: service.lifecycle,
    description: service.description,
    repoUrl: service.repoUrl,
    runbookUrl: service.runbookUrl,
    dashboardUrl: service.dashboardUrl,
    updatedAt: service.updatedAt.toISOString(),
    sloCount: byService.get(service.id)?.count ?? 0,
    worstStatus: byService.get(service.id)?.worst ?? null,
  }));
  const canEdit = roleAllows(team.role, "edit");
  const filtered = Boolean(list.query.q || list.query.tier || list.query.lifecycle);
  const hrefForPage = (page: number) => {
    const next = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    next.set("page", String(page));
    return `/services?${next.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Services"
        description={`What ${team.name} runs: its tier, lifecycle, links and how its SLOs are doing.`}
        actions={
          canEdit && (
            <Link href="/services/new" className={buttonVariants()}>
              <Plus aria-hidden="true" /> New service
            </Link>
          )
        }
      />
      {list.total === 0 && !filtered ? (
        <EmptyState
          icon={<Boxes />}
          title="No services yet"
          description={canEdit ? "Add the services your team runs; then give them SLOs and push SLI data to the API." : "A member of the team can add the services it runs."}
          action={
            canEdit && (
              <Link href="/services/new" className={buttonVariants()}>
                <Plus aria-hidden="true" /> New service
              </Link>
            )
          }
        />
      ) : (
        <div className="flex flex-col gap-4">
          <FilterBar
            label="Filter services"
            className="mb-0"
            fields={[
              { kind: "search", name: "q", label: "Search", placeholder: "Name, slug or description" },
              { kind: "select", name: "tier", label: "Tier", anyLabel: "All tiers", options: [1, 2, 3, 4].map((tier) => ({ value: String(tier), label: tierLabels[tier] })) },
              { kind: "select", name: "lifecycle", label: "Lifecycle", anyLabel: "All", options: serviceLifecycles.map((lifecycle) => ({ value: lifecycle, label: lifecycleLabels[lifecycle] })) },
            ]}
          />
          {list.total === 0 ? (
            <EmptyState icon={<Search />} title="No service matches" description="Try another search, or clear the filters." titleAs="p" />
          ) : (
            <>
              <p className="text-fg-muted">
                {list.total} {list.total === 1 ? "service" : "services"}
                {filtered ? " match" : ""}
              </p>
              <ServicesTable rows={rows} sort={list.query.sort} dir={list.query.dir} />
              <Pagination page={list.page} pageCount={list.pageCount} hrefForPage={hrefForPage} label="Service pages" />
            </>
          )}
        </div>
      )}
    </>
  );
}
