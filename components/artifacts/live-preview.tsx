"use client";
// LivePreview: what the role would deliver for the answers as they are typed: the key figures and the
// diagrams, refreshed ~400 ms after the last change through POST /api/v1/agents/{role}/preview. Nothing
// is saved. While answers are invalid it says how many need fixing and keeps the last good preview.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronsLeft, ChevronsRight, CircleAlert, Code2, Eye, LoaderCircle, Workflow } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import type { AnyRoleDefinition, FormValues } from "@/lib/agents/types";
import { artifactsApi } from "@/lib/artifacts/api-client";
import { artifactKeys } from "@/lib/artifacts/query-keys";
import { stepOfErrorKey, validateRoleInput } from "@/lib/agents/form-logic";
import { labelForPath } from "@/lib/requests/answers";
import { ApiError } from "@/lib/api/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LazyMermaid } from "@/components/diagrams/lazy-mermaid";
import { CodeView } from "./code-view";
import { SummaryPanel } from "./summary-panel";
import { isDiagram, type ArtifactFile } from "./types";
import { EnlargeDiagram } from "@/components/artifacts/enlarge-diagram";

/** Refresh this long after the last change. */
export const PREVIEW_DELAY_MS = 400;

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export function LivePreview({
  role,
  values,
  open,
  onOpenChange,
  onGoToField,
  className,
}: {
  role: AnyRoleDefinition;
  values: FormValues;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Opens the step of a missing or wrong answer, with the cursor in it. */
  onGoToField?: (key: string) => void;
  className?: string;
}) {
  const debounced = useDebounced(values, PREVIEW_DELAY_MS);
  // The same validation as submitting: invalid answers are not sent, and the last valid ones stay shown.
  const validation = useMemo(() => validateRoleInput(role, debounced), [role, debounced]);
  const [lastValid, setLastValid] = useState<FormValues | undefined>(() => (validation.success ? debounced : undefined));
  if (validation.success && debounced !== lastValid) setLastValid(debounced);
  const invalidCount = validation.success ? 0 : Object.keys(validation.errors).length;
  // Which answers: their labels and steps, each a way to get there.
  const missing = useMemo(
    () =>
      validation.success
        ? []
        : Object.keys(validation.errors)
            .filter((key) => key !== "_form")
            .map((key) => ({ key, label: labelForPath(role, key), step: role.steps.find((step) => step.id === stepOfErrorKey(role, key))?.title ?? "" })),
    [role, validation],
  );

  const query = useQuery({
    queryKey: artifactKeys.preview(role.key, lastValid),
    queryFn: ({ signal }) => artifactsApi.preview(role.key, lastValid!, signal),
    enabled: open && lastValid !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const serverInvalid = query.error instanceof ApiError && query.error.status === 422 ? Math.max(1, query.error.issues.length) : 0;
  const toFix = invalidCount || serverInvalid;
  const preview = query.data;
  const diagrams = preview?.artifacts.filter(isDiagram) ?? [];

  if (!open) {
    return (
      <aside aria-label="Live preview" className={cn("no-print", className)}>
        <Button variant="secondary" onClick={() => onOpenChange(true)} aria-expanded={false} aria-controls="live-preview-body" className="w-full @min-[84rem]/role-form:h-auto @min-[84rem]/role-form:flex-col @min-[84rem]/role-form:py-4">
          <ChevronsLeft aria-hidden="true" className="hidden @min-[84rem]/role-form:block" />
          <Eye aria-hidden="true" /> <span className="@min-[84rem]/role-form:[writing-mode:vertical-rl]">Show live preview</span>
        </Button>
      </aside>
    );
  }

  return (
    <aside aria-labelledby="live-preview-title" className={cn("no-print flex flex-col gap-4 rounded-md border border-border bg-surface p-4", className)} data-testid="live-preview">
      <header className="flex items-start justify-between gap-3">
        <div>
          <h2 id="live-preview-title" className="flex items-center gap-2 text-xl font-semibold">
            <Eye aria-hidden="true" className="size-5" /> Live preview
          </h2>
          <p className="text-sm text-fg-muted">What the {role.title.toLowerCase()} would deliver. Nothing is saved.</p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => onOpenChange(false)} aria-expanded={true} aria-controls="live-preview-body" title="Hide the live preview">
          <ChevronsRight aria-hidden="true" /> Hide
        </Button>
      </header>
      <div id="live-preview-body" className="flex flex-col gap-4">
        <p aria-live="polite" className="min-h-6 text-sm" data-testid="live-preview-status">
          {toFix > 0 && lastValid === undefined ? (
            <span className="text-fg-muted">
              {toFix === 1 ? "1 answer" : `${toFix} answers`} to go before the first preview
            </span>
          ) : toFix > 0 ? (
            <span className="inline-flex items-center gap-1.5 font-medium text-warning-fg">
              <CircleAlert aria-hidden="true" className="size-4" />
              Fix {toFix === 1 ? "1 answer" : `${toFix} answers`} to update the preview
            </span>
          ) : query.isFetching || values !== debounced ? (
            <span className="inline-flex items-center gap-1.5 text-fg-muted">
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> Updating…
            </span>
          ) : query.error ? (
            <span className="font-medium text-critical-fg">The preview could not be made: {query.error.message}</span>
          ) : preview ? (
            <span className="text-fg-muted">
              Up to date · {preview.artifacts.length} files · generator {preview.generatorVersion}
            </span>
          ) : null}
        </p>
        {missing.length > 0 && (
          <div className="text-sm" data-testid="live-preview-missing">
            <p className="font-medium">{lastValid === undefined ? "Still to answer:" : "To fix:"}</p>
            <ul className="mt-1 flex flex-col gap-0.5">
              {missing.slice(0, 8).map((entry) => (
                <li key={entry.key}>
                  {onGoToField ? (
                    <a
                      href={`#${entry.key}`}
                      className="underline"
                      onClick={(event) => {
                        event.preventDefault();
                        onGoToField(entry.key);
                      }}
                    >
                      {entry.label}
                    </a>
                  ) : (
                    entry.label
                  )}
                  {entry.step && <span className="text-fg-muted"> · {entry.step}</span>}
                </li>
              ))}
              {missing.length > 8 && <li className="text-fg-muted">and {missing.length - 8} more</li>}
            </ul>
          </div>
        )}
        {!preview ? (
          lastValid === undefined && (
            <p className="rounded-md bg-surface-muted p-3 text-base text-fg-muted">The preview appears once the required answers are filled in.</p>
          )
        ) : (
          <div className={cn("flex flex-col gap-4 transition-opacity", (toFix > 0 || query.isPlaceholderData) && "opacity-75")}>
            {diagrams.map((diagram) => (
              <PreviewDiagram key={diagram.path} diagram={diagram} />
            ))}
            <SummaryPanel figures={preview.summary} compact />
            <details className="rounded-md border border-border">
              <summary className="cursor-pointer p-3 text-base font-medium">
                {preview.artifacts.length} files will be delivered
              </summary>
              <ul className="flex flex-col gap-0.5 border-t border-border p-3 font-mono text-sm">
                {preview.artifacts.map((artifact) => (
                  <li key={artifact.path} className="break-all">
                    {artifact.path}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        )}
      </div>
    </aside>
  );
}

function PreviewDiagram({ diagram }: { diagram: ArtifactFile }) {
  const [showSource, setShowSource] = useState(false);
  return (
    <figure className="flex flex-col gap-2" data-testid="live-preview-diagram">
      <figcaption className="flex items-center justify-between gap-2">
        <span className="font-mono text-sm font-semibold break-all">{diagram.path}</span>
        <span className="flex shrink-0 gap-1">
          <Button variant="ghost" size="sm" aria-pressed={showSource} onClick={() => setShowSource((value) => !value)}>
            {showSource ? <Workflow aria-hidden="true" /> : <Code2 aria-hidden="true" />} {showSource ? "Diagram" : "Source"}
          </Button>
          <EnlargeDiagram path={diagram.path} source={diagram.content} label={`Preview of ${diagram.path}`} />
        </span>
      </figcaption>
      {showSource ? (
        <CodeView artifact={diagram} className="max-h-96 text-sm" />
      ) : (
        <div className="rounded-md border border-border p-2">
          <LazyMermaid source={diagram.content} label={`Preview of ${diagram.path}`} />
        </div>
      )}
    </figure>
  );
}
