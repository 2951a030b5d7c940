// Badge and StatusDot: the status colours (healthy, warning, critical, no data, info), always paired with a word.
import type { ComponentProps } from "react";
import type { Status } from "@/lib/status";
import { cn } from "./cn";

export type { Status };
export type Tone = "neutral" | "info" | Status;

/** The words that go with each status, so colour is never the only signal. */
export const statusLabels: Record<Status, string> = {
  healthy: "Healthy",
  warning: "Warning",
  critical: "Critical",
  nodata: "No data",
};

const badgeToneClasses: Record<Tone, string> = {
  neutral: "border-border bg-surface-muted text-fg",
  info: "border-info/40 bg-info-soft text-info-fg",
  healthy: "border-healthy/40 bg-healthy-soft text-healthy-fg",
  warning: "border-warning/40 bg-warning-soft text-warning-fg",
  critical: "border-critical/40 bg-critical-soft text-critical-fg",
  nodata: "border-nodata/40 bg-nodata-soft text-nodata-fg",
};

const dotToneClasses: Record<Tone, string> = {
  neutral: "bg-fg-muted",
  info: "bg-info",
  healthy: "bg-healthy",
  warning: "bg-warning",
  critical: "bg-critical",
  nodata: "bg-nodata",
};

export type BadgeProps = ComponentProps<"span"> & { tone?: Tone };

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-sm font-medium whitespace-nowrap",
        "[&_svg]:size-[1em] [&_svg]:shrink-0",
        badgeToneClasses[tone],
        className,
      )}
      {...props}
    />
  );
}

export type StatusDotProps = Omit<ComponentProps<"span">, "children"> & {
  status: Tone;
  /** Text next to the dot; defaults to the status word ("Healthy", "No data"…). */
  label?: string;
  /** Show only the dot; the label is still read by screen readers. */
  hideLabel?: boolean;
};

export function StatusDot({ status, label, hideLabel = false, className, ...props }: StatusDotProps) {
  const text = label ?? (status === "neutral" || status === "info" ? "" : statusLabels[status]);
  return (
    <span className={cn("inline-flex items-center gap-2 text-base text-fg", className)} {...props}>
      <span aria-hidden="true" className={cn("size-2.5 shrink-0 rounded-full", dotToneClasses[status])} />
      {text && <span className={hideLabel ? "sr-only" : undefined}>{text}</span>}
    </span>
  );
}
