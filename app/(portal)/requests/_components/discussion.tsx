"use client";
// The request's discussion: comments (Markdown, rendered safely) interleaved with the moves through
// review, and a comment box with a preview. New comments appear at once (optimistic) and roll back on error.
// Members resolve and reopen comments; a resolved comment is shown folded, and "Open only" hides them.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowRight, Check, ChevronDown, ChevronRight, CircleAlert, MessageSquare, Pencil, RotateCcw } from "lucide-react";
import { useState } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";
import { requestsApi } from "@/lib/requests/api-client";
import { requestKeys } from "@/lib/requests/query-keys";
import type { RequestCommentView, RequestDetail, TransitionRecord } from "@/lib/requests/schema";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { Markdown } from "@/components/markdown/lazy";
import { RequestStatusBadge } from "@/components/requests/status-badge";

const personName = (person: { name: string | null; email: string } | null) => (person ? (person.name ?? person.email) : "A former member");

type Entry = { kind: "comment"; at: string; comment: RequestCommentView & { pending?: boolean } } | { kind: "move"; at: string; move: TransitionRecord };

export function Discussion({ request, comments, currentUserId }: { request: RequestDetail; comments: RequestCommentView[]; currentUserId: string | null }) {
  const [filter, setFilter] = useState<"open" | "all">("all");
  const openCount = comments.filter((comment) => comment.resolvedAt === null).length;
  const resolvedCount = comments.length - openCount;
  const shown = filter === "open" ? comments.filter((comment) => comment.resolvedAt === null) : comments;
  const entries: Entry[] = [
    ...shown.map((comment) => ({ kind: "comment" as const, at: comment.createdAt, comment })),
    ...request.transitions.map((move) => ({ kind: "move" as const, at: move.at, move })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <div className="flex flex-col gap-6">
      {resolvedCount > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <div className="flex gap-1" role="group" aria-label="Show comments">
            <Button variant={filter === "open" ? "secondary" : "ghost"} size="sm" aria-pressed={filter === "open"} onClick={() => setFilter("open")}>
              Open only ({openCount})
            </Button>
            <Button variant={filter === "all" ? "secondary" : "ghost"} size="sm" aria-pressed={filter === "all"} onClick={() => setFilter("all")}>
              All ({comments.length})
            </Button>
          </div>
          <span className="text-sm text-fg-muted">{resolvedCount} resolved</span>
        </div>
      )}
      {entries.length === 0 ? (
        <EmptyState icon={<MessageSquare />} title="No discussion yet" description="Ask the reviewers a question, or note a decision for the record." titleAs="h3" />
      ) : (
        <ol className="flex flex-col gap-4" aria-label="Discussion">
          {entries.map((entry) =>
            entry.kind === "comment" ? (
              <li key={`c-${entry.comment.id}`}>
                <CommentCard request={request} comment={entry.comment} mine={currentUserId !== null && entry.comment.author?.id === currentUserId} />
              </li>
            ) : (
              <li key={`m-${entry.move.id}`} className="flex flex-wrap items-center gap-2 px-2 text-base text-fg-muted">
                <ArrowRight aria-hidden="true" className="size-4" />
                <span className="font-medium text-fg">{personName(entry.move.actor)}</span>
                moved it to <RequestStatusBadge status={entry.move.to} />
                <time dateTime={entry.move.at} title={formatDateTime(entry.move.at)}>
                  {formatRelative(entry.move.at)}
                </time>
                {entry.move.comment && <span className="w-full pl-6 whitespace-pre-wrap text-fg">“{entry.move.comment}”</span>}
              </li>
            ),
          )}
        </ol>
      )}
      {request.permissions.canComment ? (
        <CommentComposer requestId={request.id} />
      ) : (
        <p className="text-base text-fg-muted">Viewers read the discussion; members of the team can comment.</p>
      )}
    </div>
  );
}

function CommentCard({ request, comment, mine }: { request: RequestDetail; comment: RequestCommentView & { pending?: boolean }; mine: boolean }) {
  const [editing, setEditing] = useState(false);
  const resolved = comment.resolvedAt !== null;
  const [expanded, setExpanded] = useState(false);
  const bodyId = `comment-body-${comment.id}`;
  const queryClient = useQueryClient();
  const key = requestKeys.comments(request.id);

  const resolution = useMutation({
    mutationFn: (next: boolean) => requestsApi.resolveComment(request.id, comment.id, next),
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<RequestCommentView[]>(key);
      const now = new Date().toISOString();
      queryClient.setQueryData<RequestCommentView[]>(key, (current = []) =>
        current.map((entry) => (entry.id === comment.id ? { ...entry, resolvedAt: next ? now : null, resolvedBy: null } : entry)),
      );
      setExpanded(false);
      return { previous };
    },
    onError: (_failure, _next, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
  });

  const canResolve = request.permissions.canComment && !comment.pending && !editing;
  const folded = resolved && !expanded && !editing;
  return (
    <Card className={cn(comment.pending && "opacity-70", resolved && "border-dashed bg-surface-muted")} aria-busy={comment.pending || resolution.isPending || undefined} data-testid="comment" data-resolved={resolved || undefined}>
      <CardContent className={cn("flex flex-col gap-3", folded ? "px-5 py-3" : "p-5")}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className={cn("text-base", resolved && "text-fg-muted")}>
            {resolved && (
              <Button variant="ghost" size="sm" className="-ml-2 mr-1 px-1" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded((value) => !value)} aria-label={expanded ? "Fold the resolved comment" : "Show the resolved comment"}>
                {expanded ? <ChevronDown aria-hidden="true" /> : <ChevronRight aria-hidden="true" />}
              </Button>
            )}
            <span className={cn("font-semibold", resolved ? "text-fg-muted" : "text-fg")}>{comment.pending ? "You" : personName(comment.author)}</span>{" "}
            <time className="text-fg-muted" dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
              {comment.pending ? "sending…" : formatRelative(comment.createdAt)}
            </time>
            {comment.editedAt && <span className="text-sm text-fg-muted"> · edited</span>}
            {resolved && comment.resolvedAt && (
              <span className="text-sm text-fg-muted" data-testid="comment-resolution">
                {" "}
                · <Check aria-hidden="true" className="inline size-4 align-[-2px]" /> Resolved{comment.resolvedBy ? ` by ${personName(comment.resolvedBy)}` : ""},{" "}
                <time dateTime={comment.resolvedAt} title={formatDateTime(comment.resolvedAt)}>
                  {formatRelative(comment.resolvedAt)}
                </time>
              </span>
            )}
          </p>
          <div className="flex gap-1">
            {mine && request.permissions.canComment && !editing && !comment.pending && !folded && (
              <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label="Edit your comment">
                <Pencil aria-hidden="true" /> Edit
              </Button>
            )}
            {canResolve && (
              <Button variant={resolved ? "ghost" : "secondary"} size="sm" loading={resolution.isPending} onClick={() => resolution.mutate(!resolved)}>
                {resolved ? <RotateCcw aria-hidden="true" /> : <Check aria-hidden="true" />} {resolved ? "Reopen" : "Resolve"}
              </Button>
            )}
          </div>
        </div>
        {resolution.isError && (
          <p role="alert" className="flex items-center gap-2 text-sm text-critical-fg">
            <CircleAlert aria-hidden="true" className="size-4" /> {resolution.error.message}
          </p>
        )}
        {editing ? (
          <CommentComposer requestId={request.id} existing={comment} onDone={() => setEditing(false)} />
        ) : (
          !folded && (
            <div id={bodyId} className={cn(resolved && "opacity-80")}>
              <Markdown>{comment.body}</Markdown>
            </div>
          )
        )}
      </CardContent>
    </Card>
  );
}

function CommentComposer({ requestId, existing, onDone }: { requestId: string; existing?: RequestCommentView; onDone?: () => void }) {
  const [body, setBody] = useState(existing?.body ?? "");
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const key = requestKeys.comments(requestId);

  const mutation = useMutation({
    mutationFn: (text: string) => (existing ? requestsApi.editComment(requestId, existing.id, text) : requestsApi.addComment(requestId, text)),
    onMutate: async (text) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<RequestCommentView[]>(key);
      const now = new Date().toISOString();
      queryClient.setQueryData<RequestCommentView[]>(key, (current = []) =>
        existing
          ? current.map((comment) => (comment.id === existing.id ? { ...comment, body: text, editedAt: now } : comment))
          : [...current, { id: `pending-${now}`, body: text, author: null, createdAt: now, editedAt: null, resolvedAt: null, resolvedBy: null, pending: true } as RequestCommentView],
      );
      if (!existing) setBody("");
      setPreview(false);
      return { previous, text };
    },
    onError: (failure, _text, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      if (!existing && context) setBody(context.text); // Give the words back: nothing typed is lost.
      setError(failure.message);
    },
    onSuccess: () => onDone?.(),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key }),
  });

  function send() {
    if (!body.trim()) {
      setError("Write a comment");
      return;
    }
    setError(undefined);
    mutation.mutate(body.trim());
  }

  const id = existing ? `comment-edit-${existing.id}` : "comment-new";
  return (
    <form
      className="flex flex-col gap-3"
      aria-label={existing ? "Edit comment" : "Add a comment"}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div className="flex gap-1" role="group" aria-label="Comment view">
        <Button variant={preview ? "ghost" : "secondary"} size="sm" aria-pressed={!preview} onClick={() => setPreview(false)}>
          Write
        </Button>
        <Button variant={preview ? "secondary" : "ghost"} size="sm" aria-pressed={preview} onClick={() => setPreview(true)} disabled={!body.trim()}>
          Preview
        </Button>
      </div>
      {preview ? (
        <div className="min-h-24 rounded-md border border-border bg-surface p-3">
          <Markdown>{body}</Markdown>
        </div>
      ) : (
        <Field id={id} label={existing ? "Your comment" : "Add a comment"} help="Markdown works: **bold**, lists, `code`, links, tables." error={error}>
          <Textarea
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              setError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
                event.preventDefault();
                send();
              }
            }}
            rows={existing ? 4 : 5}
            maxLength={10_000}
          />
        </Field>
      )}
      {mutation.isError && !error && (
        <p role="alert" className="flex items-center gap-2 text-sm text-critical-fg">
          <CircleAlert aria-hidden="true" className="size-4" /> {mutation.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" loading={mutation.isPending}>
          {existing ? "Save comment" : "Comment"}
        </Button>
        {existing && (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
        <span className="self-center text-sm text-fg-muted">Ctrl+Enter sends</span>
      </div>
    </form>
  );
}
