import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Select } from "@/components/ui/select";
import { Button, buttonVariants } from "@/components/ui/button";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { getOrganisationDora, getTeamDora } from "@/lib/deployments/dora.server";
import { doraBuckets, doraWindows, type DoraWindow } from "@/lib/deployments/dora";
import { formatPerDay, formatRate, formatSeconds, levelLabels, levelTone, trendSentence } from "@/lib/deployments/present";
import { listTeamServices } from "@/lib/incidents/incidents.server";
import { NoTeam } from "../incidents/_components/no-team";
import { DoraCharts } from "./_components/dora-charts";

export const metadata: Metadata = { title: "DORA metrics" };

type Search = { scope?: string; window?: string; bucket?: string; service?: string };

function href(current: Search, change: Partial<Search>) {
  const merged = { ...current, ...change };
  const params = new URLSearchParams(Object.entries(merged).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return `/dora${params.size ? `?${params}` : ""}`;
}

export default async function DoraPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam title="DORA metrics" />;
  const search = await searchParams;
  const organisation = search.scope === "organisation";
  const window: DoraWindow = doraWindows.includes(search.window as DoraWindow) ? (search.window as DoraWindow) : "30";
  const bucket = doraBuckets.find((value) => value === search.bucket);
  // The report waits for the service list only when a service was asked for (it must be one of the team's).
  const [services, unfiltered] = await Promise.all([
    organisation ? [] : listTeamServices(actor, team.slug),
    organisation ? getOrganisationDora(actor, { window, bucket }) : search.service ? null : getTeamDora(actor, { team: team.slug, window, bucket }),
  ]);
  const service = services.find((entry) => entry.slug === search.service)?.slug;
  const current: Search = { scope: organisation ? "organisation" : undefined, window, bucket, service };
  const report = unfiltered ?? (await getTeamDora(actor, { team: team.slug, window, bucket, service }));
  const { summary } = report;
  const scopeName = organisation ? "The whole organisation" : `${team.name}${report.scope.service ? ` · ${report.scope.service.name}` : ""}`;

  return (
    <>
      <PageHeader
        title="DORA metrics"
        description={`${scopeName}, production, ${formatDate(report.from)} to ${formatDate(report.to)}. An incident counts against the last deployment of an affected service in the ${report.attributionHours} hours before it began, or the one it is linked to.`}
        actions={
          <Link href={`/dora/targets`} className={buttonVariants({ variant: "secondary" })}>
            Targets vs actuals
          </Link>
        }
      />

      <div className="mb-6 flex flex-wrap items-end gap-x-8 gap-y-4">
        <nav aria-label="Scope" className="flex flex-wrap gap-1">
          <Link href={href(current, { scope: undefined })} aria-current={!organisation ? "page" : undefined} className={buttonVariants({ variant: organisation ? "secondary" : "primary", size: "sm" })}>
            {team.name}
          </Link>
          <Link href={href(current, { scope: "organisation", service: undefined })} aria-current={organisation ? "page" : undefined} className={buttonVariants({ variant: organisation ? "primary" : "secondary", size: "sm" })}>
            Organisation
          </Link>
        </nav>
        <nav aria-label="Window" className="flex flex-wrap gap-1">
          {doraWindows.map((value) => (
            <Link key={value} href={href(current, { window: value })} aria-current={value === window ? "page" : undefined} className={buttonVariants({ variant: value === window ? "primary" : "secondary", size: "sm" })}>
              {value} days
            </Link>
          ))}
        </nav>
        <nav aria-label="Buckets" className="flex flex-wrap gap-1">
          {doraBuckets.map((value) => (
            <Link key={value} href={href(current, { bucket: value })} aria-current={value === report.bucket ? "page" : undefined} className={buttonVariants({ variant: value === report.bucket ? "primary" : "secondary", size: "sm" })}>
              {value === "day" ? "Daily" : "Weekly"}
            </Link>
          ))}
        </nav>
        {!organisation && (
          <form method="get" action="/dora" className="flex items-end gap-2">
            <input type="hidden" name="window" value={window} />
            {bucket && <input type="hidden" name="bucket" value={bucket} />}
            <div className="flex flex-col gap-1">
              <label htmlFor="dora-service" className="text-sm font-medium">
                Service
              </label>
              <Select id="dora-service" name="service" defaultValue={service ?? ""} containerClassName="w-64">
                <option value="">All services of {team.name}</option>
                {services.map((entry) => (
                  <option key={entry.slug} value={entry.slug}>
                    {entry.name}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" variant="secondary" size="sm" className="h-10">
              Show
            </Button>
          </form>
        )}
      </div>

      {!summary.hasData ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">No deployments recorded</CardTitle>
            <CardDescription>
              Nothing has been deployed to production here yet, so there is no data — not 0 %. Send deployments with <code>POST /api/v1/deployments</code> and a team token, or connect GitHub, GitLab or Argo CD (see the README).
            </CardDescription>
          </CardHeader>
        </Card>
      ) : (
        <>
          <section aria-label="The five metrics" className="mb-8 grid gap-4 md:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-5">
            <Stat
              label="Deployment frequency"
              value={formatPerDay(summary.frequency.value)}
              tone={levelTone(summary.frequency.level)}
              toneLabel={summary.frequency.level ? levelLabels[summary.frequency.level] : "No data"}
              hint={`${summary.successful} successful; ${formatPerDay(summary.frequency.perServicePerDay)} per service. ${trendSentence(summary.frequency.trend, formatPerDay)}`}
            />
            <Stat
              label="Lead time for changes"
              value={formatSeconds(summary.leadTime.value)}
              tone={levelTone(summary.leadTime.level)}
              toneLabel={summary.leadTime.level ? levelLabels[summary.leadTime.level] : "No data"}
              hint={`Median of ${summary.leadTime.changes} commits; p90 ${formatSeconds(summary.leadTime.p90Seconds)}. ${trendSentence(summary.leadTime.trend, formatSeconds)}`}
            />
            <Stat
              label="Change failure rate"
              value={formatRate(summary.changeFailureRate.value)}
              tone={levelTone(summary.changeFailureRate.level)}
              toneLabel={summary.changeFailureRate.level ? levelLabels[summary.changeFailureRate.level] : "No data"}
              hint={`${summary.failures} of ${summary.deployments} deployments. ${trendSentence(summary.changeFailureRate.trend, formatRate)}`}
            />
            <Stat
              label="Failed deployment recovery"
              value={formatSeconds(summary.recoveryTime.value)}
              tone={levelTone(summary.recoveryTime.level)}
              toneLabel={summary.recoveryTime.level ? levelLabels[summary.recoveryTime.level] : "No data"}
              hint={`Median of ${summary.recoveryTime.recovered} recovered failures${summary.recoveryTime.unrecovered ? `; ${summary.recoveryTime.unrecovered} not yet recovered` : ""}. ${trendSentence(summary.recoveryTime.trend, formatSeconds)}`}
            />
            <Stat
              label="Rework rate"
              value={formatRate(summary.reworkRate.value)}
              tone={summary.reworkRate.value === null ? "nodata" : "neutral"}
              toneLabel={summary.reworkRate.value === null ? "No data" : "No DORA levels"}
              hint={`Unplanned deployments fixing a failed one. ${trendSentence(summary.reworkRate.trend, formatRate)}`}
            />
          </section>

          <Card>
            <CardHeader>
              <CardTitle as="h2">Per {report.bucket}</CardTitle>
              <CardDescription>Deployments by the {report.bucket} they started, with the change failure rate; the median lead and recovery times. Gaps are {report.bucket}s without data.</CardDescription>
            </CardHeader>
            <CardContent>
              <DoraCharts buckets={report.buckets} bucket={report.bucket} />
            </CardContent>
          </Card>
        </>
      )}
    </>
  );
}
