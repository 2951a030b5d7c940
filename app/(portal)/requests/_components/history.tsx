"use client";
// The History tab: every revision (pick any two and see what changed, field by field, with labels) and
// every move through review with who, when and why.
import { useQueries, useQuery } from "@tanstack/react-query";
import { ArrowRight, GitCompare } from "lucide-react";
import { useState } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { formatDateTime, formatRelative } from "@/lib/format";
import { requestsApi } from "@/lib/requests/api-client";
import { diffInputs, type DiffEntry } from "@/lib/requests/diff";
import { requestKeys } from "@/lib/requests/query-keys";
import type { RequestDetail, RevisionSummary } from "@/lib/requests/schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { RequestStatusBadge } from "@/components/requests/status-badge";

const personName = (person: { name: string | null; email: string } | null) => (person ? (person.name ?? person.email) : "A former member");

const changeTone = { added: "healthy", removed: "critical", changed: "info" } as const;
const changeWord = { added: "Added", removed: "Removed", changed: "Changed" } as const;

export function HistoryTab({ request, initialRevisions, role }: { request: RequestDetail; initialRevisions: RevisionSummary[]; role?: AnyRoleDefinition }) {
  const { data: revisions = initialRevisions } = useQuery({
    queryKey: requestKeys.revisions(request.id),
    queryFn: () => requestsApi.revisions(request.id),
    initialData: initialRevisions,
  });
  // Revisions arrive newest first; the default comparison is the previous one against the latest.
  const latest = revisions[0]?.number ?? 0;
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const fromNumber = from ?? Math.max(1, latest - 1);
  const toNumber = to ?? latest;

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Revisions</CardTitle>
          <CardDescription>Every save of the requirements after submission is kept as a numbered revision that never changes.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {revisions.length === 0 ? (
            <EmptyState title="No revisions yet" description="The first revision is saved when the draft is submitted." titleAs="h3" />
          ) : (
            <>
              <Table>
                <TableCaption className="sr-only">Revisions, newest first</TableCaption>
                <THead>
                  <TR>
                    <TH numeric>Revision</TH>
                    <TH>Title</TH>
                    <TH>Saved by</TH>
                    <TH>When</TH>
                  </TR>
                </THead>
                <TBody>
                  {revisions.map((revision) => (
                    <TR key={revision.number}>
                      <TD numeric className="font-semibold">
                        {revision.number}
                        {revision.number === latest && <span className="sr-only"> (current)</span>}
                      </TD>
                      <TD>
                        {revision.title}
                        {revision.number === latest && (
                          <Badge tone="info" className="ml-2">
                            Current
                          </Badge>
                        )}
                      </TD>
                      <TD>{personName(revision.author)}</TD>
                      <TD className="whitespace-nowrap text-fg-muted">
                        <time dateTime={revision.createdAt} title={formatDateTime(revision.createdAt)}>
                          {formatRelative(revision.createdAt)}
                        </time>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              {revisions.length > 1 && role && (
                <section aria-labelledby="compare-title" className="flex flex-col gap-4">
                  <h3 id="compare-title" className="flex items-center gap-2 text-lg font-semibold">
                    <GitCompare aria-hidden="true" className="size-5" /> Compare two revisions
                  </h3>
                  <div className="flex flex-wrap items-end gap-3">
                    <div className="flex flex-col gap-1.5">
                      <Label htmlFor="compare-from">From revision</Label>
                      <Select id="compare-from" containerClassName="w-44" value={String(fromNumber)} onChange={(event) => setFrom(Number(event.target.value))}>
                        {revisions.map((revision) => (
                          <option key={revision.number} value={revision.number}>
                            Revision {revision.number}
                          </option>
                        ))}
                      </Select>
                    </div>
                    <ArrowRight aria-hidden="true" className="mb-2.5 size-5 text-fg-muted" />
                    <div className="flex flex-col gap-1.5">
                      <Label htmlFor="compare-to">To revision</Label>
                      <Select id="compare-to" containerClassName="w-44" value={String(toNumber)} onChange={(event) => setTo(Number(event.target.value))}>
                        {revisions.map((revision) => (
                          <option key={revision.number} value={revision.number}>
                            Revision {revision.number}
                          </option>
                        ))}
                      </Select>
                    </div>
                  </div>
                  <RevisionDiff requestId={request.id} role={role} from={fromNumber} to={toNumber} />
                </section>
              )}
            </>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">Review history</CardTitle>
          <CardDescription>Every move through the review, with who made it, when, and why.</CardDescription>
        </CardHeader>
        <CardContent>
          {request.transitions.length === 0 ? (
            <p className="text-base text-fg-muted">Nothing yet: the request has not been submitted.</p>
          ) : (
            <ol className="flex flex-col gap-4" aria-label="Moves through review">
              {[...request.transitions].reverse().map((move) => (
                <li key={move.id} className="flex flex-col gap-1 border-l-4 border-border pl-4">
                  <p className="flex flex-wrap items-center gap-2 text-base">
                    <RequestStatusBadge status={move.from} />
                    <ArrowRight aria-label="to" className="size-4 text-fg-muted" />
                    <RequestStatusBadge status={move.to} />
                    <span>
                      by <span className="font-semibold">{personName(move.actor)}</span>
                    </span>
                    <time className="text-fg-muted" dateTime={move.at}>
                      {formatDateTime(move.at)}
                    </time>
                    <span className="text-sm text-fg-muted">(revision {move.revision})</span>
                  </p>
                  {move.comment && <p className="whitespace-pre-wrap text-base">{move.comment}</p>}
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function RevisionDiff({ requestId, role, from, to }: { requestId: string; role: AnyRoleDefinition; from: number; to: number }) {
  const [before, after] = useQueries({
    queries: [from, to].map((number) => ({
      queryKey: requestKeys.revision(requestId, number),
      queryFn: () => requestsApi.revision(requestId, number),
      // A revision never changes: fetch it once.
      staleTime: Infinity,
    })),
  });
  if (before.isError || after.isError) {
    return (
      <p role="alert" className="text-critical-fg">
        Could not load the revisions: {(before.error ?? after.error)?.message}
      </p>
    );
  }
  if (!before.data || !after.data) {
    return (
      <div aria-busy="true" className="flex flex-col gap-2">
        <span className="sr-only">Loading the revisions…</span>
        <Skeleton className="h-8" />
        <Skeleton className="h-8" />
      </div>
    );
  }
  if (from === to) return <p className="text-base text-fg-muted">Pick two different revisions to see what changed.</p>;
  const entries = diffInputs(role, before.data.input, after.data.input);
  const titleChanged = before.data.title !== after.data.title;
  if (entries.length === 0 && !titleChanged) return <p className="text-base text-fg-muted">Revisions {from} and {to} have the same answers.</p>;
  const rows: DiffEntry[] = titleChanged
    ? [{ key: "__title", label: "Title", step: "", change: "changed", before: before.data.title, after: after.data.title }, ...entries]
    : entries;
  return (
    <Table data-testid="revision-diff">
      <TableCaption>
        {rows.length} {rows.length === 1 ? "change" : "changes"} from revision {from} to revision {to}
      </TableCaption>
      <THead>
        <TR>
          <TH>Field</TH>
          <TH>Change</TH>
          <TH>Revision {from}</TH>
          <TH>Revision {to}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((entry) => (
          <TR key={entry.key}>
            <TD>
              <span className="font-medium">{entry.label}</span>
              {entry.step && <span className="block text-sm text-fg-muted">{entry.step}</span>}
            </TD>
            <TD>
              <Badge tone={changeTone[entry.change]}>{changeWord[entry.change]}</Badge>
            </TD>
            <TD className={entry.change === "added" ? "text-fg-muted" : "break-words text-fg-muted line-through decoration-critical/60"}>{entry.before}</TD>
            <TD className="break-words font-medium">{entry.after}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
