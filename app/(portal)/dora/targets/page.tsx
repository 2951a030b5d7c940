import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { getTeamTargets, type TargetRow } from "@/lib/deployments/targets.server";
import { displayUnits, toDisplay, type Verdict } from "@/lib/deployments/targets";
import { formatPerDay, formatRate, formatSeconds } from "@/lib/deployments/present";
import type { Status } from "@/lib/status";
import { NoTeam } from "../../incidents/_components/no-team";
import { TargetEditor } from "../_components/target-editor";

export const metadata: Metadata = { title: "Targets vs actuals" };

const verdicts: Record<Verdict, { tone: Status | "neutral"; label: string }> = {
  met: { tone: "healthy", label: "Met" },
  missed: { tone: "critical", label: "Missed" },
  "no-data": { tone: "nodata", label: "No data" },
  "not-measured": { tone: "neutral", label: "Not measured here" },
};

function measuredText(row: TargetRow): string {
  if (row.measured === null) return row.measuredSource ? "No data" : "—";
  if (!row.threshold) return String(row.measured);
  if (row.threshold.unit === "per-day") return formatPerDay(row.measured);
  if (row.threshold.unit === "seconds") return formatSeconds(row.measured);
  return row.measured > 0.99 ? `${(row.measured * 100).toFixed(3)} %` : formatRate(row.measured);
}

export default async function TargetsPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam title="Targets vs actuals" />;
  const { targets, canEdit } = await getTeamTargets(actor, team.slug);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/dora" className="link">
            DORA metrics
          </Link>
        }
        title="Targets vs actuals"
        description={`${team.name}: each role's targets from the roles catalog beside what the portal measured. ${canEdit ? "Maintainers can set the team's own value; the role's stays as the seed." : "Maintainers can set the team's own values."}`}
      />
      <Table containerClassName="rounded-md border border-border">
        <THead>
          <TR>
            <TH scope="col">Role</TH>
            <TH scope="col">Target</TH>
            <TH scope="col">Team&apos;s target</TH>
            <TH scope="col">Measured</TH>
            <TH scope="col">Verdict</TH>
            <TH scope="col">Evidence</TH>
          </TR>
        </THead>
        <TBody>
          {targets.map((row) => {
            const verdict = verdicts[row.verdict];
            return (
              <TR key={row.key} data-testid={`target-${row.key}`}>
                <TD>
                  <Link href={`/roles/${row.role.key}`} className="link">
                    {row.role.title}
                  </Link>
                </TD>
                <TD>
                  <span className="font-medium">{row.label}</span>
                  <span className="block text-sm text-fg-muted">Role: {row.seed}</span>
                </TD>
                <TD>
                  {canEdit && row.threshold ? (
                    <div className="flex flex-col gap-1">
                      <span className="text-sm">
                        {row.thresholdText}
                        {row.overridden ? " (the team's own)" : ""}
                      </span>
                      <TargetEditor
                        key={`${row.key}-${row.version}`}
                        team={team.slug}
                        targetKey={row.key}
                        label={row.label}
                        value={toDisplay(row.threshold.value, row.threshold.unit)}
                        unit={displayUnits[row.threshold.unit]}
                        version={row.version}
                        overridden={row.overridden}
                      />
                    </div>
                  ) : (
                    <span>
                      {row.thresholdText}
                      {row.overridden ? " (the team's own)" : ""}
                    </span>
                  )}
                </TD>
                <TD>
                  <span className="text-xl font-semibold tabular-nums">{measuredText(row)}</span>
                  {row.measuredSource && <span className="block text-sm text-fg-muted">{row.measuredSource}</span>}
                </TD>
                <TD>
                  <Badge tone={verdict.tone} data-testid={`verdict-${row.key}`}>
                    {verdict.label}
                  </Badge>
                </TD>
                <TD>
                  {row.evidence ? (
                    <Link href={row.evidence} className="link">
                      See the figures
                    </Link>
                  ) : (
                    <span className="text-sm text-fg-muted">The portal has no source for this yet</span>
                  )}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </>
  );
}
