// SummaryPanel: the generator's key figures (label, value with its unit, one line of detail): cards large
// enough to read on a projector, or compact rows for the live preview beside the form.
import { cn } from "@/components/ui/cn";
import type { SummaryFigure } from "./types";

const formatValue = (value: SummaryFigure["value"]) => (typeof value === "number" ? value.toLocaleString("en") : value);

export function SummaryPanel({ figures, className, compact = false }: { figures: SummaryFigure[]; className?: string; compact?: boolean }) {
  if (figures.length === 0) return null;
  if (compact) {
    return (
      <dl className={cn("flex flex-col divide-y divide-border rounded-md border border-border", className)} data-testid="artifact-summary">
        {figures.map((figure) => (
          // One div per figure, directly holding its dt and dd (a <dl> allows one wrapper level, no more).
          <div key={figure.key} className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3 gap-y-0.5 px-3 py-2">
            <dt className="text-base text-fg-muted">{figure.label}</dt>
            <dd className="text-right text-xl font-bold text-fg tabular-nums">
              {formatValue(figure.value)}
              {figure.unit && <span className="ml-1 text-base font-semibold text-fg-muted">{figure.unit}</span>}
            </dd>
            {figure.detail && <dd className="col-span-2 text-sm text-fg-muted">{figure.detail}</dd>}
          </div>
        ))}
      </dl>
    );
  }
  return (
    <dl className={cn("grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4", className)} data-testid="artifact-summary">
      {figures.map((figure) => (
        <div key={figure.key} className="flex flex-col gap-1 rounded-md border border-l-4 border-border border-l-info bg-surface p-4 break-inside-avoid">
          <dt className="text-base font-medium text-fg-muted">{figure.label}</dt>
          <dd className="text-3xl font-bold tracking-tight text-fg tabular-nums">
            {formatValue(figure.value)}
            {figure.unit && <span className="ml-1.5 text-lg font-semibold text-fg-muted">{figure.unit}</span>}
          </dd>
          {figure.detail && <dd className="text-sm text-fg-muted">{figure.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
