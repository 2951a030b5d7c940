"use client";
// MermaidDiagram: the one component that renders Mermaid (conventions #8). Load it through LazyMermaid so
// that pages without a diagram never ship mermaid. Strict security level (labels are encoded, no scripts),
// a fresh id per render, the theme follows the portal's dark mode, and a parse error is shown inline
// next to the source instead of blanking the page.
import mermaid from "mermaid";
import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";

export interface MermaidDiagramProps {
  /** The Mermaid source. Build it from data with escaped labels (see lib/agents/collaboration.ts). */
  source: string;
  /** What the diagram shows, read by screen readers in place of the drawing. */
  label: string;
  className?: string;
  /** "light" draws the light theme whatever the portal's theme (for paper: the print view). */
  theme?: "auto" | "light";
}

type RenderState = { status: "rendering" } | { status: "rendered"; svg: string } | { status: "error"; message: string };

let renderCount = 0;

function subscribeToTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const isDarkTheme = () => document.documentElement.classList.contains("dark");

/** Text sizes and colours chosen to stay readable on a projector in both themes. */
function mermaidConfig(dark: boolean) {
  return {
    startOnLoad: false,
    securityLevel: "strict" as const,
    theme: dark ? ("dark" as const) : ("default" as const),
    fontFamily: "inherit",
    themeVariables: {
      fontSize: "18px",
      ...(dark
        ? { primaryColor: "#1e293b", primaryBorderColor: "#94a3b8", primaryTextColor: "#f1f5f9", lineColor: "#cbd5e1", edgeLabelBackground: "#0f172a" }
        : { primaryColor: "#eef2ff", primaryBorderColor: "#4f46e5", primaryTextColor: "#0f172a", lineColor: "#475569", edgeLabelBackground: "#ffffff" }),
    },
    // Natural size; the container scales the SVG (by its viewBox) to its width, up to a readable maximum.
    flowchart: { useMaxWidth: false, htmlLabels: true, padding: 16, nodeSpacing: 48, rankSpacing: 64 },
  };
}

export default function MermaidDiagram({ source, label, className, theme = "auto" }: MermaidDiagramProps) {
  const portalDark = useSyncExternalStore(subscribeToTheme, isDarkTheme, () => false);
  const dark = theme === "auto" && portalDark;
  const baseId = useId().replace(/[^a-zA-Z0-9]/g, "");
  const [state, setState] = useState<RenderState>({ status: "rendering" });

  useEffect(() => {
    let cancelled = false;
    // A fresh id each time: mermaid keeps a temporary element per id, and a reused id can collide.
    const id = `mermaid-${baseId}-${++renderCount}`;
    mermaid.initialize(mermaidConfig(dark));
    mermaid
      .parse(source)
      .then(() => mermaid.render(id, source))
      .then(({ svg }) => {
        // Strict mode binds no click handlers; links in the diagram are plain SVG <a href> elements.
        if (!cancelled) setState({ status: "rendered", svg });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      // Mermaid leaves its scratch element behind when rendering fails.
      document.getElementById(`d${id}`)?.remove();
    };
  }, [source, dark, baseId]);

  if (state.status === "error") {
    return (
      <div className={cn("flex flex-col gap-3 rounded-md border border-critical/40 bg-critical-soft p-4 text-critical-fg", className)} role="group" aria-label={`${label} (not drawn)`}>
        <p className="font-medium">The diagram could not be drawn: {state.message}</p>
        <pre tabIndex={0} aria-label="Diagram source" className="overflow-x-auto rounded-md bg-surface p-3 font-mono text-sm text-fg" data-testid="mermaid-source">
          {source}
        </pre>
      </div>
    );
  }
  return (
    <div
      role="img"
      aria-label={label}
      aria-busy={state.status === "rendering"}
      data-testid="mermaid-diagram"
      className={cn("mermaid-diagram flex min-h-40 justify-center overflow-x-auto [&_svg]:h-auto [&_svg]:w-full [&_svg]:max-w-4xl", className)}
      // The SVG comes from mermaid with securityLevel "strict", which sanitises it with DOMPurify.
      dangerouslySetInnerHTML={state.status === "rendered" ? { __html: state.svg } : undefined}
    />
  );
}
