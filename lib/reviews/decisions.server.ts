// Architecture decision records: numbered per team (ADR-007) from a counter row bumped in the creating
// transaction, so numbers are unique and gap-free under concurrency; linked to the request and revision
// they were taken on. Members record proposals; maintainers and owners accept, reject and supersede.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission, teamAccess, type TeamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { getRole } from "@/lib/agents/registry";
import {
  createDecisionSchema,
  decisionReference,
  decisionStatuses,
  listDecisionsQuerySchema,
  updateDecisionSchema,
  type CreateDecisionInput,
  type DecisionList,
  type DecisionStatus,
  type DecisionSummary,
  type DecisionView,
  type ListDecisionsQuery,
  type UpdateDecisionInput,
} from "@/lib/reviews/schema";
import { decisionToMadr, madrFileName } from "@/lib/reviews/madr";

const personSelect = { id: true, name: true, email: true } as const;
const linkSelect = { id: true, number: true, title: true, status: true } as const;

const decisionInclude = {
  team: { select: { slug: true, name: true } },
  request: { select: { id: true, title: true, roleKey: true } },
  author: { select: personSelect },
  supersededBy: { select: linkSelect },
  supersedes: { select: linkSelect, orderBy: { number: "asc" } },
} satisfies Prisma.DecisionInclude;

type DecisionRow = Prisma.DecisionGetPayload<{ include: typeof decisionInclude }>;

function roleTitle(key: string): string {
  try {
    return getRole(key).title;
  } catch {
    return key;
  }
}

const toLink = (row: { id: string; number: number; title: string; status: DecisionStatus }) => ({ ...row, reference: decisionReference(row.number) });

function toView(row: DecisionRow, access: TeamAccess): DecisionView {
  return {
    id: row.id,
    number: row.number,
    reference: decisionReference(row.number),
    title: row.title,
    status: row.status,
    context: row.context,
    decision: row.decision,
    consequences: row.consequences,
    team: row.team,
    request: row.request ? { id: row.request.id, title: row.request.title, role: { key: row.request.roleKey, title: roleTitle(row.request.roleKey) } } : null,
    revision: row.revision,
    meetingItemId: row.meetingItemId,
    author: row.author,
    supersededBy: row.supersededBy ? toLink(row.supersededBy) : null,
    supersedes: row.supersedes.map(toLink),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    permissions: { canEdit: roleAllows(access.role, "edit"), canDecide: roleAllows(access.role, "manage") },
  };
}

/** Statuses that settle a decision: only maintainers and owners set them. */
const settling: readonly DecisionStatus[] = ["ACCEPTED", "REJECTED", "SUPERSEDED"];

function assertMayDecide(access: TeamAccess, status: DecisionStatus) {
  if (settling.includes(status) && !roleAllows(access.role, "manage")) {
    throw new ForbiddenError(`Only maintainers and owners may mark a decision ${status.toLowerCase()}; your role is ${access.role.toLowerCase()}`);
  }
}

/** The next number of the team's decisions: the counter row is locked until the transaction ends. */
export async function nextDecisionNumber(tx: Tx, teamId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO decision_counters (team_id, last_number) VALUES (${teamId}, 1)
    ON CONFLICT (team_id) DO UPDATE SET last_number = decision_counters.last_number + 1
    RETURNING last_number`;
  return Number(rows[0].last_number);
}

async function loadDecision(db: Db | Tx, actor: Actor, id: string) {
  const decision = await db.decision.findUnique({ where: { id } });
  if (!decision) throw new NotFoundError("Decision");
  const access = await teamAccess(db, actor, { id: decision.teamId }, "Decision");
  return { decision, access };
}

/**
 * Records a decision of the request's team (or of the named team when no request is given), with the
 * next number of that team. The revision defaults to the request's current one.
 */
export async function createDecision(actor: Actor, input: CreateDecisionInput, now = new Date()): Promise<DecisionView> {
  const data = parseOrThrow(createDecisionSchema, input);
  const db = getDb();
  const id = await db.$transaction(async (tx) => {
    let access: TeamAccess;
    let request: { id: string; teamId: string; currentRevision: number; title: string } | null = null;
    if (data.requestId) {
      request = await tx.request.findUnique({ where: { id: data.requestId }, select: { id: true, teamId: true, currentRevision: true, title: true } });
      if (!request) throw new NotFoundError("Request");
      access = await teamAccess(tx, actor, { id: request.teamId }, "Request");
      if (data.team && data.team !== access.team.slug) throw InvalidError.field(["requestId"], `The request belongs to ${access.team.name}, not to ${data.team}`);
    } else {
      access = await teamAccess(tx, actor, { slug: data.team! });
    }
    assertPermission(access, "edit");
    const status = data.status ?? "PROPOSED";
    assertMayDecide(access, status);
    let revision: number | null = null;
    if (request) {
      if (request.currentRevision === 0) throw InvalidError.field(["requestId"], "This request is still a draft: submit it before recording decisions on it");
      revision = data.revision ?? request.currentRevision;
      if (revision > request.currentRevision) throw InvalidError.field(["revision"], `The request has ${request.currentRevision} revision${request.currentRevision === 1 ? "" : "s"}`);
    }
    const number = await nextDecisionNumber(tx, access.team.id);
    const row = await tx.decision.create({
      data: {
        teamId: access.team.id,
        number,
        title: data.title,
        status,
        context: data.context,
        decision: data.decision,
        consequences: data.consequences,
        requestId: request?.id ?? null,
        revision,
        meetingItemId: data.meetingItemId ?? null,
        authorId: actor.userId,
        decidedAt: status === "PROPOSED" ? null : now,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordAudit(tx, actor, {
      action: "decision.created",
      teamId: access.team.id,
      targetType: "decision",
      targetId: row.id,
      details: { reference: decisionReference(number), title: row.title, status, requestId: request?.id ?? null, revision },
    });
    return row.id;
  });
  return getDecision(actor, id);
}

/** One decision of the actor's teams. */
export async function getDecision(actor: Actor, id: string): Promise<DecisionView> {
  const db = getDb();
  const { access } = await loadDecision(db, actor, id);
  const row = await db.decision.findUniqueOrThrow({ where: { id }, include: decisionInclude });
  return toView(row, access);
}

/**
 * Edits a decision (members: the text; maintainers and owners: the status too). Superseding names the
 * decision of the same team that replaces it. `version` guards against overwriting someone else's edit.
 */
export async function updateDecision(actor: Actor, id: string, input: UpdateDecisionInput, now = new Date()): Promise<DecisionView> {
  const data = parseOrThrow(updateDecisionSchema, input);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { decision, access } = await loadDecision(tx, actor, id);
    assertPermission(access, "edit");
    if (data.status && data.status !== decision.status) assertMayDecide(access, data.status);
    if (data.version !== decision.version) {
      throw new ConflictError(`${decisionReference(decision.number)} was changed after you opened it (version ${decision.version}, yours ${data.version}). Reload it and apply your change again.`, {
        reason: "stale_version",
        version: decision.version,
      });
    }
    let supersededById: string | null | undefined;
    if (data.status === "SUPERSEDED") {
      const successor = await tx.decision.findUnique({ where: { id: data.supersededById! } });
      if (!successor || successor.teamId !== decision.teamId) throw InvalidError.field(["supersededById"], "Pick a decision of the same team");
      if (successor.id === decision.id) throw InvalidError.field(["supersededById"], "A decision cannot supersede itself");
      if (successor.supersededById === decision.id) throw InvalidError.field(["supersededById"], `${decisionReference(successor.number)} is itself superseded by this decision`);
      supersededById = successor.id;
    } else if (data.status) {
      supersededById = null;
    }
    const changed = Object.entries({ title: data.title, context: data.context, decision: data.decision, consequences: data.consequences })
      .filter(([key, value]) => value !== undefined && value !== decision[key as "title"])
      .map(([key]) => key);
    const statusChanged = data.status !== undefined && (data.status !== decision.status || (supersededById ?? null) !== decision.supersededById);
    if (changed.length === 0 && !statusChanged) return;
    const updated = await tx.decision.updateMany({
      where: { id: decision.id, version: decision.version },
      data: {
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.context !== undefined ? { context: data.context } : {}),
        ...(data.decision !== undefined ? { decision: data.decision } : {}),
        ...(data.consequences !== undefined ? { consequences: data.consequences } : {}),
        ...(statusChanged ? { status: data.status, supersededById: supersededById ?? null } : {}),
        ...(statusChanged && (data.status === "ACCEPTED" || data.status === "REJECTED") ? { decidedAt: now } : {}),
        ...(statusChanged && data.status === "PROPOSED" ? { decidedAt: null } : {}),
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    if (updated.count === 0) throw new ConflictError(`${decisionReference(decision.number)} was changed while you were editing it. Reload it and apply your change again.`);
    await recordAudit(tx, actor, {
      action: statusChanged ? "decision.status_changed" : "decision.updated",
      teamId: access.team.id,
      targetType: "decision",
      targetId: decision.id,
      details: {
        reference: decisionReference(decision.number),
        title: data.title ?? decision.title,
        ...(statusChanged ? { from: decision.status, to: data.status, supersededById: supersededById ?? null } : {}),
        ...(changed.length ? { changes: changed } : {}),
      },
    });
  });
  return getDecision(actor, id);
}

/** A team's decisions, newest number first, filtered by status, the request's role, or words of the title. */
export async function listDecisions(actor: Actor, teamSlug: string, query: ListDecisionsQuery = {}): Promise<DecisionList> {
  const parsed = parseOrThrow(listDecisionsQuerySchema, query);
  const db = getDb();
  const access = await teamAccess(db, actor, { slug: teamSlug });
  const base: Prisma.DecisionWhereInput = {
    teamId: access.team.id,
    ...(parsed.role ? { request: { roleKey: parsed.role } } : {}),
    ...(parsed.requestId ? { requestId: parsed.requestId } : {}),
    ...(parsed.q ? { title: { contains: parsed.q, mode: "insensitive" } } : {}),
  };
  const [rows, groups] = await Promise.all([
    db.decision.findMany({ where: { ...base, ...(parsed.status ? { status: parsed.status } : {}) }, include: decisionInclude, orderBy: { number: "desc" } }),
    db.decision.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(decisionStatuses.map((status) => [status, 0])) as Record<DecisionStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return {
    decisions: rows.map((row): DecisionSummary => {
      const { context: _context, decision: _decision, consequences: _consequences, ...summary } = toView(row, access);
      return summary;
    }),
    counts,
  };
}

/** The decisions recorded on one request, for its page. */
export async function listRequestDecisions(actor: Actor, requestId: string): Promise<DecisionSummary[]> {
  const db = getDb();
  const request = await db.request.findUnique({ where: { id: requestId }, select: { teamId: true } });
  if (!request) throw new NotFoundError("Request");
  const access = await teamAccess(db, actor, { id: request.teamId }, "Request");
  return (await listDecisions(actor, access.team.slug, { requestId })).decisions;
}

/** The decision as a MADR Markdown file. */
export async function exportDecisionMadr(actor: Actor, id: string): Promise<{ fileName: string; markdown: string }> {
  const decision = await getDecision(actor, id);
  return { fileName: madrFileName(decision), markdown: decisionToMadr(decision) };
}
