"use client";
// LazyMermaid: MermaidDiagram loaded on demand in the browser only, so mermaid stays out of every page's
// server render and out of the bundles of pages that draw no diagram.
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { MermaidDiagramProps } from "./mermaid-diagram";

const MermaidDiagram = dynamic(() => import("./mermaid-diagram"), {
  ssr: false,
  loading: () => (
    <div aria-busy="true">
      <span className="sr-only">Drawing the diagram…</span>
      <Skeleton className="h-64 w-full" />
    </div>
  ),
});

export function LazyMermaid(props: MermaidDiagramProps) {
  return <MermaidDiagram {...props} />;
}
