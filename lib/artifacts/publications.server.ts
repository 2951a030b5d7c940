// Publications of approved requests to a team's Git repository: queued by a person (Publish) or by the
// approval itself ("publish on approval", in the approving transaction: the row is the job), claimed and
// pushed by the worker (lib/artifacts/publication-queue.ts), then moved to merged or closed by the
// provider's webhook or by polling. Everything outbound happens in the worker, never in a transaction here.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { userActor, type Actor } from "@/lib/auth/actor";
import { teamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, ForbiddenError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { publicUrl } from "@/lib/env";
import { isRoleKey, roleTitle } from "@/lib/agents/registry";
import type { SummaryFigure } from "@/lib/agents/generator";
import { storeRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { decideRetry } from "@/lib/notifications/backoff";
import { notifyWorkers, recordEvent } from "@/lib/outbox/outbox.server";
import { eventActor, eventTeam } from "@/lib/outbox/refs.server";
import type { MergeConflict, MergeOutcome, PublishFile, PullRequestState } from "@/lib/artifacts/publisher";
import { loadTeamRepository } from "@/lib/artifacts/repositories.server";
import {
  activePublicationStates,
  publicationBranch,
  publishSchema,
  renderPathTemplate,
  requestSlug,
  type PublicationStateValue,
  type PublishRequestInput,
} from "@/lib/artifacts/repository-schema";

/** Timestamps are stored as UTC wall time (Prisma's DateTime): compare with the UTC clock. */
const NOW = "(now() AT TIME ZONE 'UTC')";

export interface PublicationView {
  id: string;
  repository: { id: string; name: string };
  revision: number;
  trigger: "manual" | "approval";
  state: PublicationStateValue;
  branch: string;
  directory: string;
  commitSha: string | null;
  pullRequest: { number: number; url: string } | null;
  conflicts: MergeConflict[];
  /** What the merge did, per kind of change (null until pushed). */
  changes: { added: number; updated: number; merged: number; deleted: number; keptEdits: number } | null;
  /** Where "theirs" came from in the merge. */
  mergedWith: "default-branch" | "portal-branch" | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  requestedBy: { name: string | null; email: string | null } | null;
  createdAt: string;
  publishedAt: string | null;
  finishedAt: string | null;
}

type PublicationRow = Prisma.PublicationGetPayload<{ include: { repository: { select: { id: true; name: true } } } }>;

function toView(row: PublicationRow, people: Map<string, { name: string | null; email: string | null }>): PublicationView {
  const outcome = row.outcome as unknown as MergeOutcome | null;
  return {
    id: row.id,
    repository: row.repository,
    revision: row.revision,
    trigger: row.trigger === "approval" ? "approval" : "manual",
    state: row.state,
    branch: row.branch,
    directory: row.directory,
    commitSha: row.commitSha,
    pullRequest: row.pullRequestNumber !== null && row.pullRequestUrl ? { number: row.pullRequestNumber, url: row.pullRequestUrl } : null,
    conflicts: outcome?.conflicts ?? [],
    changes: outcome
      ? { added: outcome.added.length, updated: outcome.updated.length, merged: outcome.merged.length, deleted: outcome.deleted.length, keptEdits: outcome.keptEdits.length }
      : null,
    mergedWith: outcome?.theirs ?? null,
    attempts: row.attempts,
    nextAttemptAt: row.state === "QUEUED" ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    requestedBy: row.requestedById ? (people.get(row.requestedById) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function loadRequest(db: Db | Tx, actor: Actor, requestId: string) {
  const request = typeof requestId === "string" && requestId.length <= 100 ? await db.request.findUnique({ where: { id: requestId } }) : null;
  if (!request) throw new NotFoundError("Request");
  const access = await teamAccess(db, actor, { id: request.teamId }, "Request");
  return { request, access };
}

export interface RequestPublications {
  publications: PublicationView[];
  /** The team's repositories a publication can go to. */
  repositories: { id: string; name: string; defaultBranch: string }[];
  canPublish: boolean;
  /** Why Publish is not offered, when it is not. */
  publishBlockedReason: string | null;
}

/** A request's publications, newest first, and whether the caller may publish it now. */
export async function listPublications(actor: Actor, requestId: string): Promise<RequestPublications> {
  const db = getDb();
  const { request, access } = await loadRequest(db, actor, requestId);
  const [rows, repositories] = await Promise.all([
    db.publication.findMany({ where: { requestId: request.id }, include: { repository: { select: { id: true, name: true } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50 }),
    db.gitRepository.findMany({ where: { teamId: request.teamId }, select: { id: true, name: true, defaultBranch: true }, orderBy: { name: "asc" } }),
  ]);
  const ids = [...new Set(rows.map((row) => row.requestedById).filter((id): id is string => Boolean(id)))];
  const people = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((user) => [user.id, { name: user.name, email: user.email }]));
  const active = rows.some((row) => activePublicationStates.includes(row.state));
  const reason = !roleAllows(access.role, "edit")
    ? "Viewers cannot publish"
    : request.status !== "APPROVED"
      ? "Only approved requests are published"
      : repositories.length === 0
        ? "The team has no repository yet: add one under Settings → Repositories"
        : active
          ? "A publication of this request is already queued or being pushed"
          : null;
  return { publications: rows.map((row) => toView(row, people)), repositories, canPublish: reason === null, publishBlockedReason: reason };
}

/** The branch and directory of a request in a repository: those of its first publication there, else rendered now. */
async function placement(tx: Tx, request: { id: string; title: string; roleKey: string }, team: { slug: string }, repository: { id: string; pathTemplate: string }) {
  const earlier = await tx.publication.findFirst({ where: { requestId: request.id, repositoryId: repository.id }, orderBy: { createdAt: "asc" }, select: { branch: true, directory: true } });
  if (earlier) return earlier;
  const slug = requestSlug(request.title, request.id);
  return { branch: publicationBranch(slug), directory: renderPathTemplate(repository.pathTemplate, { role: request.roleKey, requestSlug: slug, requestId: request.id, team: team.slug }) };
}

/**
 * Queues the request's current (approved) revision for publication to one of its team's repositories.
 * 409 while another publication of the request is queued or being pushed, or when it is not approved.
 */
export async function publishRequest(actor: Actor, requestId: string, input: PublishRequestInput): Promise<PublicationView> {
  const data = parseOrThrow(publishSchema, input);
  const db = getDb();
  const id = await db.$transaction(async (tx) => {
    const { request, access } = await loadRequest(tx, actor, requestId);
    // Publications of one request are serialised on its row: two clicks at once queue one.
    await tx.$queryRaw`SELECT id FROM requests WHERE id = ${request.id} FOR UPDATE`;
    if (!roleAllows(access.role, "edit")) throw new ForbiddenError(`Your role in ${access.team.name} (${access.role.toLowerCase()}) lets you read publications, not publish`);
    const repository = await loadTeamRepository(tx, request.teamId, data.repositoryId);
    const current = await tx.request.findUniqueOrThrow({ where: { id: request.id }, select: { status: true, currentRevision: true, title: true } });
    if (current.status !== "APPROVED") throw new ConflictError("Only approved requests are published: this request is not approved (any more).");
    const active = await tx.publication.findFirst({ where: { requestId: request.id, state: { in: ["QUEUED", "PUSHING"] } }, select: { id: true, state: true } });
    if (active) throw new ConflictError("A publication of this request is already queued or being pushed; wait for it to finish.", { publicationId: active.id, state: active.state });
    const where = await placement(tx, { id: request.id, title: current.title, roleKey: request.roleKey }, access.team, repository);
    const row = await tx.publication.create({
      data: { teamId: request.teamId, requestId: request.id, repositoryId: repository.id, revision: current.currentRevision, trigger: "manual", branch: where.branch, directory: where.directory, requestedById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: "request.publication_queued",
      teamId: request.teamId,
      targetType: "request",
      targetId: request.id,
      details: { title: current.title, revision: current.currentRevision, repository: repository.name, branch: where.branch, publicationId: row.id },
    });
    await notifyWorkers(tx);
    return row.id;
  });
  const row = await db.publication.findUniqueOrThrow({ where: { id }, include: { repository: { select: { id: true, name: true } } } });
  const person = actor.userId ? await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } }) : null;
  return toView(row, new Map(person && actor.userId ? [[actor.userId, person]] : []));
}

/**
 * "Publish on approval": called in the transaction that moves a request to APPROVED. Queues its current
 * revision for the repository the team chose for the role; a publication still queued takes the newer
 * revision instead of a second row. Nothing is pushed here: the worker picks the row up after commit.
 */
export async function queueAutoPublication(tx: Tx, actor: Actor, requestId: string): Promise<string | null> {
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { id: true, teamId: true, roleKey: true, title: true, currentRevision: true, team: { select: { slug: true } } } });
  const rule = await tx.autoPublishRule.findUnique({ where: { teamId_roleKey: { teamId: request.teamId, roleKey: request.roleKey } }, include: { repository: true } });
  if (!rule) return null;
  const queued = await tx.publication.findFirst({ where: { requestId: request.id, repositoryId: rule.repositoryId, state: "QUEUED" }, select: { id: true } });
  if (queued) {
    await tx.publication.update({ where: { id: queued.id }, data: { revision: request.currentRevision, trigger: "approval" } });
    await notifyWorkers(tx);
    return queued.id;
  }
  const where = await placement(tx, request, request.team, rule.repository);
  const row = await tx.publication.create({
    data: { teamId: request.teamId, requestId: request.id, repositoryId: rule.repositoryId, revision: request.currentRevision, trigger: "approval", branch: where.branch, directory: where.directory, requestedById: actor.userId },
  });
  await recordAudit(tx, actor, {
    action: "request.publication_queued",
    teamId: request.teamId,
    targetType: "request",
    targetId: request.id,
    details: { title: request.title, revision: request.currentRevision, repository: rule.repository.name, branch: where.branch, publicationId: row.id, trigger: "approval" },
  });
  await notifyWorkers(tx);
  return row.id;
}

// ---- The worker's side ------------------------------------------------------------------------------

export interface ClaimedPublication {
  id: string;
  attempt: number;
  createdAt: Date;
}

/**
 * Claims up to `limit` due publications for `workerId` for `leaseMs`: queued ones whose time has come, and
 * ones a worker claimed but never finished (its lease ran out). A request's publications go one at a time.
 */
export async function claimPublications(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedPublication[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRawUnsafe<{ id: string; attempts: number; created_at: Date }[]>(
    `WITH due AS (
       SELECT p.id FROM publications p
       WHERE ((p.state = 'QUEUED' AND p.next_attempt_at <= ${NOW}) OR (p.state = 'PUSHING' AND p.locked_until < ${NOW}))
         AND NOT EXISTS (
           SELECT 1 FROM publications o
           WHERE o.request_id = p.request_id AND o.id <> p.id AND o.state = 'PUSHING' AND o.locked_until >= ${NOW}
         )
       ORDER BY p.next_attempt_at, p.created_at
       LIMIT $1
       FOR UPDATE OF p SKIP LOCKED
     )
     UPDATE publications p
     SET state = 'PUSHING', attempts = p.attempts + 1, locked_by = $2, locked_until = ${NOW} + $3 * interval '1 millisecond', updated_at = ${NOW}
     FROM due WHERE p.id = due.id
     RETURNING p.id, p.attempts, p.created_at`,
    limit,
    workerId,
    leaseMs,
  );
  return rows.map((row) => ({ id: row.id, attempt: row.attempts, createdAt: row.created_at }));
}

/** Hands claimed publications back (graceful stop before they started): due again at once, the attempt not counted. */
export async function releasePublications(db: Db, workerId: string): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE publications SET state = 'QUEUED', attempts = attempts - 1, locked_by = NULL, locked_until = NULL, updated_at = ${NOW}
     WHERE locked_by = $1 AND state = 'PUSHING'`,
    workerId,
  );
}

export interface PublicationJob {
  publication: { id: string; teamId: string; requestId: string; repositoryId: string; revision: number; branch: string; directory: string; trigger: string; requestedById: string | null };
  files: PublishFile[];
  subject: {
    requestId: string;
    title: string;
    team: string;
    role: string;
    roleName: string;
    revision: number;
    generatorVersion: string;
    answers: unknown;
    summary: SummaryFigure[];
    url: string;
  };
  previous: { branch: string; commitSha: string; files: PublishFile[]; finished: boolean } | null;
}

async function revisionFiles(db: Db, requestId: string, roleKey: string, number: number) {
  const load = () =>
    db.requestRevision.findUnique({
      where: { requestId_number: { requestId, number } },
      select: { id: true, input: true, generatorVersion: true, summary: true, artifacts: { select: { path: true, content: true }, orderBy: { position: "asc" } } },
    });
  let revision = await load();
  if (!revision) throw new NotFoundError("Revision");
  if (revision.generatorVersion === null) {
    // A revision from before artifacts were stored: generate them once, as a reader would.
    const { id, input } = revision;
    await db.$transaction((tx) => storeRevisionArtifacts(tx, { id, roleKey, input }));
    revision = (await load())!;
  }
  return revision;
}

/** Everything one publication attempt needs, read outside any transaction. Null when the row is gone. */
export async function loadPublicationJob(db: Db, publicationId: string): Promise<PublicationJob | null> {
  const row = await db.publication.findUnique({ where: { id: publicationId }, include: { request: { include: { team: { select: { slug: true } } } } } });
  if (!row) return null;
  const revision = await revisionFiles(db, row.requestId, row.request.roleKey, row.revision);
  const previousRow = await db.publication.findFirst({
    where: { requestId: row.requestId, repositoryId: row.repositoryId, id: { not: row.id }, state: { in: ["OPEN", "MERGED", "CLOSED"] }, commitSha: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
  });
  const previous = previousRow
    ? {
        branch: previousRow.branch,
        commitSha: previousRow.commitSha!,
        files: (await revisionFiles(db, row.requestId, row.request.roleKey, previousRow.revision)).artifacts,
        finished: previousRow.state === "MERGED" || previousRow.state === "CLOSED",
      }
    : null;
  return {
    publication: {
      id: row.id,
      teamId: row.teamId,
      requestId: row.requestId,
      repositoryId: row.repositoryId,
      revision: row.revision,
      branch: row.branch,
      directory: row.directory,
      trigger: row.trigger,
      requestedById: row.requestedById,
    },
    files: revision.artifacts,
    subject: {
      requestId: row.requestId,
      title: row.request.title,
      team: row.request.team.slug,
      role: row.request.roleKey,
      roleName: isRoleKey(row.request.roleKey) ? roleTitle(row.request.roleKey) : row.request.roleKey,
      revision: row.revision,
      generatorVersion: revision.generatorVersion!,
      answers: revision.input,
      summary: (revision.summary ?? []) as unknown as SummaryFigure[],
      url: `${publicUrl()}/requests/${row.requestId}`,
    },
    previous,
  };
}

export interface PublishSuccess {
  commitSha: string;
  pullRequest: { number: number; url: string } | null;
  outcome: MergeOutcome;
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * Records a pushed publication (OPEN), its audit row and the `request.published` event in one transaction,
 * only while `workerId` still holds the claim (a worker whose lease was taken over records nothing).
 */
export async function completePublication(db: Db, claimed: ClaimedPublication, workerId: string, job: PublicationJob, result: PublishSuccess, now = new Date()): Promise<"published" | "superseded"> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.publication.updateMany({
      where: { id: claimed.id, lockedBy: workerId, attempts: claimed.attempt, state: "PUSHING" },
      data: {
        state: "OPEN",
        commitSha: result.commitSha,
        pullRequestNumber: result.pullRequest?.number ?? null,
        pullRequestUrl: result.pullRequest?.url ?? null,
        outcome: result.outcome as unknown as Prisma.InputJsonValue,
        publishedAt: now,
        lastError: null,
        lockedBy: null,
        lockedUntil: null,
      },
    });
    if (count === 0) return "superseded";
    const repository = await tx.gitRepository.findUniqueOrThrow({ where: { id: job.publication.repositoryId }, select: { id: true, name: true } });
    const request = await tx.request.findUniqueOrThrow({ where: { id: job.publication.requestId }, select: { id: true, title: true, roleKey: true, status: true, teamId: true } });
    await recordAudit(tx, null, {
      action: "request.published",
      teamId: job.publication.teamId,
      targetType: "request",
      targetId: request.id,
      details: {
        via: "worker",
        title: request.title,
        revision: job.publication.revision,
        repository: repository.name,
        branch: job.publication.branch,
        commit: result.commitSha,
        pullRequest: result.pullRequest?.url ?? null,
        conflicts: result.outcome.conflicts.map((conflict) => conflict.path),
        publicationId: claimed.id,
      },
    });
    const requester = job.publication.requestedById ? userActor(job.publication.requestedById) : null;
    await recordEvent(tx, {
      teamId: job.publication.teamId,
      type: "request.published",
      subject: { type: "request", id: request.id },
      data: {
        team: await eventTeam(tx, job.publication.teamId),
        actor: await eventActor(tx, requester),
        request: {
          id: request.id,
          title: request.title,
          role: request.roleKey,
          roleName: job.subject.roleName,
          status: request.status,
          revision: job.publication.revision,
          url: job.subject.url,
        },
        publication: {
          id: claimed.id,
          repository: repository,
          branch: job.publication.branch,
          directory: job.publication.directory,
          commitSha: result.commitSha,
          pullRequestUrl: result.pullRequest?.url ?? null,
          conflicts: result.outcome.conflicts.map((conflict) => conflict.path),
          trigger: job.publication.trigger === "approval" ? "approval" : "manual",
        },
      },
    });
    return "published";
  });
}

/** Records a failed attempt: queued again at the next backoff step when retrying can help, else FAILED (audited). */
export async function failPublication(
  db: Db,
  claimed: ClaimedPublication,
  workerId: string,
  failure: { message: string; retryable: boolean },
  settings: { retryBaseMs: number; retryForMs: number; now?: Date; random?: () => number },
): Promise<"retry" | "failed" | "superseded"> {
  const now = settings.now ?? new Date();
  const decision = decideRetry({ attempt: claimed.attempt, retryable: failure.retryable, createdAt: claimed.createdAt, now, baseMs: settings.retryBaseMs, retryForMs: settings.retryForMs, random: (settings.random ?? Math.random)() });
  const message = clip(failure.message, 2_000);
  return db.$transaction(async (tx) => {
    const { count } = await tx.publication.updateMany({
      where: { id: claimed.id, lockedBy: workerId, attempts: claimed.attempt, state: "PUSHING" },
      data: decision.retry
        ? { state: "QUEUED", nextAttemptAt: decision.nextAttemptAt, lastError: message, lockedBy: null, lockedUntil: null }
        : { state: "FAILED", lastError: message, lockedBy: null, lockedUntil: null, finishedAt: now },
    });
    if (count === 0) return "superseded";
    if (!decision.retry) {
      const row = await tx.publication.findUniqueOrThrow({ where: { id: claimed.id }, select: { teamId: true, requestId: true, revision: true, repository: { select: { name: true } } } });
      await recordAudit(tx, null, {
        action: "request.publication_failed",
        teamId: row.teamId,
        targetType: "request",
        targetId: row.requestId,
        details: { via: "worker", revision: row.revision, repository: row.repository.name, error: clip(message, 500), attempts: claimed.attempt, publicationId: claimed.id },
      });
    }
    return decision.retry ? "retry" : "failed";
  });
}

// ---- Pull request states: provider webhooks and polling ------------------------------------------------

export interface PullRequestEvent {
  number: number | null;
  /** The head branch, when the provider names it. */
  branch: string | null;
  state: PullRequestState;
}

const stateOf: Record<PullRequestState, PublicationStateValue> = { open: "OPEN", merged: "MERGED", closed: "CLOSED" };

/**
 * Applies a pull request's new state (from the provider's webhook or from polling) to the publications of
 * `repositoryId` that opened it. Idempotent: the same event twice changes nothing the second time.
 */
export async function recordPullRequestState(db: Db, repositoryId: string, event: PullRequestEvent, via: string, now = new Date()): Promise<number> {
  const target = stateOf[event.state];
  const matches: Prisma.PublicationWhereInput[] = [];
  if (event.number !== null) matches.push({ pullRequestNumber: event.number });
  if (event.branch) matches.push({ branch: event.branch, pullRequestNumber: null });
  if (matches.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const rows = await tx.publication.findMany({
      where: { repositoryId, OR: matches, state: { in: target === "OPEN" ? ["CLOSED"] : ["OPEN"] } },
      select: { id: true, teamId: true, requestId: true, revision: true, pullRequestUrl: true },
    });
    for (const row of rows) {
      await tx.publication.update({ where: { id: row.id }, data: { state: target, finishedAt: target === "OPEN" ? null : now } });
      await recordAudit(tx, null, {
        action: `request.publication_${event.state}`,
        teamId: row.teamId,
        targetType: "request",
        targetId: row.requestId,
        details: { via, revision: row.revision, pullRequest: row.pullRequestUrl, publicationId: row.id },
      });
    }
    return rows.length;
  });
}

export interface PollCandidate {
  id: string;
  repositoryId: string;
  pullRequestNumber: number;
}

/**
 * Picks open pull requests of repositories with a provider API but no webhook secret, not polled for
 * `intervalMs`, and stamps them as polled; concurrent claims skip each other's rows, so one worker polls each.
 */
export async function claimPollCandidates(tx: Tx, now: Date, intervalMs: number, limit = 50): Promise<PollCandidate[]> {
  const rows = await tx.$queryRawUnsafe<{ id: string; repository_id: string; pull_request_number: number }[]>(
    `UPDATE publications p SET last_polled_at = $1
     FROM git_repositories r
     WHERE p.id IN (
       SELECT p2.id FROM publications p2 JOIN git_repositories r2 ON r2.id = p2.repository_id
       WHERE p2.state = 'OPEN' AND p2.pull_request_number IS NOT NULL AND r2.provider <> 'NONE' AND r2.webhook_secret_encrypted IS NULL
         AND (p2.last_polled_at IS NULL OR p2.last_polled_at <= $2)
       ORDER BY p2.last_polled_at NULLS FIRST LIMIT $3
       FOR UPDATE OF p2 SKIP LOCKED
     ) AND r.id = p.repository_id
       -- Re-checked on the row as it is now: a concurrent claim that got here first took it.
       AND (p.last_polled_at IS NULL OR p.last_polled_at <= $2)
     RETURNING p.id, p.repository_id, p.pull_request_number`,
    now,
    new Date(now.getTime() - intervalMs),
    limit,
  );
  return rows.map((row) => ({ id: row.id, repositoryId: row.repository_id, pullRequestNumber: row.pull_request_number }));
}
