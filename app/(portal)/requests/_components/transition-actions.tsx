"use client";
// The moves the viewer may make now (from the server's permissions), each behind a dialog with a
// comment box; a required comment is asked for, and moves that end a request say so before confirming.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ban, Eye, Lock, Send, type LucideIcon } from "lucide-react";
import { useState } from "react";
import type { RequestStatus } from "@/lib/generated/prisma/browser";
import { ApiError } from "@/lib/api/client";
import { requestsApi } from "@/lib/requests/api-client";
import { requestKeys } from "@/lib/requests/query-keys";
import type { RequestDetail } from "@/lib/requests/schema";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { ErrorAlert } from "@/components/ui/error-alert";

type Move = RequestDetail["permissions"]["transitions"][number];

const looks: Partial<Record<RequestStatus, { icon: LucideIcon; variant: ButtonVariant; question: string; explain: string; done: string }>> = {
  IN_REVIEW: { icon: Eye, variant: "primary", question: "Start reviewing this request?", explain: "The team sees that a maintainer is on it.", done: "Review started" },
  SUBMITTED: { icon: Send, variant: "primary", question: "Resubmit for review?", explain: "The new revision goes back into the review queue.", done: "Resubmitted" },
  CLOSED: { icon: Lock, variant: "secondary", question: "Close this request?", explain: "Closing marks it done. A closed request cannot be reopened or edited; copy it to ask again.", done: "Request closed" },
  WITHDRAWN: {
    icon: Ban,
    variant: "danger",
    question: "Withdraw this request?",
    explain: "Withdrawing stops it for good; it stays in the list for the record. This cannot be undone.",
    done: "Request withdrawn",
  },
};

export function TransitionActions({ request }: { request: RequestDetail }) {
  const [open, setOpen] = useState<Move | null>(null);
  const moves = request.permissions.transitions;
  if (moves.length === 0) return null;
  return (
    <>
      {moves.map((move) => {
        const look = looks[move.to];
        const Icon = look?.icon ?? Send;
        return (
          <Button key={move.to} variant={look?.variant ?? "secondary"} onClick={() => setOpen(move)}>
            <Icon aria-hidden="true" /> {move.label}
          </Button>
        );
      })}
      {open && <TransitionDialog key={open.to} request={request} move={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function TransitionDialog({ request, move, onClose }: { request: RequestDetail; move: Move; onClose: () => void }) {
  const look = looks[move.to];
  const [comment, setComment] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const mutation = useMutation({
    mutationFn: () => requestsApi.transition(request.id, { to: move.to, comment: comment.trim() || undefined, revision: request.currentRevision || undefined }),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKeys.detail(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
      toast({ title: look?.done ?? move.label, description: updated.title, tone: "info" });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const issue = error.issues.find((candidate) => candidate.path[0] === "comment");
        if (issue) setFieldError(issue.message);
        // The request moved or changed meanwhile: show the current state behind the dialog.
        if (error.status === 409 || error.status === 422) void queryClient.invalidateQueries({ queryKey: requestKeys.detail(request.id) });
      }
    },
  });

  function confirm() {
    if (move.commentRequired && !comment.trim()) {
      setFieldError("Say what needs to change, so the author knows what to edit");
      return;
    }
    mutation.mutate();
  }

  const error = mutation.error && !fieldError ? mutation.error.message : undefined;
  return (
    <Dialog open onOpenChange={(next) => !next && !mutation.isPending && onClose()}>
      <DialogContent title={look?.question ?? `${move.label}?`} description={look?.explain}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <Field
            id="transition-comment"
            label={move.commentRequired ? "What needs to change" : "Comment (optional)"}
            help="Shown in the request's history and discussion."
            error={fieldError}
            required={move.commentRequired}
          >
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
          <DialogFormFooter pending={mutation.isPending} submitLabel={move.label} variant={look?.variant === "danger" ? "danger" : "primary"} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
