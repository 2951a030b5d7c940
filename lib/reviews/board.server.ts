// The review board: the requests waiting for review across the actor's teams, grouped by the upcoming
// meeting whose agenda holds them (in agenda order), then those not scheduled; requests sent back for
// changes are listed apart. Filterable by team and role.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { teamAccess, visibleTeamIds } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { isRoleKey } from "@/lib/agents/registry";
import { approvalSummaries } from "@/lib/reviews/approvals.server";
import { listUpcomingMeetings, roleTitle } from "@/lib/reviews/meetings.server";
import type { MeetingStatusKey } from "@/lib/reviews/meetings-schema";

export interface BoardCard {
  id: string;
  title: string;
  status: string;
  team: { slug: string; name: string };
  role: { key: string; title: string };
  revision: number;
  /** When it was (last) submitted: the card's age counts from here. */
  waitingSince: string;
  timeboxMinutes?: number;
  /** Required approvals on the current revision: how many are given, of how many needed. */
  approvals: { met: number; needed: number; satisfied: boolean };
}

export interface BoardMeeting {
  id: string;
  title: string;
  team: { slug: string; name: string };
  scheduledAt: string;
  durationMinutes: number;
  status: MeetingStatusKey;
  cards: BoardCard[];
  /** Agenda items hidden by the filters, so an empty group can say why. */
  hiddenCount: number;
}

export interface ReviewBoard {
  meetings: BoardMeeting[];
  unscheduled: BoardCard[];
  changesRequested: BoardCard[];
  /** The teams in which the actor may schedule meetings. */
  schedulableTeams: { slug: string; name: string }[];
}

export async function getReviewBoard(actor: Actor, filters: { team?: string; role?: string } = {}): Promise<ReviewBoard> {
  const db = getDb();
  const teamIds = filters.team ? [(await teamAccess(db, actor, { slug: filters.team })).team.id] : await visibleTeamIds(db, actor);
  const role = filters.role && isRoleKey(filters.role) ? filters.role : undefined;
  const [requests, meetings, memberships] = await Promise.all([
    db.request.findMany({
      where: { teamId: { in: teamIds }, status: { in: ["SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED"] }, ...(role ? { roleKey: role } : {}) },
      // The card's fields only: a request's answers (its largest column) are not needed here.
      select: {
        id: true,
        title: true,
        status: true,
        roleKey: true,
        teamId: true,
        currentRevision: true,
        submittedAt: true,
        createdAt: true,
        team: { select: { slug: true, name: true } },
      },
      orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    listUpcomingMeetings(actor, db),
    visibleTeamIds(db, actor).then((ids) => Promise.all(ids.map((id) => teamAccess(db, actor, { id })))),
  ]);
  const approvalStates = await approvalSummaries(db, requests);
  const cards = new Map(
    requests.map((request) => [
      request.id,
      {
        id: request.id,
        title: request.title,
        status: request.status,
        team: request.team,
        role: { key: request.roleKey, title: roleTitle(request.roleKey) },
        revision: request.currentRevision,
        waitingSince: (request.submittedAt ?? request.createdAt).toISOString(),
        approvals: approvalSummary(approvalStates.get(request.id)!.required, approvalStates.get(request.id)!.satisfied),
      } satisfies BoardCard,
    ]),
  );
  const placed = new Set<string>();
  const boardMeetings: BoardMeeting[] = [];
  for (const meeting of meetings) {
    if (!teamIds.includes(meeting.teamId)) continue;
    const meetingCards: BoardCard[] = [];
    let hiddenCount = 0;
    for (const item of meeting.agendaItems) {
      const card = cards.get(item.requestId);
      // A request on two upcoming agendas shows under the sooner one; one sent back for changes shows apart.
      if (!card || card.status === "CHANGES_REQUESTED" || placed.has(card.id)) {
        if (!card) hiddenCount++;
        continue;
      }
      placed.add(card.id);
      meetingCards.push({ ...card, timeboxMinutes: item.timeboxMinutes });
    }
    boardMeetings.push({
      id: meeting.id,
      title: meeting.title,
      team: meeting.team,
      scheduledAt: meeting.scheduledAt.toISOString(),
      durationMinutes: meeting.durationMinutes,
      status: meeting.status,
      cards: meetingCards,
      hiddenCount,
    });
  }
  const rest = [...cards.values()].filter((card) => !placed.has(card.id));
  return {
    meetings: boardMeetings,
    unscheduled: rest.filter((card) => card.status !== "CHANGES_REQUESTED"),
    changesRequested: rest.filter((card) => card.status === "CHANGES_REQUESTED"),
    schedulableTeams: memberships.filter((access) => roleAllows(access.role, "edit")).map((access) => ({ slug: access.team.slug, name: access.team.name })),
  };
}

/** Each requirement counts up to its own number: three architecture approvals do not make up for a missing security one. */
export function approvalSummary(required: { count: number; met: number }[], satisfied: boolean) {
  return {
    met: required.reduce((sum, rule) => sum + Math.min(rule.met, rule.count), 0),
    needed: required.reduce((sum, rule) => sum + rule.count, 0),
    satisfied,
  };
}
