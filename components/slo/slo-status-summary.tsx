"use client";
// How many of the team's SLOs are in each status, big enough to read across a meeting room. Shares the
// team list's query, so both refresh together.
import { useQuery } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import type { SloListJson } from "@/lib/slo/api-schemas";
import { sloStatusOrder, sloStatusPresentation } from "@/lib/slo/present";
import { SLO_REFRESH_MS, fetchJson } from "@/lib/slo/query-keys";

const edge = { healthy: "border-l-healthy", warning: "border-l-warning", critical: "border-l-critical", nodata: "border-l-nodata" } as const;
const dot = { healthy: "bg-healthy", warning: "bg-warning", critical: "bg-critical", nodata: "bg-nodata" } as const;

export function SloStatusSummary({ initial, url, queryKey }: { initial: SloListJson; url: string; queryKey: readonly unknown[] }) {
  const { data } = useQuery({ queryKey, queryFn: () => fetchJson<SloListJson>(url), initialData: initial, refetchInterval: SLO_REFRESH_MS });
  if (data.slos.length === 0) return null;
  return (
    <section aria-label="SLOs by status" className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      {sloStatusOrder.map((status) => {
        const { label, tone } = sloStatusPresentation[status];
        const count = data.slos.filter((entry) => entry.report.status === status).length;
        return (
          <div key={status} className={cn("flex flex-col gap-1 rounded-md border border-l-4 border-border bg-surface px-4 py-3", edge[tone])} data-testid={`summary-${status}`}>
            <p className="flex items-center gap-2 font-medium text-fg-muted">
              <span aria-hidden="true" className={cn("size-2.5 rounded-full", dot[tone])} />
              {label}
            </p>
            <p className={cn("text-4xl font-bold tabular-nums", count === 0 && "text-fg-muted")}>{count}</p>
          </div>
        );
      })}
    </section>
  );
}
