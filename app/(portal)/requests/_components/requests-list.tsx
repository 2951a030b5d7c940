"use client";
// The request queue: the shared filter bar (title search, team, role, author) with status chips and their
// counts, a sortable table and pagination. Filters, sort and page live in the address (shareable); data
// comes through React Query and refreshes by itself, so a queue on the meeting-room screen stays current.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, FilterX, Plus } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { RequestStatus } from "@/lib/generated/prisma/browser";
import { formatDateTime, formatRelative } from "@/lib/format";
import { requestsApi } from "@/lib/requests/api-client";
import { requestStatuses, statusLabels, statusTones } from "@/lib/requests/lifecycle";
import { requestKeys } from "@/lib/requests/query-keys";
import type { Person, RequestList, RequestSortKey } from "@/lib/requests/schema";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, useListFilters } from "@/components/filters/filter-bar";
import { SortableHeader, Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { RequestStatusBadge } from "@/components/requests/status-badge";

type Query = Record<string, string>;

const chipTone: Record<string, string> = {
  neutral: "data-[active=true]:border-fg data-[active=true]:bg-fg data-[active=true]:text-canvas",
  info: "data-[active=true]:border-info data-[active=true]:bg-info-soft data-[active=true]:text-info-fg",
  healthy: "data-[active=true]:border-healthy data-[active=true]:bg-healthy-soft data-[active=true]:text-healthy-fg",
  warning: "data-[active=true]:border-warning data-[active=true]:bg-warning-soft data-[active=true]:text-warning-fg",
  nodata: "data-[active=true]:border-nodata data-[active=true]:bg-nodata-soft data-[active=true]:text-nodata-fg",
  critical: "data-[active=true]:border-critical data-[active=true]:bg-critical-soft data-[active=true]:text-critical-fg",
};

/** Sorting that reads naturally the first time a column is clicked: newest first for dates, A–Z for names. */
const firstOrder: Record<RequestSortKey, "asc" | "desc"> = { updated: "desc", created: "desc", title: "asc", role: "asc", status: "asc" };

const filterNames = ["q", "team", "role", "author", "status"] as const;
const queryNames = [...filterNames, "sort", "order", "page"] as const;

export function RequestsList({
  initialQuery,
  initialData,
  teams,
  roles,
  authors,
  currentUserId,
  canCreate,
}: {
  initialQuery: Query;
  initialData: RequestList;
  teams: { slug: string; name: string }[];
  roles: { key: string; title: string }[];
  authors: Person[];
  currentUserId: string | null;
  canCreate: boolean;
}) {
  const searchParams = useSearchParams();
  const query = useMemo(() => {
    const next: Query = {};
    for (const name of queryNames) {
      const value = searchParams.get(name);
      if (value) next[name] = value;
    }
    return next;
  }, [searchParams]);
  const [initialKey] = useState(() => JSON.stringify(initialQuery));
  const { set: update } = useListFilters([...queryNames], { shallow: true });

  // The server dropped a hand-edited filter it could not read: drop it from the address too.
  useEffect(() => {
    if (Object.keys(initialQuery).length === 0 && Object.keys(query).length > 0) window.history.replaceState(null, "", "/requests");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the address the page was rendered for
  }, []);

  const { data, isFetching, isError, error, refetch } = useQuery({
    queryKey: requestKeys.list(query),
    queryFn: ({ signal }) => requestsApi.list(query, signal),
    initialData: JSON.stringify(query) === initialKey ? initialData : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  const sortKey = (query.sort ?? "updated") as RequestSortKey;
  const direction = (query.order as "asc" | "desc" | undefined) ?? firstOrder[sortKey];
  const header = (key: RequestSortKey) => ({
    sorted: sortKey === key ? direction : (false as const),
    onSort: () => update({ sort: key, order: sortKey === key ? (direction === "asc" ? "desc" : "asc") : firstOrder[key] }),
  });

  const list = data ?? initialData;
  const total = Object.values(list.counts).reduce((sum, count) => sum + count, 0);
  const filtered = Object.keys(query).some((key) => (filterNames as readonly string[]).includes(key));
  const otherAuthors = useMemo(() => authors.filter((author) => author.id !== currentUserId), [authors, currentUserId]);

  return (
    <div className="flex flex-col gap-5">
      <FilterBar
        label="Filter requests"
        shallow
        className="mb-0"
        extraNames={["status"]}
        fields={[
          { kind: "search", name: "q", label: "Search titles", placeholder: "e.g. checkout" },
          { kind: "select", name: "team", label: "Team", anyLabel: "All my teams", options: teams.map((team) => ({ value: team.slug, label: team.name })) },
          { kind: "select", name: "role", label: "Role", anyLabel: "All roles", options: roles.map((role) => ({ value: role.key, label: role.title })) },
          {
            kind: "select",
            name: "author",
            label: "Author",
            anyLabel: "Anyone",
            options: [...(currentUserId ? [{ value: "me", label: "Me" }] : []), ...otherAuthors.map((author) => ({ value: author.id, label: author.name ?? author.email }))],
          },
        ]}
      >
        {(filters) => (
          <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-2">
            <StatusChip active={!filters.values.status} tone="neutral" label="All" count={total} onClick={() => filters.set({ status: "" })} />
            {requestStatuses.map((status) => (
              <StatusChip
                key={status}
                active={filters.values.status === status}
                tone={statusTones[status]}
                label={statusLabels[status]}
                count={list.counts[status as RequestStatus] ?? 0}
                onClick={() => filters.set({ status: filters.values.status === status ? "" : status })}
              />
            ))}
          </div>
        )}
      </FilterBar>

      {isError && (
        <p role="alert" className="flex items-center gap-3 rounded-md bg-critical-soft p-3 text-critical-fg">
          Could not refresh the list: {(error as Error).message}
          <Button variant="secondary" size="sm" onClick={() => void refetch()}>
            Try again
          </Button>
        </p>
      )}

      {list.requests.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<FilterX />}
            title="No requests match these filters"
            description="Try another status or role, or clear the filters to see every request of your teams."
            action={
              <Button variant="secondary" onClick={() => update(Object.fromEntries(filterNames.map((name) => [name, ""])))}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No requests yet"
            description={
              canCreate
                ? "Pick a specialist role (a network engineer, an SRE, a Kubernetes specialist…), answer its questions, and submit the request for review."
                : "Your teams have not asked for anything yet. Members of a team can start a request; ask one of them, or an owner to make you a member."
            }
            action={
              canCreate && (
                <Link href="/requests/new" className={buttonVariants()}>
                  <Plus aria-hidden="true" /> Start a request
                </Link>
              )
            }
          />
        )
      ) : (
        <div aria-busy={isFetching || undefined} className={cn("transition-opacity", isFetching && "opacity-70")}>
          <Table>
            <TableCaption className="sr-only">Requests, sorted by {sortKey}</TableCaption>
            <THead>
              <TR>
                <SortableHeader {...header("title")}>Request</SortableHeader>
                <SortableHeader {...header("role")}>Role</SortableHeader>
                <SortableHeader {...header("status")}>Status</SortableHeader>
                <TH>Team</TH>
                <TH>Author</TH>
                <SortableHeader {...header("updated")}>Updated</SortableHeader>
              </TR>
            </THead>
            <TBody>
              {list.requests.map((request) => (
                <TR key={request.id}>
                  <TD className="max-w-md">
                    <Link href={`/requests/${request.id}`} className="font-semibold text-link underline-offset-2 hover:underline">
                      {request.title || request.draftTitle || <span className="italic">Untitled draft</span>}
                    </Link>
                    {request.currentRevision > 1 && <span className="ml-2 text-sm text-fg-muted">rev. {request.currentRevision}</span>}
                  </TD>
                  <TD className="whitespace-nowrap">{request.role.title}</TD>
                  <TD>
                    <RequestStatusBadge status={request.status} />
                  </TD>
                  <TD className="whitespace-nowrap">{request.team.name}</TD>
                  <TD className="whitespace-nowrap">{request.author ? (request.author.name ?? request.author.email) : <span className="text-fg-muted">Former member</span>}</TD>
                  <TD className="whitespace-nowrap text-fg-muted">
                    <time dateTime={request.updatedAt} title={formatDateTime(request.updatedAt)}>
                      {formatRelative(request.updatedAt)}
                    </time>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4">
            <Button variant="secondary" size="sm" disabled={list.page <= 1} onClick={() => update({ page: String(list.page - 1) })}>
              <ChevronLeft aria-hidden="true" /> Previous
            </Button>
            <p className="text-base text-fg-muted">
              Page <span className="font-semibold text-fg">{list.page}</span> of <span className="font-semibold text-fg">{list.pageCount}</span> ·{" "}
              {list.total} {list.total === 1 ? "request" : "requests"}
            </p>
            <Button variant="secondary" size="sm" disabled={list.page >= list.pageCount} onClick={() => update({ page: String(list.page + 1) })}>
              Next <ChevronRight aria-hidden="true" />
            </Button>
          </nav>
        </div>
      )}
    </div>
  );
}

function StatusChip({ active, tone, label, count, onClick }: { active: boolean; tone: string; label: string; count: number; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      data-active={active}
      onClick={onClick}
      className={cn(
        "inline-flex min-h-9 cursor-pointer items-center gap-2 rounded-full border border-border-strong bg-surface px-3 py-1 text-base font-medium text-fg hover:bg-surface-muted",
        chipTone[tone],
      )}
    >
      {label}
      <span className="rounded-full bg-surface-muted px-2 text-sm tabular-nums text-fg">
        {count}
      </span>
    </button>
  );
}
