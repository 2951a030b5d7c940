// Demo meetings: one upcoming review meeting per demo team with the team's requests waiting for review on
// its agenda, and one ended payments meeting with its minutes (the network request approved in it, with
// the decision taken there). Idempotent: each meeting is created once, by its fixed id.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getRole, isRoleKey } from "@/lib/agents/registry";
import { collectReviewRecords } from "@/lib/reviews/meeting-records.server";
import { generateMinutes } from "@/lib/reviews/minutes";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The next whole hour at least `ahead` from now, at 14:00 or 10:00 UTC, so the board reads naturally. */
function upcoming(now: Date, daysAhead: number, hour: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead, hour, 0));
}

export async function seedMeetingDemo(tx: Tx, now = new Date()): Promise<number> {
  const teams = new Map((await tx.team.findMany({ where: { slug: { in: ["platform", "payments"] } }, select: { id: true, slug: true, name: true } })).map((team) => [team.slug, team]));
  const admin = await tx.user.findUnique({ where: { email: "admin@demo.local" }, select: { id: true } });
  const maintainer = await tx.user.findUnique({ where: { email: "maintainer@demo.local" }, select: { id: true } });
  let created = 0;

  for (const [slug, daysAhead, hour, title] of [
    ["platform", 1, 14, "Platform architecture review"],
    ["payments", 2, 10, "Payments architecture review"],
  ] as const) {
    const team = teams.get(slug);
    const id = `demo-meeting-${slug}-upcoming`;
    if (!team || (await tx.meeting.findUnique({ where: { id }, select: { id: true } }))) continue;
    const requests = await tx.request.findMany({
      where: { teamId: team.id, status: { in: ["SUBMITTED", "IN_REVIEW"] } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: 3,
      select: { id: true },
    });
    const members = await tx.membership.findMany({ where: { teamId: team.id }, select: { userId: true } });
    await tx.meeting.create({
      data: {
        id,
        teamId: team.id,
        title,
        scheduledAt: upcoming(now, daysAhead, hour),
        durationMinutes: 60,
        createdById: admin?.id ?? null,
        createdAt: new Date(now.getTime() - HOUR),
        attendees: { create: members.map((member) => ({ userId: member.userId })) },
        agendaItems: { create: requests.map((request, index) => ({ requestId: request.id, position: index + 1, timeboxMinutes: [20, 15, 10][index] })) },
      },
    });
    await tx.auditLog.create({
      data: { actorId: admin?.id ?? null, teamId: team.id, action: "meeting.scheduled", targetType: "meeting", targetId: id, details: { via: "demo-seed", title, items: requests.length }, createdAt: new Date(now.getTime() - HOUR) },
    });
    created++;
  }

  created += await seedEndedMeeting(tx, now, teams.get("payments"), admin?.id ?? null, maintainer?.id ?? null);
  return created;
}

/** The payments review two days ago, where the network request was approved and its address plan decided. */
async function seedEndedMeeting(tx: Tx, now: Date, team: { id: string; name: string } | undefined, adminId: string | null, maintainerId: string | null): Promise<number> {
  const id = "demo-meeting-payments-ended";
  if (!team || (await tx.meeting.findUnique({ where: { id }, select: { id: true } }))) return 0;
  const network = await tx.request.findUnique({ where: { id: "demo-request-network" }, select: { id: true, title: true, roleKey: true, currentRevision: true, teamId: true } });
  const security = await tx.request.findUnique({ where: { id: "demo-request-security" }, select: { id: true, title: true, roleKey: true, currentRevision: true, teamId: true } });
  const agenda = [network, security].filter((request): request is NonNullable<typeof request> => request !== null && request.teamId === team.id);
  if (agenda.length === 0) return 0;
  // Held around the network request's approval (two days ago).
  const startedAt = new Date(now.getTime() - 2 * DAY - 25 * MINUTE);
  const endedAt = new Date(startedAt.getTime() + 42 * MINUTE);
  const scheduledAt = new Date(startedAt.getTime() - 2 * MINUTE);
  const spent = [25 * 60 + 40, 14 * 60 + 5];
  const members = await tx.membership.findMany({ where: { teamId: team.id }, include: { user: { select: { id: true, name: true, email: true } } } });
  const meeting = await tx.meeting.create({
    data: {
      id,
      teamId: team.id,
      title: "Payments architecture review",
      scheduledAt,
      durationMinutes: 45,
      status: "ENDED",
      startedAt,
      endedAt,
      createdById: adminId,
      createdAt: new Date(scheduledAt.getTime() - 3 * DAY),
      version: 3,
      attendees: { create: members.map((member) => ({ userId: member.userId })) },
      agendaItems: {
        create: agenda.map((request, index) => ({
          requestId: request.id,
          position: index + 1,
          timeboxMinutes: [20, 15][index],
          elapsedSeconds: spent[index],
          startedAt: new Date(startedAt.getTime() + (index === 0 ? 0 : spent[0] * 1000)),
          endedAt: new Date(startedAt.getTime() + spent.slice(0, index + 1).reduce((sum, value) => sum + value, 0) * 1000),
          notes:
            index === 0
              ? "The data tier gets no route to the NAT gateways; patching goes through the private tier's proxy."
              : "Threat model is thorough; the WAF rules need an owner before go-live.",
        })),
      },
    },
    include: { agendaItems: { orderBy: { position: "asc" } } },
  });
  const [first, second] = meeting.agendaItems;
  // The address-plan decision was taken in this meeting.
  await tx.decision.updateMany({ where: { id: "demo-decision-payments-cidr", meetingItemId: null }, data: { meetingItemId: first.id } });
  const actions: Prisma.MeetingActionItemCreateManyInput[] = [
    { meetingId: id, agendaItemId: first.id, text: "Publish the payments address plan in the network runbook", ownerId: adminId, dueDate: new Date(Date.UTC(endedAt.getUTCFullYear(), endedAt.getUTCMonth(), endedAt.getUTCDate() + 7)), createdById: adminId, createdAt: new Date(startedAt.getTime() + 20 * MINUTE) },
    ...(second ? [{ meetingId: id, agendaItemId: second.id, text: "Name an owner for the WAF rule set", ownerId: maintainerId, dueDate: null, createdById: adminId, createdAt: new Date(startedAt.getTime() + 35 * MINUTE) }] : []),
  ];
  await tx.meetingActionItem.createMany({ data: actions });

  const records = await collectReviewRecords(tx, { meetingId: id, from: startedAt, to: endedAt, items: meeting.agendaItems.map((item) => ({ id: item.id, requestId: item.requestId })) });
  const owners = new Map(members.map((member) => [member.user.id, member.user]));
  const minutes = generateMinutes({
    title: meeting.title,
    team: team.name,
    scheduledAt,
    startedAt,
    endedAt,
    durationMinutes: meeting.durationMinutes,
    attendees: members.map((member) => member.user),
    items: meeting.agendaItems.map((item, index) => {
      const request = agenda[index];
      return {
        position: item.position,
        title: request.title,
        role: isRoleKey(request.roleKey) ? getRole(request.roleKey).title : request.roleKey,
        revision: request.currentRevision,
        timeboxMinutes: item.timeboxMinutes,
        spentSeconds: item.elapsedSeconds,
        notes: item.notes,
        decisions: records.decisions.get(item.id) ?? [],
        approvals: records.approvals.get(item.id) ?? [],
        actions: actions
          .filter((action) => action.agendaItemId === item.id)
          .map((action) => ({ text: action.text, owner: action.ownerId ? (owners.get(action.ownerId) ?? null) : null, dueDate: action.dueDate ? (action.dueDate as Date).toISOString().slice(0, 10) : null })),
      };
    }),
    generalActions: [],
  });
  await tx.meeting.update({ where: { id }, data: { minutes } });
  await tx.auditLog.create({ data: { actorId: adminId, teamId: team.id, action: "meeting.ended", targetType: "meeting", targetId: id, details: { via: "demo-seed", title: meeting.title, items: agenda.length }, createdAt: endedAt } });
  return 1;
}
