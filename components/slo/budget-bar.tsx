// Error budget remaining as a bar: full when untouched, empty at exhaustion; overspending shows as a
// critical bar with the negative figure. Always paired with the number, so colour is never the only signal.
import { cn } from "@/components/ui/cn";
import type { Status } from "@/components/ui/badge";
import { formatBudget } from "@/lib/slo/present";

const fillClass: Record<Status, string> = { healthy: "bg-healthy", warning: "bg-warning", critical: "bg-critical", nodata: "bg-nodata" };

export function BudgetBar({ remaining, tone, className, label }: { remaining: number | null; tone: Status; className?: string; label?: string }) {
  const percent = remaining === null ? 0 : Math.max(0, Math.min(100, remaining * 100));
  const text = formatBudget(remaining);
  return (
    <div className={cn("flex min-w-36 items-center gap-3", className)}>
      <div
        role="meter"
        aria-label={label ?? "Error budget remaining"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={remaining === null ? "No data" : `${text} of the error budget left`}
        className={cn("relative h-3 flex-1 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset", remaining !== null && remaining <= 0 && "bg-critical-soft")}
      >
        {remaining !== null && <div className={cn("h-full rounded-full", fillClass[tone])} style={{ width: `${percent}%` }} />}
      </div>
      <span className={cn("w-[4.5rem] shrink-0 text-right font-semibold tabular-nums", remaining !== null && remaining <= 0 && "text-critical-fg")}>{remaining === null ? "—" : text}</span>
    </div>
  );
}
