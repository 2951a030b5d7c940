"use client";
// The request's Artifacts tab: pick a revision (the current one by default) and see its key figures, its
// files (tree + viewer) and the zip; or compare the artifacts of any two revisions.
import { useQuery } from "@tanstack/react-query";
import { Download, FileStack, GitCompare, Printer } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { artifactsApi } from "@/lib/artifacts/api-client";
import { artifactKeys } from "@/lib/artifacts/query-keys";
import type { RevisionArtifacts } from "@/lib/artifacts/schema";
import type { RequestDetail } from "@/lib/requests/schema";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ArtifactsBrowser } from "@/components/artifacts/artifacts-browser";
import { ArtifactsDiffView } from "@/components/artifacts/artifacts-diff";
import { SummaryPanel } from "@/components/artifacts/summary-panel";

/** A revision's artifacts; stored revisions never change, so a fetched one is kept for the session. */
export function useRevisionArtifacts(requestId: string, revision: number) {
  return useQuery({
    queryKey: artifactKeys.revision(requestId, revision),
    queryFn: () => artifactsApi.revision(requestId, revision),
    enabled: revision > 0,
    staleTime: Infinity,
  });
}

export function ArtifactsTab({ request }: { request: RequestDetail }) {
  const current = request.currentRevision;
  const [picked, setPicked] = useState<number | undefined>();
  const [view, setView] = useState("files");
  const revision = picked !== undefined && picked <= current ? picked : current;
  const { data, error, isPending } = useRevisionArtifacts(request.id, revision);

  if (current === 0) {
    return (
      <EmptyState
        icon={<FileStack />}
        title="No artifacts yet"
        description="The specialist's deliverables (diagrams, code, runbooks and key figures) are generated when the draft is submitted. The form shows a live preview while you fill it in."
        titleAs="h3"
      />
    );
  }
  const revisions = data?.revisions ?? Array.from({ length: current }, (_, index) => current - index);

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardContent className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
          <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="artifacts-revision">Revision</Label>
              <Select id="artifacts-revision" value={String(revision)} onChange={(event) => setPicked(Number(event.target.value))} containerClassName="w-56">
                {revisions.map((number) => (
                  <option key={number} value={number}>
                    Revision {number}
                    {number === current ? " (current)" : ""}
                  </option>
                ))}
              </Select>
            </div>
            {data && (
              <p className="flex flex-wrap items-center gap-2 pb-2 text-base text-fg-muted">
                <Badge>Generator {data.generatorVersion}</Badge>
                <span>
                  {data.artifacts.length} files · {data.diagrams.length} {data.diagrams.length === 1 ? "diagram" : "diagrams"}
                </span>
              </p>
            )}
          </div>
          <div className="no-print flex flex-wrap gap-2">
            <a href={artifactsApi.zipUrl(request.id, revision)} download className={buttonVariants({ variant: "primary" })} data-testid="download-zip">
              <Download aria-hidden="true" /> Download all (.zip)
            </a>
            <Link href={`/requests/${request.id}/print?revision=${revision}&print=1`} className={buttonVariants({ variant: "secondary" })}>
              <Printer aria-hidden="true" /> Print
            </Link>
          </div>
        </CardContent>
      </Card>

      {error ? (
        <p role="alert" className="rounded-md bg-critical-soft p-4 text-base text-critical-fg">
          The artifacts could not be loaded: {error.message}
        </p>
      ) : isPending || !data ? (
        <div aria-busy="true" className="flex flex-col gap-4">
          <span className="sr-only">Loading the artifacts…</span>
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-96 w-full" />
        </div>
      ) : (
        <Tabs value={view} onValueChange={setView}>
          <TabsList aria-label="Artifacts views">
            <TabsTrigger value="files">
              <FileStack aria-hidden="true" /> Files
            </TabsTrigger>
            <TabsTrigger value="compare" disabled={data.revisions.length < 2} title={data.revisions.length < 2 ? "There is only one revision so far" : undefined}>
              <GitCompare aria-hidden="true" /> Compare revisions
            </TabsTrigger>
          </TabsList>
          <TabsContent value="files" className="flex flex-col gap-6">
            <section aria-labelledby="key-figures-title" className="flex flex-col gap-3">
              <h3 id="key-figures-title" className="text-xl font-semibold">
                Key figures
              </h3>
              <SummaryPanel figures={data.summary} />
            </section>
            <ArtifactsBrowser key={data.revision} artifacts={data.artifacts} />
          </TabsContent>
          <TabsContent value="compare">
            <CompareRevisions request={request} revisions={data.revisions} />
          </TabsContent>
        </Tabs>
      )}
    </div>
  );
}

function CompareRevisions({ request, revisions }: { request: RequestDetail; revisions: number[] }) {
  const latest = revisions[0];
  const [from, setFrom] = useState(revisions[1] ?? latest);
  const [to, setTo] = useState(latest);
  const before = useRevisionArtifacts(request.id, from);
  const after = useRevisionArtifacts(request.id, to);
  const ready = (query: typeof before): query is typeof before & { data: RevisionArtifacts } => query.data !== undefined;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="compare-from">From (A)</Label>
          <Select id="compare-from" value={String(from)} onChange={(event) => setFrom(Number(event.target.value))} containerClassName="w-48">
            {revisions.map((number) => (
              <option key={number} value={number}>
                Revision {number}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="compare-to">To (B)</Label>
          <Select id="compare-to" value={String(to)} onChange={(event) => setTo(Number(event.target.value))} containerClassName="w-48">
            {revisions.map((number) => (
              <option key={number} value={number}>
                Revision {number}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {before.error || after.error ? (
        <p role="alert" className="rounded-md bg-critical-soft p-4 text-base text-critical-fg">
          A revision could not be loaded: {(before.error ?? after.error)!.message}
        </p>
      ) : ready(before) && ready(after) ? (
        <ArtifactsDiffView from={{ revision: from, artifacts: before.data.artifacts }} to={{ revision: to, artifacts: after.data.artifacts }} />
      ) : (
        <Skeleton className="h-64 w-full" />
      )}
    </div>
  );
}
