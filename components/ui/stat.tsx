// Stat: one big number with its label and a hint, sized to be read from the back of a meeting room.
import type { ReactNode } from "react";
import { StatusDot, statusLabels, type Tone } from "./badge";
import { cn } from "./cn";

const toneBorder: Record<Tone, string> = {
  neutral: "border-l-border",
  info: "border-l-info",
  healthy: "border-l-healthy",
  warning: "border-l-warning",
  critical: "border-l-critical",
  nodata: "border-l-nodata",
};

export type StatProps = {
  label: ReactNode;
  value: ReactNode;
  /** One line of context: the target, the trend, the time window. */
  hint?: ReactNode;
  /** Status of the number; shown as a coloured edge plus a word ("Critical"), never colour alone. */
  tone?: Tone;
  /** Overrides the status word shown next to the label. */
  toneLabel?: string;
  className?: string;
};

export function Stat({ label, value, hint, tone = "neutral", toneLabel, className }: StatProps) {
  const statusWord = toneLabel ?? (tone === "neutral" || tone === "info" ? undefined : statusLabels[tone]);
  return (
    <div
      className={cn(
        "flex flex-col gap-2 rounded-md border border-l-4 border-border bg-surface p-5",
        toneBorder[tone],
        className,
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <p className="text-base font-medium text-fg-muted">{label}</p>
        {statusWord && <StatusDot status={tone} label={statusWord} className="text-sm font-medium" />}
      </div>
      <p className="text-4xl font-bold tracking-tight text-fg tabular-nums lg:text-5xl">{value}</p>
      {hint && <p className="text-base text-fg-muted">{hint}</p>}
    </div>
  );
}
