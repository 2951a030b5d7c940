"use client";
// One request: its header and the moves the viewer may make, then tabs for the Requirements (answers
// with labels), the Discussion and the History (revisions, diffs, moves). Live through React Query.
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Copy, FileStack, History as HistoryIcon, MessageSquare, Pencil, ScrollText, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, type ReactNode } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeAnswers } from "@/lib/requests/answers";
import { provisionalTitle } from "@/lib/requests/draft-title";
import { requestsApi } from "@/lib/requests/api-client";
import { pruneHidden } from "@/lib/agents/form-logic";
import { statusDescriptions } from "@/lib/requests/lifecycle";
import { requestKeys } from "@/lib/requests/query-keys";
import type { RequestCommentView, RequestDetail, RevisionSummary } from "@/lib/requests/schema";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AnswersView } from "@/components/forms/role-form/answers-view";
import { useRoleDefinition } from "@/components/roles/role-context";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { ArtifactsTab } from "./artifacts/artifacts-tab";
import { Discussion } from "./discussion";
import { HistoryTab } from "./history";
import { TransitionActions } from "./transition-actions";
import { ReviewPanel } from "./review-panel";
import { useRequestLive } from "./use-request-live";
import { reviewsApi } from "@/lib/reviews/api-client";
import { reviewKeys } from "@/lib/reviews/query-keys";
import type { ApprovalState, DecisionSummary } from "@/lib/reviews/schema";

const requestTabs = ["requirements", "artifacts", "discussion", "history"] as const;
const tabFrom = (value: string | null | undefined) => requestTabs.find((tab) => tab === value);

const personName = (person: { name: string | null; email: string } | null) => (person ? (person.name ?? person.email) : "A former member");

/** One request; the answers' labels come from the role given by the page's <WithRole>. */
export function RequestView({
  initialRequest,
  initialRevisions,
  initialComments,
  currentUserId,
  canCopy,
  currentTeamName,
  links,
  notice,
  initialApprovals,
  initialDecisions,
  canDecide,
}: {
  initialApprovals: ApprovalState | null;
  initialDecisions: DecisionSummary[];
  canDecide: boolean;
  initialRequest: RequestDetail;
  initialRevisions: RevisionSummary[];
  initialComments: RequestCommentView[];
  currentUserId: string | null;
  canCopy: boolean;
  currentTeamName: string | null;
  /** What the request led to elsewhere (SLOs, incidents): rendered by the server, between header and tabs. */
  links?: ReactNode;
  /** Said above the review panel, e.g. that nobody in the team can approve this role's requests. */
  notice?: ReactNode;
}) {
  const id = initialRequest.id;
  // Changes are pushed; polling every 30 s is the fallback while the live stream is down.
  const live = useRequestLive(id);
  const { data: request = initialRequest } = useQuery({
    queryKey: requestKeys.detail(id),
    queryFn: () => requestsApi.get(id),
    initialData: initialRequest,
    refetchInterval: live ? false : 30_000,
  });
  const { data: comments = initialComments } = useQuery({
    queryKey: requestKeys.comments(id),
    queryFn: () => requestsApi.comments(id),
    initialData: initialComments,
    refetchInterval: live ? false : 30_000,
  });
  const decisionFilters = { requestId: id };
  const { data: decisions = initialDecisions, refetch: refetchDecisions } = useQuery({
    queryKey: reviewKeys.decisions(initialRequest.team.slug, decisionFilters),
    queryFn: () => reviewsApi.decisions(initialRequest.team.slug, decisionFilters).then((list) => list.decisions),
    initialData: initialDecisions,
  });
  // The open tab is in the URL (?tab=artifacts, or #artifacts), so it can be linked and survives a reload.
  const searchParams = useSearchParams();
  // history.replaceState updates useSearchParams, so the URL is the only state.
  const tab = tabFrom(searchParams.get("tab")) ?? "requirements";
  const setTab = (next: string) => {
    const url = new URL(window.location.href);
    url.hash = "";
    if (next === "requirements") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(null, "", url);
  };
  // #artifacts works too: it becomes ?tab=artifacts.
  useEffect(() => {
    const fromHash = tabFrom(window.location.hash.slice(1));
    if (!fromHash || searchParams.get("tab")) return;
    const url = new URL(window.location.href);
    url.hash = "";
    url.searchParams.set("tab", fromHash);
    window.history.replaceState(null, "", url);
  }, [searchParams]);

  const role = useRoleDefinition();
  const isDraft = request.status === "DRAFT";
  const answers = isDraft ? request.draft : request.input;
  const sections = useMemo(() => (role && answers ? describeAnswers(role, pruneHidden(role, answers)) : []), [role, answers]);
  const changeRequest = request.status === "CHANGES_REQUESTED" ? request.transitions.filter((move) => move.to === "CHANGES_REQUESTED").at(-1) : undefined;
  const pendingEdits = !isDraft && request.draft !== null && request.draftBaseRevision === request.currentRevision;

  return (
    <>
      <header className="mb-6 flex flex-col gap-4">
        <Link href="/requests" className="inline-flex items-center gap-1 text-sm text-fg-muted">
          <ArrowLeft aria-hidden="true" className="size-4" /> Requests
        </Link>
        <div className="flex flex-col gap-4 2xl:flex-row 2xl:items-start 2xl:justify-between">
          <div className="flex min-w-0 flex-col gap-2">
            <div className="flex flex-wrap items-center gap-3">
              <RequestStatusBadge status={request.status} className="text-base" />
              <span className="text-base text-fg-muted">{request.role.title}</span>
              <span aria-hidden="true" className="text-fg-muted">·</span>
              <span className="text-base text-fg-muted">{request.team.name}</span>
            </div>
            <h1 className="text-3xl font-bold tracking-tight break-words">{request.title || (role && provisionalTitle(role, request.draft)) || "Untitled draft"}</h1>
            <p className="text-base text-fg-muted">
              {isDraft ? "Started" : "Submitted"} by {personName(request.author)}{" "}
              <time dateTime={request.submittedAt ?? request.createdAt} title={formatDateTime(request.submittedAt ?? request.createdAt)}>
                {formatRelative(request.submittedAt ?? request.createdAt)}
              </time>
              {request.currentRevision > 0 && <> · revision {request.currentRevision}</>}
              {request.clonedFrom && (
                <>
                  {" "}
                  · copied from <Link href={`/requests/${request.clonedFrom.id}`}>{request.clonedFrom.title || "an untitled draft"}</Link>
                </>
              )}
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">
            {request.permissions.canEdit && (
              <Link href={`/requests/${id}/edit`} className={buttonVariants({ variant: isDraft ? "primary" : "secondary" })}>
                <Pencil aria-hidden="true" /> {isDraft ? "Continue editing" : pendingEdits ? "Continue editing" : "Edit requirements"}
              </Link>
            )}
            {canCopy && role && (
              <Link
                href={`/requests/new?role=${request.role.key}&from=${id}`}
                className={buttonVariants({ variant: "secondary" })}
                title={currentTeamName ? `Creates a new draft in ${currentTeamName}` : undefined}
              >
                <Copy aria-hidden="true" /> Copy into a new request
              </Link>
            )}
            <TransitionActions request={request} />
          </div>
        </div>
        <p className="text-base text-fg-muted">{statusDescriptions[request.status]}</p>
        {changeRequest && (
          <div role="note" className="flex items-start gap-3 rounded-md border border-warning bg-warning-soft/60 p-4">
            <TriangleAlert aria-hidden="true" className="mt-1 size-5 shrink-0 text-warning-fg" />
            <div>
              <p className="font-semibold text-warning-fg">
                {personName(changeRequest.actor)} asked for changes {formatRelative(changeRequest.at)}:
              </p>
              <p className="whitespace-pre-wrap text-fg">{changeRequest.comment}</p>
            </div>
          </div>
        )}
        {pendingEdits && request.permissions.canEdit && (
          <p className="text-base text-info-fg">
            There are unsaved edits to these requirements ({personName(request.draftUpdatedBy)}, {formatRelative(request.draftUpdatedAt!)}). Continue editing to save
            them as revision {request.currentRevision + 1}.
          </p>
        )}
      </header>

      {notice}

      {initialApprovals && !isDraft && (
        <ReviewPanel live={live} request={request} initialApprovals={initialApprovals} decisions={decisions} canDecide={canDecide} onDecisionRecorded={() => void refetchDecisions()} />
      )}

      {links}

      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="Request sections">
          <TabsTrigger value="requirements">
            <ScrollText aria-hidden="true" /> Requirements
          </TabsTrigger>
          <TabsTrigger value="artifacts">
            <FileStack aria-hidden="true" /> Artifacts
          </TabsTrigger>
          <TabsTrigger value="discussion">
            <MessageSquare aria-hidden="true" /> Discussion
            <span className="rounded-full bg-surface-muted px-2 text-sm tabular-nums" title="Open comments" data-testid="discussion-open-count">
              {comments.filter((comment) => comment.resolvedAt === null).length}
              <span className="sr-only"> open</span>
            </span>
          </TabsTrigger>
          <TabsTrigger value="history">
            <HistoryIcon aria-hidden="true" /> History
            <span className="rounded-full bg-surface-muted px-2 text-sm tabular-nums">{request.transitions.length}</span>
          </TabsTrigger>
        </TabsList>

        <TabsContent value="requirements">
          <Card>
            <CardContent>
              {isDraft && (
                <p className="mb-5 rounded-md bg-surface-muted p-3 text-base text-fg-muted">
                  A draft: these answers are saved as they were typed and have not been checked yet. They are checked when the draft is submitted.
                </p>
              )}
              {!role ? (
                <pre tabIndex={0} aria-label="Answers as JSON" className="overflow-x-auto text-sm">{JSON.stringify(answers, null, 2)}</pre>
              ) : sections.length === 0 ? (
                <EmptyState
                  title="No answers yet"
                  description={request.permissions.canEdit ? "Continue editing to answer the specialist's questions." : "The author has not answered anything yet."}
                  titleAs="h3"
                />
              ) : (
                <AnswersView sections={sections} />
              )}
            </CardContent>
          </Card>
        </TabsContent>

        <TabsContent value="artifacts">
          <ArtifactsTab request={request} />
        </TabsContent>

        <TabsContent value="discussion">
          <Discussion request={request} comments={comments} currentUserId={currentUserId} />
        </TabsContent>

        <TabsContent value="history">
          <HistoryTab request={request} initialRevisions={initialRevisions} role={role} />
        </TabsContent>
      </Tabs>
    </>
  );
}
