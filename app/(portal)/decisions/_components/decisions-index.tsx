"use client";
// The team's architecture decisions: filters by status and role (kept in the address), a sortable table
// with ADR-007-style numbers, and "Record decision" for members.
import { ScrollText } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { formatDate } from "@/lib/format";
import { decisionStatusLabels, decisionStatuses, type DecisionList, type DecisionSummary } from "@/lib/reviews/schema";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { SortableHeader, TBody, TD, THead, TR, Table, TableCaption, useSortableRows } from "@/components/ui/table";
import { DecisionStatusBadge } from "@/components/reviews/decision-status-badge";
import { RecordDecisionDialog } from "@/components/reviews/record-decision-dialog";

const accessors = {
  request: (row: DecisionSummary) => row.request?.title ?? "",
  date: (row: DecisionSummary) => row.decidedAt ?? row.createdAt,
};

export function DecisionsIndex({
  team,
  list,
  filters,
  roles,
  canEdit,
  canDecide,
}: {
  team: { slug: string; name: string };
  list: DecisionList;
  filters: { status: string; role: string };
  roles: { key: string; title: string }[];
  canEdit: boolean;
  canDecide: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const { rows, headerProps } = useSortableRows<DecisionSummary, "number" | "title" | "status" | "request" | "date">(list.decisions, "number", "desc", accessors);
  const total = Object.values(list.counts).reduce((sum, count) => sum + count, 0);

  function filter(key: "status" | "role", value: string) {
    const next = new URLSearchParams({ ...filters, [key]: value });
    for (const [name, current] of [...next.entries()]) if (!current) next.delete(name);
    router.replace(next.size ? `${pathname}?${next}` : pathname);
  }

  return (
    <>
      <PageHeader
        title="Decisions"
        description={`The architecture decision records of ${team.name}: what was decided on which request, and why. Each one exports as MADR Markdown.`}
        actions={canEdit && <RecordDecisionDialog teamSlug={team.slug} canDecide={canDecide} onRecorded={(decision) => router.push(`/decisions/${decision.id}`)} />}
      />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Status
          <Select value={filters.status} onChange={(event) => filter("status", event.target.value)} containerClassName="w-56" aria-label="Filter by status">
            <option value="">Every status ({total})</option>
            {decisionStatuses.map((status) => (
              <option key={status} value={status}>
                {decisionStatusLabels[status]} ({list.counts[status]})
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Role of the request
          <Select value={filters.role} onChange={(event) => filter("role", event.target.value)} containerClassName="w-64" aria-label="Filter by role">
            <option value="">Every role</option>
            {roles.map((role) => (
              <option key={role.key} value={role.key}>
                {role.title}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {rows.length === 0 ? (
        <EmptyState
          icon={<ScrollText aria-hidden="true" />}
          title={total === 0 && !filters.role ? "No decisions yet" : "No decision matches these filters"}
          description={
            total === 0 && !filters.role
              ? canEdit
                ? "Record the first one here, or from a request's page while reviewing it."
                : "Decisions recorded during reviews will show here."
              : "Choose another status or role."
          }
        />
      ) : (
        <Table data-testid="decisions-table">
          <TableCaption className="sr-only">Architecture decisions of {team.name}</TableCaption>
          <THead>
            <TR>
              <SortableHeader {...headerProps("number")}>Number</SortableHeader>
              <SortableHeader {...headerProps("title")}>Title</SortableHeader>
              <SortableHeader {...headerProps("status")}>Status</SortableHeader>
              <SortableHeader {...headerProps("request")}>Request</SortableHeader>
              <SortableHeader {...headerProps("date")}>Date</SortableHeader>
            </TR>
          </THead>
          <TBody>
            {rows.map((decision) => (
              <TR key={decision.id}>
                <TD className="font-mono font-semibold whitespace-nowrap">
                  <Link href={`/decisions/${decision.id}`} className="text-link underline-offset-4 hover:underline">
                    {decision.reference}
                  </Link>
                </TD>
                <TD className="font-medium">
                  <Link href={`/decisions/${decision.id}`} className="text-fg">
                    {decision.title}
                  </Link>
                  {decision.supersededBy && <span className="block text-sm text-fg-muted">Superseded by {decision.supersededBy.reference}</span>}
                </TD>
                <TD>
                  <DecisionStatusBadge status={decision.status} />
                </TD>
                <TD>
                  {decision.request ? (
                    <>
                      <Link href={`/requests/${decision.request.id}`} className="text-link underline-offset-4 hover:underline">
                        {decision.request.title || "Untitled request"}
                      </Link>
                      <span className="block text-sm text-fg-muted">
                        {decision.request.role.title}
                        {decision.revision ? ` · revision ${decision.revision}` : ""}
                      </span>
                    </>
                  ) : (
                    <span className="text-fg-muted">—</span>
                  )}
                </TD>
                <TD className="whitespace-nowrap">{formatDate(decision.decidedAt ?? decision.createdAt)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
