"use client";
// The request's Git publications: Publish (approved requests, members and up) to one of the team's
// repositories, and every publication with its branch, commit, pull request, state, error and conflicts.
// Refreshes every few seconds while one is queued or pushing. Reads only the portal's own data, so the page
// works whatever state the Git server is in.
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExternalLink, GitBranch, GitPullRequest, Upload } from "lucide-react";
import { useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { artifactsApi } from "@/lib/artifacts/api-client";
import { artifactKeys } from "@/lib/artifacts/query-keys";
import type { PublicationView, RequestPublications } from "@/lib/artifacts/publications.server";
import { publicationStateLabels, type PublicationStateValue } from "@/lib/artifacts/repository-schema";
import { formatDateTime, formatRelative } from "@/lib/format";

const stateTones: Record<PublicationStateValue, Tone> = { QUEUED: "info", PUSHING: "info", OPEN: "healthy", MERGED: "neutral", CLOSED: "nodata", FAILED: "critical" };

const conflictWords = { content: "edited on the same lines", "both-added": "already there with other content", "deleted-in-repository": "deleted in the repository" } as const;

function changesText(changes: NonNullable<PublicationView["changes"]>): string {
  const parts = [
    changes.added && `${changes.added} added`,
    changes.updated && `${changes.updated} updated`,
    changes.merged && `${changes.merged} merged with edits`,
    changes.deleted && `${changes.deleted} deleted`,
    changes.keptEdits && `${changes.keptEdits} kept as edited`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no file changes";
}

function PublicationItem({ publication }: { publication: PublicationView }) {
  const busy = publication.state === "QUEUED" || publication.state === "PUSHING";
  return (
    <li className="flex flex-col gap-2 rounded-md border border-border p-4" data-testid="publication" data-state={publication.state}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone={stateTones[publication.state]}>{publicationStateLabels[publication.state]}</Badge>
        <span className="font-semibold">Revision {publication.revision}</span>
        <span className="text-fg-muted">→ {publication.repository.name}</span>
        <span className="text-sm text-fg-muted">
          {publication.trigger === "approval" ? "published on approval" : `by ${publication.requestedBy?.name ?? publication.requestedBy?.email ?? "someone"}`},{" "}
          <time dateTime={publication.publishedAt ?? publication.createdAt} title={formatDateTime(publication.publishedAt ?? publication.createdAt)}>
            {formatRelative(publication.publishedAt ?? publication.createdAt)}
          </time>
        </span>
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-base">
        <dt className="text-fg-muted">Branch</dt>
        <dd className="flex items-center gap-1.5 font-mono break-all">
          <GitBranch aria-hidden="true" className="size-4 shrink-0" /> {publication.branch}
        </dd>
        <dt className="text-fg-muted">Folder</dt>
        <dd className="font-mono break-all">{publication.directory}/</dd>
        {publication.commitSha && (
          <>
            <dt className="text-fg-muted">Commit</dt>
            <dd className="font-mono" data-testid="publication-commit" title={publication.commitSha}>
              {publication.commitSha.slice(0, 12)}
            </dd>
          </>
        )}
        {publication.pullRequest && (
          <>
            <dt className="text-fg-muted">Pull request</dt>
            <dd>
              <a href={publication.pullRequest.url} target="_blank" rel="noreferrer" className="link inline-flex items-center gap-1">
                <GitPullRequest aria-hidden="true" className="size-4" /> #{publication.pullRequest.number} <ExternalLink aria-hidden="true" className="size-3.5" />
                <span className="sr-only">(opens in a new tab)</span>
              </a>
            </dd>
          </>
        )}
        {publication.changes && (
          <>
            <dt className="text-fg-muted">Files</dt>
            <dd>
              {changesText(publication.changes)}
              {publication.mergedWith && <span className="text-fg-muted"> (merged with the {publication.mergedWith === "default-branch" ? "default branch" : "portal branch"})</span>}
            </dd>
          </>
        )}
        {busy && publication.attempts > 0 && publication.nextAttemptAt && (
          <>
            <dt className="text-fg-muted">Next attempt</dt>
            <dd>
              attempt {publication.attempts + 1}, <time dateTime={publication.nextAttemptAt}>{formatRelative(publication.nextAttemptAt)}</time>
            </dd>
          </>
        )}
      </dl>
      {publication.lastError && (
        <p className={publication.state === "FAILED" ? "rounded-md bg-critical-soft p-3 text-critical-fg" : "rounded-md bg-warning-soft p-3 text-warning-fg"} data-testid="publication-error">
          <span className="font-semibold">{publication.state === "FAILED" ? "Failed: " : `Attempt ${publication.attempts} failed, retrying: `}</span>
          <span className="break-words">{publication.lastError}</span>
        </p>
      )}
      {publication.conflicts.length > 0 && (
        <div className="rounded-md border border-warning bg-warning-soft/60 p-3" data-testid="publication-conflicts">
          <p className="font-semibold text-warning-fg">
            {publication.conflicts.length} conflict{publication.conflicts.length === 1 ? "" : "s"}: committed with conflict markers on {publication.branch}; resolve them there before merging.
          </p>
          <ul className="mt-1 list-disc pl-6">
            {publication.conflicts.map((conflict) => (
              <li key={conflict.path}>
                <span className="font-mono break-all">{conflict.path}</span> <span className="text-fg-muted">({conflictWords[conflict.kind]})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

export function PublicationsPanel({ requestId, initial }: { requestId: string; initial: RequestPublications }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { data = initial, error } = useQuery({
    queryKey: artifactKeys.publications(requestId),
    queryFn: () => artifactsApi.publications(requestId),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.publications.some((item) => item.state === "QUEUED" || item.state === "PUSHING") ? 2_000 : 30_000),
  });
  const [repositoryId, setRepositoryId] = useState(initial.repositories[0]?.id ?? "");
  const publish = useMutation({
    mutationFn: () => artifactsApi.publish(requestId, repositoryId || data.repositories[0]?.id || ""),
    onSuccess: (publication) => {
      toast({ title: "Publication queued", description: `${publication.branch} in ${publication.repository.name}: the worker pushes it in a moment.`, tone: "healthy" });
      void queryClient.invalidateQueries({ queryKey: artifactKeys.publications(requestId) });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: artifactKeys.publications(requestId) }),
  });
  if (data.publications.length === 0 && data.repositories.length === 0) return null;
  return (
    <Card className="mb-6" data-testid="publications-panel">
      <CardHeader className="flex flex-col gap-3 md:flex-row md:items-end md:justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle className="flex items-center gap-2">
            <Upload aria-hidden="true" className="size-5" /> Git publications
          </CardTitle>
          <CardDescription>
            The approved revision&apos;s files on a branch of the team&apos;s repository, with a pull request; a later revision updates the same branch and keeps the edits people made. Repositories are set up
            under{" "}
            <Link href="/settings/repositories" className="link">
              Settings → Repositories
            </Link>
            .
          </CardDescription>
        </div>
        {data.canPublish && (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              publish.mutate();
            }}
          >
            {data.repositories.length > 1 && (
              <Field id="publish-repository" label="Repository">
                <Select value={repositoryId} onChange={(event) => setRepositoryId(event.target.value)} containerClassName="min-w-64">
                  {data.repositories.map((repository) => (
                    <option key={repository.id} value={repository.id}>
                      {repository.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Button type="submit" loading={publish.isPending}>
              {!publish.isPending && <Upload aria-hidden="true" />} Publish{data.repositories.length === 1 ? ` to ${data.repositories[0].name}` : ""}
            </Button>
          </form>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {publish.error && <ErrorAlert message={publish.error.message} />}
        {error && <ErrorAlert message={`The publications could not be refreshed: ${error.message}`} />}
        {!data.canPublish && data.publishBlockedReason && data.publications.length === 0 && <p className="text-fg-muted">{data.publishBlockedReason}.</p>}
        {data.publications.length > 0 && (
          <ul className="flex flex-col gap-3" aria-label="Publications, newest first">
            {data.publications.map((publication) => (
              <PublicationItem key={publication.id} publication={publication} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
