// Approvals: reviewers approve or request changes on one revision of a request. A request becomes
// APPROVED in the same transaction as the approval that meets its last requirement (ADR 012).
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { TeamRole } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { teamAccess } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, ForbiddenError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { recordTransition } from "@/lib/requests/requests.server";
import { queueAutoPublication } from "@/lib/artifacts/publications.server";
import { statusLabels } from "@/lib/requests/lifecycle";
import { computeApprovalState, heldReviewerKinds, resolveRequirements, reviewEligibility, type ApprovalRecord } from "@/lib/reviews/approvals";
import { recordApprovalSchema, type ApprovalState, type RecordApprovalInput, type RequirementRule } from "@/lib/reviews/schema";

const personSelect = { id: true, name: true, email: true } as const;

/** The rules a team set for a role (empty: the default applies). */
export async function configuredRules(db: Db | Tx, teamId: string, roleKey: string): Promise<RequirementRule[]> {
  const rows = await db.approvalRequirement.findMany({ where: { teamId, roleKey }, orderBy: { reviewerKind: "asc" } });
  return rows.map((row) => ({ reviewerKind: row.reviewerKind, count: row.count }));
}

/** The reviewer kinds a user holds in a team. */
export async function kindsOf(db: Db | Tx, teamId: string, userId: string | null, role: TeamRole): Promise<string[]> {
  if (!userId) return [];
  const designations = await db.reviewerDesignation.findMany({ where: { teamId, userId }, select: { kind: true } });
  return heldReviewerKinds(role, designations.map((row) => row.kind));
}

async function approvalRecords(db: Db | Tx, requestId: string): Promise<ApprovalRecord[]> {
  const rows = await db.requestApproval.findMany({ where: { requestId }, include: { reviewer: { select: personSelect } } });
  return rows.map((row) => ({
    id: row.id,
    revision: row.revision,
    reviewer: row.reviewer,
    decision: row.decision,
    comment: row.comment,
    kinds: row.kinds,
    at: row.updatedAt.toISOString(),
  }));
}

async function loadRequest(db: Db | Tx, actor: Actor, requestId: string) {
  const request = await db.request.findUnique({ where: { id: requestId } });
  if (!request) throw new NotFoundError("Request");
  const access = await teamAccess(db, actor, { id: request.teamId }, "Request");
  return { request, access };
}

const isAuthorOf = (actor: Actor, request: { authorId: string | null }) => actor.userId !== null && actor.userId === request.authorId;

/**
 * The required approvals of many requests at once, for lists (the review board) whose caller already may see
 * them: two queries for all of them, where `getApprovalState` would make four per request. Only the
 * current revisions' answers are read.
 */
export async function approvalSummaries(
  db: Db | Tx,
  requests: readonly { id: string; teamId: string; roleKey: string; currentRevision: number }[],
): Promise<Map<string, { required: { count: number; met: number }[]; satisfied: boolean }>> {
  if (requests.length === 0) return new Map();
  const [ruleRows, approvalRows] = await Promise.all([
    db.approvalRequirement.findMany({
      where: { teamId: { in: [...new Set(requests.map((request) => request.teamId))] }, roleKey: { in: [...new Set(requests.map((request) => request.roleKey))] } },
      orderBy: { reviewerKind: "asc" },
      select: { teamId: true, roleKey: true, reviewerKind: true, count: true },
    }),
    db.requestApproval.findMany({
      where: { OR: requests.map((request) => ({ requestId: request.id, revision: request.currentRevision })) },
      include: { reviewer: { select: personSelect } },
    }),
  ]);
  return new Map(
    requests.map((request) => {
      const configured = ruleRows.filter((row) => row.teamId === request.teamId && row.roleKey === request.roleKey);
      const records = approvalRows
        .filter((row) => row.requestId === request.id)
        .map((row) => ({ id: row.id, revision: row.revision, reviewer: row.reviewer, decision: row.decision, comment: row.comment, kinds: row.kinds, at: row.updatedAt.toISOString() }));
      const { rules } = resolveRequirements(configured.map((row) => ({ reviewerKind: row.reviewerKind, count: row.count })));
      const computed = computeApprovalState({ currentRevision: request.currentRevision, rules, approvals: records });
      return [request.id, { required: computed.required, satisfied: computed.satisfied }];
    }),
  );
}

/** What a request needs, who answered on which revision, whether it is satisfied, and what the caller may do. */
export async function getApprovalState(actor: Actor, requestId: string): Promise<ApprovalState> {
  const db = getDb();
  const { request, access } = await loadRequest(db, actor, requestId);
  const [configured, records, kinds] = await Promise.all([
    configuredRules(db, request.teamId, request.roleKey),
    approvalRecords(db, request.id),
    kindsOf(db, request.teamId, actor.userId, access.role),
  ]);
  const { rules, usesDefault } = resolveRequirements(configured);
  const computed = computeApprovalState({ currentRevision: request.currentRevision, rules, approvals: records });
  const eligibility = reviewEligibility({ status: request.status, role: access.role, kinds, isAuthor: isAuthorOf(actor, request), isPerson: actor.kind === "user" });
  return {
    ...computed,
    usesDefault,
    status: request.status,
    permissions: { canReview: eligibility.ok, reason: eligibility.ok ? null : eligibility.message, kinds },
  };
}

/**
 * Records the caller's answer on the request's current revision (a second answer by the same person on
 * the same revision replaces the first). APPROVE moves the request to APPROVED once every requirement is
 * met on that revision; REQUEST_CHANGES (comment required) moves it to CHANGES_REQUESTED. The first
 * answer on a submitted request starts its review. An answer on an older revision is 409.
 */
export async function recordApproval(
  actor: Actor,
  requestId: string,
  input: RecordApprovalInput,
  now = new Date(),
): Promise<ApprovalState> {
  const data = parseOrThrow(recordApprovalSchema, input);
  const db = getDb();
  await db.$transaction(async (tx) => {
    // Answers on one request are serialised, so exactly one of two last approvals moves it to APPROVED.
    await tx.$queryRaw`SELECT id FROM requests WHERE id = ${requestId} FOR UPDATE`;
    const { request, access } = await loadRequest(tx, actor, requestId);
    const kinds = await kindsOf(tx, request.teamId, actor.userId, access.role);
    const eligibility = reviewEligibility({ status: request.status, role: access.role, kinds, isAuthor: isAuthorOf(actor, request), isPerson: actor.kind === "user" });
    if (!eligibility.ok) {
      if (eligibility.reason === "forbidden") throw new ForbiddenError(eligibility.message);
      throw new ConflictError(`This request is ${statusLabels[request.status].toLowerCase()}: ${eligibility.message.toLowerCase()}`);
    }
    if (data.revision !== request.currentRevision) {
      throw new ConflictError(
        `Revision ${request.currentRevision} was saved after the revision ${data.revision} you reviewed, and it reset the approvals. Review the latest answers first.`,
        { reason: "stale_revision", currentRevision: request.currentRevision },
      );
    }
    const reviewerId = actor.userId!;
    await tx.requestApproval.upsert({
      where: { requestId_revision_reviewerId: { requestId: request.id, revision: request.currentRevision, reviewerId } },
      create: { requestId: request.id, revision: request.currentRevision, reviewerId, decision: data.decision, comment: data.comment ?? null, kinds, createdAt: now, updatedAt: now },
      update: { decision: data.decision, comment: data.comment ?? null, kinds, updatedAt: now },
    });
    await recordAudit(tx, actor, {
      action: "request.approval_recorded",
      teamId: access.team.id,
      targetType: "request",
      targetId: request.id,
      details: { title: request.title, revision: request.currentRevision, decision: data.decision, kinds, ...(data.comment ? { comment: data.comment.slice(0, 500) } : {}) },
    });

    const { rules } = resolveRequirements(await configuredRules(tx, request.teamId, request.roleKey));
    const state = computeApprovalState({ currentRevision: request.currentRevision, rules, approvals: await approvalRecords(tx, request.id) });
    const to =
      data.decision === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : state.satisfied ? "APPROVED" : request.status === "SUBMITTED" ? "IN_REVIEW" : null;
    if (to && to !== request.status) {
      const moved = await tx.request.updateMany({ where: { id: request.id, status: request.status }, data: { status: to, version: { increment: 1 } } });
      if (moved.count === 0) throw new ConflictError("The request changed while you were reviewing it. Reload and review again.");
      await recordTransition(tx, actor, access, { id: request.id, title: request.title }, request.status, to, data.comment, request.currentRevision, now);
      // "Publish on approval": the publication row is the job, written with the approval; the worker pushes after commit.
      if (to === "APPROVED") await queueAutoPublication(tx, actor, request.id);
    }
  });
  return getApprovalState(actor, requestId);
}
