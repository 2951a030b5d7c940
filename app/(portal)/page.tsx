import type { Metadata } from "next";
import Link from "next/link";
import { KeyRound, Plus, ScrollText, Users } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { countAuditEventsSince, listAuditEvents } from "@/lib/audit/audit.server";
import { describeAuditEvent } from "@/lib/activity/describe";
import { getTeam } from "@/lib/teams/teams.server";
import { formatDateTime, formatRelative } from "@/lib/format";
import { roleAllows, roleLabels } from "@/lib/auth/roles";
import { OverdueActionItems } from "@/components/incidents/overdue-action-items";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const actor = await requirePageActor();
  const current = await currentTeam(actor);
  if (!current) {
    return (
      <>
        <PageHeader title="Welcome" description="You are not in a team yet." />
        <EmptyState
          icon={<Users />}
          title="Join or create a team"
          description="Everything in the portal belongs to a team. Create one, or ask a team's owner to add you by your email."
          action={
            <Link href="/settings/teams/new" className={buttonVariants()}>
              <Plus aria-hidden="true" /> Create a team
            </Link>
          }
        />
      </>
    );
  }
  const now = new Date();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [team, events, changesThisWeek] = await Promise.all([
    getTeam(actor, current.slug),
    listAuditEvents(actor, current.slug, { limit: 10 }),
    countAuditEventsSince(actor, current.slug, weekAgo),
  ]);
  return (
    <>
      <PageHeader
        title={team.name}
        description={team.description || "Your team's home in the portal."}
        eyebrow={`Your role: ${roleLabels[team.role]}`}
        actions={
          roleAllows(team.role, "edit") && (
            <Link href="/requests/new" className={buttonVariants({ size: "lg" })}>
              <Plus aria-hidden="true" /> Start a request
            </Link>
          )
        }
      />
      <section aria-label="Team figures" className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Stat label="Members" value={team.counts.members} hint={<Link href="/settings/members">Manage members</Link>} />
        <Stat label="Active API tokens" value={team.counts.activeTokens} hint={<Link href="/settings/tokens">Manage tokens</Link>} />
        <Stat label="Changes in the last 7 days" value={changesThisWeek} hint="Recorded in the team's audit log" />
      </section>
      <OverdueActionItems actor={actor} teamSlug={team.slug} now={now} />
      <Card>
        <CardHeader>
          <CardTitle>Recent activity</CardTitle>
          <CardDescription>Every change in the team is recorded with who made it and when.</CardDescription>
        </CardHeader>
        <CardContent>
          {events.length === 0 ? (
            <EmptyState icon={<ScrollText />} title="Nothing has happened yet" description="Changes to members and tokens will show here." titleAs="h3" />
          ) : (
            <ol className="flex flex-col divide-y divide-border" data-testid="activity">
              {events.map((event) => (
                <li key={event.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:justify-between">
                  <span className="flex items-center gap-2">
                    {event.action.startsWith("token.") ? (
                      <KeyRound aria-hidden="true" className="size-4 shrink-0 text-fg-muted" />
                    ) : (
                      <Users aria-hidden="true" className="size-4 shrink-0 text-fg-muted" />
                    )}
                    {describeAuditEvent(event)}
                  </span>
                  <time dateTime={event.createdAt.toISOString()} title={formatDateTime(event.createdAt)} className="shrink-0 text-sm text-fg-muted">
                    {formatRelative(event.createdAt, now)}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </>
  );
}
