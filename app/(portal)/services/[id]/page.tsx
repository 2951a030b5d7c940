import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen, ExternalLink, Gauge, GitBranch, LayoutDashboard, Pencil, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExportMenu } from "@/components/slo/export-menu";
import { SloTable } from "@/components/slo/slo-table";
import { requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { lifecycleLabels, tierDescriptions } from "@/lib/services/schema";
import { getService } from "@/lib/services/services.server";
import { toSloWithReportJson } from "@/lib/slo/api-schemas";
import { sloKeys } from "@/lib/slo/query-keys";
import { listServiceSloReports } from "@/lib/slo/reports.server";
import { orNotFound } from "../../_lib/or-not-found";
import { DeleteServiceButton } from "../_components/delete-service-button";

export const metadata: Metadata = { title: "Service" };

const lifecycleTone = { PRODUCTION: "info", EXPERIMENTAL: "neutral", DEPRECATED: "warning" } as const;

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const service = await orNotFound(getService(actor, id));
  const reports = await listServiceSloReports(actor, id);
  const canEdit = roleAllows(service.role, "edit");
  const canManage = roleAllows(service.role, "manage");
  const links = [
    { href: service.repoUrl, label: "Repository", Icon: GitBranch },
    { href: service.runbookUrl, label: "Runbook", Icon: BookOpen },
    { href: service.dashboardUrl, label: "Dashboard", Icon: LayoutDashboard },
  ].filter((link) => link.href);
  return (
    <>
      <PageHeader
        title={service.name}
        eyebrow={
          <span>
            <Link href="/services" className="link">
              Services
            </Link>{" "}
            · {service.team.name}
          </span>
        }
        description={service.description || undefined}
        actions={
          <>
            {canEdit && (
              <Link href={`/slos/new?service=${service.id}`} className={buttonVariants()}>
                <Plus aria-hidden="true" /> New SLO
              </Link>
            )}
            {reports.slos.length > 0 && <ExportMenu href={`/api/v1/services/${service.id}/export`} label="Export SLOs" />}
            {canEdit && (
              <Link href={`/services/${service.id}/edit`} className={buttonVariants({ variant: "secondary" })}>
                <Pencil aria-hidden="true" /> Edit
              </Link>
            )}
            {canManage && <DeleteServiceButton id={service.id} name={service.name} sloCount={reports.slos.length} />}
          </>
        }
      />
      <div className="mb-8 flex flex-wrap items-center gap-3">
        <Badge tone="neutral" title={tierDescriptions[service.tier]} className="text-base">
          Tier {service.tier}
        </Badge>
        <Badge tone={lifecycleTone[service.lifecycle]} className="text-base">
          {lifecycleLabels[service.lifecycle]}
        </Badge>
        <span className="font-mono text-fg-muted">{service.slug}</span>
        {links.map(({ href, label, Icon }) => (
          <a key={label} href={href!} target="_blank" rel="noreferrer noopener" className="link inline-flex items-center gap-1.5">
            <Icon aria-hidden="true" className="size-4" /> {label}
            <ExternalLink aria-hidden="true" className="size-3.5" />
          </a>
        ))}
      </div>
      <section aria-labelledby="service-slos" className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <h2 id="service-slos" className="text-2xl font-semibold">
            SLOs
          </h2>
          <p className="text-fg-muted">Worst first. Each SLO&apos;s data comes from the samples your systems push to its API endpoint, or from CSV uploads.</p>
        </div>
        <SloTable
            initial={{ asOf: reports.asOf, slos: reports.slos.map((entry) => toSloWithReportJson(entry, reports.asOf)) }}
            url={`/api/v1/services/${service.id}/slos`}
            queryKey={sloKeys.service(service.id)}
            showService={false}
            caption={`SLOs of ${service.name}`}
            empty={
              <EmptyState
                icon={<Gauge />}
                title="No SLOs yet"
                description={canEdit ? "Define what reliable means for this service: an availability or latency objective over 7, 28 or 30 days." : "A member of the team can define its SLOs."}
                titleAs="h3"
                action={
                  canEdit && (
                    <Link href={`/slos/new?service=${service.id}`} className={buttonVariants()}>
                      <Plus aria-hidden="true" /> New SLO
                    </Link>
                  )
                }
              />
            }
          />
      </section>
    </>
  );
}
