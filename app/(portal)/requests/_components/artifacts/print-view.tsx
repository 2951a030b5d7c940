"use client";
// The print view of a request revision: requirements, key figures and every artifact expanded, each file
// on its own page, diagrams drawn. With ?print=1 it opens the print dialog once every diagram is drawn.
import { ArrowLeft, Printer } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useRef } from "react";
import type { FormValues } from "@/lib/agents/types";
import { formatSize } from "@/lib/artifacts/languages";
import type { RevisionArtifacts } from "@/lib/artifacts/schema";
import { describeAnswers } from "@/lib/requests/answers";
import { pruneHidden } from "@/lib/agents/form-logic";
import { Button, buttonVariants } from "@/components/ui/button";
import { AnswersView } from "@/components/forms/role-form/answers-view";
import { useRoleDefinition } from "@/components/roles/role-context";
import { LazyMermaid } from "@/components/diagrams/lazy-mermaid";
import { CodeView } from "@/components/artifacts/code-view";
import { SummaryPanel } from "@/components/artifacts/summary-panel";
import { isDiagram } from "@/components/artifacts/types";

/** Give up waiting for diagrams after this long and print what is there. */
const DIAGRAM_WAIT_MS = 15_000;

/** The answers' labels come from the role given by the page's <WithRole>. */
export function PrintView({ artifacts, input, autoPrint }: { artifacts: RevisionArtifacts; input: FormValues; autoPrint: boolean }) {
  const role = useRoleDefinition();
  const sections = useMemo(() => (role ? describeAnswers(role, pruneHidden(role, input)) : []), [role, input]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!autoPrint) return;
    const started = Date.now();
    // Print once every diagram is drawn (or failed and shows its source), so the paper has them.
    const timer = setInterval(() => {
      const pending = root.current?.querySelectorAll('[aria-busy="true"]').length ?? 0;
      if (pending === 0 || Date.now() - started > DIAGRAM_WAIT_MS) {
        clearInterval(timer);
        window.print();
      }
    }, 200);
    return () => clearInterval(timer);
  }, [autoPrint]);

  return (
    <div ref={root} className="flex flex-col gap-8" data-testid="print-view">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/requests/${artifacts.requestId}`} className="inline-flex items-center gap-1 text-base">
          <ArrowLeft aria-hidden="true" className="size-4" /> Back to the request
        </Link>
        <Button onClick={() => window.print()}>
          <Printer aria-hidden="true" /> Print
        </Button>
      </div>

      <header className="flex flex-col gap-2">
        <p className="text-base text-fg-muted">
          {artifacts.role.title} · {artifacts.team.name} · revision {artifacts.revision} · generator {artifacts.generatorVersion}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{artifacts.title}</h1>
      </header>

      <section aria-labelledby="print-requirements" className="flex flex-col gap-3">
        <h2 id="print-requirements" className="text-2xl font-semibold">
          Requirements
        </h2>
        {sections.length > 0 ? <AnswersView sections={sections} /> : <pre className="text-sm whitespace-pre-wrap">{JSON.stringify(input, null, 2)}</pre>}
      </section>

      <section aria-labelledby="print-figures" className="flex flex-col gap-3 break-before-page">
        <h2 id="print-figures" className="text-2xl font-semibold">
          Key figures
        </h2>
        <SummaryPanel figures={artifacts.summary} />
        <h2 className="mt-4 text-2xl font-semibold">Files</h2>
        <table className="w-full border-collapse text-left text-base">
          <thead>
            <tr className="border-b border-border">
              <th className="py-1 pr-4">Path</th>
              <th className="py-1 pr-4 text-right">Size</th>
              <th className="py-1">sha256</th>
            </tr>
          </thead>
          <tbody>
            {artifacts.artifacts.map((artifact) => (
              <tr key={artifact.path} className="border-b border-border">
                <td className="py-1 pr-4 font-mono text-sm break-all">{artifact.path}</td>
                <td className="py-1 pr-4 text-right tabular-nums">{formatSize(artifact.size)}</td>
                <td className="py-1 font-mono text-sm">{artifact.sha256.slice(0, 12)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {artifacts.artifacts.map((artifact) => (
        <section key={artifact.path} className="artifact-print-file flex flex-col gap-3" aria-label={artifact.path}>
          <h3 className="font-mono text-xl font-semibold break-all">{artifact.path}</h3>
          <p className="text-sm text-fg-muted">
            {artifact.kind} · {formatSize(artifact.size)} · sha256 {artifact.sha256.slice(0, 12)}
          </p>
          {isDiagram(artifact) && (
            <div className="rounded-md border border-border bg-white p-4">
              <LazyMermaid source={artifact.content} label={`Diagram ${artifact.path}`} theme="light" />
            </div>
          )}
          <CodeView artifact={artifact} />
        </section>
      ))}
      <p className="no-print">
        <Link href={`/requests/${artifacts.requestId}`} className={buttonVariants({ variant: "secondary" })}>
          <ArrowLeft aria-hidden="true" /> Back to the request
        </Link>
      </p>
    </div>
  );
}
