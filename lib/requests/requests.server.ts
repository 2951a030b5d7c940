// Requests: create, autosave drafts, submit, revise, move through review, discuss. Every function takes
// the acting user first, scopes to the actor's teams (another team's request is "not found"), and writes
// its audit row in the same transaction as the change.
import "server-only";
import { recordRequestMoveEvent } from "@/lib/requests/events.server";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { Prisma, type RequestStatus } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess, visibleTeamIds, type TeamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, parseOrThrow, type Issue } from "@/lib/errors";
import { getRole } from "@/lib/agents/registry";
import { storeRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import type { AnyRoleDefinition, FormValues } from "@/lib/agents/types";
import { deepEqual, validateRoleInput } from "@/lib/agents/form-logic";
import { availableTransitions, checkTransition, inputsEditable, requestStatuses, revisionReopensReview, statusLabels } from "@/lib/requests/lifecycle";
import { provisionalTitle } from "@/lib/requests/draft-title";
import {
  commentBodySchema,
  commentPatchSchema,
  createRequestSchema,
  listRequestsQuerySchema,
  transitionRequestSchema,
  updateRequestSchema,
  type CommentInput,
  type CommentPatchInput,
  type ConflictDetails,
  type CreateRequestInput,
  type ListRequestsQuery,
  type Person,
  type RequestCommentView,
  type RequestDetail,
  type RequestList,
  type RequestSummary,
  type Revision,
  type RevisionSummary,
  type TransitionRecord,
  type TransitionRequestInput,
  type UpdateRequestInput,
} from "@/lib/requests/schema";

/** A transition the state machine does not have: 422 with code `invalid_transition`. */
export class InvalidTransitionError extends InvalidError {
  readonly code = "invalid_transition";
  constructor(message: string) {
    super(message, [{ path: ["to"], message }]);
  }
}

/** Successive autosaves by one person within this window update one audit row instead of adding rows. */
const DRAFT_AUDIT_COALESCE_MS = 10 * 60_000;

const personSelect = { id: true, name: true, email: true } as const;

const summaryInclude = {
  team: { select: { slug: true, name: true } },
  author: { select: personSelect },
} satisfies Prisma.RequestInclude;

type SummaryRow = Prisma.RequestGetPayload<{ include: typeof summaryInclude }>;

function roleTitle(key: string): string {
  try {
    return getRole(key).title;
  } catch {
    return key;
  }
}

/** The role of a stored request; a request whose role left the catalogue cannot be edited. */
function roleOf(key: string): AnyRoleDefinition {
  try {
    return getRole(key);
  } catch {
    throw new ConflictError(`The role "${key}" is no longer in the catalogue, so this request cannot change`);
  }
}

function toSummary(row: SummaryRow): RequestSummary {
  return {
    id: row.id,
    title: row.title,
    draftTitle: row.status === "DRAFT" && !row.title ? row.draftTitle : null,
    role: { key: row.roleKey, title: roleTitle(row.roleKey) },
    status: row.status,
    team: row.team,
    author: row.author,
    currentRevision: row.currentRevision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

const asValues = (value: Prisma.JsonValue | null | undefined): FormValues | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as FormValues) : null;

const isAuthorOf = (actor: Actor, request: { authorId: string | null }) => actor.userId !== null && actor.userId === request.authorId;

/** Issues of the role's schema, with their paths under the body key that carried the answers. */
function answersInvalid(issues: Issue[], under: "input" | "draft"): InvalidError {
  const count = issues.length;
  return new InvalidError(
    count === 1 ? "One answer needs attention" : `${count} answers need attention`,
    issues.map((issue) => ({ ...issue, path: [under, ...issue.path] })),
  );
}

/** Loads a request the actor can see, with the actor's access to its team; otherwise "not found". */
async function loadRequest(db: Db | Tx, actor: Actor, id: string) {
  const request = await db.request.findUnique({ where: { id } });
  if (!request) throw new NotFoundError("Request");
  const access = await teamAccess(db, actor, { id: request.teamId }, "Request");
  return { request, access };
}

async function loadForEdit(tx: Tx, actor: Actor, id: string) {
  const loaded = await loadRequest(tx, actor, id);
  if (!roleAllows(loaded.access.role, "edit")) {
    throw new ForbiddenError(`Your role in ${loaded.access.team.name} (${loaded.access.role.toLowerCase()}) lets you read requests, not change them`);
  }
  return loaded;
}

async function conflictDetails(db: Db | Tx, requestId: string, reason: ConflictDetails["reason"]): Promise<ConflictDetails> {
  const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, include: { draftUpdatedBy: { select: personSelect } } });
  const revision = request.currentRevision
    ? await db.requestRevision.findUnique({ where: { requestId_number: { requestId, number: request.currentRevision } }, include: { author: { select: personSelect } } })
    : null;
  // Who changed it last: the autosave if it is newer than the revision, else the revision's author.
  const draftIsNewer = request.draftUpdatedAt && (!revision || request.draftUpdatedAt > revision.createdAt);
  return {
    reason,
    currentRevision: request.currentRevision,
    version: request.version,
    status: request.status,
    title: request.title,
    input: asValues(revision?.input),
    draft: asValues(request.draft),
    updatedBy: draftIsNewer ? request.draftUpdatedBy : (revision?.author ?? null),
    updatedAt: (draftIsNewer ? request.draftUpdatedAt! : (revision?.createdAt ?? request.updatedAt)).toISOString(),
  };
}

async function staleRevision(db: Db | Tx, request: { id: string; currentRevision: number }, base: number): Promise<never> {
  throw new ConflictError(
    `Revision ${request.currentRevision} was saved after the revision ${base} you started from. Compare both versions and re-apply your changes.`,
    await conflictDetails(db, request.id, "stale_revision"),
  );
}

async function staleVersion(db: Db | Tx, requestId: string): Promise<never> {
  throw new ConflictError(
    "Someone changed this request while you were editing (on another device or tab). Compare both versions and choose what to keep.",
    await conflictDetails(db, requestId, "stale_version"),
  );
}

function notEditable(status: RequestStatus): ConflictError {
  return new ConflictError(`A ${statusLabels[status].toLowerCase()} request can no longer be edited. Copy it into a new request to ask for something else.`);
}

// ---- Create ----------------------------------------------------------------------------------------

/** Creates a draft (or, with `submit`, a submitted request with revision 1) in one of the actor's teams. */
export async function createRequest(actor: Actor, input: CreateRequestInput, now = new Date()): Promise<RequestDetail> {
  const data = parseOrThrow(createRequestSchema, input);
  let role: AnyRoleDefinition;
  try {
    role = getRole(data.role);
  } catch {
    throw InvalidError.field(["role"], `There is no role "${data.role}"`);
  }
  const db = getDb();
  const id = await db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: data.team }, "edit");
    let clonedFromId: string | null = null;
    if (data.clonedFrom) {
      const source = await loadRequest(tx, actor, data.clonedFrom).catch(() => {
        throw InvalidError.field(["clonedFrom"], "The request to copy does not exist or is not visible to you");
      });
      if (source.request.roleKey !== role.key) {
        throw InvalidError.field(["clonedFrom"], `The request to copy is for ${roleTitle(source.request.roleKey)}, not ${role.title}`);
      }
      clonedFromId = source.request.id;
    }
    const answers = data.input ?? role.initialValues;
    let parsed: unknown;
    if (data.submit) {
      const result = validateRoleInput(role, answers);
      if (!result.success) throw answersInvalid(result.issues, "input");
      parsed = result.data;
    }
    const request = await tx.request.create({
      data: {
        teamId: access.team.id,
        roleKey: role.key,
        title: data.title || (data.submit ? role.defaultTitle(parsed as never) : ""),
        authorId: actor.userId,
        clonedFromId,
        status: data.submit ? "SUBMITTED" : "DRAFT",
        currentRevision: data.submit ? 1 : 0,
        draft: data.submit ? Prisma.DbNull : (answers as Prisma.InputJsonValue),
        draftTitle: data.submit ? null : provisionalTitle(role, answers as FormValues),
        draftUpdatedAt: data.submit ? null : now,
        draftUpdatedById: data.submit ? null : actor.userId,
        submittedAt: data.submit ? now : null,
        createdAt: now,
      },
    });
    await recordAudit(tx, actor, {
      action: "request.created",
      teamId: access.team.id,
      targetType: "request",
      targetId: request.id,
      details: { role: role.key, title: request.title, clonedFrom: clonedFromId },
    });
    if (data.submit) {
      await createRevision(tx, actor, { requestId: request.id, roleKey: request.roleKey, number: 1, input: parsed, title: request.title, now });
      await recordTransition(tx, actor, access, request, "DRAFT", "SUBMITTED", undefined, 1, now);
    }
    return request.id;
  });
  return getRequest(actor, id);
}

// ---- Drafts and revisions ---------------------------------------------------------------------------

/**
 * Stores a validated revision and what its role's generator made of it, in the caller's transaction: the
 * one way a revision comes to exist (first submission, a later revision, a submission from a draft).
 */
async function createRevision(
  tx: Tx,
  actor: Actor,
  revision: { requestId: string; roleKey: string; number: number; input: unknown; title: string; now: Date },
): Promise<void> {
  const created = await tx.requestRevision.create({
    data: { requestId: revision.requestId, number: revision.number, input: revision.input as Prisma.InputJsonValue, title: revision.title, authorId: actor.userId, createdAt: revision.now },
  });
  await storeRevisionArtifacts(tx, { id: created.id, roleKey: revision.roleKey, input: revision.input });
}

/**
 * Saves unvalidated answers: the whole form of a draft, or unsaved edits on top of the current revision
 * after submission (`baseRevision`). `draft: null` discards them. `version` guards against overwriting
 * what another tab or device saved meanwhile.
 */
export async function saveDraft(
  actor: Actor,
  id: string,
  input: { draft: FormValues | null; version?: number; baseRevision?: number; title?: string },
  now = new Date(),
): Promise<RequestDetail> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { request, access } = await loadForEdit(tx, actor, id);
    if (!inputsEditable(request.status)) throw notEditable(request.status);
    if (input.version !== undefined && input.version !== request.version) await staleVersion(tx, request.id);
    const submitted = request.status !== "DRAFT";
    if (submitted && input.draft !== null) {
      if (input.baseRevision === undefined) throw InvalidError.field(["baseRevision"], "Send the revision number your edit starts from");
      if (input.baseRevision !== request.currentRevision) await staleRevision(tx, request, input.baseRevision);
    }
    if (!submitted && input.draft === null) throw InvalidError.field(["draft"], "A draft keeps its answers; withdraw it to drop it");
    const updated = await tx.request.updateMany({
      where: { id: request.id, version: request.version },
      data: {
        draft: input.draft === null ? Prisma.DbNull : (input.draft as Prisma.InputJsonValue),
        draftBaseRevision: submitted && input.draft !== null ? request.currentRevision : null,
        // A draft is named by its answers until it has a title: "checkout (draft)", not "Untitled draft".
        ...(submitted ? {} : { draftTitle: provisionalTitle(roleOf(request.roleKey), input.draft) }),
        draftUpdatedAt: input.draft === null ? null : now,
        draftUpdatedById: input.draft === null ? null : actor.userId,
        ...(input.title !== undefined ? { title: input.title } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) await staleVersion(tx, request.id);
    await auditDraftSave(tx, actor, access, request.id, input.draft === null ? "request.draft_discarded" : "request.draft_saved", now);
  });
  return getRequest(actor, id);
}

/** Autosaves are frequent: one person's saves in a row update one audit row (with a count) instead of flooding the log. */
async function auditDraftSave(tx: Tx, actor: Actor, access: TeamAccess, requestId: string, action: string, now: Date) {
  if (action === "request.draft_saved") {
    const latest = await tx.auditLog.findFirst({
      where: { teamId: access.team.id, targetType: "request", targetId: requestId },
      orderBy: { createdAt: "desc" },
    });
    const sameRun =
      latest?.action === action && latest.actorId === actor.userId && now.getTime() - latest.createdAt.getTime() < DRAFT_AUDIT_COALESCE_MS;
    if (sameRun) {
      const details = (latest.details ?? {}) as Record<string, unknown>;
      await tx.auditLog.update({
        where: { id: latest.id },
        data: { details: { ...details, saves: Number(details.saves ?? 1) + 1, lastSavedAt: now.toISOString() } },
      });
      return;
    }
  }
  await recordAudit(tx, actor, { action, teamId: access.team.id, targetType: "request", targetId: requestId, details: { saves: 1 } });
}

/**
 * Saves validated answers as a new, immutable revision. The edit must start from the current revision
 * (`baseRevision`); otherwise 409 with the current revision in `details`, so nothing is lost. Saving the
 * same answers again creates nothing.
 */
export async function updateRequestInputs(
  actor: Actor,
  id: string,
  input: { input: FormValues; baseRevision: number; title?: string },
  now = new Date(),
): Promise<RequestDetail & { revisionCreated: boolean }> {
  const db = getDb();
  const created = await db.$transaction(async (tx) => {
    const { request, access } = await loadForEdit(tx, actor, id);
    if (request.status === "DRAFT") throw InvalidError.field(["input"], "This request is still a draft: save its answers as a draft and submit it");
    if (!inputsEditable(request.status)) throw notEditable(request.status);
    if (input.baseRevision !== request.currentRevision) await staleRevision(tx, request, input.baseRevision);
    const role = roleOf(request.roleKey);
    const result = validateRoleInput(role, input.input);
    if (!result.success) throw answersInvalid(result.issues, "input");
    const title = input.title || request.title;
    const current = await tx.requestRevision.findUniqueOrThrow({ where: { requestId_number: { requestId: request.id, number: request.currentRevision } } });
    if (deepEqual(current.input, result.data) && title === request.title) {
      // Nothing changed: drop any autosaved edits, keep the revision.
      if (request.draft !== null) {
        await tx.request.update({ where: { id: request.id }, data: { draft: Prisma.DbNull, draftBaseRevision: null, draftUpdatedAt: null, draftUpdatedById: null, version: { increment: 1 } } });
      }
      return false;
    }
    const number = request.currentRevision + 1;
    // The conditional update is the lock: of two saves from the same base, only one moves the revision on.
    const reopens = revisionReopensReview(request.status);
    const moved = await tx.request.updateMany({
      where: { id: request.id, currentRevision: request.currentRevision, status: request.status },
      data: {
        currentRevision: number,
        title,
        draft: Prisma.DbNull,
        draftBaseRevision: null,
        draftUpdatedAt: null,
        draftUpdatedById: null,
        version: { increment: 1 },
        ...(reopens ? { status: "SUBMITTED" as const, submittedAt: now } : {}),
      },
    });
    if (moved.count === 0) await staleRevision(tx, { id: request.id, currentRevision: request.currentRevision + 1 }, input.baseRevision);
    await createRevision(tx, actor, { requestId: request.id, roleKey: request.roleKey, number, input: result.data, title, now });
    await recordAudit(tx, actor, { action: "request.revised", teamId: access.team.id, targetType: "request", targetId: request.id, details: { title, revision: number } });
    if (reopens) {
      await recordTransition(tx, actor, access, { id: request.id, title }, request.status, "SUBMITTED", `Revision ${number} changes the approved answers: it needs approving again`, number, now);
    }
    return true;
  });
  return { ...(await getRequest(actor, id)), revisionCreated: created };
}

/** Renames a request (the title is not part of the answers, so no revision). */
export async function renameRequest(actor: Actor, id: string, title: string, version?: number): Promise<RequestDetail> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { request, access } = await loadForEdit(tx, actor, id);
    if (!inputsEditable(request.status)) throw notEditable(request.status);
    if (version !== undefined && version !== request.version) await staleVersion(tx, request.id);
    if (request.status !== "DRAFT" && !title) throw InvalidError.field(["title"], "A submitted request needs a title");
    await tx.request.update({ where: { id: request.id }, data: { title, version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "request.renamed", teamId: access.team.id, targetType: "request", targetId: request.id, details: { from: request.title, title } });
  });
  return getRequest(actor, id);
}

/** The one entry point of PATCH /requests/{id}: a draft save, a new revision, or a rename. */
export async function updateRequest(actor: Actor, id: string, body: UpdateRequestInput, now = new Date()) {
  const data = parseOrThrow(updateRequestSchema, body);
  if (data.input !== undefined) return updateRequestInputs(actor, id, { input: data.input, baseRevision: data.baseRevision!, title: data.title }, now);
  if (data.draft !== undefined) return saveDraft(actor, id, { draft: data.draft, version: data.version, baseRevision: data.baseRevision, title: data.title }, now);
  return renameRequest(actor, id, data.title ?? "", data.version);
}

// ---- Lifecycle --------------------------------------------------------------------------------------

/** Writes one move of a request and its audit row (also used by lib/reviews/approvals.server.ts). */
export async function recordTransition(
  tx: Tx,
  actor: Actor,
  access: TeamAccess,
  request: { id: string; title: string },
  from: RequestStatus,
  to: RequestStatus,
  comment: string | undefined,
  revision: number,
  now: Date,
) {
  await tx.requestTransition.create({ data: { requestId: request.id, fromStatus: from, toStatus: to, actorId: actor.userId, comment: comment ?? null, revision, createdAt: now } });
  await recordAudit(tx, actor, {
    action: "request.transitioned",
    teamId: access.team.id,
    targetType: "request",
    targetId: request.id,
    details: { title: request.title, from, to, revision, ...(comment ? { comment: comment.slice(0, 500) } : {}) },
  });
  await recordRequestMoveEvent(tx, actor, request.id, to, comment);
}

/** Submits a draft: validates its answers with the role's schema and saves them as revision 1. */
export async function submitRequest(actor: Actor, id: string, options: { version?: number } = {}, now = new Date()): Promise<RequestDetail> {
  return transitionRequest(actor, id, { to: "SUBMITTED" }, { ...options, now });
}

/**
 * Moves a request through its lifecycle. The machine (lib/requests/lifecycle.ts) decides what may happen;
 * a move it lacks is 422, a move the caller's role does not allow is 403. Submitting a draft validates it.
 */
export async function transitionRequest(
  actor: Actor,
  id: string,
  body: TransitionRequestInput,
  options: { version?: number; now?: Date } = {},
): Promise<RequestDetail> {
  const data = parseOrThrow(transitionRequestSchema, body);
  const now = options.now ?? new Date();
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { request, access } = await loadRequest(tx, actor, id);
    if (options.version !== undefined && options.version !== request.version) await staleVersion(tx, request.id);
    if (data.revision !== undefined && data.revision !== request.currentRevision) {
      throw new ConflictError(
        `Revision ${request.currentRevision} was saved after the revision ${data.revision} you looked at. Review the latest answers first.`,
        await conflictDetails(tx, request.id, "stale_revision"),
      );
    }
    let revisedSinceChangesRequested: boolean | undefined;
    if (request.status === "CHANGES_REQUESTED") {
      const asked = await tx.requestTransition.findFirst({ where: { requestId: request.id, toStatus: "CHANGES_REQUESTED" }, orderBy: { createdAt: "desc" } });
      revisedSinceChangesRequested = !asked || request.currentRevision > asked.revision;
    }
    const check = checkTransition({ status: request.status, role: access.role, isAuthor: isAuthorOf(actor, request), revisedSinceChangesRequested }, data.to);
    if (!check.ok) {
      if (check.reason === "forbidden") throw new ForbiddenError(check.message);
      throw new InvalidTransitionError(check.message);
    }
    if (check.rule.commentRequired && !data.comment) throw InvalidError.field(["comment"], "Say what needs to change, so the author knows what to edit");

    let title = request.title;
    let revision = request.currentRevision;
    const extra: Prisma.RequestUpdateManyMutationInput = {};
    if (check.rule.key === "submit") {
      const role = roleOf(request.roleKey);
      const result = validateRoleInput(role, asValues(request.draft) ?? {});
      if (!result.success) throw answersInvalid(result.issues, "draft");
      title = request.title || role.defaultTitle(result.data as never);
      revision = 1;
      await createRevision(tx, actor, { requestId: request.id, roleKey: request.roleKey, number: 1, input: result.data, title, now });
      Object.assign(extra, { title, currentRevision: 1, draft: Prisma.DbNull, draftTitle: null, draftBaseRevision: null, draftUpdatedAt: null, draftUpdatedById: null, submittedAt: now });
    } else if (check.rule.key === "resubmit") {
      extra.submittedAt = now;
    }
    const moved = await tx.request.updateMany({
      where: { id: request.id, version: request.version, status: request.status },
      data: { ...extra, status: data.to, version: { increment: 1 } },
    });
    if (moved.count === 0) await staleVersion(tx, request.id);
    await recordTransition(tx, actor, access, { id: request.id, title }, request.status, data.to, data.comment, revision, now);
  });
  return getRequest(actor, id);
}

// ---- Reads ------------------------------------------------------------------------------------------

/** One request with its current answers, draft, history of moves, and what the caller may do with it. */
export async function getRequest(actor: Actor, id: string): Promise<RequestDetail> {
  const db = getDb();
  const { request, access } = await loadRequest(db, actor, id);
  const [row, revision, transitions] = await Promise.all([
    db.request.findUniqueOrThrow({
      where: { id: request.id },
      include: { ...summaryInclude, draftUpdatedBy: { select: personSelect }, clonedFrom: { select: { id: true, title: true, teamId: true } } },
    }),
    request.currentRevision ? db.requestRevision.findUnique({ where: { requestId_number: { requestId: request.id, number: request.currentRevision } } }) : null,
    db.requestTransition.findMany({ where: { requestId: request.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: personSelect } } }),
  ]);
  const visibleTeams = row.clonedFrom ? await visibleTeamIds(db, actor) : [];
  let revisedSinceChangesRequested: boolean | undefined;
  if (row.status === "CHANGES_REQUESTED") {
    const asked = transitions.filter((transition) => transition.toStatus === "CHANGES_REQUESTED").at(-1);
    revisedSinceChangesRequested = !asked || row.currentRevision > asked.revision;
  }
  const canEdit = roleAllows(access.role, "edit");
  return {
    ...toSummary(row),
    version: row.version,
    input: asValues(revision?.input),
    draft: asValues(row.draft),
    draftBaseRevision: row.draftBaseRevision,
    draftUpdatedAt: row.draftUpdatedAt?.toISOString() ?? null,
    draftUpdatedBy: row.draftUpdatedBy,
    // A copy of another team's request names its source only to those who can see it.
    clonedFrom: row.clonedFrom && visibleTeams.includes(row.clonedFrom.teamId) ? { id: row.clonedFrom.id, title: row.clonedFrom.title } : null,
    transitions: transitions.map(toTransitionRecord),
    permissions: {
      role: access.role,
      canEdit: canEdit && inputsEditable(row.status),
      canComment: canEdit,
      transitions: availableTransitions({ status: row.status, role: access.role, isAuthor: isAuthorOf(actor, row), revisedSinceChangesRequested })
        // Submitting a draft happens from the form, which validates first; the button list leaves it out.
        .filter((rule) => rule.key !== "submit")
        .map((rule) => ({ to: rule.to, label: rule.label, commentRequired: rule.commentRequired, destructive: rule.destructive })),
    },
  };
}

function toTransitionRecord(row: { id: string; fromStatus: RequestStatus; toStatus: RequestStatus; actor: Person | null; comment: string | null; revision: number; createdAt: Date }): TransitionRecord {
  return { id: row.id, from: row.fromStatus, to: row.toStatus, actor: row.actor, comment: row.comment, revision: row.revision, at: row.createdAt.toISOString() };
}

interface ResolvedFilters {
  where: Prisma.RequestWhereInput;
  whereWithoutStatus: Prisma.RequestWhereInput;
}

async function resolveFilters(db: Db, actor: Actor, query: ReturnType<typeof listRequestsQuerySchema.parse>): Promise<ResolvedFilters> {
  let teamIds: string[];
  if (query.team) {
    // A team the caller is not in answers "not found", as everywhere.
    teamIds = [(await teamAccess(db, actor, { slug: query.team })).team.id];
  } else {
    teamIds = await visibleTeamIds(db, actor);
  }
  const authorId = query.author === "me" ? (actor.userId ?? "—nobody—") : query.author;
  const whereWithoutStatus: Prisma.RequestWhereInput = {
    teamId: { in: teamIds },
    ...(query.role ? { roleKey: query.role } : {}),
    ...(authorId ? { authorId } : {}),
    ...(query.q ? { OR: [{ title: { contains: query.q, mode: "insensitive" } }, { draftTitle: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  return { whereWithoutStatus, where: { ...whereWithoutStatus, ...(query.status ? { status: query.status } : {}) } };
}

function orderBy(sort: string, order: "asc" | "desc" | undefined): Prisma.RequestOrderByWithRelationInput[] {
  const direction = order ?? (sort === "title" || sort === "role" ? "asc" : "desc");
  const column: Record<string, Prisma.RequestOrderByWithRelationInput> = {
    updated: { updatedAt: direction },
    created: { createdAt: direction },
    title: { title: direction },
    status: { status: direction },
    role: { roleKey: direction },
  };
  return [column[sort] ?? column.updated, { updatedAt: "desc" }, { id: "asc" }];
}

/** The requests of the actor's teams, filtered, sorted and paginated, with the counts per status. */
export async function listRequests(actor: Actor, query: ListRequestsQuery = {}): Promise<RequestList> {
  const parsed = parseOrThrow(listRequestsQuerySchema, query);
  const db = getDb();
  const { where, whereWithoutStatus } = await resolveFilters(db, actor, parsed);
  const [total, rows, counts] = await Promise.all([
    db.request.count({ where }),
    db.request.findMany({
      where,
      include: summaryInclude,
      orderBy: orderBy(parsed.sort, parsed.order),
      skip: (parsed.page - 1) * parsed.pageSize,
      take: parsed.pageSize,
    }),
    countByStatus(db, whereWithoutStatus),
  ]);
  return {
    requests: rows.map(toSummary),
    page: parsed.page,
    pageSize: parsed.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / parsed.pageSize)),
    counts,
  };
}

async function countByStatus(db: Db, where: Prisma.RequestWhereInput): Promise<Record<RequestStatus, number>> {
  const groups = await db.request.groupBy({ by: ["status"], where, _count: { _all: true } });
  const counts = Object.fromEntries(requestStatuses.map((status) => [status, 0])) as Record<RequestStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** Requests per status in the actor's teams (or one team), e.g. for the home page. */
export async function countRequestsByStatus(actor: Actor, filters: Omit<ListRequestsQuery, "status" | "page" | "pageSize" | "sort" | "order"> = {}) {
  const parsed = parseOrThrow(listRequestsQuerySchema, filters);
  const db = getDb();
  const { whereWithoutStatus } = await resolveFilters(db, actor, parsed);
  return countByStatus(db, whereWithoutStatus);
}

/** The people who wrote requests in the actor's teams: the choices of the list's author filter. */
export async function listRequestAuthors(actor: Actor): Promise<Person[]> {
  const db = getDb();
  const teamIds = await visibleTeamIds(db, actor);
  const authors = await db.user.findMany({
    where: { authoredRequests: { some: { teamId: { in: teamIds } } } },
    select: personSelect,
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return authors;
}

/** The revisions of a request, newest first (without their answers). */
export async function listRevisions(actor: Actor, id: string): Promise<RevisionSummary[]> {
  const db = getDb();
  const { request } = await loadRequest(db, actor, id);
  const rows = await db.requestRevision.findMany({
    where: { requestId: request.id },
    orderBy: { number: "desc" },
    select: { number: true, title: true, createdAt: true, author: { select: personSelect } },
  });
  return rows.map((row) => ({ number: row.number, title: row.title, author: row.author, createdAt: row.createdAt.toISOString() }));
}

/** One revision with its answers. */
export async function getRevision(actor: Actor, id: string, number: number): Promise<Revision> {
  const db = getDb();
  const { request } = await loadRequest(db, actor, id);
  if (!Number.isInteger(number) || number < 1) throw new NotFoundError("Revision");
  const row = await db.requestRevision.findUnique({
    where: { requestId_number: { requestId: request.id, number } },
    include: { author: { select: personSelect } },
  });
  if (!row) throw new NotFoundError("Revision");
  return { number: row.number, title: row.title, author: row.author, createdAt: row.createdAt.toISOString(), input: asValues(row.input) ?? {} };
}

// ---- Discussion -------------------------------------------------------------------------------------

const commentInclude = { author: { select: personSelect }, resolvedBy: { select: personSelect } } satisfies Prisma.RequestCommentInclude;

type CommentRow = Prisma.RequestCommentGetPayload<{ include: typeof commentInclude }>;

function toComment(row: CommentRow): RequestCommentView {
  return {
    id: row.id,
    body: row.body,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    // A resolver who has since left still leaves the comment resolved, with nobody named.
    resolvedBy: row.resolvedAt ? row.resolvedBy : null,
  };
}

/** The request's comments, oldest first, open and resolved. */
export async function listComments(actor: Actor, id: string): Promise<RequestCommentView[]> {
  const db = getDb();
  const { request } = await loadRequest(db, actor, id);
  const rows = await db.requestComment.findMany({
    where: { requestId: request.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: commentInclude,
  });
  return rows.map(toComment);
}

/** Adds a comment (members and up; viewers read). */
export async function addComment(actor: Actor, id: string, input: CommentInput, now = new Date()): Promise<RequestCommentView> {
  const data = parseOrThrow(commentBodySchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const { request, access } = await loadForEdit(tx, actor, id);
    const row = await tx.requestComment.create({
      data: { requestId: request.id, authorId: actor.userId, body: data.body, createdAt: now },
      include: commentInclude,
    });
    await recordAudit(tx, actor, { action: "request.commented", teamId: access.team.id, targetType: "request", targetId: request.id, details: { title: request.title, commentId: row.id } });
    return toComment(row);
  });
}

/** Edits one's own comment. */
export async function editComment(actor: Actor, id: string, commentId: string, input: CommentInput, now = new Date()): Promise<RequestCommentView> {
  const data = parseOrThrow(commentBodySchema, input);
  return updateComment(actor, id, commentId, { body: data.body }, now);
}

/**
 * Changes one comment: its text (only its author), and/or whether it is resolved (any member and up of
 * the request's team — resolving is housekeeping of the discussion, not authorship). Resolving a comment
 * that is already resolved (or reopening an open one) changes nothing and writes no audit row, so two
 * people clicking at once both see it resolved, by whoever was first.
 */
export async function updateComment(actor: Actor, id: string, commentId: string, input: CommentPatchInput, now = new Date()): Promise<RequestCommentView> {
  const data = parseOrThrow(commentPatchSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const { request, access } = await loadForEdit(tx, actor, id);
    const comment = await tx.requestComment.findFirst({ where: { id: commentId, requestId: request.id } });
    if (!comment) throw new NotFoundError("Comment");
    const audit = (action: string) =>
      recordAudit(tx, actor, { action, teamId: access.team.id, targetType: "request", targetId: request.id, details: { title: request.title, commentId: comment.id } });
    if (data.body !== undefined) {
      if (!actor.userId || comment.authorId !== actor.userId) throw new ForbiddenError("Only the author of a comment can edit it");
      await tx.requestComment.update({ where: { id: comment.id }, data: { body: data.body, editedAt: now } });
      await audit("request.comment_edited");
    }
    if (data.resolved !== undefined && data.resolved !== (comment.resolvedAt !== null)) {
      // Only while the state is still the one read: a concurrent resolve or reopen wins, this one is a no-op.
      const changed = await tx.requestComment.updateMany({
        where: { id: comment.id, resolvedAt: data.resolved ? null : { not: null } },
        data: data.resolved ? { resolvedAt: now, resolvedById: actor.userId } : { resolvedAt: null, resolvedById: null },
      });
      if (changed.count === 1) await audit(data.resolved ? "request.comment_resolved" : "request.comment_reopened");
    }
    return toComment(await tx.requestComment.findUniqueOrThrow({ where: { id: comment.id }, include: commentInclude }));
  });
}
