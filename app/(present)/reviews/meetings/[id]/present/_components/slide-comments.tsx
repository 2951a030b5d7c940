"use client";
// The open comments of the request on screen: every one of them (the list scrolls when there are many),
// oldest first, with the resolved ones only counted. Members resolve a comment from here without leaving
// meeting mode; the slide comes back from the server with what is still open.
import { useRef, useState, useTransition } from "react";
import { Check } from "lucide-react";
import { Markdown } from "@/components/markdown/lazy";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { formatRelative } from "@/lib/format";
import type { PresentationSlide } from "@/lib/reviews/presentation.server";
import { resolveCommentAction } from "../actions";

const personName = (person: { name: string | null; email: string } | null) => person?.name ?? person?.email ?? "A former member";

export function SlideComments({
  meetingId,
  slide,
  now,
  onSlideChange,
}: {
  meetingId: string;
  slide: PresentationSlide;
  now: Date;
  onSlideChange: (slide: PresentationSlide) => void;
}) {
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [resolving, setResolving] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const open = slide.openComments;

  function resolve(commentId: string) {
    setResolving(commentId);
    startTransition(async () => {
      const result = await resolveCommentAction(meetingId, slide.agendaItemId, commentId, true);
      setResolving(null);
      if (!result.ok) return void toast({ title: "The comment was not resolved", description: result.message, tone: "critical" });
      onSlideChange(result.data.slide);
      // The button is gone with its comment: keep the keyboard in the list rather than dropping it on the page.
      list.current?.focus();
    });
  }

  return (
    <section aria-labelledby="comments-heading" className="flex min-h-48 flex-1 flex-col" data-testid="slide-comments">
      <h2 id="comments-heading" className="text-xl font-semibold tracking-wide text-fg-muted uppercase">
        Open comments ({open.length})
      </h2>
      {slide.resolvedCount > 0 && (
        <p className="text-lg text-fg-muted" data-testid="slide-resolved-count">
          {slide.resolvedCount} resolved
        </p>
      )}
      {open.length === 0 ? (
        <p className="mt-1 text-lg text-fg-muted">{slide.resolvedCount > 0 ? "Every comment is resolved." : "No comments yet."}</p>
      ) : (
        <ul
          ref={list}
          // Focusable so the list scrolls from the keyboard (↑ ↓) when there are more comments than fit.
          tabIndex={0}
          aria-labelledby="comments-heading"
          className="mt-2 flex min-h-0 flex-col gap-4 overflow-y-auto pr-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
        >
          {open.map((comment) => (
            <li key={comment.id} className="border-l-4 border-border-strong pl-3" data-testid="slide-comment">
              <Markdown className="text-xl leading-snug">{comment.body}</Markdown>
              <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
                <p className="text-base text-fg-muted">
                  {personName(comment.author)} · {formatRelative(comment.createdAt, now)}
                </p>
                {slide.canResolveComments && (
                  <Button
                    type="button"
                    variant="secondary"
                    size="sm"
                    className="text-base"
                    loading={pending && resolving === comment.id}
                    disabled={pending}
                    onClick={() => resolve(comment.id)}
                    aria-label={`Resolve the comment by ${personName(comment.author)}`}
                  >
                    <Check aria-hidden="true" /> Resolve
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
