// Every meeting of the caller's teams in one list: upcoming and running ones (soonest first), then past ones
// (latest first) with the decisions taken in them. Read-only; only the caller's teams are read.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { listMeetings } from "@/lib/reviews/meetings.server";
import type { MeetingSummary } from "@/lib/reviews/meetings-schema";
import { decisionReference, type DecisionStatus } from "@/lib/reviews/schema";
import { listTeams } from "@/lib/teams/teams.server";

export interface MeetingDecisionLink {
  id: string;
  reference: string;
  title: string;
  status: DecisionStatus;
}

export interface MeetingsOverview {
  upcoming: MeetingSummary[];
  past: (MeetingSummary & { decisions: MeetingDecisionLink[] })[];
}

export async function listMeetingsOverview(actor: Actor): Promise<MeetingsOverview> {
  const teams = await listTeams(actor);
  const all = (await Promise.all(teams.map((team) => listMeetings(actor, team.slug)))).flat();
  const upcoming = all.filter((meeting) => meeting.status !== "ENDED").sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.id.localeCompare(b.id));
  const ended = all.filter((meeting) => meeting.status === "ENDED").sort((a, b) => (b.endedAt ?? b.scheduledAt).localeCompare(a.endedAt ?? a.scheduledAt) || a.id.localeCompare(b.id));
  const db = getDb();
  // Decisions point at the agenda item they were taken in.
  const items = ended.length ? await db.agendaItem.findMany({ where: { meetingId: { in: ended.map((meeting) => meeting.id) } }, select: { id: true, meetingId: true } }) : [];
  const decisions = items.length
    ? await db.decision.findMany({ where: { meetingItemId: { in: items.map((item) => item.id) } }, select: { id: true, number: true, title: true, status: true, meetingItemId: true }, orderBy: { number: "asc" } })
    : [];
  const meetingOf = new Map(items.map((item) => [item.id, item.meetingId]));
  return {
    upcoming,
    past: ended.map((meeting) => ({
      ...meeting,
      decisions: decisions
        .filter((decision) => decision.meetingItemId && meetingOf.get(decision.meetingItemId) === meeting.id)
        .map((decision) => ({ id: decision.id, reference: decisionReference(decision.number), title: decision.title, status: decision.status })),
    })),
  };
}
