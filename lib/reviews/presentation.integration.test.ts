// What meeting mode shows, against real PostgreSQL: a slide lists every open comment of its request (not
// the latest few) and only counts the resolved ones; and where a request is on an agenda, for its page.
import { describe, expect, it } from "vitest";
import { getRole } from "@/lib/agents/registry";
import { addComment, createRequest, updateComment } from "@/lib/requests/requests.server";
import { createMeeting, endMeeting, listMeetingsOfRequest, startMeeting } from "@/lib/reviews/meetings.server";
import { getMeetingPresentation, getPresentationSlide } from "@/lib/reviews/presentation.server";
import { makeTeam } from "@/lib/testing/factories";

const example = structuredClone(getRole("network-engineer").example) as Record<string, unknown>;

async function team() {
  const made = await makeTeam({ members: ["MEMBER", "VIEWER"] });
  return { ...made, member: made.members.MEMBER!, viewer: made.members.VIEWER! };
}

async function submitted(t: Awaited<ReturnType<typeof team>>, title: string) {
  return createRequest(t.member.actor, { team: t.slug, role: "network-engineer", title, input: example, submit: true });
}

describe("meeting mode's slides", () => {
  it("lists every open comment, oldest first, and counts the resolved ones", async () => {
    const t = await team();
    const request = await submitted(t, "Edge network");
    const meeting = await createMeeting(t.member.actor, t.slug, {
      title: "Architecture review",
      scheduledAt: "2026-12-01T14:00:00Z",
      durationMinutes: 30,
      agenda: [{ requestId: request.id, timeboxMinutes: 15 }],
    });
    const comments = [];
    for (let n = 1; n <= 7; n++) comments.push(await addComment(t.member.actor, request.id, { body: `Point ${n}` }, new Date(Date.UTC(2026, 10, 20, 9, n))));
    for (const index of [1, 4, 5]) await updateComment(t.owner.actor, request.id, comments[index].id, { resolved: true });

    const presentation = await getMeetingPresentation(t.member.actor, meeting.id);
    const [slide] = presentation.slides;
    expect(slide.openComments.map((comment) => comment.body)).toEqual(["Point 1", "Point 3", "Point 4", "Point 7"]);
    expect(slide.resolvedCount).toBe(3);
    expect(slide.canResolveComments).toBe(true);

    // Resolving one more from the slide: the slide comes back without it.
    await updateComment(t.member.actor, request.id, comments[0].id, { resolved: true });
    const again = await getPresentationSlide(t.member.actor, meeting.id, slide.agendaItemId);
    expect(again.openComments.map((comment) => comment.body)).toEqual(["Point 3", "Point 4", "Point 7"]);
    expect(again.resolvedCount).toBe(4);
    // Viewers watch the slide but do not resolve.
    expect((await getPresentationSlide(t.viewer.actor, meeting.id, slide.agendaItemId)).canResolveComments).toBe(false);
  });
});

describe("where a request is scheduled", () => {
  it("names the scheduled and running meetings with the request on their agenda, not ended ones, and nothing to other teams", async () => {
    const t = await team();
    const other = await team();
    const request = await submitted(t, "Transit gateway");
    const elsewhere = await submitted(t, "DNS zones");
    const schedule = (title: string, scheduledAt: string, requestIds: string[]) =>
      createMeeting(t.member.actor, t.slug, { title, scheduledAt, durationMinutes: 30, agenda: requestIds.map((requestId) => ({ requestId, timeboxMinutes: 10 })) });
    const later = await schedule("December review", "2026-12-08T14:00:00Z", [request.id]);
    const sooner = await schedule("Weekly review", "2026-12-01T14:00:00Z", [elsewhere.id, request.id]);
    const ended = await schedule("Last week's review", "2026-11-24T14:00:00Z", [request.id]);
    await schedule("Unrelated", "2026-12-02T14:00:00Z", [elsewhere.id]);
    await startMeeting(t.member.actor, ended.id);
    await endMeeting(t.member.actor, ended.id);
    await startMeeting(t.member.actor, sooner.id);

    expect(await listMeetingsOfRequest(t.viewer.actor, request.id)).toEqual([
      { id: sooner.id, title: "Weekly review", scheduledAt: "2026-12-01T14:00:00.000Z", status: "IN_PROGRESS" },
      { id: later.id, title: "December review", scheduledAt: "2026-12-08T14:00:00.000Z", status: "SCHEDULED" },
    ]);
    expect(await listMeetingsOfRequest(other.owner.actor, request.id)).toEqual([]);
  });
});
