// Meeting mode follows one presenter: whoever starts it presents; anyone else who may edit takes over
// explicitly (audited) before moving the slides; viewers and tokens follow. Against real PostgreSQL.
import { describe, expect, it } from "vitest";
import { caught } from "@/lib/testing/caught";
import { getRole } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createRequest } from "@/lib/requests/requests.server";
import { makeTeam } from "@/lib/testing/factories";
import { createMeeting, focusAgendaItem, getMeeting, startMeeting, takeOverMeeting } from "@/lib/reviews/meetings.server";

const example = structuredClone(getRole("network-engineer").example) as Record<string, unknown>;

async function runningMeeting() {
  const team = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  const member = team.members.MEMBER!;
  const requests = [await createRequest(member.actor, { team: team.slug, role: "network-engineer", title: "Edge", input: example, submit: true }), await createRequest(member.actor, { team: team.slug, role: "network-engineer", title: "DNS", input: example, submit: true })];
  const meeting = await createMeeting(member.actor, team.slug, { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30, agenda: requests.map((request) => ({ requestId: request.id, timeboxMinutes: 10 })) });
  const started = await startMeeting(member.actor, meeting.id, {}, new Date("2026-12-01T14:00:00Z"));
  return { team, member, maintainer: team.members.MAINTAINER!, viewer: team.members.VIEWER!, meeting: started };
}

describe("meeting mode's presenter", () => {
  it("is whoever started the meeting, and only they move between items", async () => {
    const { member, maintainer, meeting } = await runningMeeting();
    expect(meeting.presenter?.id).toBe(member.id);
    expect(meeting.presenterSince).toBe("2026-12-01T14:00:00.000Z");
    const refused = await caught(focusAgendaItem(maintainer.actor, meeting.id, { agendaItemId: meeting.agenda[1].id }));
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).message).toMatch(/is presenting this meeting; take over/);
    // Nothing moved: the first item is still on screen.
    expect((await getMeeting(maintainer.actor, meeting.id)).agenda.map((item) => item.runningSince !== null)).toEqual([true, false]);
    const moved = await focusAgendaItem(member.actor, meeting.id, { agendaItemId: meeting.agenda[1].id });
    expect(moved.agenda.map((item) => item.runningSince !== null)).toEqual([false, true]);
  });

  it("is taken over explicitly, recorded in the audit log, and the previous presenter then follows", async () => {
    const { member, maintainer, meeting } = await runningMeeting();
    const taken = await takeOverMeeting(maintainer.actor, meeting.id, new Date("2026-12-01T14:05:00Z"));
    expect(taken.presenter?.id).toBe(maintainer.id);
    const audit = await getDb().auditLog.findFirst({ where: { targetId: meeting.id, action: "meeting.presenter_taken_over" } });
    expect(audit).toMatchObject({ actorId: maintainer.id, details: expect.objectContaining({ previousPresenterId: member.id }) });
    expect(await caught(focusAgendaItem(member.actor, meeting.id, { agendaItemId: meeting.agenda[1].id }))).toBeInstanceOf(ConflictError);
    expect((await focusAgendaItem(maintainer.actor, meeting.id, { agendaItemId: meeting.agenda[1].id })).agenda[1].runningSince).not.toBeNull();
    // Taking over what one already holds changes nothing and records nothing.
    await takeOverMeeting(maintainer.actor, meeting.id);
    expect(await getDb().auditLog.count({ where: { targetId: meeting.id, action: "meeting.presenter_taken_over" } })).toBe(1);
  });

  it("cannot be taken by a viewer, an API token or another team", async () => {
    const { viewer, meeting, team } = await runningMeeting();
    expect(await caught(takeOverMeeting(viewer.actor, meeting.id))).toBeInstanceOf(ForbiddenError);
    expect(await caught(takeOverMeeting({ kind: "token", tokenId: "t", teamId: team.id, userId: team.owner.id }, meeting.id))).toBeInstanceOf(ForbiddenError);
    const outsider = await makeTeam();
    expect(await caught(takeOverMeeting(outsider.owner.actor, meeting.id))).toBeInstanceOf(NotFoundError);
    expect((await getMeeting(viewer.actor, meeting.id)).presenter?.id).toBe(team.members.MEMBER!.id);
  });
});
