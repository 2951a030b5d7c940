"use client";
// ArtifactsDiffView: what changed in the artifacts from revision A to B: counts, then each changed file
// with its unified line diff, added and removed files (open them to read), unchanged files collapsed.
import { ChevronRight } from "lucide-react";
import { useMemo } from "react";
import { diffArtifacts, lineDiff, type FileChange, type FileChangeStatus } from "@/lib/artifacts/diff";
import { formatSize } from "@/lib/artifacts/languages";
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CodeView } from "./code-view";
import type { ArtifactFile } from "./types";

const statusTone: Record<FileChangeStatus, Tone> = { added: "healthy", removed: "critical", changed: "info", unchanged: "neutral" };
const statusWord: Record<FileChangeStatus, string> = { added: "Added", removed: "Removed", changed: "Changed", unchanged: "Unchanged" };

type Comparable = ArtifactFile & { sha256: string; size: number };

export function ArtifactsDiffView({ from, to }: { from: { revision: number; artifacts: Comparable[] }; to: { revision: number; artifacts: Comparable[] } }) {
  const diff = useMemo(() => diffArtifacts(from.artifacts, to.artifacts), [from.artifacts, to.artifacts]);
  const differing = diff.files.filter((file) => file.status !== "unchanged");
  const unchanged = diff.files.filter((file) => file.status === "unchanged");

  return (
    <div className="flex flex-col gap-4" data-testid="artifacts-diff">
      <p className="flex flex-wrap items-center gap-2 text-base" aria-live="polite">
        <span className="font-medium">
          Revision {from.revision} → revision {to.revision}:
        </span>
        {(["changed", "added", "removed", "unchanged"] as const).map((status) => (
          <Badge key={status} tone={statusTone[status]}>
            {diff.counts[status]} {statusWord[status].toLowerCase()}
          </Badge>
        ))}
      </p>
      {differing.length === 0 && (
        <p className="rounded-md bg-surface-muted p-4 text-base text-fg-muted">
          {from.revision === to.revision ? "Pick two different revisions to see what changed." : "The artifacts of these two revisions are identical."}
        </p>
      )}
      <ul className="flex flex-col gap-3">
        {differing.map((file) => (
          <li key={file.path}>
            <ChangedFile file={file} />
          </li>
        ))}
      </ul>
      {unchanged.length > 0 && (
        <details className="group rounded-md border border-border bg-surface">
          <summary className="flex cursor-pointer items-center gap-2 p-3 text-base font-medium">
            <ChevronRight aria-hidden="true" className="size-4 transition-transform group-open:rotate-90" />
            {unchanged.length === 1 ? "1 unchanged file" : `${unchanged.length} unchanged files`}
          </summary>
          <ul className="flex flex-col gap-1 border-t border-border p-3 font-mono text-sm">
            {unchanged.map((file) => (
              <li key={file.path}>{file.path}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ChangedFile({ file }: { file: FileChange<Comparable> }) {
  const diff = useMemo(() => (file.status === "changed" ? lineDiff(file.before!.content, file.after!.content) : undefined), [file]);
  const shown = (file.after ?? file.before)!;
  return (
    <details className="group rounded-md border border-border bg-surface" open={file.status === "changed"} data-testid="artifact-change" data-status={file.status}>
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 p-3">
        <ChevronRight aria-hidden="true" className="size-4 shrink-0 transition-transform group-open:rotate-90" />
        <Badge tone={statusTone[file.status]}>{statusWord[file.status]}</Badge>
        <span className="min-w-0 font-mono text-base font-semibold break-all">{file.path}</span>
        <span className="text-sm text-fg-muted">
          {diff ? (
            <>
              <span className="text-healthy-fg">+{diff.added}</span> <span className="text-critical-fg">−{diff.removed}</span> lines
            </>
          ) : (
            formatSize(shown.size ?? shown.content.length)
          )}
        </span>
      </summary>
      <div className="border-t border-border">
        {diff ? (
          <UnifiedDiff hunks={diff.hunks} path={file.path} />
        ) : (
          <CodeView artifact={shown} className="max-h-[32rem] rounded-none border-0" label={`${statusWord[file.status]} file ${file.path}`} />
        )}
      </div>
    </details>
  );
}

const lineClasses = {
  added: "bg-healthy-soft/70 text-fg",
  removed: "bg-critical-soft/70 text-fg",
  context: "text-fg",
} as const;
const marker = { added: "+", removed: "−", context: " " } as const;

function UnifiedDiff({ hunks, path }: { hunks: ReturnType<typeof lineDiff>["hunks"]; path: string }) {
  return (
    <div className="max-h-[36rem] overflow-auto" role="region" aria-label={`Line changes in ${path}`} tabIndex={0}>
      <table className="w-full border-collapse font-mono text-[0.95rem] leading-relaxed">
        <caption className="sr-only">Changed lines of {path}: old line number, new line number, change, text</caption>
        {hunks.map((hunk, index) => (
          <tbody key={index}>
            <tr className="bg-surface-muted text-fg-muted">
              <td colSpan={4} className="px-3 py-1 text-sm">
                {hunk.header}
              </td>
            </tr>
            {hunk.lines.map((line, position) => (
              <tr key={position} className={lineClasses[line.kind]} data-kind={line.kind}>
                <td className="w-12 border-r border-border px-2 text-right text-sm text-fg-muted select-none">{line.oldNumber ?? ""}</td>
                <td className="w-12 border-r border-border px-2 text-right text-sm text-fg-muted select-none">{line.newNumber ?? ""}</td>
                <td className={cn("w-6 px-1 text-center font-bold select-none", line.kind === "added" ? "text-healthy-fg" : line.kind === "removed" ? "text-critical-fg" : "")}>
                  <span aria-label={line.kind === "context" ? undefined : line.kind}>{marker[line.kind]}</span>
                </td>
                <td className="pr-4 whitespace-pre">{line.text}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
