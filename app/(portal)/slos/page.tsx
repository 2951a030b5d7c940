import type { Metadata } from "next";
import Link from "next/link";
import { Gauge, Plus } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExportMenu } from "@/components/slo/export-menu";
import { SloStatusSummary } from "@/components/slo/slo-status-summary";
import { SloTable } from "@/components/slo/slo-table";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { toSloWithReportJson } from "@/lib/slo/api-schemas";
import { sloKeys } from "@/lib/slo/query-keys";
import { listTeamSloReports } from "@/lib/slo/reports.server";
import { NoTeam } from "../settings/_components/no-team";

export const metadata: Metadata = { title: "SLOs" };

export default async function SlosPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const reports = await listTeamSloReports(actor, team.slug);
  const initial = { asOf: reports.asOf, slos: reports.slos.map((entry) => toSloWithReportJson(entry, reports.asOf)) };
  const canEdit = roleAllows(team.role, "edit");
  return (
    <>
      <PageHeader
        title="SLOs"
        description={`Every SLO of ${team.name}, worst first: how much error budget is left and how fast it burns.`}
        actions={
          <>
            {canEdit && (
              <Link href="/slos/new" className={buttonVariants()}>
                <Plus aria-hidden="true" /> New SLO
              </Link>
            )}
            {initial.slos.length > 0 && <ExportMenu href={`/api/v1/teams/${team.slug}/slos/export`} label="Export all" />}
          </>
        }
      />
      <SloStatusSummary initial={initial} url={`/api/v1/teams/${team.slug}/slos`} queryKey={sloKeys.team(team.slug)} />
      <SloTable
        initial={initial}
        url={`/api/v1/teams/${team.slug}/slos`}
        queryKey={sloKeys.team(team.slug)}
        showService
        caption={`SLOs of ${team.name}`}
        empty={
          <EmptyState
            icon={<Gauge />}
            title="No SLOs yet"
            description={canEdit ? "Pick a service and define its first objective: availability or latency, over 7, 28 or 30 days. Then push SLI samples to its API endpoint, or upload a CSV." : "A member of the team can define SLOs for its services."}
            action={
              canEdit && (
                <Link href="/slos/new" className={buttonVariants()}>
                  <Plus aria-hidden="true" /> New SLO
                </Link>
              )
            }
          />
        }
      />
    </>
  );
}
