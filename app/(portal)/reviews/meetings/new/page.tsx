import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { getMeetingFormOptions } from "@/lib/reviews/meetings.server";
import { listTeams } from "@/lib/teams/teams.server";
import { NewMeeting } from "./new-meeting";

export const metadata: Metadata = { title: "Schedule a review meeting" };

/** Next Tuesday-or-so default: tomorrow at 14:00 UTC. */
function defaultStart(now: Date) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 14, 0));
  return { date: start.toISOString().slice(0, 10), time: "14:00" };
}

export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const wanted = (await searchParams).team;
  const teams = (await listTeams(actor)).filter((team) => roleAllows(team.role, "edit"));
  const current = await currentTeam(actor);
  const team = teams.find((candidate) => candidate.slug === wanted) ?? teams.find((candidate) => candidate.slug === current?.slug) ?? teams[0];
  const header = <PageHeader title="Schedule a review meeting" eyebrow={<Link href="/reviews">Reviews</Link>} description="Choose the requests to review, put them in order and give each a time box." />;
  if (!team) {
    return (
      <>
        {header}
        <EmptyState title="You cannot schedule meetings" description="Scheduling needs the member role or higher in a team. Ask a team owner." />
      </>
    );
  }
  const options = await getMeetingFormOptions(actor, team.slug);
  const start = defaultStart(new Date());
  return (
    <>
      {header}
      <NewMeeting
        team={{ slug: team.slug, name: team.name }}
        teams={teams.map(({ slug, name }) => ({ slug, name }))}
        candidates={options.requests}
        members={options.members}
        initial={{ title: `${team.name} architecture review`, ...start, durationMinutes: 60, attendees: options.members.map((person) => person.id), agenda: [] }}
      />
    </>
  );
}
