// Review meetings: schedule, edit the agenda (while scheduled), run (meeting mode moves the timers), capture
// action items, end (which writes the minutes once). Every function takes the acting user first; a meeting
// belongs to one team and everything on it (agenda requests, attendees, action owners) must be of that team
// (ADR 013). Another team's meeting is "not found"; every change writes its audit row in its transaction.
import "server-only";
import { recordMeetingStarted, recordMinutesReady } from "@/lib/reviews/meeting-events.server";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission, requireTeamPermission, teamAccess, visibleTeamIds, type TeamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, parseOrThrow, type Issue } from "@/lib/errors";
import { getRole } from "@/lib/agents/registry";
import { switchFocus, elapsedAt } from "@/lib/reviews/timer";
import { generateMinutes, minutesFileName, type MinutesApproval, type MinutesDecision } from "@/lib/reviews/minutes";
import { collectReviewRecords } from "@/lib/reviews/meeting-records.server";
import {
  agendaNotesSchema,
  agendaRequestStatuses,
  createMeetingActionSchema,
  createMeetingSchema,
  focusAgendaItemSchema,
  meetingStatuses,
  startMeetingSchema,
  updateMeetingSchema,
  type AgendaItemView,
  type CreateMeetingActionInput,
  type CreateMeetingInput,
  type MeetingActionView,
  type MeetingDetail,
  type MeetingStatusKey,
  type MeetingSummary,
  type Person,
  type RequestAgendaMeeting,
  type UpdateMeetingInput,
} from "@/lib/reviews/meetings-schema";

/** Successive moves between items by one person within this window update one audit row. */
const FOCUS_AUDIT_COALESCE_MS = 5 * 60_000;

const personSelect = { id: true, name: true, email: true } as const;

const detailInclude = {
  team: { select: { slug: true, name: true } },
  createdBy: { select: personSelect },
  presenter: { select: personSelect },
  attendees: { include: { user: { select: personSelect } } },
  agendaItems: {
    orderBy: { position: "asc" },
    include: { request: { select: { id: true, title: true, status: true, roleKey: true, currentRevision: true, team: { select: { slug: true, name: true } } } } },
  },
  actionItems: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { owner: { select: personSelect }, createdBy: { select: personSelect } } },
} satisfies Prisma.MeetingInclude;

type DetailRow = Prisma.MeetingGetPayload<{ include: typeof detailInclude }>;

export function roleTitle(key: string): string {
  try {
    return getRole(key).title;
  } catch {
    return key;
  }
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toAgendaItem(row: DetailRow["agendaItems"][number]): AgendaItemView {
  return {
    id: row.id,
    position: row.position,
    timeboxMinutes: row.timeboxMinutes,
    elapsedSeconds: row.elapsedSeconds,
    runningSince: iso(row.runningSince),
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    notes: row.notes,
    request: {
      id: row.request.id,
      title: row.request.title,
      status: row.request.status,
      role: { key: row.request.roleKey, title: roleTitle(row.request.roleKey) },
      revision: row.request.currentRevision,
      team: row.request.team,
    },
  };
}

function toAction(row: DetailRow["actionItems"][number]): MeetingActionView {
  return {
    id: row.id,
    text: row.text,
    owner: row.owner,
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    agendaItemId: row.agendaItemId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

function toSummary(row: { id: string; title: string; team: { slug: string; name: string }; scheduledAt: Date; durationMinutes: number; status: MeetingStatusKey; startedAt: Date | null; endedAt: Date | null; version: number }, itemCount: number): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    team: row.team,
    scheduledAt: row.scheduledAt.toISOString(),
    durationMinutes: row.durationMinutes,
    status: row.status,
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    itemCount,
    version: row.version,
  };
}

function toDetail(row: DetailRow, access: TeamAccess): MeetingDetail {
  return {
    ...toSummary(row, row.agendaItems.length),
    attendees: row.attendees.map((attendee) => attendee.user).sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email)),
    agenda: row.agendaItems.map(toAgendaItem),
    actionItems: row.actionItems.map(toAction),
    minutes: row.minutes,
    createdBy: row.createdBy,
    presenter: row.presenter,
    presenterSince: iso(row.presenterSince),
    permissions: { canEdit: roleAllows(access.role, "edit") },
  };
}

/** A meeting the actor can see, with the actor's access to its team; otherwise "not found". */
async function loadMeeting(db: Db | Tx, actor: Actor, id: string) {
  const meeting = await db.meeting.findUnique({ where: { id } });
  if (!meeting) throw new NotFoundError("Meeting");
  const access = await teamAccess(db, actor, { id: meeting.teamId }, "Meeting");
  return { meeting, access };
}

async function loadForChange(tx: Tx, actor: Actor, id: string) {
  const loaded = await loadMeeting(tx, actor, id);
  assertPermission(loaded.access, "edit");
  return loaded;
}

/**
 * Meeting mode follows one presenter: the first person to start it, or whoever took over since. Moving
 * between items is theirs alone (anyone else who may edit takes over first, explicitly); a meeting nobody
 * presents yet (started through the API) is moved by whoever moves it, and a person doing so becomes its
 * presenter.
 */
async function claimPresenter(tx: Tx, actor: Actor, meeting: { id: string; presenterId: string | null }, now: Date): Promise<void> {
  const person = actor.kind === "user" ? actor.userId : null;
  if (meeting.presenterId && meeting.presenterId !== person) {
    const presenter = await tx.user.findUnique({ where: { id: meeting.presenterId }, select: personSelect });
    throw new ConflictError(`${presenter?.name ?? presenter?.email ?? "Someone else"} is presenting this meeting; take over to move it.`, { reason: "not_presenter" });
  }
  if (!meeting.presenterId && person) await tx.meeting.update({ where: { id: meeting.id }, data: { presenterId: actor.userId, presenterSince: now } });
}

function staleVersion(current: { version: number; updatedAt: Date }): never {
  throw new ConflictError("Someone changed this meeting while you were editing it. Reload it to see their changes, then edit again.", {
    reason: "stale_version",
    version: current.version,
    updatedAt: current.updatedAt.toISOString(),
  });
}

function notScheduled(status: MeetingStatusKey): ConflictError {
  return new ConflictError(status === "ENDED" ? "This meeting has ended; its agenda and details can no longer change." : "This meeting is in progress; its agenda and details can no longer change.");
}

/**
 * Checks the agenda's requests: each must be a request of the meeting's team waiting for review. Anything
 * else (unknown, another team's, a draft, approved…) is 422 on that entry's `requestId`, with the same
 * message for unknown and other teams' requests so that nothing leaks.
 */
async function checkAgenda(tx: Tx, teamId: string, agenda: { requestId: string }[]): Promise<void> {
  if (agenda.length === 0) return;
  const rows = await tx.request.findMany({ where: { id: { in: agenda.map((entry) => entry.requestId) } }, select: { id: true, teamId: true, status: true, title: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues: Issue[] = [];
  agenda.forEach((entry, index) => {
    const row = byId.get(entry.requestId);
    if (!row || row.teamId !== teamId) {
      issues.push({ path: ["agenda", index, "requestId"], message: "There is no request with this id in the meeting's team" });
    } else if (!(agendaRequestStatuses as readonly string[]).includes(row.status)) {
      issues.push({ path: ["agenda", index, "requestId"], message: `“${row.title}” is not waiting for review (it is ${row.status.toLowerCase().replace("_", " ")}); only submitted or in-review requests go on an agenda` });
    }
  });
  if (issues.length) throw new InvalidError(issues.length === 1 ? issues[0].message : `${issues.length} agenda entries cannot be reviewed`, issues);
}

/** The team's members among `userIds` (422 on each one that is not a member); every member when omitted. */
async function checkAttendees(tx: Tx, teamId: string, userIds: string[] | undefined): Promise<string[]> {
  const members = await tx.membership.findMany({ where: { teamId }, select: { userId: true } });
  const memberIds = new Set(members.map((member) => member.userId));
  if (userIds === undefined) return [...memberIds];
  const issues: Issue[] = [];
  userIds.forEach((id, index) => {
    if (!memberIds.has(id)) issues.push({ path: ["attendees", index], message: "Only members of the meeting's team can attend" });
  });
  if (issues.length) throw new InvalidError("Some attendees are not members of the team", issues);
  return [...new Set(userIds)];
}

async function writeAgenda(tx: Tx, meetingId: string, agenda: { requestId: string; timeboxMinutes: number }[]) {
  const existing = await tx.agendaItem.findMany({ where: { meetingId } });
  const keep = new Set(agenda.map((entry) => entry.requestId));
  const gone = existing.filter((item) => !keep.has(item.requestId));
  if (gone.length) await tx.agendaItem.deleteMany({ where: { id: { in: gone.map((item) => item.id) } } });
  // Positions are unique only by convention (no unique index), so rewriting them in place is safe.
  for (const [index, entry] of agenda.entries()) {
    await tx.agendaItem.upsert({
      where: { meetingId_requestId: { meetingId, requestId: entry.requestId } },
      create: { meetingId, requestId: entry.requestId, position: index + 1, timeboxMinutes: entry.timeboxMinutes },
      update: { position: index + 1, timeboxMinutes: entry.timeboxMinutes },
    });
  }
}

// ---- Reads ------------------------------------------------------------------------------------------

export async function getMeeting(actor: Actor, id: string): Promise<MeetingDetail> {
  const db = getDb();
  const { meeting, access } = await loadMeeting(db, actor, id);
  const row = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: detailInclude });
  return toDetail(row, access);
}

/** A team's meetings: upcoming and running ones first (soonest first), then ended ones (latest first). */
export async function listMeetings(actor: Actor, teamSlug: string, filters: { status?: string } = {}): Promise<MeetingSummary[]> {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug: teamSlug });
  const status = filters.status && (meetingStatuses as readonly string[]).includes(filters.status) ? (filters.status as MeetingStatusKey) : undefined;
  if (filters.status && !status) throw InvalidError.field(["status"], `Choose a status: ${meetingStatuses.join(", ")}`);
  const rows = await db.meeting.findMany({
    where: { teamId: team.id, ...(status ? { status } : {}) },
    include: { team: { select: { slug: true, name: true } }, _count: { select: { agendaItems: true } } },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  const open = rows.filter((row) => row.status !== "ENDED");
  const ended = rows.filter((row) => row.status === "ENDED").reverse();
  return [...open, ...ended].map((row) => toSummary(row, row._count.agendaItems));
}

/** What the meeting form offers: the team's requests waiting for review, and its members. */
export async function getMeetingFormOptions(actor: Actor, teamSlug: string) {
  const db = getDb();
  const access = await requireTeamPermission(db, actor, { slug: teamSlug }, "edit");
  const [requests, members] = await Promise.all([
    db.request.findMany({
      where: { teamId: access.team.id, status: { in: [...agendaRequestStatuses] } },
      select: { id: true, title: true, roleKey: true, currentRevision: true, status: true, submittedAt: true },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    }),
    db.membership.findMany({ where: { teamId: access.team.id }, include: { user: { select: personSelect } } }),
  ]);
  return {
    team: access.team,
    requests: requests.map((request) => ({
      id: request.id,
      title: request.title,
      role: roleTitle(request.roleKey),
      revision: request.currentRevision,
      status: request.status,
      submittedAt: iso(request.submittedAt),
    })),
    members: members.map((member) => member.user).sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email)) as Person[],
  };
}

/** The members of a team the actor can see: who can attend and own action items. */
export async function getMeetingMembers(actor: Actor, teamSlug: string): Promise<Person[]> {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug: teamSlug });
  const members = await db.membership.findMany({ where: { teamId: team.id }, include: { user: { select: personSelect } } });
  return members.map((member) => member.user).sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email));
}

// ---- Changes ----------------------------------------------------------------------------------------

export async function createMeeting(actor: Actor, teamSlug: string, input: CreateMeetingInput, now = new Date()): Promise<MeetingDetail> {
  const data = parseOrThrow(createMeetingSchema, input);
  const db = getDb();
  const id = await db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "edit");
    await checkAgenda(tx, access.team.id, data.agenda);
    const attendees = await checkAttendees(tx, access.team.id, data.attendees);
    const meeting = await tx.meeting.create({
      data: {
        teamId: access.team.id,
        title: data.title,
        scheduledAt: data.scheduledAt,
        durationMinutes: data.durationMinutes,
        createdById: actor.userId,
        createdAt: now,
        attendees: { create: attendees.map((userId) => ({ userId })) },
      },
    });
    await writeAgenda(tx, meeting.id, data.agenda);
    await recordAudit(tx, actor, {
      action: "meeting.scheduled",
      teamId: access.team.id,
      targetType: "meeting",
      targetId: meeting.id,
      details: { title: meeting.title, scheduledAt: meeting.scheduledAt.toISOString(), items: data.agenda.length },
    });
    return meeting.id;
  });
  return getMeeting(actor, id);
}

/** Edits a scheduled meeting from `version`: 409 when someone changed it meanwhile or when it has started. */
export async function updateMeeting(actor: Actor, id: string, input: UpdateMeetingInput, now = new Date()): Promise<MeetingDetail> {
  const data = parseOrThrow(updateMeetingSchema, input);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { meeting, access } = await loadForChange(tx, actor, id);
    if (data.version !== meeting.version) staleVersion(meeting);
    if (meeting.status !== "SCHEDULED") throw notScheduled(meeting.status);
    if (data.agenda) await checkAgenda(tx, access.team.id, data.agenda);
    const attendees = data.attendees ? await checkAttendees(tx, access.team.id, data.attendees) : undefined;
    // The conditional update is the lock: of two edits from the same version, only one wins.
    const moved = await tx.meeting.updateMany({
      where: { id: meeting.id, version: meeting.version },
      data: {
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.scheduledAt !== undefined ? { scheduledAt: data.scheduledAt } : {}),
        ...(data.durationMinutes !== undefined ? { durationMinutes: data.durationMinutes } : {}),
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    if (moved.count === 0) staleVersion(await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } }));
    if (attendees) {
      await tx.meetingAttendee.deleteMany({ where: { meetingId: meeting.id, userId: { notIn: attendees } } });
      await tx.meetingAttendee.createMany({ data: attendees.map((userId) => ({ meetingId: meeting.id, userId })), skipDuplicates: true });
    }
    if (data.agenda) await writeAgenda(tx, meeting.id, data.agenda);
    await recordAudit(tx, actor, {
      action: "meeting.updated",
      teamId: access.team.id,
      targetType: "meeting",
      targetId: meeting.id,
      details: { title: data.title ?? meeting.title, fields: Object.keys(data).filter((key) => key !== "version") },
    });
  });
  return getMeeting(actor, id);
}

/** Starts the meeting (meeting mode does this on opening) and puts one item on screen. Starting a running meeting only moves the screen. */
export async function startMeeting(actor: Actor, id: string, input: { agendaItemId?: string } = {}, now = new Date()): Promise<MeetingDetail> {
  const data = parseOrThrow(startMeetingSchema, input);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { meeting, access } = await loadForChange(tx, actor, id);
    if (meeting.status === "ENDED") throw new ConflictError("This meeting has ended; schedule a new one to review again.");
    const items = await tx.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
    const target = data.agendaItemId ?? (items.find((item) => item.runningSince) ?? items[0])?.id ?? null;
    if (data.agendaItemId && !items.some((item) => item.id === data.agendaItemId)) throw InvalidError.field(["agendaItemId"], "This item is not on the meeting's agenda");
    if (meeting.status === "SCHEDULED") {
      const moved = await tx.meeting.updateMany({ where: { id: meeting.id, status: "SCHEDULED" }, data: { status: "IN_PROGRESS", startedAt: now, version: { increment: 1 } } });
      if (moved.count === 0) staleVersion(await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } }));
      await recordAudit(tx, actor, { action: "meeting.started", teamId: access.team.id, targetType: "meeting", targetId: meeting.id, details: { title: meeting.title } });
      await recordMeetingStarted(tx, actor, meeting.id);
    }
    await claimPresenter(tx, actor, meeting, now);
    await applyFocus(tx, items, target, now);
  });
  return getMeeting(actor, id);
}

async function applyFocus(tx: Tx, items: Parameters<typeof switchFocus>[0], target: string | null, now: Date) {
  for (const change of switchFocus(items, target, now)) {
    await tx.agendaItem.update({
      where: { id: change.id },
      data: {
        elapsedSeconds: change.elapsedSeconds,
        runningSince: change.runningSince,
        ...(change.startedAt ? { startedAt: change.startedAt } : {}),
        ...(change.endedAt ? { endedAt: change.endedAt } : {}),
      },
    });
  }
}

/** Meeting mode moved to another item (or paused, with null): banks the time of the item that was on screen. */
export async function focusAgendaItem(actor: Actor, id: string, input: { agendaItemId: string | null }, now = new Date()): Promise<MeetingDetail> {
  const data = parseOrThrow(focusAgendaItemSchema, input);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { meeting, access } = await loadForChange(tx, actor, id);
    if (meeting.status !== "IN_PROGRESS") throw new ConflictError(meeting.status === "ENDED" ? "This meeting has ended." : "Start the meeting first.");
    const items = await tx.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
    if (data.agendaItemId && !items.some((item) => item.id === data.agendaItemId)) throw InvalidError.field(["agendaItemId"], "This item is not on the meeting's agenda");
    await claimPresenter(tx, actor, meeting, now);
    await applyFocus(tx, items, data.agendaItemId, now);
    // Arrow keys move often: one person's moves in a row update one audit row.
    const latest = await tx.auditLog.findFirst({ where: { teamId: access.team.id, targetType: "meeting", targetId: meeting.id }, orderBy: { createdAt: "desc" } });
    const details = (latest?.details ?? {}) as Record<string, unknown>;
    const lastMovedAt = typeof details.lastMovedAt === "string" ? Date.parse(details.lastMovedAt) : Number.NaN;
    if (latest?.action === "meeting.item_focused" && latest.actorId === actor.userId && Math.abs(now.getTime() - lastMovedAt) < FOCUS_AUDIT_COALESCE_MS) {
      await tx.auditLog.update({
        where: { id: latest.id },
        data: { details: { ...details, moves: Number(details.moves ?? 1) + 1, agendaItemId: data.agendaItemId, lastMovedAt: now.toISOString() } },
      });
    } else {
      await recordAudit(tx, actor, {
        action: "meeting.item_focused",
        teamId: access.team.id,
        targetType: "meeting",
        targetId: meeting.id,
        details: { title: meeting.title, agendaItemId: data.agendaItemId, moves: 1, lastMovedAt: now.toISOString() },
      });
    }
  });
  return getMeeting(actor, id);
}

/**
 * Takes meeting mode over from its presenter (who may have left the room or lost their laptop): from now
 * on the actor moves the slides and everyone follows them. Explicit and audited; a person only, not a token.
 */
export async function takeOverMeeting(actor: Actor, id: string, now = new Date()): Promise<MeetingDetail> {
  if (actor.kind !== "user") throw new ForbiddenError("Only a signed-in person can present a meeting, not an API token.");
  const userId = actor.userId;
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { meeting, access } = await loadForChange(tx, actor, id);
    if (meeting.status === "ENDED") throw new ConflictError("This meeting has ended.");
    if (meeting.presenterId === userId) return;
    const previous = meeting.presenterId ? await tx.user.findUnique({ where: { id: meeting.presenterId }, select: personSelect }) : null;
    await tx.meeting.update({ where: { id: meeting.id }, data: { presenterId: userId, presenterSince: now } });
    await recordAudit(tx, actor, {
      action: "meeting.presenter_taken_over",
      teamId: access.team.id,
      targetType: "meeting",
      targetId: meeting.id,
      details: { title: meeting.title, previousPresenterId: previous?.id ?? null, previousPresenter: previous ? (previous.name ?? previous.email) : null },
    });
  });
  return getMeeting(actor, id);
}

/** The outcome notes of one agenda item (while the meeting has not ended). */
export async function saveAgendaNotes(actor: Actor, id: string, agendaItemId: string, input: { notes: string }): Promise<MeetingDetail> {
  const data = parseOrThrow(agendaNotesSchema, input);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { meeting, access } = await loadForChange(tx, actor, id);
    if (meeting.status === "ENDED") throw new ConflictError("This meeting has ended; its minutes are written.");
    const item = await tx.agendaItem.findFirst({ where: { id: agendaItemId, meetingId: meeting.id } });
    if (!item) throw new NotFoundError("Agenda item");
    await tx.agendaItem.update({ where: { id: item.id }, data: { notes: data.notes } });
    await recordAudit(tx, actor, { action: "meeting.notes_saved", teamId: access.team.id, targetType: "meeting", targetId: meeting.id, details: { title: meeting.title, agendaItemId: item.id } });
  });
  return getMeeting(actor, id);
}

/** An action item captured in the meeting: owned by a member of the team, about one agenda item or the meeting. */
export async function addMeetingAction(actor: Actor, id: string, input: CreateMeetingActionInput, now = new Date()): Promise<MeetingActionView> {
  const data = parseOrThrow(createMeetingActionSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const { meeting, access } = await loadForChange(tx, actor, id);
    if (meeting.status === "ENDED") throw new ConflictError("This meeting has ended; add follow-ups to the request instead.");
    const owner = await tx.membership.findUnique({ where: { userId_teamId: { userId: data.ownerId, teamId: access.team.id } } });
    if (!owner) throw InvalidError.field(["ownerId"], "The owner must be a member of the meeting's team");
    if (data.agendaItemId && !(await tx.agendaItem.findFirst({ where: { id: data.agendaItemId, meetingId: meeting.id } }))) {
      throw InvalidError.field(["agendaItemId"], "This item is not on the meeting's agenda");
    }
    const row = await tx.meetingActionItem.create({
      data: {
        meetingId: meeting.id,
        agendaItemId: data.agendaItemId ?? null,
        text: data.text,
        ownerId: data.ownerId,
        dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null,
        createdById: actor.userId,
        createdAt: now,
      },
      include: { owner: { select: personSelect }, createdBy: { select: personSelect } },
    });
    await recordAudit(tx, actor, { action: "meeting.action_added", teamId: access.team.id, targetType: "meeting", targetId: meeting.id, details: { title: meeting.title, text: data.text.slice(0, 200), actionItemId: row.id } });
    return toAction(row);
  });
}

/**
 * Ends the meeting: stops the timer on screen, gathers what was recorded during the meeting and writes the
 * minutes, once. Ending an ended meeting is 409 and leaves its minutes as they are.
 */
export async function endMeeting(actor: Actor, id: string, now = new Date()): Promise<MeetingDetail> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { meeting, access } = await loadForChange(tx, actor, id);
    if (meeting.status === "ENDED") throw new ConflictError("This meeting has already ended; its minutes were written then.");
    const items = await tx.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
    await applyFocus(tx, items, null, now);
    // Only the first of two concurrent ends gets past this.
    const moved = await tx.meeting.updateMany({ where: { id: meeting.id, status: meeting.status }, data: { status: "ENDED", endedAt: now, version: { increment: 1 } } });
    if (moved.count === 0) throw new ConflictError("This meeting has already ended; its minutes were written then.");
    const row = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: detailInclude });
    const records = await collectReviewRecords(tx, {
      meetingId: meeting.id,
      from: meeting.startedAt ?? now,
      to: now,
      items: row.agendaItems.map((item) => ({ id: item.id, requestId: item.requestId })),
    });
    const actions = row.actionItems.map((action) => ({ agendaItemId: action.agendaItemId, text: action.text, owner: action.owner, dueDate: action.dueDate ? action.dueDate.toISOString().slice(0, 10) : null }));
    const minutes = generateMinutes({
      title: row.title,
      team: row.team.name,
      scheduledAt: row.scheduledAt,
      startedAt: meeting.startedAt,
      endedAt: now,
      durationMinutes: row.durationMinutes,
      attendees: row.attendees.map((attendee) => attendee.user),
      items: row.agendaItems.map((item) => ({
        position: item.position,
        title: item.request.title,
        role: roleTitle(item.request.roleKey),
        revision: item.request.currentRevision,
        timeboxMinutes: item.timeboxMinutes,
        spentSeconds: elapsedAt(item, now),
        notes: item.notes,
        decisions: records.decisions.get(item.id) ?? ([] as MinutesDecision[]),
        approvals: records.approvals.get(item.id) ?? ([] as MinutesApproval[]),
        actions: actions.filter((action) => action.agendaItemId === item.id),
      })),
      generalActions: actions.filter((action) => !action.agendaItemId),
    });
    await tx.meeting.update({ where: { id: meeting.id }, data: { minutes } });
    await recordAudit(tx, actor, { action: "meeting.ended", teamId: access.team.id, targetType: "meeting", targetId: meeting.id, details: { title: meeting.title, items: items.length, actions: actions.length } });
    const decisionCount = [...records.decisions.values()].reduce((sum, list) => sum + list.length, 0);
    await recordMinutesReady(tx, actor, meeting.id, { decisions: decisionCount, actionItems: actions.length });
  });
  return getMeeting(actor, id);
}

/** The minutes as a Markdown download; "not found" until the meeting has ended. */
export async function exportMinutes(actor: Actor, id: string): Promise<{ fileName: string; markdown: string }> {
  const db = getDb();
  const { meeting, access } = await loadMeeting(db, actor, id);
  if (meeting.minutes === null) throw new NotFoundError("Minutes");
  return { fileName: minutesFileName(access.team.slug, meeting.scheduledAt), markdown: meeting.minutes };
}

/** The upcoming and running meetings of the actor's teams, soonest first, with their agendas' request ids. */
export async function listUpcomingMeetings(actor: Actor, db: Db = getDb()) {
  const teamIds = await visibleTeamIds(db, actor);
  return db.meeting.findMany({
    where: { teamId: { in: teamIds }, status: { in: ["SCHEDULED", "IN_PROGRESS"] } },
    include: { team: { select: { slug: true, name: true } }, agendaItems: { orderBy: { position: "asc" }, select: { id: true, requestId: true, position: true, timeboxMinutes: true } } },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: 50,
  });
}

/**
 * The scheduled and running meetings of the actor's teams that have this request on their agenda, soonest
 * first. A request of a team the actor is not in is on no meeting they can see, so the answer is empty.
 */
export async function listMeetingsOfRequest(actor: Actor, requestId: string, db: Db = getDb()): Promise<RequestAgendaMeeting[]> {
  const teamIds = await visibleTeamIds(db, actor);
  const rows = await db.meeting.findMany({
    where: { teamId: { in: teamIds }, status: { in: ["SCHEDULED", "IN_PROGRESS"] }, agendaItems: { some: { requestId } } },
    select: { id: true, title: true, scheduledAt: true, status: true },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, title: row.title, scheduledAt: row.scheduledAt.toISOString(), status: row.status as RequestAgendaMeeting["status"] }));
}
