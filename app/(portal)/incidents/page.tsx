import type { Metadata } from "next";
import Link from "next/link";
import { ChartLine, Plus, Siren } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { listIncidents } from "@/lib/incidents/incidents.server";
import { listFiltersFromQuery } from "@/lib/incidents/schema";
import { impactDuration } from "@/lib/incidents/times";
import { isActiveStatus } from "@/lib/incidents/status";
import { keyTimesOf, personName } from "@/lib/incidents/serialize";
import { NoTeam } from "./_components/no-team";
import { IncidentFilters } from "./_components/incident-filters";
import { IncidentsTable, type IncidentRow } from "./_components/incidents-table";

export const metadata: Metadata = { title: "Incidents" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam title="Incidents" />;
  const query = await searchParams;
  const { page, ...filters } = listFiltersFromQuery({ status: one(query.status), severity: one(query.severity), page: one(query.page) });
  const list = await listIncidents(actor, { team: team.slug, ...filters, page });
  const now = new Date();
  const canDeclare = roleAllows(team.role, "edit");
  const filtered = Boolean(filters.status || filters.severity);
  const hrefForPage = (page: number) => `/incidents?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), ...(filters.severity ? { severity: filters.severity } : {}), page: String(page) })}`;

  const rows: IncidentRow[] = list.incidents.map((incident) => {
    const ongoing = isActiveStatus(incident.status);
    const times = keyTimesOf(incident.times);
    return {
      id: incident.id,
      reference: incident.reference,
      number: incident.number,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      active: ongoing,
      commander: incident.commander ? personName(incident.commander) : null,
      services: incident.services.map((service) => service.name).join(", "),
      declaredAt: incident.declaredAt,
      impactMinutes: impactDuration(times, ongoing ? now : null).minutes,
      impactOngoing: ongoing && !times.mitigatedAt && !times.resolvedAt,
    };
  });

  return (
    <>
      <PageHeader
        title="Incidents"
        description={`${team.name}: active incidents first, most severe first.`}
        actions={
          <>
            <Link href="/incidents/metrics" className={buttonVariants({ variant: "secondary" })}>
              <ChartLine aria-hidden="true" /> Metrics
            </Link>
            {canDeclare && (
              <Link href="/incidents/new" className={buttonVariants({ variant: "danger" })}>
                <Plus aria-hidden="true" /> Declare an incident
              </Link>
            )}
          </>
        }
      />
      {list.activeCount > 0 && !filtered && (
        <p role="status" className="mb-6 flex items-center gap-3 rounded-md border-2 border-critical/50 bg-critical-soft px-5 py-4 text-xl font-semibold text-critical-fg">
          <Siren aria-hidden="true" className="size-7 shrink-0" />
          {list.activeCount === 1 ? "1 incident is active" : `${list.activeCount} incidents are active`}
        </p>
      )}
      <IncidentFilters />
      {rows.length === 0 ? (
        <EmptyState
          icon={<Siren />}
          title={filtered ? "No incidents match these filters" : "No incidents yet"}
          description={
            filtered
              ? "Clear the filters to see every incident."
              : canDeclare
                ? "When something breaks, declare an incident: a title, a severity and the affected services are enough to start. Alertmanager can declare them too."
                : "Incidents your team declares will show here."
          }
          action={
            filtered ? (
              <Link href="/incidents" className={buttonVariants({ variant: "secondary" })}>
                Clear filters
              </Link>
            ) : canDeclare ? (
              <Link href="/incidents/new" className={buttonVariants({ variant: "danger" })}>
                <Plus aria-hidden="true" /> Declare an incident
              </Link>
            ) : undefined
          }
        />
      ) : (
        <>
          <IncidentsTable rows={rows} />
          <p className="mt-3 text-sm text-fg-muted">
            {list.total} incident{list.total === 1 ? "" : "s"}
            {filtered ? " match the filters" : ""}.
          </p>
          <Pagination page={list.page} pageCount={list.pageCount} hrefForPage={hrefForPage} label="Incident pages" />
        </>
      )}
    </>
  );
}
