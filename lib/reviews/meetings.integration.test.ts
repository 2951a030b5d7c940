// Review meetings against real PostgreSQL: scheduling and editing with 409 on stale versions, team
// isolation, what may go on an agenda (422 with the entry's path), running with timers, and minutes
// written once when the meeting ends.
import { describe, expect, it } from "vitest";
import { caught } from "@/lib/testing/caught";
import { getRole } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { createRequest, transitionRequest } from "@/lib/requests/requests.server";
import { makeTeam } from "@/lib/testing/factories";
import {
  addMeetingAction,
  createMeeting,
  endMeeting,
  exportMinutes,
  focusAgendaItem,
  getMeeting,
  listMeetings,
  saveAgendaNotes,
  startMeeting,
  updateMeeting,
} from "@/lib/reviews/meetings.server";
import { recordApproval } from "@/lib/reviews/approvals.server";
import { createDecision } from "@/lib/reviews/decisions.server";

const network = getRole("network-engineer");
const example = structuredClone(network.example) as Record<string, unknown>;

async function team() {
  const made = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  return { ...made, maintainer: made.members.MAINTAINER!, member: made.members.MEMBER!, viewer: made.members.VIEWER! };
}
type TestTeam = Awaited<ReturnType<typeof team>>;

async function submitted(t: TestTeam, title: string) {
  return createRequest(t.member.actor, { team: t.slug, role: "network-engineer", title, input: example, submit: true });
}

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 1, 14, minute, second));

describe("scheduling a meeting", () => {
  it("creates a meeting with its agenda in order, every member invited by default, and an audit row", async () => {
    const t = await team();
    const [a, b, c] = [await submitted(t, "Edge network"), await submitted(t, "Transit gateway"), await submitted(t, "DNS zones")];
    await transitionRequest(t.maintainer.actor, b.id, { to: "IN_REVIEW" });
    const meeting = await createMeeting(t.member.actor, t.slug, {
      title: "Weekly architecture review",
      scheduledAt: "2026-12-01T14:00:00Z",
      durationMinutes: 45,
      agenda: [
        { requestId: c.id, timeboxMinutes: 10 },
        { requestId: a.id, timeboxMinutes: 15 },
        { requestId: b.id, timeboxMinutes: 5 },
      ],
    });
    expect(meeting).toMatchObject({ status: "SCHEDULED", version: 1, durationMinutes: 45, minutes: null, team: { slug: t.slug }, itemCount: 3 });
    expect(meeting.agenda.map((item) => [item.position, item.request.title, item.timeboxMinutes])).toEqual([
      [1, "DNS zones", 10],
      [2, "Edge network", 15],
      [3, "Transit gateway", 5],
    ]);
    expect(meeting.attendees.map((person) => person.id).sort()).toEqual([t.owner.id, t.maintainer.id, t.member.id, t.viewer.id].sort());
    const audit = await getDb().auditLog.findFirst({ where: { targetId: meeting.id, action: "meeting.scheduled" } });
    expect(audit?.actorId).toBe(t.member.id);
    expect((await listMeetings(t.viewer.actor, t.slug)).map((m) => m.id)).toEqual([meeting.id]);
  });

  it("accepts only this team's requests waiting for review on the agenda: 422 with each entry's path", async () => {
    const t = await team();
    const other = await team();
    const ok = await submitted(t, "Waiting");
    const draft = await createRequest(t.member.actor, { team: t.slug, role: "network-engineer", input: { provider: "aws" } });
    const foreign = await submitted(other, "Other team's");
    const error = await caught(
      createMeeting(t.member.actor, t.slug, {
        title: "Review",
        scheduledAt: "2026-12-01T14:00:00Z",
        durationMinutes: 30,
        agenda: [
          { requestId: ok.id, timeboxMinutes: 10 },
          { requestId: draft.id, timeboxMinutes: 10 },
          { requestId: foreign.id, timeboxMinutes: 10 },
          { requestId: "no-such-request", timeboxMinutes: 10 },
        ],
      }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    const issues = (error as InvalidError).issues;
    expect(issues.map((issue) => issue.path)).toEqual([
      ["agenda", 1, "requestId"],
      ["agenda", 2, "requestId"],
      ["agenda", 3, "requestId"],
    ]);
    // Another team's request reads exactly like one that does not exist.
    expect(issues[1].message).toBe(issues[2].message);
    expect(await getDb().meeting.count({ where: { teamId: { in: [t.id, other.id] } } })).toBe(0);

    const dup = await caught(
      createMeeting(t.member.actor, t.slug, { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30, agenda: [{ requestId: ok.id, timeboxMinutes: 5 }, { requestId: ok.id, timeboxMinutes: 5 }] }),
    );
    expect((dup as InvalidError).issues[0].path).toEqual(["agenda", 1, "requestId"]);

    const stranger = await caught(createMeeting(t.member.actor, t.slug, { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30, attendees: [other.owner.id] }));
    expect((stranger as InvalidError).issues[0].path).toEqual(["attendees", 0]);
  });

  it("lets viewers read but not schedule", async () => {
    const t = await team();
    expect(await caught(createMeeting(t.viewer.actor, t.slug, { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30 }))).toBeInstanceOf(ForbiddenError);
  });
});

describe("editing a meeting", () => {
  it("applies an edit from the current version, refuses a stale one with 409, and reorders the agenda", async () => {
    const t = await team();
    const [a, b] = [await submitted(t, "First"), await submitted(t, "Second")];
    const meeting = await createMeeting(t.member.actor, t.slug, {
      title: "Review",
      scheduledAt: "2026-12-01T14:00:00Z",
      durationMinutes: 30,
      agenda: [{ requestId: a.id, timeboxMinutes: 10 }, { requestId: b.id, timeboxMinutes: 10 }],
    });
    const edited = await updateMeeting(t.maintainer.actor, meeting.id, {
      version: meeting.version,
      title: "Review, moved",
      agenda: [{ requestId: b.id, timeboxMinutes: 20 }, { requestId: a.id, timeboxMinutes: 5 }],
      attendees: [t.member.id, t.maintainer.id],
    });
    expect(edited.version).toBe(meeting.version + 1);
    expect(edited.agenda.map((item) => [item.request.title, item.timeboxMinutes])).toEqual([["Second", 20], ["First", 5]]);
    // The item kept its identity: only its place and time box changed.
    expect(edited.agenda.find((item) => item.request.id === a.id)!.id).toBe(meeting.agenda.find((item) => item.request.id === a.id)!.id);
    expect(edited.attendees).toHaveLength(2);

    const stale = await caught(updateMeeting(t.member.actor, meeting.id, { version: meeting.version, title: "Lost edit" }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).details).toMatchObject({ reason: "stale_version", version: edited.version });
    expect((await getMeeting(t.member.actor, meeting.id)).title).toBe("Review, moved");

    const dropped = await updateMeeting(t.member.actor, meeting.id, { version: edited.version, agenda: [{ requestId: a.id, timeboxMinutes: 5 }] });
    expect(dropped.agenda.map((item) => item.request.title)).toEqual(["First"]);
    expect(await getDb().auditLog.count({ where: { targetId: meeting.id, action: "meeting.updated" } })).toBe(2);
  });

  it("hides another team's meeting as not found, for reads and for changes", async () => {
    const t = await team();
    const other = await team();
    const meeting = await createMeeting(t.member.actor, t.slug, { title: "Private review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30 });
    expect(await caught(getMeeting(other.owner.actor, meeting.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(updateMeeting(other.owner.actor, meeting.id, { version: 1, title: "Mine now" }))).toBeInstanceOf(NotFoundError);
    expect(await caught(endMeeting(other.owner.actor, meeting.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(listMeetings(other.owner.actor, t.slug))).toBeInstanceOf(NotFoundError);
    expect(await caught(getMeeting(t.member.actor, "no-such-meeting"))).toBeInstanceOf(NotFoundError);
  });
});

describe("running a meeting", () => {
  it("starts, moves between items with their timers, captures actions and notes, and writes the minutes once at the end", async () => {
    const t = await team();
    const [a, b] = [await submitted(t, "Edge network"), await submitted(t, "Transit gateway")];
    const meeting = await createMeeting(t.member.actor, t.slug, {
      title: "Review",
      scheduledAt: "2026-12-01T14:00:00Z",
      durationMinutes: 30,
      attendees: [t.member.id, t.maintainer.id],
      agenda: [{ requestId: a.id, timeboxMinutes: 10 }, { requestId: b.id, timeboxMinutes: 5 }],
    }, at(0));
    const [first, second] = meeting.agenda;

    const started = await startMeeting(t.member.actor, meeting.id, {}, at(1));
    expect(started).toMatchObject({ status: "IN_PROGRESS", startedAt: at(1).toISOString() });
    expect(started.agenda[0].runningSince).toBe(at(1).toISOString());
    // Agenda and details are frozen once the meeting runs.
    expect(await caught(updateMeeting(t.member.actor, meeting.id, { version: started.version, title: "Late edit" }))).toBeInstanceOf(ConflictError);

    const moved = await focusAgendaItem(t.member.actor, meeting.id, { agendaItemId: second.id }, at(13)); // 12 min on the first item
    expect(moved.agenda[0]).toMatchObject({ elapsedSeconds: 720, runningSince: null });
    expect(moved.agenda[1].runningSince).toBe(at(13).toISOString());
    await focusAgendaItem(t.member.actor, meeting.id, { agendaItemId: first.id }, at(16)); // 3 min on the second
    await focusAgendaItem(t.member.actor, meeting.id, { agendaItemId: second.id }, at(17)); // one more on the first
    // Arrow keys do not flood the audit log: consecutive moves share a row.
    expect(await getDb().auditLog.count({ where: { targetId: meeting.id, action: "meeting.item_focused" } })).toBe(1);

    await addMeetingAction(t.member.actor, meeting.id, { text: "Split the transit CIDR", ownerId: t.maintainer.id, dueDate: "2026-12-08", agendaItemId: second.id }, at(18));
    expect(await caught(addMeetingAction(t.member.actor, meeting.id, { text: "Someone else's job", ownerId: (await team()).owner.id }))).toBeInstanceOf(InvalidError);
    await saveAgendaNotes(t.member.actor, meeting.id, second.id, { notes: "Agreed to peer with payments later." });
    // Recorded from meeting mode: a decision on the first item, an approval and a change request.
    const decision = await createDecision(t.maintainer.actor, { requestId: a.id, title: "Peer through a transit gateway", status: "ACCEPTED", context: "Two VPCs.", decision: "Use TGW.", consequences: "One more hop.", meetingItemId: first.id }, at(5));
    await recordApproval(t.maintainer.actor, a.id, { revision: 1, decision: "APPROVE", comment: "Fine by me" }, at(6));
    await recordApproval(t.maintainer.actor, b.id, { revision: 1, decision: "REQUEST_CHANGES", comment: "Overlapping CIDRs" }, at(15));

    const ended = await endMeeting(t.maintainer.actor, meeting.id, at(20)); // 3 more min on the second
    expect(ended).toMatchObject({ status: "ENDED", endedAt: at(20).toISOString() });
    expect(ended.agenda.map((item) => [item.elapsedSeconds, item.runningSince])).toEqual([[780, null], [360, null]]);
    const minutes = ended.minutes!;
    expect(minutes).toContain("# Minutes: Review");
    expect(minutes).toMatch(/## Attendees\n\n- Test .*\n- Test .*\n\n/);
    expect(minutes).toContain("| 1 | Edge network | 10 min | 13 min | 3:00 over |");
    expect(minutes).toContain("| 2 | Transit gateway | 5 min | 6 min | 1:00 over |");
    expect(minutes).toContain(`- [ ] Split the transit CIDR (owner: ${t.maintainer.name}, due 2026-12-08)`);
    expect(minutes).toContain("Agreed to peer with payments later.");
    const firstSection = minutes.slice(minutes.indexOf("## 1. Edge network"), minutes.indexOf("## 2. Transit gateway"));
    expect(firstSection).toContain(`- ${decision.reference}: Peer through a transit gateway (accepted)`);
    expect(firstSection).toContain(`- Approved by ${t.maintainer.name} (revision 1): Fine by me`);
    expect(minutes.slice(minutes.indexOf("## 2. Transit gateway"))).toContain(`- Changes requested by ${t.maintainer.name} (revision 1): Overlapping CIDRs`);

    // Ending again is refused and leaves the minutes alone.
    expect(await caught(endMeeting(t.member.actor, meeting.id, at(40)))).toBeInstanceOf(ConflictError);
    expect((await getMeeting(t.member.actor, meeting.id)).minutes).toBe(minutes);
    expect(await getDb().auditLog.count({ where: { targetId: meeting.id, action: "meeting.ended" } })).toBe(1);
    expect(await exportMinutes(t.viewer.actor, meeting.id)).toEqual({ fileName: `minutes-${t.slug}-2026-12-01.md`, markdown: minutes });
    expect(await caught(startMeeting(t.member.actor, meeting.id))).toBeInstanceOf(ConflictError);
    expect(await caught(addMeetingAction(t.member.actor, meeting.id, { text: "Too late", ownerId: t.member.id }))).toBeInstanceOf(ConflictError);
  });

  it("has no minutes to export before the meeting ends", async () => {
    const t = await team();
    const meeting = await createMeeting(t.member.actor, t.slug, { title: "Review", scheduledAt: "2026-12-01T14:00:00Z", durationMinutes: 30 });
    expect(await caught(exportMinutes(t.member.actor, meeting.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(startMeeting(t.viewer.actor, meeting.id))).toBeInstanceOf(ForbiddenError);
  });
});
