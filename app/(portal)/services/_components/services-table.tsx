"use client";
// The catalog table. Sorting is done by the server (the list is paged), so a header click changes the URL.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { BookOpen, GitBranch, LayoutDashboard } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { SortableHeader, TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { SloStatusBadge } from "@/components/slo/slo-status-badge";
import { formatDate } from "@/lib/format";
import { lifecycleLabels, type ServiceLifecycleValue } from "@/lib/services/labels";
import type { ServiceSortKey } from "@/lib/services/schema";
import type { SloStatus } from "@/lib/slo/math";

export interface ServiceRow {
  id: string;
  name: string;
  slug: string;
  tier: number;
  lifecycle: ServiceLifecycleValue;
  description: string;
  repoUrl: string | null;
  runbookUrl: string | null;
  dashboardUrl: string | null;
  updatedAt: string;
  sloCount: number;
  worstStatus: SloStatus | null;
}

const lifecycleTone = { PRODUCTION: "info", EXPERIMENTAL: "neutral", DEPRECATED: "warning" } as const;

export function ServicesTable({ rows, sort, dir }: { rows: ServiceRow[]; sort: ServiceSortKey; dir: "asc" | "desc" }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const header = (key: ServiceSortKey) => ({
    sorted: sort === key ? dir : (false as const),
    onSort: () => {
      const next = new URLSearchParams(searchParams.toString());
      next.set("sort", key);
      next.set("dir", sort === key && dir === "asc" ? "desc" : "asc");
      next.delete("page");
      router.push(`${pathname}?${next.toString()}`);
    },
  });
  return (
    <Table data-testid="services-table">
      <TableCaption className="sr-only">Services</TableCaption>
      <THead>
        <TR>
          <SortableHeader {...header("name")}>Service</SortableHeader>
          <SortableHeader {...header("tier")}>Tier</SortableHeader>
          <SortableHeader {...header("lifecycle")}>Lifecycle</SortableHeader>
          <TH>SLOs</TH>
          <TH>Links</TH>
          <SortableHeader {...header("updatedAt")}>Updated</SortableHeader>
        </TR>
      </THead>
      <TBody>
        {rows.map((service) => (
          <TR key={service.id} data-testid={`service-${service.slug}`}>
            <TD className="max-w-xs">
              <Link href={`/services/${service.id}`} className="link text-lg font-semibold">
                {service.name}
              </Link>
              <span className="block truncate text-sm text-fg-muted" title={service.description || undefined}>
                <span className="font-mono">{service.slug}</span>
                {service.description ? ` · ${service.description}` : ""}
              </span>
            </TD>
            <TD className="whitespace-nowrap">Tier {service.tier}</TD>
            <TD>
              <Badge tone={lifecycleTone[service.lifecycle]}>{lifecycleLabels[service.lifecycle]}</Badge>
            </TD>
            <TD>
              {service.sloCount === 0 ? (
                <span className="text-fg-muted">None</span>
              ) : (
                <span className="flex items-center gap-2 whitespace-nowrap">
                  <span className="tabular-nums">{service.sloCount}</span>
                  {service.worstStatus && <SloStatusBadge status={service.worstStatus} />}
                </span>
              )}
            </TD>
            <TD>
              <span className="flex gap-1">
                {[
                  { href: service.repoUrl, label: "Repository", Icon: GitBranch },
                  { href: service.runbookUrl, label: "Runbook", Icon: BookOpen },
                  { href: service.dashboardUrl, label: "Dashboard", Icon: LayoutDashboard },
                ].map(({ href, label, Icon }) =>
                  href ? (
                    <a key={label} href={href} target="_blank" rel="noreferrer noopener" title={`${label} of ${service.name}`} aria-label={`${label} of ${service.name}`} className="inline-flex size-9 items-center justify-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg">
                      <Icon aria-hidden="true" className="size-5" />
                    </a>
                  ) : null,
                )}
              </span>
            </TD>
            <TD className="whitespace-nowrap text-fg-muted">{formatDate(service.updatedAt)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
