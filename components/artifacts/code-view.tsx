"use client";
// CodeView: an artifact's text with line numbers, shown at once as plain text and coloured as soon as the
// highlighter (loaded on demand, see highlighter.ts) has tokenised it.
import { useEffect, useState } from "react";
import { languageOf, type HighlightLanguage } from "@/lib/artifacts/languages";
import { cn } from "@/components/ui/cn";
import type { HighlightedLine } from "./highlighter";
import "./artifacts.css";

/** Files past this size are shown without colours: tokenising them would stall the page. */
const HIGHLIGHT_LIMIT_BYTES = 300_000;

export function CodeView({ artifact, className, label }: { artifact: { path: string; mediaType: string; content: string }; className?: string; label?: string }) {
  const language = languageOf(artifact);
  const [highlighted, setHighlighted] = useState<{ content: string; lines: HighlightedLine[] } | undefined>();

  useEffect(() => {
    if (language === "text" || artifact.content.length > HIGHLIGHT_LIMIT_BYTES) return;
    let cancelled = false;
    import("./highlighter")
      .then(({ highlight }) => highlight(artifact.content, language as HighlightLanguage))
      .then((lines) => {
        if (!cancelled) setHighlighted({ content: artifact.content, lines });
      })
      // Highlighting is a nicety: on failure the plain text stays.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [artifact.content, language]);

  const lines: HighlightedLine[] =
    highlighted?.content === artifact.content ? highlighted.lines : artifact.content.replace(/\n$/, "").split("\n").map((text) => [{ content: text }]);
  // The highlighter keeps a final empty line for a trailing newline; the plain view drops it. Drop it in both.
  const shown = lines.length > 1 && lines.at(-1)!.every((token) => token.content === "") ? lines.slice(0, -1) : lines;

  return (
    <pre
      className={cn("artifact-code overflow-x-auto rounded-md border border-border bg-surface py-3 font-mono text-[0.95rem] leading-relaxed", className)}
      data-language={language}
      data-highlighted={highlighted?.content === artifact.content ? "true" : "false"}
      data-testid="artifact-code"
      tabIndex={0}
      aria-label={label ?? `Contents of ${artifact.path}`}
    >
      <code>
        {shown.map((line, index) => (
          <span key={index} className="artifact-line">
            {line.map((token, position) => (
              <span key={position} style={token.style}>
                {token.content}
              </span>
            ))}
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}
