"use client";
// The incidents table: the page's rows (already in "active first" order), sortable by any column.
import Link from "next/link";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { SortableHeader, TBody, TD, THead, TR, Table, TableCaption, useSortableRows } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { formatDate, formatDateTime } from "@/lib/format";
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/browser";
import { incidentStatuses } from "@/lib/incidents/status";
import { formatDuration } from "@/lib/incidents/times";

export interface IncidentRow {
  id: string;
  reference: string;
  number: number;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  active: boolean;
  commander: string | null;
  services: string;
  declaredAt: string;
  /** Customer impact: impact start (else detection) to mitigation (else resolution), or to now while it goes on. */
  impactMinutes: number | null;
  impactOngoing: boolean;
}

type SortKey = "order" | "number" | "severity" | "status" | "commander" | "declaredAt" | "impactMinutes";

// The server's order (active first) is the default; "order" sorts by the row's position in it.
const accessors: Partial<Record<SortKey, (row: IncidentRow & { order: number }) => unknown>> = {
  status: (row) => incidentStatuses.indexOf(row.status),
};

export function IncidentsTable({ rows }: { rows: IncidentRow[] }) {
  const ordered = rows.map((row, order) => ({ ...row, order }));
  const { rows: sorted, headerProps } = useSortableRows<IncidentRow & { order: number }, SortKey>(ordered, "order", "asc", accessors);
  return (
    <Table data-testid="incidents-table">
      <TableCaption className="sr-only">Incidents, active first</TableCaption>
      <THead>
        <TR>
          <SortableHeader {...headerProps("number")}>Incident</SortableHeader>
          <SortableHeader {...headerProps("severity")}>Severity</SortableHeader>
          <SortableHeader {...headerProps("status")}>Status</SortableHeader>
          <SortableHeader {...headerProps("commander")}>Commander</SortableHeader>
          <SortableHeader {...headerProps("declaredAt")}>Declared</SortableHeader>
          <SortableHeader {...headerProps("impactMinutes")} numeric>
            Impact
          </SortableHeader>
        </TR>
      </THead>
      <TBody>
        {sorted.map((row) => (
          <TR key={row.id} className={cn(row.active && "bg-critical-soft/30")} data-testid={`incident-row-${row.reference}`}>
            <TD className="max-w-md min-w-72">
              <span className="block text-sm font-medium text-fg-muted">{row.reference}</span>
              <Link href={`/incidents/${row.id}`} className="text-lg font-semibold text-fg underline-offset-4 hover:underline">
                {row.title}
              </Link>
              {row.services && <span className="block text-sm text-fg-muted">{row.services}</span>}
            </TD>
            <TD>
              <SeverityBadge severity={row.severity} size="lg" />
            </TD>
            <TD>
              <IncidentStatusBadge status={row.status} size="lg" />
            </TD>
            <TD>{row.commander ?? <span className={row.active ? "font-medium text-warning-fg" : "text-fg-muted"}>{row.active ? "Unassigned" : "—"}</span>}</TD>
            <TD className="whitespace-nowrap">
              <time dateTime={row.declaredAt} title={formatDateTime(row.declaredAt)}>
                {formatDate(row.declaredAt)}
                <span className="block text-sm text-fg-muted">{row.declaredAt.slice(11, 16)} UTC</span>
              </time>
            </TD>
            <TD numeric className="whitespace-nowrap">
              {row.impactMinutes === null ? "—" : row.impactOngoing ? `${formatDuration(row.impactMinutes)} so far` : formatDuration(row.impactMinutes)}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
