"use client";
// The request queue: filters (team, role, author, title search), status chips with counts, a sortable
// table and pagination. Filters live in the address (shareable), data comes through React Query and
// refreshes by itself, so a queue on the meeting-room screen stays current.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, FilterX, Plus, Search } from "lucide-react";
import Link from "next/link";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
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

function withChange(query: Query, change: Query): Query {
  const next: Query = { ...query, ...change };
  for (const [key, value] of Object.entries(next)) if (!value) delete next[key];
  // Any change but the page itself starts again at page 1.
  if (!("page" in change)) delete next.page;
  return next;
}

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
  const [query, setQuery] = useState<Query>(initialQuery);
  const [search, setSearch] = useState(initialQuery.q ?? "");
  const [initialKey] = useState(() => JSON.stringify(initialQuery));

  const { data, isFetching, isError, error, refetch } = useQuery({
    queryKey: requestKeys.list(query),
    queryFn: ({ signal }) => requestsApi.list(query, signal),
    initialData: JSON.stringify(query) === initialKey ? initialData : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  function update(change: Query) {
    const next = withChange(query, change);
    setQuery(next);
    const search = new URLSearchParams(next).toString();
    window.history.replaceState(null, "", search ? `/requests?${search}` : "/requests");
  }

  // Search as you type, a moment after the last key.
  useEffect(() => {
    if ((query.q ?? "") === search.trim()) return;
    const timer = setTimeout(() => update({ q: search.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `update` reads the latest query; re-running on it would loop
  }, [search]);

  const sortKey = (query.sort ?? "updated") as RequestSortKey;
  const direction = (query.order as "asc" | "desc" | undefined) ?? firstOrder[sortKey];
  const header = (key: RequestSortKey) => ({
    sorted: sortKey === key ? direction : (false as const),
    onSort: () => update({ sort: key, order: sortKey === key ? (direction === "asc" ? "desc" : "asc") : firstOrder[key] }),
  });

  const list = data ?? initialData;
  const total = Object.values(list.counts).reduce((sum, count) => sum + count, 0);
  const filtered = Object.keys(query).some((key) => ["team", "role", "author", "q", "status"].includes(key));
  const otherAuthors = useMemo(() => authors.filter((author) => author.id !== currentUserId), [authors, currentUserId]);

  return (
    <div className="flex flex-col gap-5">
      <section aria-label="Filters" className="flex flex-col gap-4 rounded-md border border-border bg-surface p-4">
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-[minmax(16rem,2fr)_1fr_1fr_1fr]">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="filter-q">Search titles</Label>
            <div className="relative">
              <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-fg-muted" />
              <Input id="filter-q" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="e.g. checkout" className="pl-10" />
            </div>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="filter-team">Team</Label>
            <Select id="filter-team" value={query.team ?? ""} onChange={(event) => update({ team: event.target.value })}>
              <option value="">All my teams</option>
              {teams.map((team) => (
                <option key={team.slug} value={team.slug}>
                  {team.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="filter-role">Role</Label>
            <Select id="filter-role" value={query.role ?? ""} onChange={(event) => update({ role: event.target.value })}>
              <option value="">All roles</option>
              {roles.map((role) => (
                <option key={role.key} value={role.key}>
                  {role.title}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="filter-author">Author</Label>
            <Select id="filter-author" value={query.author ?? ""} onChange={(event) => update({ author: event.target.value })}>
              <option value="">Anyone</option>
              {currentUserId && <option value="me">Me</option>}
              {otherAuthors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name ?? author.email}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <div role="group" aria-label="Status" className="flex flex-wrap items-center gap-2">
          <StatusChip active={!query.status} tone="neutral" label="All" count={total} onClick={() => update({ status: "" })} />
          {requestStatuses.map((status) => (
            <StatusChip
              key={status}
              active={query.status === status}
              tone={statusTones[status]}
              label={statusLabels[status]}
              count={list.counts[status as RequestStatus] ?? 0}
              onClick={() => update({ status: query.status === status ? "" : status })}
            />
          ))}
          {filtered && (
            <Button variant="ghost" size="sm" onClick={() => { setSearch(""); update({ team: "", role: "", author: "", q: "", status: "" }); }}>
              <FilterX aria-hidden="true" /> Clear filters
            </Button>
          )}
        </div>
      </section>

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
              <Button variant="secondary" onClick={() => { setSearch(""); update({ team: "", role: "", author: "", q: "", status: "" }); }}>
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
                      {request.title || <span className="italic">Untitled draft</span>}
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
