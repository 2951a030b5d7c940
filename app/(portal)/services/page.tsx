import type { Metadata } from "next";
import Link from "next/link";
import { Boxes, Plus, Search } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
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
          <form method="get" action="/services" className="flex flex-col gap-3 md:flex-row md:items-end" role="search" aria-label="Filter services">
            <label className="flex flex-col gap-1.5 md:w-80">
              <span className="text-sm font-medium text-fg-muted">Search</span>
              <Input type="search" name="q" defaultValue={list.query.q} placeholder="Name, slug or description" />
            </label>
            <label className="flex flex-col gap-1.5">
              <span className="text-sm font-medium text-fg-muted">Tier</span>
              <Select name="tier" defaultValue={list.query.tier ? String(list.query.tier) : ""} containerClassName="md:w-56">
                <option value="">All tiers</option>
                {[1, 2, 3, 4].map((tier) => (
                  <option key={tier} value={tier}>
                    {tierLabels[tier]}
                  </option>
                ))}
              </Select>
            </label>
            <label className="flex flex-col gap-1.5">
              <span className="text-sm font-medium text-fg-muted">Lifecycle</span>
              <Select name="lifecycle" defaultValue={list.query.lifecycle ?? ""} containerClassName="md:w-48">
                <option value="">All</option>
                {serviceLifecycles.map((lifecycle) => (
                  <option key={lifecycle} value={lifecycle}>
                    {lifecycleLabels[lifecycle]}
                  </option>
                ))}
              </Select>
            </label>
            {list.query.sort && <input type="hidden" name="sort" value={list.query.sort} />}
            {list.query.dir && <input type="hidden" name="dir" value={list.query.dir} />}
            <div className="flex gap-2">
              <Button type="submit" variant="secondary">
                <Search aria-hidden="true" /> Apply
              </Button>
              {filtered && (
                <Link href="/services" className={buttonVariants({ variant: "ghost" })}>
                  Clear
                </Link>
              )}
            </div>
          </form>
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
