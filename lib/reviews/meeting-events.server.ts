// The meetings' outbox events: meeting.started when a meeting begins, meeting.minutes_ready when it ends
// and its minutes are written, each recorded in that change's transaction.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { publicUrl } from "@/lib/env";
import { recordEvent } from "@/lib/outbox/outbox.server";
import { eventActor, eventTeam } from "@/lib/outbox/refs.server";

async function meetingBase(tx: Tx, actor: Actor, meetingId: string) {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { agendaItems: { orderBy: { position: "asc" }, include: { request: { select: { id: true, title: true } } } } },
  });
  return {
    meeting,
    base: {
      team: await eventTeam(tx, meeting.teamId),
      actor: await eventActor(tx, actor),
      meeting: {
        id: meeting.id,
        title: meeting.title,
        scheduledAt: meeting.scheduledAt.toISOString(),
        startedAt: meeting.startedAt?.toISOString() ?? null,
        endedAt: meeting.endedAt?.toISOString() ?? null,
        url: `${publicUrl()}/reviews/meetings/${meeting.id}`,
      },
    },
  };
}

export async function recordMeetingStarted(tx: Tx, actor: Actor, meetingId: string): Promise<void> {
  const { meeting, base } = await meetingBase(tx, actor, meetingId);
  await recordEvent(tx, {
    teamId: meeting.teamId,
    type: "meeting.started",
    subject: { type: "meeting", id: meeting.id },
    data: { ...base, agenda: meeting.agendaItems.map((item) => ({ requestId: item.request.id, title: item.request.title, timeboxMinutes: item.timeboxMinutes })) },
  });
}

export async function recordMinutesReady(tx: Tx, actor: Actor, meetingId: string, counts: { decisions: number; actionItems: number }): Promise<void> {
  const { meeting, base } = await meetingBase(tx, actor, meetingId);
  await recordEvent(tx, {
    teamId: meeting.teamId,
    type: "meeting.minutes_ready",
    subject: { type: "meeting", id: meeting.id },
    data: { ...base, minutesUrl: `${publicUrl()}/api/v1/meetings/${meeting.id}/minutes.md`, ...counts },
  });
}
