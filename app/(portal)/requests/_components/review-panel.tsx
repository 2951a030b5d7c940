"use client";
// The review of a request: the approvals its role needs in its team (per reviewer kind), who approved the
// current revision, answers reset by newer revisions, Approve / Request changes for eligible reviewers,
// and the decisions recorded on it. Approving the last required approval approves the request.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, CircleDashed, RotateCcw, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";
import { ApiError } from "@/lib/api/client";
import { requestKeys } from "@/lib/requests/query-keys";
import type { RequestDetail } from "@/lib/requests/schema";
import { reviewsApi } from "@/lib/reviews/api-client";
import { reviewKeys } from "@/lib/reviews/query-keys";
import { reviewerKindLabel, type ApprovalState, type ApprovalView, type DecisionSummary } from "@/lib/reviews/schema";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { DecisionStatusBadge } from "@/components/reviews/decision-status-badge";
import { RecordDecisionDialog } from "@/components/reviews/record-decision-dialog";
import { ErrorAlert } from "@/components/ui/error-alert";

const personName = (person: { name: string | null; email: string } | null) => (person ? (person.name ?? person.email) : "A former member");

type Answer = "APPROVE" | "REQUEST_CHANGES";

export function ReviewPanel({
  live = false,
  request,
  initialApprovals,
  decisions,
  canDecide,
  onDecisionRecorded,
}: {
  /** The request's live stream is open: approvals arrive pushed, so no polling. */
  live?: boolean;
  request: RequestDetail;
  initialApprovals: ApprovalState;
  decisions: DecisionSummary[];
  canDecide: boolean;
  onDecisionRecorded: () => void;
}) {
  // Keyed by revision and status, so a new revision or a move elsewhere refetches what is required and met.
  const initialMatches = initialApprovals.revision === request.currentRevision && initialApprovals.status === request.status;
  const { data: state = initialApprovals } = useQuery({
    queryKey: reviewKeys.approvalsAt(request.id, request.currentRevision, request.status),
    queryFn: () => reviewsApi.approvals(request.id),
    initialData: initialMatches ? initialApprovals : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : 30_000,
  });
  const [answering, setAnswering] = useState<Answer | null>(null);
  const metCount = state.required.filter((rule) => rule.met >= rule.count).length;

  return (
    <div className="mb-6 grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card aria-labelledby="approvals-heading">
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div className="flex flex-col gap-1">
            <CardTitle id="approvals-heading" as="h2" className="flex items-center gap-2">
              <ShieldCheck aria-hidden="true" className="size-5" /> Approvals
            </CardTitle>
            <p className="text-base text-fg-muted" data-testid="approvals-summary">
              Revision {state.revision}: {metCount} of {state.required.length} requirement{state.required.length === 1 ? "" : "s"} met
              {state.satisfied ? " — approved" : ""}
              {state.usesDefault ? " · the team's default: one maintainer or owner" : ""}
            </p>
          </div>
          {state.permissions.canReview && (
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => setAnswering("APPROVE")}>
                <Check aria-hidden="true" /> Approve
              </Button>
              <Button variant="secondary" onClick={() => setAnswering("REQUEST_CHANGES")}>
                <RotateCcw aria-hidden="true" /> Request changes
              </Button>
            </div>
          )}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ul className="flex flex-col gap-2" aria-label="Required approvals">
            {state.required.map((rule) => {
              const met = rule.met >= rule.count;
              return (
                <li key={rule.reviewerKind} className="flex flex-wrap items-center gap-3 rounded-md border border-border px-3 py-2" data-kind={rule.reviewerKind} data-met={met}>
                  {met ? <Check aria-hidden="true" className="size-5 text-healthy-fg" /> : <CircleDashed aria-hidden="true" className="size-5 text-fg-muted" />}
                  <span className="font-medium">{rule.label}</span>
                  <Badge tone={met ? "healthy" : "neutral"} className="tabular-nums">
                    {rule.met} of {rule.count}
                  </Badge>
                  <span className="text-base text-fg-muted">{rule.approvers.length ? `by ${rule.approvers.map(personName).join(", ")}` : "waiting"}</span>
                </li>
              );
            })}
          </ul>
          {state.approvals.length > 0 && <AnswerList title={`Answers on revision ${state.revision}`} answers={state.approvals} />}
          {state.previous.length > 0 && (
            <details className="rounded-md border border-border px-3 py-2">
              <summary className="cursor-pointer text-base font-medium">Earlier answers ({state.previous.length}), reset by newer revisions</summary>
              <AnswerList answers={state.previous} className="mt-3" />
            </details>
          )}
          {!state.permissions.canReview && state.permissions.reason && (request.status === "SUBMITTED" || request.status === "IN_REVIEW") && state.permissions.kinds.length > 0 && (
            <p className="text-base text-fg-muted">{state.permissions.reason}.</p>
          )}
          {state.permissions.canReview && state.permissions.kinds.length > 0 && (
            <p className="text-sm text-fg-muted">You review as: {state.permissions.kinds.map(reviewerKindLabel).join(", ")}.</p>
          )}
        </CardContent>
      </Card>

      <Card aria-labelledby="decisions-heading">
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <CardTitle id="decisions-heading" as="h2">
            Decisions
          </CardTitle>
          {request.permissions.canComment && (
            <RecordDecisionDialog teamSlug={request.team.slug} request={{ id: request.id, revision: request.currentRevision }} canDecide={canDecide} onRecorded={onDecisionRecorded} />
          )}
        </CardHeader>
        <CardContent>
          {decisions.length === 0 ? (
            <p className="text-base text-fg-muted">No decision recorded on this request yet.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {decisions.map((decision) => (
                <li key={decision.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/decisions/${decision.id}`} className="font-mono font-semibold text-link underline-offset-4 hover:underline">
                    {decision.reference}
                  </Link>
                  <span className="min-w-0 flex-1 break-words">{decision.title}</span>
                  <DecisionStatusBadge status={decision.status} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {answering && <AnswerDialog key={answering} request={request} revision={state.revision} answer={answering} onClose={() => setAnswering(null)} />}
    </div>
  );
}

function AnswerList({ title, answers, className }: { title?: string; answers: ApprovalView[]; className?: string }) {
  return (
    <div className={className}>
      {title && <h3 className="mb-2 text-base font-semibold">{title}</h3>}
      <ul className="flex flex-col gap-3">
        {answers.map((answer) => (
          <li key={answer.id} className="flex flex-col gap-1" data-decision={answer.decision}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{personName(answer.reviewer)}</span>
              <Badge tone={answer.decision === "APPROVE" ? "healthy" : "warning"}>{answer.decision === "APPROVE" ? "Approved" : "Requested changes"}</Badge>
              {answer.resetByRevision !== null && (
                <Badge tone="nodata">
                  revision {answer.revision} · reset by revision {answer.resetByRevision}
                </Badge>
              )}
              <time className="text-sm text-fg-muted" dateTime={answer.at} title={formatDateTime(answer.at)}>
                {formatRelative(answer.at)}
              </time>
              {answer.kinds.length > 0 && <span className="text-sm text-fg-muted">as {answer.kinds.map(reviewerKindLabel).join(", ").toLowerCase()}</span>}
            </div>
            {answer.comment && <p className="whitespace-pre-wrap text-base">{answer.comment}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AnswerDialog({ request, revision, answer, onClose }: { request: RequestDetail; revision: number; answer: Answer; onClose: () => void }) {
  const [comment, setComment] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const approving = answer === "APPROVE";
  const mutation = useMutation({
    mutationFn: () => reviewsApi.recordApproval(request.id, { revision, decision: answer, comment: comment.trim() || undefined }),
    onSuccess: (state) => {
      queryClient.setQueryData(reviewKeys.approvalsAt(request.id, state.revision, state.status), state);
      void queryClient.invalidateQueries({ queryKey: requestKeys.detail(request.id) });
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
      toast({
        title: approving ? (state.status === "APPROVED" ? "Approved: every required approval is in" : "Your approval is recorded") : "Changes requested",
        description: request.title,
        tone: approving ? "healthy" : "info",
      });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const issue = error.issues.find((candidate) => candidate.path[0] === "comment");
        if (issue) setFieldError(issue.message);
        if (error.status === 409) {
          void queryClient.invalidateQueries({ queryKey: requestKeys.detail(request.id) });
          void queryClient.invalidateQueries({ queryKey: reviewKeys.approvals(request.id) });
        }
      }
    },
  });
  const error = mutation.error && !fieldError ? mutation.error.message : undefined;
  return (
    <Dialog open onOpenChange={(next) => !next && !mutation.isPending && onClose()}>
      <DialogContent
        title={approving ? `Approve revision ${revision}?` : "Ask for changes?"}
        description={
          approving
            ? "You approve exactly the answers of this revision. A new revision resets every approval."
            : "The request goes back to its team. Say what needs to change; the author edits the requirements and resubmits."
        }
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!approving && !comment.trim()) {
              setFieldError("Say what needs to change, so the author knows what to edit");
              return;
            }
            mutation.mutate();
          }}
        >
          <Field id="approval-comment" label={approving ? "Comment (optional)" : "What needs to change"} help="Shown with your answer and in the request's history." error={fieldError} required={!approving}>
            <Textarea
              value={comment}
              onChange={(event) => {
                setComment(event.target.value);
                setFieldError(undefined);
              }}
              rows={4}
              maxLength={10_000}
              autoFocus
            />
          </Field>
          <ErrorAlert message={error} />
          <DialogFormFooter pending={mutation.isPending} submitLabel={approving ? "Approve" : "Request changes"} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
