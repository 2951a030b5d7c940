"use client";
// Markdown in client components, loaded on demand. The parser and its plugins (react-markdown, remark-gfm,
// micromark) are about 130 KB of script that a page needs only once it shows a comment, a note or a
// postmortem, often behind a tab. Until that chunk is there the text is shown as typed (the server's HTML
// already holds the rendered Markdown, which stays until the chunk hydrates it). Server components import
// the renderers themselves and ship no script at all.
import { lazy, Suspense } from "react";
import { cn } from "@/components/ui/cn";

const CommentMarkdown = lazy(() => import("./comment-markdown").then((module) => ({ default: module.Markdown })));
const DocumentMarkdown = lazy(() => import("./document-markdown").then((module) => ({ default: module.MarkdownView })));

function PlainText({ text, className }: { text: string; className?: string }) {
  return <div className={cn("text-base leading-7 break-words whitespace-pre-wrap text-fg", className)}>{text}</div>;
}

/** Markdown from people (comments, notes): see comment-markdown.tsx. */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <Suspense fallback={<PlainText text={children} className={className} />}>
      <CommentMarkdown className={className}>{children}</CommentMarkdown>
    </Suspense>
  );
}

/** A Markdown document (postmortem, meeting minutes, incident summary): see document-markdown.tsx. */
export function MarkdownView({ markdown, className }: { markdown: string; className?: string }) {
  return (
    <Suspense fallback={<PlainText text={markdown} className={className} />}>
      <DocumentMarkdown markdown={markdown} className={className} />
    </Suspense>
  );
}
