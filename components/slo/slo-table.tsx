"use client";
// The SLO list of a team or a service: status, attainment against objective, budget bar, burn rate and
// alerts, worst first. Refreshes itself through React Query; filters (the shared filter bar, `?q=…&status=…`
// in the address), sorts and pages on the client (the server already sent every SLO of the scope, which it
// needs anyway to sort worst first).
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import { Gauge } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, useListFilters } from "@/components/filters/filter-bar";
import { SortableHeader, TBody, TD, TH, THead, TR, Table, TableCaption, useSortableRows } from "@/components/ui/table";
import { BudgetBar } from "@/components/slo/budget-bar";
import { LiveIndicator } from "@/components/slo/live-indicator";
import { SloStatusBadge } from "@/components/slo/slo-status-badge";
import { formatRelative } from "@/lib/format";
import type { SloListJson, SloWithReportJson } from "@/lib/slo/api-schemas";
import { statusSeverity, type SloStatus } from "@/lib/slo/math";
import { formatAttainment, formatBurnRate, sloStatusOrder, sloStatusPresentation } from "@/lib/slo/present";
import { SLO_REFRESH_MS, fetchJson } from "@/lib/slo/query-keys";
import { sliKindShortLabels } from "@/lib/slo/labels";

const PAGE_SIZE = 25;

type SortKey = "status" | "name" | "attainment" | "budget" | "burn" | "lastSample";

const accessors: Record<SortKey, (row: SloWithReportJson) => unknown> = {
  // Worst first, then least budget: the order the dashboards open in.
  status: (row) => statusSeverity[row.report.status] * 1_000 + Math.max(-999, Math.min(999, row.report.budgetRemaining ?? 999)),
  name: (row) => `${row.slo.service.name} ${row.slo.name}`,
  attainment: (row) => row.report.sli,
  budget: (row) => row.report.budgetRemaining,
  burn: (row) => row.report.currentBurnRate,
  lastSample: (row) => (row.report.lastSampleAt ? Date.parse(row.report.lastSampleAt) : null),
};

function AlertsCell({ row }: { row: SloWithReportJson }) {
  if (!row.slo.alerting) return <span className="text-fg-muted">Off</span>;
  const firing = row.report.alerts.filter((alert) => alert.firing);
  if (firing.length === 0) return <span className="text-fg-muted">None</span>;
  const severities = [...new Set(firing.map((alert) => alert.severity))];
  return (
    <span className="flex flex-wrap gap-1.5">
      {severities.map((severity) => (
        <span key={severity} className={severity === "page" ? "font-semibold text-critical-fg" : "font-semibold text-warning-fg"}>
          {severity === "page" ? "Page" : "Ticket"}
        </span>
      ))}
    </span>
  );
}

export interface SloTableProps {
  initial: SloListJson;
  /** The JSON endpoint the table polls. */
  url: string;
  queryKey: readonly unknown[];
  /** Show the service of each SLO (the team list does; a service page does not). */
  showService: boolean;
  /** What to show when the scope has no SLO at all. */
  empty: ReactNode;
  caption: string;
}

export function SloTable({ initial, url, queryKey, showService, empty, caption }: SloTableProps) {
  const query = useQuery({ queryKey, queryFn: () => fetchJson<SloListJson>(url), initialData: initial, refetchInterval: SLO_REFRESH_MS });
  const filters = useListFilters(["q", "status", "page"], { shallow: true });
  const text = filters.values.q;
  const status = filters.values.status as SloStatus | "";
  const page = Math.max(1, Number.parseInt(filters.values.page, 10) || 1);
  const setPage = (next: number) => filters.set({ page: next > 1 ? String(next) : "" });
  const all = query.data.slos;
  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return all.filter(
      (row) =>
        (!status || row.report.status === status) &&
        (!needle || `${row.slo.name} ${row.slo.slug} ${row.slo.service.name} ${row.slo.service.slug}`.toLowerCase().includes(needle)),
    );
  }, [all, text, status]);
  const { rows, headerProps } = useSortableRows<SloWithReportJson, SortKey>(filtered, "status", "asc", accessors);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const visible = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const now = new Date(query.data.asOf);

  if (all.length === 0) return <>{empty}</>;

  return (
    <div className="flex flex-col gap-4">
      <FilterBar
        label="Filter SLOs"
        shallow
        className="mb-0"
        fields={[
          { kind: "search", name: "q", label: "Search", placeholder: showService ? "SLO or service name" : "SLO name" },
          {
            kind: "select",
            name: "status",
            label: "Status",
            anyLabel: `All statuses (${all.length})`,
            options: sloStatusOrder.map((value) => ({ value, label: `${sloStatusPresentation[value].label} (${all.filter((row) => row.report.status === value).length})` })),
          },
        ]}
        end={<LiveIndicator asOf={query.data.asOf} fetching={query.isFetching} error={query.error?.message} />}
      />
      {filtered.length === 0 ? (
        <EmptyState icon={<Gauge />} title="No SLO matches" description="Clear the filter or choose another status." titleAs="p" />
      ) : (
        <Table data-testid="slo-table">
          <TableCaption className="sr-only">{caption}</TableCaption>
          <THead>
            <TR>
              <SortableHeader {...headerProps("status")} className="whitespace-nowrap">
                Status
              </SortableHeader>
              <SortableHeader {...headerProps("name")}>SLO</SortableHeader>
              <SortableHeader {...headerProps("attainment")} numeric className="whitespace-nowrap">
                Attainment
              </SortableHeader>
              <SortableHeader {...headerProps("budget")} className="min-w-48 whitespace-nowrap">
                Budget left
              </SortableHeader>
              <SortableHeader {...headerProps("burn")} numeric className="whitespace-nowrap">
                Burn 1 h
              </SortableHeader>
              <TH className="whitespace-nowrap">Alerts</TH>
              {/* Below 2xl widths the column gives its room to the SLO names; the SLO page shows it. */}
              <SortableHeader {...headerProps("lastSample")} className="hidden whitespace-nowrap 2xl:table-cell">
                Last data
              </SortableHeader>
            </TR>
          </THead>
          <TBody>
            {visible.map((row) => {
              const tone = sloStatusPresentation[row.report.status].tone;
              return (
                <TR key={row.slo.id} data-testid={`slo-row-${row.slo.slug}`}>
                  <TD>
                    <SloStatusBadge status={row.report.status} />
                  </TD>
                  <TD>
                    <Link href={`/slos/${row.slo.id}`} className="link text-lg font-semibold">
                      {row.slo.name}
                    </Link>
                    <span className="block text-sm text-fg-muted">
                      {showService ? `${row.slo.service.name} · ` : ""}
                      {sliKindShortLabels[row.slo.sliKind]} · {row.slo.windowDays} days
                    </span>
                  </TD>
                  <TD numeric>
                    <span className="text-lg font-semibold">{formatAttainment(row.report.sli, row.slo.objective)}</span>
                    <span className="block text-sm whitespace-nowrap text-fg-muted">objective {row.slo.objective} %</span>
                  </TD>
                  <TD>
                    <BudgetBar remaining={row.report.budgetRemaining} tone={tone} label={`Error budget left of ${row.slo.name}`} />
                  </TD>
                  <TD numeric className="text-lg">
                    {formatBurnRate(row.report.currentBurnRate)}
                  </TD>
                  <TD>
                    <AlertsCell row={row} />
                  </TD>
                  <TD className="hidden whitespace-nowrap text-fg-muted 2xl:table-cell">{row.report.lastSampleAt ? formatRelative(row.report.lastSampleAt, now) : "Never"}</TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      {pageCount > 1 && (
        <nav aria-label="SLO pages" className="flex items-center justify-between gap-4">
          <Button variant="secondary" size="sm" disabled={current <= 1} onClick={() => setPage(current - 1)}>
            Previous
          </Button>
          <p className="text-fg-muted">
            Page <span className="font-semibold text-fg">{current}</span> of <span className="font-semibold text-fg">{pageCount}</span> · {rows.length} SLOs
          </p>
          <Button variant="secondary" size="sm" disabled={current >= pageCount} onClick={() => setPage(current + 1)}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
