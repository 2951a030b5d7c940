// Postmortems and action items: generate the draft from the incident, edit it (409 on a stale edit), move
// it draft → in review → published, export it as Markdown, and track the follow-up actions.
import "server-only";
import { publicUrl } from "@/lib/env";
import { recordIncidentEvent } from "@/lib/incidents/events.server";
import { getDb, type Tx } from "@/lib/db/client";
import type { Prisma, PostmortemStatus } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission, teamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { createActionItemSchema, updateActionItemSchema, updatePostmortemSchema, type CreateActionItemInput, type UpdateActionItemInput, type UpdatePostmortemInput } from "@/lib/incidents/schema";
import { generatePostmortemDraft, postmortemFileName, postmortemStatusLabels, postmortemTransitions, withActionItemsSection, type PostmortemActionItem, type PostmortemSource } from "@/lib/incidents/postmortem";
import { incidentAccess, loadDetail, loadResponders, personSelect } from "@/lib/incidents/incidents.server";
import { loadSloImpact } from "@/lib/incidents/slo-impact.server";
import { incidentReference, personName, toActionItem } from "@/lib/incidents/serialize";
import type { ActionItemJson, PostmortemJson } from "@/lib/incidents/api-schemas";

const actionItemInclude = { owner: { select: personSelect } } satisfies Prisma.ActionItemInclude;

interface Options {
  now?: Date;
}

async function actionItemRows(db: Tx | ReturnType<typeof getDb>, incidentId: string) {
  return db.actionItem.findMany({ where: { incidentId }, include: actionItemInclude, orderBy: [{ createdAt: "asc" }] });
}

const forDocument = (rows: Awaited<ReturnType<typeof actionItemRows>>): PostmortemActionItem[] =>
  rows.map((row) => ({ title: row.title, ownerName: row.owner ? personName(row.owner) : null, dueDate: row.dueDate, status: row.status }));

async function postmortemJson(db: Tx | ReturnType<typeof getDb>, incidentId: string, now: Date): Promise<PostmortemJson | null> {
  const postmortem = await db.postmortem.findUnique({ where: { incidentId } });
  if (!postmortem) return null;
  const items = await actionItemRows(db, incidentId);
  return {
    id: postmortem.id,
    incidentId,
    markdown: postmortem.markdown,
    status: postmortem.status,
    version: postmortem.version,
    publishedAt: postmortem.publishedAt?.toISOString() ?? null,
    createdAt: postmortem.createdAt.toISOString(),
    updatedAt: postmortem.updatedAt.toISOString(),
    actionItems: items.map((item) => toActionItem(item, now)),
  };
}

/** The incident's postmortem with its action items, or null when none was written yet. */
export async function getPostmortem(actor: Actor, incidentId: string, options: Options = {}): Promise<PostmortemJson | null> {
  const db = getDb();
  await incidentAccess(db, actor, incidentId, "read");
  return postmortemJson(db, incidentId, options.now ?? new Date());
}

/** Everything the postmortem page shows first, and what the viewer may do there. */
export async function getPostmortemPage(actor: Actor, incidentId: string, options: Options = {}) {
  const db = getDb();
  const access = await incidentAccess(db, actor, incidentId, "read");
  const now = options.now ?? new Date();
  const [incident, postmortem, actionItems, responders] = await Promise.all([
    loadDetail(db, incidentId),
    postmortemJson(db, incidentId, now),
    actionItemRows(db, incidentId),
    loadResponders(db, access.teamId),
  ]);
  return {
    incident,
    postmortem,
    actionItems: actionItems.map((item) => toActionItem(item, now)),
    responders,
    canEdit: roleAllows(access.role, "edit"),
    canPublish: roleAllows(access.role, "manage"),
  };
}

/** Everything the draft generator reads about an incident. */
async function postmortemSource(tx: Tx, incidentId: string): Promise<PostmortemSource> {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    include: {
      team: { select: { name: true } },
      services: { include: { service: { select: { slug: true, name: true } } }, orderBy: { service: { name: "asc" } } },
      roles: { include: { user: { select: personSelect } }, orderBy: { assignedAt: "asc" } },
      events: { include: { author: { select: personSelect } }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] },
    },
  });
  return {
    reference: incidentReference(incident.number),
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    type: incident.type,
    status: incident.status,
    customerImpact: incident.customerImpact,
    declaredAt: incident.declaredAt,
    declaredVia: incident.declaredVia,
    reopenCount: incident.reopenCount,
    teamName: incident.team.name,
    impactStartedAt: incident.impactStartedAt,
    detectedAt: incident.detectedAt,
    acknowledgedAt: incident.acknowledgedAt,
    mitigatedAt: incident.mitigatedAt,
    resolvedAt: incident.resolvedAt,
    services: incident.services.map(({ service }) => service),
    roles: incident.roles.map((assignment) => ({ role: assignment.role, name: personName(assignment.user), current: assignment.endedAt === null })),
    events: incident.events.map((event) => ({ type: event.type, body: event.body, occurredAt: event.occurredAt, pinned: event.pinned, authorName: event.author ? personName(event.author) : null })),
  };
}

/** Generates the draft from the incident as it is now. Only for a resolved or closed incident, once. */
export async function generatePostmortem(actor: Actor, incidentId: string, options: Options = {}): Promise<PostmortemJson> {
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { status: true, number: true } });
    if (incident.status !== "RESOLVED" && incident.status !== "CLOSED") {
      throw InvalidError.field(["status"], "Resolve the incident before writing its postmortem: the timeline is not finished yet");
    }
    if (await tx.postmortem.findUnique({ where: { incidentId }, select: { id: true } })) throw new ConflictError("This incident already has a postmortem");
    const source = await postmortemSource(tx, incidentId);
    const impact = await loadSloImpact(tx, incidentId, now);
    const markdown = generatePostmortemDraft(source, forDocument(await actionItemRows(tx, incidentId)), impact.slos);
    const postmortem = await tx.postmortem.create({ data: { incidentId, markdown } });
    await recordAudit(tx, actor, {
      action: "postmortem.created",
      teamId: access.team.id,
      targetType: "postmortem",
      targetId: postmortem.id,
      details: { incidentId, reference: incidentReference(incident.number) },
    });
    return (await postmortemJson(tx, incidentId, now))!;
  });
}

/**
 * Saves the text and/or moves the status. The edit must be made from the current version (else 409);
 * a published postmortem is final; publishing needs a maintainer or owner (the review step).
 */
export async function updatePostmortem(actor: Actor, incidentId: string, input: UpdatePostmortemInput, options: Options = {}): Promise<PostmortemJson> {
  const data = parseOrThrow(updatePostmortemSchema, input);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const postmortem = await tx.postmortem.findUnique({ where: { incidentId } });
    if (!postmortem) throw new NotFoundError("Postmortem");
    if (postmortem.status === "PUBLISHED") throw InvalidError.field(["status"], "The postmortem is published and can no longer change");
    const textChanged = data.markdown !== undefined && data.markdown !== postmortem.markdown;
    const statusChanged = data.status !== undefined && data.status !== postmortem.status;
    if (statusChanged && !postmortemTransitions[postmortem.status].includes(data.status as PostmortemStatus)) {
      const next = postmortemTransitions[postmortem.status].map((status) => postmortemStatusLabels[status].toLowerCase()).join(" or ");
      throw InvalidError.field(["status"], `A postmortem cannot move from ${postmortemStatusLabels[postmortem.status].toLowerCase()} to ${postmortemStatusLabels[data.status!].toLowerCase()}; it can move to ${next}.`);
    }
    if (statusChanged && data.status === "PUBLISHED") assertPermission(access, "manage");
    if (!textChanged && !statusChanged) {
      if (data.version !== postmortem.version) throw staleEdit(postmortem.version);
      return (await postmortemJson(tx, incidentId, now))!;
    }
    // Compare-and-set on the version: of two edits made from the same version, the second is refused.
    const { count } = await tx.postmortem.updateMany({
      where: { id: postmortem.id, version: data.version },
      data: {
        ...(textChanged ? { markdown: data.markdown } : {}),
        ...(statusChanged ? { status: data.status, publishedAt: data.status === "PUBLISHED" ? now : null } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw staleEdit(postmortem.version);
    await recordAudit(tx, actor, {
      action: statusChanged ? "postmortem.status_changed" : "postmortem.edited",
      teamId: access.team.id,
      targetType: "postmortem",
      targetId: postmortem.id,
      details: { incidentId, ...(statusChanged ? { from: postmortem.status, to: data.status } : {}), ...(textChanged ? { characters: data.markdown!.length } : {}) },
    });
    if (statusChanged && data.status === "PUBLISHED") {
      await recordIncidentEvent(tx, actor, "postmortem.published", incidentId, {
        postmortem: { id: postmortem.id, publishedAt: now.toISOString(), url: `${publicUrl()}/incidents/${incidentId}/postmortem` },
      });
    }
    return (await postmortemJson(tx, incidentId, now))!;
  });
}

function staleEdit(currentVersion: number) {
  return new ConflictError("Someone saved the postmortem after you opened it. Copy your changes, reload, and apply them again.", { currentVersion });
}

/** The postmortem as a Markdown file, its action items as tracked now. */
export async function exportPostmortem(actor: Actor, incidentId: string): Promise<{ fileName: string; markdown: string }> {
  const db = getDb();
  await incidentAccess(db, actor, incidentId, "read");
  const postmortem = await db.postmortem.findUnique({ where: { incidentId }, include: { incident: { select: { number: true } } } });
  if (!postmortem) throw new NotFoundError("Postmortem");
  return {
    fileName: postmortemFileName(incidentReference(postmortem.incident.number)),
    markdown: withActionItemsSection(postmortem.markdown, forDocument(await actionItemRows(db, incidentId))),
  };
}

// ── Action items ──────────────────────────────────────────────────────────────────────────────────────

/** An owner must be in the team with the right to edit. */
async function assertOwner(tx: Tx, teamId: string, teamName: string, ownerId: string) {
  const membership = await tx.membership.findUnique({ where: { userId_teamId: { userId: ownerId, teamId } }, include: { user: { select: personSelect } } });
  if (!membership) throw InvalidError.field(["ownerId"], `That person is not a member of ${teamName}`);
  if (!roleAllows(membership.role, "edit")) throw InvalidError.field(["ownerId"], `${personName(membership.user)} is a viewer in ${teamName} and cannot own an action item`);
}

export async function listActionItems(actor: Actor, incidentId: string, options: Options = {}): Promise<ActionItemJson[]> {
  const db = getDb();
  await incidentAccess(db, actor, incidentId, "read");
  const now = options.now ?? new Date();
  return (await actionItemRows(db, incidentId)).map((item) => toActionItem(item, now));
}

export async function createActionItem(actor: Actor, incidentId: string, input: CreateActionItemInput, options: Options = {}): Promise<ActionItemJson> {
  const data = parseOrThrow(createActionItemSchema, input);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    if (data.ownerId) await assertOwner(tx, access.team.id, access.team.name, data.ownerId);
    const item = await tx.actionItem.create({
      data: { incidentId, teamId: access.team.id, title: data.title, ownerId: data.ownerId ?? null, dueDate: data.dueDate ?? null },
      include: actionItemInclude,
    });
    await recordAudit(tx, actor, { action: "action_item.created", teamId: access.team.id, targetType: "action_item", targetId: item.id, details: { incidentId, title: item.title } });
    return toActionItem(item, now);
  });
}

export async function updateActionItem(actor: Actor, incidentId: string, itemId: string, input: UpdateActionItemInput, options: Options = {}): Promise<ActionItemJson> {
  const data = parseOrThrow(updateActionItemSchema, input);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const item = await tx.actionItem.findFirst({ where: { id: String(itemId), incidentId } });
    if (!item) throw new NotFoundError("Action item");
    if (data.ownerId) await assertOwner(tx, access.team.id, access.team.name, data.ownerId);
    const finished = (status: string) => status === "DONE" || status === "WONT_DO";
    const update: Prisma.ActionItemUpdateInput = {
      ...(data.title !== undefined ? { title: data.title } : {}),
      ...(data.ownerId !== undefined ? { owner: data.ownerId ? { connect: { id: data.ownerId } } : { disconnect: true } } : {}),
      // A new due date may become overdue again: announce it again then.
      ...(data.dueDate !== undefined ? { dueDate: data.dueDate, overdueNotifiedAt: null } : {}),
      ...(data.status !== undefined && data.status !== item.status ? { status: data.status, completedAt: finished(data.status) ? now : null } : {}),
    };
    const updated = await tx.actionItem.update({ where: { id: item.id }, data: update, include: actionItemInclude });
    await recordAudit(tx, actor, {
      action: "action_item.updated",
      teamId: access.team.id,
      targetType: "action_item",
      targetId: item.id,
      details: { incidentId, title: updated.title, ...(data.status && data.status !== item.status ? { from: item.status, to: data.status } : {}) },
    });
    return toActionItem(updated, now);
  });
}

/** The team's overdue action items (open or in progress, due before today), oldest due first. */
export async function listOverdueActionItems(actor: Actor, teamSlug: string, options: Options & { limit?: number } = {}) {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug: teamSlug });
  const now = options.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const where = { teamId: team.id, status: { in: ["OPEN" as const, "IN_PROGRESS" as const] }, dueDate: { lt: today } };
  const [items, total] = await Promise.all([
    db.actionItem.findMany({
      where,
      include: { ...actionItemInclude, incident: { select: { id: true, number: true, title: true } } },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      take: Math.min(Math.max(options.limit ?? 5, 1), 50),
    }),
    db.actionItem.count({ where }),
  ]);
  return {
    total,
    items: items.map((item) => ({ ...toActionItem(item, now), incident: { id: item.incident.id, reference: incidentReference(item.incident.number), title: item.incident.title } })),
  };
}
