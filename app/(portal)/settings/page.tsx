import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Users } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleDescriptions, roleLabels, teamRoles } from "@/lib/auth/roles";
import { getTeam } from "@/lib/teams/teams.server";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Team settings" };

export default async function TeamSettingsPage() {
  const actor = await requirePageActor();
  const current = await currentTeam(actor);
  if (!current) {
    return (
      <EmptyState
        icon={<Users />}
        title="No team yet"
        description="Create a team to manage its members and API tokens."
        action={
          <Link href="/settings/teams/new" className={buttonVariants()}>
            <Plus aria-hidden="true" /> Create a team
          </Link>
        }
      />
    );
  }
  const team = await getTeam(actor, current.slug);
  return (
    <>
      <PageHeader title={team.name} description="The current team. Switch teams with the switcher at the top left." />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>About</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-3">
              <dt className="text-fg-muted">Slug</dt>
              <dd className="font-mono">{team.slug}</dd>
              <dt className="text-fg-muted">Your role</dt>
              <dd>{roleLabels[team.role]}</dd>
              <dt className="text-fg-muted">Members</dt>
              <dd>{team.counts.members}</dd>
              <dt className="text-fg-muted">Active tokens</dt>
              <dd>{team.counts.activeTokens}</dd>
              <dt className="text-fg-muted">Created</dt>
              <dd>{formatDate(team.createdAt)}</dd>
              {team.description && (
                <>
                  <dt className="text-fg-muted">Description</dt>
                  <dd>{team.description}</dd>
                </>
              )}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>What each role may do</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="flex flex-col gap-3">
              {teamRoles.map((role) => (
                <div key={role}>
                  <dt className="font-semibold">{roleLabels[role]}</dt>
                  <dd className="text-fg-muted">{roleDescriptions[role]}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
