// Incidents: declare, read, change and run them. Every function takes the acting user first and checks
// access through lib/auth; every change writes its timeline event and its audit row in the same transaction.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { IncidentEventType, IncidentRole, IncidentSeverity, IncidentStatus, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess, visibleTeamIds, type TeamAccess } from "@/lib/auth/authorize";
import { roleAllows, type Permission } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, InvalidError, NotFoundError, parseOrThrow, type Issue } from "@/lib/errors";
import {
  addEventSchema,
  assignRoleSchema,
  declareIncidentSchema,
  listIncidentsSchema,
  transitionSchema,
  updateEventSchema,
  updateIncidentSchema,
  type AddEventInput,
  type AssignRoleInput,
  type DeclareIncidentInput,
  type IncidentSource,
  type ListIncidentsInput,
  type TransitionInput,
  type UpdateEventInput,
  type UpdateIncidentInput,
} from "@/lib/incidents/schema";
import { activeStatuses, planTransition, statusLabels } from "@/lib/incidents/status";
import { incidentSeverities } from "@/lib/incidents/severity";
import { incidentRoleLabels } from "@/lib/incidents/incident-roles";
import { eventTypeLabels } from "@/lib/incidents/event-types";
import { FUTURE_TOLERANCE_MS, assertKeyTimesInOrder, keyTimeFields, keyTimeLabels, type KeyTimeField, type KeyTimes } from "@/lib/incidents/times";
import { incidentReference, personName, toIncidentDetail, toIncidentEvent, toIncidentSummary } from "@/lib/incidents/serialize";
import type { IncidentDetailJson, IncidentEventJson, IncidentListJson } from "@/lib/incidents/api-schemas";
import { recordIncidentEvent } from "@/lib/incidents/events.server";

/** How a change arrived: shown on the timeline and recorded in the incident's `declaredVia`. */
export type ChangeSource = "portal" | "api" | "alertmanager" | "system";

export function sourceOf(actor: Actor): ChangeSource {
  if (actor.kind === "token") return "api";
  if (actor.kind === "system") return "system";
  return "portal";
}

export interface ChangeOptions {
  /** The moment of the change; tests pass a fixed one. */
  now?: Date;
}

/** The columns of a person the incident pages show. */
export const personSelect = { id: true, name: true, email: true } as const;

const incidentSummaryInclude = {
  team: { select: { slug: true, name: true } },
  services: { include: { service: { select: { id: true, slug: true, name: true } } }, orderBy: { service: { name: "asc" } } },
  roles: { where: { role: "COMMANDER", endedAt: null }, include: { user: { select: personSelect } } },
} satisfies Prisma.IncidentInclude;

const incidentDetailInclude = {
  team: { select: { slug: true, name: true } },
  declaredBy: { select: personSelect },
  services: { include: { service: { select: { id: true, slug: true, name: true } } }, orderBy: { service: { name: "asc" } } },
  roles: { include: { user: { select: personSelect } }, orderBy: { assignedAt: "asc" } },
  alerts: { orderBy: { createdAt: "asc" } },
  postmortem: { select: { status: true } },
} satisfies Prisma.IncidentInclude;

const eventInclude = { author: { select: personSelect } } satisfies Prisma.IncidentEventInclude;

// ── Access ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The incident's team access for the actor: NotFound when the incident does not exist or belongs to a team
 * the actor is not in (the same answer, so existence does not leak); Forbidden when the role is too low.
 */
export async function incidentAccess(db: Db | Tx, actor: Actor, incidentId: string, permission: Permission): Promise<TeamAccess & { teamId: string }> {
  const incident = await db.incident.findUnique({ where: { id: String(incidentId) }, select: { teamId: true } });
  if (!incident) throw new NotFoundError("Incident");
  const access = await requireTeamPermission(db, actor, { id: incident.teamId }, permission, "Incident");
  return { ...access, teamId: incident.teamId };
}

/** Serialises concurrent changes of one incident: the row stays locked until the transaction ends. */
async function lockIncident(tx: Tx, incidentId: string) {
  await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${incidentId} FOR UPDATE`;
  return tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
}

/** Serialises the team's incident numbering (and Alertmanager's find-or-open) within a transaction. */
export async function lockTeamIncidents(tx: Tx, teamId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`incidents:${teamId}`}))`;
}

/**
 * The team a new incident goes to: the named one (the actor must be able to edit it), else a token's own
 * team. A signed-in user belongs to several teams and must say which.
 */
export async function teamForNewIncident(tx: Tx, actor: Actor, slug: string | undefined): Promise<TeamAccess> {
  if (slug) return requireTeamPermission(tx, actor, { slug }, "edit");
  if (actor.kind === "token") return requireTeamPermission(tx, actor, { id: actor.teamId }, "edit");
  throw InvalidError.field(["team"], "Say which team the incident belongs to (its slug)");
}

/** The team a read is about: the named one, else a token's own team; a signed-in user must name it. */
export async function teamForRead(db: Db | Tx, actor: Actor, slug: string | undefined): Promise<TeamAccess> {
  if (slug) return teamAccess(db, actor, { slug });
  if (actor.kind === "token") return teamAccess(db, actor, { id: actor.teamId });
  throw InvalidError.field(["team"], "Say which team (its slug)");
}

/** The team's services by slug; an unknown slug is a 422 naming it. */
export async function resolveServices(tx: Tx, team: TeamAccess["team"], slugs: string[], path: (string | number)[] = ["services"]) {
  const unique = [...new Set(slugs.map((slug) => slug.toLowerCase()))];
  if (unique.length === 0) return [];
  const services = await tx.service.findMany({ where: { teamId: team.id, slug: { in: unique } }, select: { id: true, slug: true, name: true } });
  const issues: Issue[] = unique
    .filter((slug) => !services.some((service) => service.slug === slug))
    .map((slug) => ({ path: [...path, slugs.findIndex((given) => given.toLowerCase() === slug)], message: `No service “${slug}” in ${team.name}'s catalog`, code: "unknown_service" }));
  if (issues.length) throw new InvalidError(issues.length === 1 ? issues[0].message : `Unknown services: ${issues.map((issue) => issue.message).join("; ")}`, issues);
  return services;
}

// The loaders below read without checking access: callers check it once (incidentAccess) first.

export async function loadDetail(db: Db | Tx, incidentId: string): Promise<IncidentDetailJson> {
  const row = await db.incident.findUniqueOrThrow({ where: { id: incidentId }, include: incidentDetailInclude });
  return toIncidentDetail(row);
}

async function loadTimeline(db: Db | Tx, incidentId: string, types?: IncidentEventType[]): Promise<IncidentEventJson[]> {
  const events = await db.incidentEvent.findMany({
    where: { incidentId, ...(types?.length ? { type: { in: types } } : {}) },
    include: eventInclude,
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
  });
  return events.map(toIncidentEvent);
}

/** One timeline event, or undefined when it is gone or belongs to another incident (the live stream's load). */
export async function loadTimelineEvent(db: Db | Tx, incidentId: string, eventId: string): Promise<IncidentEventJson | undefined> {
  const row = await db.incidentEvent.findFirst({ where: { id: eventId, incidentId }, include: eventInclude });
  return row ? toIncidentEvent(row) : undefined;
}

/** Members who may hold an incident role or own an action item: everyone in the team who can edit. */
export async function loadResponders(db: Db | Tx, teamId: string) {
  const memberships = await db.membership.findMany({ where: { teamId, role: { not: "VIEWER" } }, include: { user: { select: personSelect } } });
  return memberships.map((membership) => membership.user).sort((a, b) => personName(a).localeCompare(personName(b)));
}

export interface TimelineEventInput {
  incidentId: string;
  type: IncidentEventType;
  body: string;
  data?: Prisma.InputJsonValue;
  occurredAt: Date;
  authorId: string | null;
  source: ChangeSource;
  pinned?: boolean;
}

/** Writes one timeline event inside the caller's transaction. */
export async function recordTimelineEvent(tx: Tx, event: TimelineEventInput) {
  return tx.incidentEvent.create({
    data: {
      incidentId: event.incidentId,
      type: event.type,
      body: event.body,
      data: event.data ?? {},
      occurredAt: event.occurredAt,
      authorId: event.authorId,
      source: event.source,
      pinned: event.pinned ?? false,
    },
  });
}

function timesOf(row: KeyTimes): KeyTimes {
  return Object.fromEntries(keyTimeFields.map((field) => [field, row[field]])) as KeyTimes;
}

const isoOrNull = (value: Date | null | undefined) => (value ? value.toISOString() : null);

function assertNotFuture(value: Date, now: Date, path: string[], label: string) {
  if (value.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw InvalidError.field(path, `${label} is in the future`);
}

// ── Declaring ─────────────────────────────────────────────────────────────────────────────────────────

export interface DeclareOptions extends ChangeOptions {
  /** A specialist-role request the incident is declared from, with its runbook (wired by issues 3 and 4). */
  source?: IncidentSource;
  via?: ChangeSource;
}

/** Declares an incident in TRIAGE. Detection defaults to now; services must be the team's. */
export async function declareIncident(actor: Actor, input: DeclareIncidentInput, options: DeclareOptions = {}): Promise<IncidentDetailJson> {
  const data = parseOrThrow(declareIncidentSchema, input);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await teamForNewIncident(tx, actor, data.team);
    const services = await resolveServices(tx, access.team, data.services);
    const detectedAt = data.detectedAt ?? now;
    const impactStartedAt = data.impactStartedAt ?? null;
    assertKeyTimesInOrder({ impactStartedAt, detectedAt }, now);
    const id = await createIncidentRow(tx, actor, access, {
      title: data.title,
      summary: data.summary,
      severity: data.severity,
      type: data.type,
      customerImpact: data.customerImpact,
      impactStartedAt,
      detectedAt,
      serviceIds: services.map((service) => service.id),
      serviceSlugs: services.map((service) => service.slug),
      via: options.via ?? sourceOf(actor),
      source: options.source,
      now,
    });
    return loadDetail(tx, id);
  });
}

export interface NewIncidentRow {
  title: string;
  summary: string;
  severity: IncidentSeverity;
  type: "OPERATIONAL" | "SECURITY";
  customerImpact: boolean;
  impactStartedAt: Date | null;
  detectedAt: Date;
  serviceIds: string[];
  serviceSlugs: string[];
  via: ChangeSource;
  source?: IncidentSource;
  now: Date;
}

/** Numbers and writes a new incident with its DECLARED event and audit row (the caller validated the input). */
export async function createIncidentRow(tx: Tx, actor: Actor, access: TeamAccess, row: NewIncidentRow): Promise<string> {
  await lockTeamIncidents(tx, access.team.id);
  const last = await tx.incident.aggregate({ where: { teamId: access.team.id }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const incident = await tx.incident.create({
    data: {
      teamId: access.team.id,
      number,
      title: row.title,
      summary: row.summary,
      severity: row.severity,
      type: row.type,
      customerImpact: row.customerImpact,
      declaredAt: row.now,
      impactStartedAt: row.impactStartedAt,
      detectedAt: row.detectedAt,
      declaredById: actor.userId,
      declaredVia: row.via,
      sourceRequestId: row.source?.requestId ?? null,
      runbookMarkdown: row.source?.runbookMarkdown ?? null,
      services: { create: row.serviceIds.map((serviceId) => ({ serviceId })) },
    },
  });
  await recordTimelineEvent(tx, {
    incidentId: incident.id,
    type: "DECLARED",
    body: `Declared ${row.severity}: ${row.title}`,
    data: {
      severity: row.severity,
      services: row.serviceSlugs,
      via: row.via,
      ...(row.source ? { sourceRequestId: row.source.requestId, runbookAttached: Boolean(row.source.runbookMarkdown) } : {}),
    },
    occurredAt: row.now,
    authorId: actor.userId,
    source: row.via,
  });
  await recordAudit(tx, actor, {
    action: "incident.declared",
    teamId: access.team.id,
    targetType: "incident",
    targetId: incident.id,
    details: { reference: incidentReference(number), title: row.title, severity: row.severity, via: row.via },
  });
  await recordIncidentEvent(tx, actor, "incident.declared", incident.id, { summary: row.summary });
  return incident.id;
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────────────

export async function getIncident(actor: Actor, incidentId: string): Promise<IncidentDetailJson> {
  const db = getDb();
  await incidentAccess(db, actor, incidentId, "read");
  return loadDetail(db, incidentId);
}

/**
 * A page of the team's incidents, active ones first (most severe, then newest), then the rest newest first.
 * A signed-in user without a team slug sees all of their teams.
 */
export async function listIncidents(actor: Actor, input: ListIncidentsInput = {}): Promise<IncidentListJson> {
  const filters = parseOrThrow(listIncidentsSchema, input);
  const db = getDb();
  const teamIds = filters.team ? [(await teamAccess(db, actor, { slug: filters.team })).team.id] : await visibleTeamIds(db, actor);
  const statusFilter: IncidentStatus[] | undefined =
    filters.status === "active" ? [...activeStatuses] : filters.status ? [filters.status] : undefined;
  const severityFilter: IncidentSeverity[] | undefined =
    filters.severity === "major" ? ["SEV1", "SEV2"] : filters.severity ? [filters.severity] : [...incidentSeverities];
  const base: Prisma.IncidentWhereInput = { teamId: { in: teamIds }, severity: { in: severityFilter } };
  const active = (statusFilter ?? [...activeStatuses]).filter((status) => (activeStatuses as readonly string[]).includes(status));
  const others = (statusFilter ?? ["RESOLVED", "CLOSED", "CANCELLED"]).filter((status) => !(activeStatuses as readonly string[]).includes(status));
  const activeWhere = { ...base, status: { in: active } };
  const otherWhere = { ...base, status: { in: others } };
  const [activeCount, otherCount] = await Promise.all([
    active.length ? db.incident.count({ where: activeWhere }) : 0,
    others.length ? db.incident.count({ where: otherWhere }) : 0,
  ]);
  const total = activeCount + otherCount;
  const pageCount = Math.max(1, Math.ceil(total / filters.pageSize));
  const page = Math.min(filters.page, pageCount);
  const start = (page - 1) * filters.pageSize;
  // One ordered list over two queries: the page takes what it can from the active incidents, then the rest.
  const activeRows =
    start < activeCount
      ? await db.incident.findMany({ where: activeWhere, include: incidentSummaryInclude, orderBy: [{ severity: "asc" }, { declaredAt: "desc" }], skip: start, take: filters.pageSize })
      : [];
  const remaining = filters.pageSize - activeRows.length;
  const otherRows =
    remaining > 0 && otherCount > 0
      ? await db.incident.findMany({ where: otherWhere, include: incidentSummaryInclude, orderBy: [{ declaredAt: "desc" }], skip: Math.max(0, start - activeCount), take: remaining })
      : [];
  return { incidents: [...activeRows, ...otherRows].map(toIncidentSummary), page, pageCount, total, activeCount };
}

/** The timeline, oldest first; optionally only some types. */
export async function listTimeline(actor: Actor, incidentId: string, options: { types?: IncidentEventType[] } = {}): Promise<IncidentEventJson[]> {
  const db = getDb();
  await incidentAccess(db, actor, incidentId, "read");
  return loadTimeline(db, incidentId, options.types);
}

/** Everything the incident page shows first: the incident, its timeline, who can take a role, and what the viewer may do. */
export async function getIncidentPage(actor: Actor, incidentId: string) {
  const db = getDb();
  const access = await incidentAccess(db, actor, incidentId, "read");
  const [incident, timeline, responders, services] = await Promise.all([
    loadDetail(db, incidentId),
    loadTimeline(db, incidentId),
    loadResponders(db, access.teamId),
    db.service.findMany({ where: { teamId: access.teamId }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { incident, timeline, responders, services, canEdit: roleAllows(access.role, "edit"), canManage: roleAllows(access.role, "manage") };
}

/** The team's services, for the declare form's picker. */
export async function listTeamServices(actor: Actor, teamSlug: string) {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug: teamSlug });
  return db.service.findMany({ where: { teamId: team.id }, select: { id: true, slug: true, name: true, tier: true }, orderBy: [{ tier: "asc" }, { name: "asc" }] });
}

// ── Changing ──────────────────────────────────────────────────────────────────────────────────────────

const fieldLabels: Record<string, string> = {
  title: "title",
  summary: "summary",
  type: "type",
  customerImpact: "customer impact",
  services: "affected services",
  ...Object.fromEntries(keyTimeFields.map((field) => [field, `${keyTimeLabels[field].toLowerCase()} time`])),
};

function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Changes an incident's fields. A severity change records a SEVERITY_CHANGE event, anything else one
 * FIELD_CHANGE event listing each field's old and new value. Nothing changes when nothing differs.
 */
export async function updateIncident(actor: Actor, incidentId: string, input: UpdateIncidentInput, options: ChangeOptions = {}): Promise<IncidentDetailJson> {
  const data = parseOrThrow(updateIncidentSchema, input);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const incident = await lockIncident(tx, incidentId);
    if (data.version !== undefined && data.version !== incident.version) {
      throw new ConflictError("Someone changed this incident after you opened it. Reload to see their change, then make yours again.", { currentVersion: incident.version });
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const update: Prisma.IncidentUpdateInput = {};
    for (const field of ["title", "summary", "type", "customerImpact"] as const) {
      if (data[field] !== undefined && data[field] !== incident[field]) {
        changes[field] = { from: incident[field], to: data[field] };
        (update as Record<string, unknown>)[field] = data[field];
      }
    }

    const times = timesOf(incident);
    for (const field of keyTimeFields) {
      const value = data[field];
      if (value === undefined || (value?.getTime() ?? null) === (incident[field]?.getTime() ?? null)) continue;
      if (field === "resolvedAt") {
        const resolved = incident.status === "RESOLVED" || incident.status === "CLOSED";
        if (!resolved && value) throw InvalidError.field([field], "Resolve the incident to record when it was resolved");
        if (resolved && !value) throw InvalidError.field([field], "A resolved incident keeps its resolved time: reopen it instead");
      }
      times[field] = value;
      changes[field] = { from: isoOrNull(incident[field]), to: isoOrNull(value) };
      update[field] = value;
    }
    if (keyTimeFields.some((field) => changes[field])) assertKeyTimesInOrder(times, now);

    let serviceChange: { added: string[]; removed: string[]; ids: string[] } | undefined;
    if (data.services !== undefined) {
      const services = await resolveServices(tx, access.team, data.services);
      const current = await tx.incidentService.findMany({ where: { incidentId }, include: { service: { select: { slug: true } } } });
      const currentSlugs = current.map((entry) => entry.service.slug);
      const nextSlugs = services.map((service) => service.slug);
      const added = nextSlugs.filter((slug) => !currentSlugs.includes(slug));
      const removed = currentSlugs.filter((slug) => !nextSlugs.includes(slug));
      if (added.length || removed.length) {
        serviceChange = { added, removed, ids: services.map((service) => service.id) };
        changes.services = { from: currentSlugs.sort(), to: nextSlugs.sort() };
      }
    }

    const severityChanged = data.severity !== undefined && data.severity !== incident.severity;
    if (!severityChanged && Object.keys(changes).length === 0) return loadDetail(tx, incidentId);

    await tx.incident.update({ where: { id: incidentId }, data: { ...update, ...(severityChanged ? { severity: data.severity } : {}), version: { increment: 1 } } });
    if (serviceChange) {
      await tx.incidentService.deleteMany({ where: { incidentId } });
      await tx.incidentService.createMany({ data: serviceChange.ids.map((serviceId) => ({ incidentId, serviceId })) });
    }
    const authorId = actor.userId;
    const source = sourceOf(actor);
    if (severityChanged) {
      const raised = data.severity! < incident.severity; // SEV1 sorts before SEV2: a smaller label is more severe.
      await recordTimelineEvent(tx, {
        incidentId,
        type: "SEVERITY_CHANGE",
        body: `Severity ${raised ? "raised" : "lowered"} from ${incident.severity} to ${data.severity}`,
        data: { from: incident.severity, to: data.severity! },
        occurredAt: now,
        authorId,
        source,
      });
    }
    if (Object.keys(changes).length) {
      await recordTimelineEvent(tx, {
        incidentId,
        type: "FIELD_CHANGE",
        body: `Changed the ${listInWords(Object.keys(changes).map((field) => fieldLabels[field]))}`,
        data: { changes, ...(serviceChange ? { servicesAdded: serviceChange.added, servicesRemoved: serviceChange.removed } : {}) } as Prisma.InputJsonValue,
        occurredAt: now,
        authorId,
        source,
      });
    }
    await recordAudit(tx, actor, {
      action: "incident.updated",
      teamId: access.team.id,
      targetType: "incident",
      targetId: incidentId,
      details: { reference: incidentReference(incident.number), ...(severityChanged ? { severity: { from: incident.severity, to: data.severity } } : {}), changes } as Prisma.InputJsonValue,
    });
    return loadDetail(tx, incidentId);
  });
}

/** Moves an incident to another status, as the machine in lib/incidents/status.ts allows (else 422). */
export async function transitionIncident(actor: Actor, incidentId: string, input: TransitionInput, options: ChangeOptions = {}): Promise<IncidentDetailJson> {
  const data = parseOrThrow(transitionSchema, input);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const incident = await lockIncident(tx, incidentId);
    const plan = planTransition(incident, data.to, now);
    const { closedAt, ...keyTimeChanges } = plan.times;
    assertKeyTimesInOrder({ ...timesOf(incident), ...keyTimeChanges }, now);
    await tx.incident.update({
      where: { id: incidentId },
      data: {
        status: plan.to,
        ...keyTimeChanges,
        ...(closedAt !== undefined ? { closedAt } : {}),
        ...(plan.reopened ? { reopenCount: { increment: 1 } } : {}),
        version: { increment: 1 },
      },
    });
    const timeChanges = Object.fromEntries(
      (Object.keys(keyTimeChanges) as KeyTimeField[]).map((field) => [field, { from: isoOrNull(incident[field]), to: isoOrNull(keyTimeChanges[field]) }]),
    );
    const headline = plan.reopened ? `Reopened: ${statusLabels[plan.from]} → ${statusLabels[plan.to]}` : `${statusLabels[plan.from]} → ${statusLabels[plan.to]}`;
    await recordTimelineEvent(tx, {
      incidentId,
      type: "STATUS_CHANGE",
      body: data.note ? `${headline}. ${data.note}` : headline,
      data: { from: plan.from, to: plan.to, reopened: plan.reopened, times: timeChanges, ...(data.note ? { note: data.note } : {}) } as Prisma.InputJsonValue,
      occurredAt: now,
      authorId: actor.userId,
      source: sourceOf(actor),
    });
    await recordAudit(tx, actor, {
      action: plan.reopened ? "incident.reopened" : "incident.status_changed",
      teamId: access.team.id,
      targetType: "incident",
      targetId: incidentId,
      details: { reference: incidentReference(incident.number), from: plan.from, to: plan.to },
    });
    await recordIncidentEvent(tx, actor, "incident.status_changed", incidentId, { from: plan.from, to: plan.to, note: data.note ?? null });
    if (plan.to === "RESOLVED") {
      const resolvedAt = keyTimeChanges.resolvedAt ?? incident.resolvedAt ?? now;
      const startedAt = incident.impactStartedAt ?? incident.detectedAt ?? incident.declaredAt;
      await recordIncidentEvent(tx, actor, "incident.resolved", incidentId, {
        resolvedAt: resolvedAt.toISOString(),
        durationMinutes: startedAt ? Math.max(0, Math.round((resolvedAt.getTime() - startedAt.getTime()) / 60_000)) : null,
      });
    }
    return loadDetail(tx, incidentId);
  });
}

/**
 * Gives a role to a member who can edit (a handover ends the previous holder's assignment), or leaves it
 * unassigned. Giving a role to its current holder changes nothing.
 */
export async function assignIncidentRole(actor: Actor, incidentId: string, input: AssignRoleInput, options: ChangeOptions = {}): Promise<IncidentDetailJson> {
  const data = parseOrThrow(assignRoleSchema, input);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const incident = await lockIncident(tx, incidentId);
    const current = await tx.incidentRoleAssignment.findFirst({ where: { incidentId, role: data.role, endedAt: null }, include: { user: { select: personSelect } } });
    if ((current?.userId ?? null) === data.userId) return loadDetail(tx, incidentId);
    let next: { id: string; name: string | null; email: string } | null = null;
    if (data.userId) {
      const membership = await tx.membership.findUnique({
        where: { userId_teamId: { userId: data.userId, teamId: access.team.id } },
        include: { user: { select: personSelect } },
      });
      if (!membership) throw InvalidError.field(["userId"], `That person is not a member of ${access.team.name}`);
      if (!roleAllows(membership.role, "edit")) {
        throw InvalidError.field(["userId"], `${personName(membership.user)} is a viewer in ${access.team.name}: only members who can edit can hold an incident role`);
      }
      next = membership.user;
    }
    if (current) await tx.incidentRoleAssignment.update({ where: { id: current.id }, data: { endedAt: now } });
    if (next) await tx.incidentRoleAssignment.create({ data: { incidentId, role: data.role, userId: next.id, assignedAt: now } });
    const label = incidentRoleLabels[data.role as IncidentRole];
    const body =
      current && next
        ? `${personName(next)} took over as ${label.toLowerCase()} from ${personName(current.user)}`
        : next
          ? `${personName(next)} is now ${label.toLowerCase()}`
          : `${personName(current!.user)} is no longer ${label.toLowerCase()}; the role is unassigned`;
    await recordTimelineEvent(tx, {
      incidentId,
      type: "ROLE_CHANGE",
      body,
      data: { role: data.role, from: current ? { id: current.user.id, name: personName(current.user) } : null, to: next ? { id: next.id, name: personName(next) } : null },
      occurredAt: now,
      authorId: actor.userId,
      source: sourceOf(actor),
    });
    await recordAudit(tx, actor, {
      action: "incident.role_assigned",
      teamId: access.team.id,
      targetType: "incident",
      targetId: incidentId,
      details: { reference: incidentReference(incident.number), role: data.role, from: current?.user.email ?? null, to: next?.email ?? null },
    });
    if (next) await recordIncidentEvent(tx, actor, "incident.role_assigned", incidentId, { role: data.role, assignee: { name: next.name, email: next.email } });
    return loadDetail(tx, incidentId);
  });
}

/** Adds a note, action, communication, deploy/change or metric snapshot, optionally backdated. */
export async function addTimelineEvent(actor: Actor, incidentId: string, input: AddEventInput, options: ChangeOptions = {}): Promise<IncidentEventJson> {
  const data = parseOrThrow(addEventSchema, input);
  const now = options.now ?? new Date();
  if (data.occurredAt) assertNotFuture(data.occurredAt, now, ["occurredAt"], "The event time");
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const event = await recordTimelineEvent(tx, {
      incidentId,
      type: data.type,
      body: data.body,
      data: data.link ? { link: data.link } : {},
      occurredAt: data.occurredAt ?? now,
      authorId: actor.userId,
      source: sourceOf(actor),
      pinned: data.pinned,
    });
    await recordAudit(tx, actor, {
      action: "incident.event_added",
      teamId: access.team.id,
      targetType: "incident_event",
      targetId: event.id,
      details: { incidentId, type: data.type, ...(data.occurredAt ? { backdatedTo: data.occurredAt.toISOString() } : {}) },
    });
    return toIncidentEvent(await tx.incidentEvent.findUniqueOrThrow({ where: { id: event.id }, include: eventInclude }));
  });
}

/** Pins or unpins an event, or moves its time (audited with the old and new time). */
export async function updateTimelineEvent(actor: Actor, incidentId: string, eventId: string, input: UpdateEventInput, options: ChangeOptions = {}): Promise<IncidentEventJson> {
  const data = parseOrThrow(updateEventSchema, input);
  const now = options.now ?? new Date();
  if (data.occurredAt) assertNotFuture(data.occurredAt, now, ["occurredAt"], "The event time");
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const event = await tx.incidentEvent.findFirst({ where: { id: String(eventId), incidentId } });
    if (!event) throw new NotFoundError("Timeline event");
    const update: Prisma.IncidentEventUpdateInput = {};
    if (data.pinned !== undefined && data.pinned !== event.pinned) {
      update.pinned = data.pinned;
      await recordAudit(tx, actor, {
        action: data.pinned ? "incident.event_pinned" : "incident.event_unpinned",
        teamId: access.team.id,
        targetType: "incident_event",
        targetId: event.id,
        details: { incidentId, type: event.type },
      });
    }
    if (data.occurredAt && data.occurredAt.getTime() !== event.occurredAt.getTime()) {
      update.occurredAt = data.occurredAt;
      update.timeEditedAt = now;
      await recordAudit(tx, actor, {
        action: "incident.event_time_edited",
        teamId: access.team.id,
        targetType: "incident_event",
        targetId: event.id,
        details: { incidentId, type: eventTypeLabels[event.type], from: event.occurredAt.toISOString(), to: data.occurredAt.toISOString() },
      });
    }
    if (Object.keys(update).length) await tx.incidentEvent.update({ where: { id: event.id }, data: update });
    return toIncidentEvent(await tx.incidentEvent.findUniqueOrThrow({ where: { id: event.id }, include: eventInclude }));
  });
}
