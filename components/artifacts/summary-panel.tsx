// SummaryPanel: the generator's key figures (label, value with its unit, one line of detail), large
// enough to read on a projector.
import { cn } from "@/components/ui/cn";
import type { SummaryFigure } from "./types";

export function SummaryPanel({ figures, className, compact = false }: { figures: SummaryFigure[]; className?: string; compact?: boolean }) {
  if (figures.length === 0) return null;
  return (
    <dl
      className={cn("grid gap-3", compact ? "grid-cols-1 sm:grid-cols-2" : "grid-cols-1 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4", className)}
      data-testid="artifact-summary"
    >
      {figures.map((figure) => (
        <div key={figure.key} className="flex flex-col gap-1 rounded-md border border-l-4 border-border border-l-info bg-surface p-4 break-inside-avoid">
          <dt className="text-base font-medium text-fg-muted">{figure.label}</dt>
          <dd className={cn("font-bold tracking-tight text-fg tabular-nums", compact ? "text-2xl" : "text-3xl")}>
            {typeof figure.value === "number" ? figure.value.toLocaleString("en") : figure.value}
            {figure.unit && <span className="ml-1.5 text-lg font-semibold text-fg-muted">{figure.unit}</span>}
          </dd>
          {figure.detail && <dd className="text-sm text-fg-muted">{figure.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
