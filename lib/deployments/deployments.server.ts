// Deployments: record batches (idempotent on the client's key, all or nothing) and list them, scoped to the caller's team.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess, type TeamAccess } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/audit.server";
import { InvalidError, parseOrThrow, type Issue } from "@/lib/errors";
import { listDeploymentsQuerySchema, recordDeploymentsSchema, type DeploymentInput } from "@/lib/deployments/schema";

/** Where a batch came from: the API, or one of the webhook adapters (stored on each deployment). */
export type DeploymentSource = "api" | "github" | "gitlab" | "argocd" | "demo";

export interface RecordResult {
  received: number;
  created: number;
  updated: number;
  deployments: { key: string; id: string; created: boolean }[];
}

/** The team a write goes to: the named one (the actor must be able to edit it), else a token's own team. */
export async function teamForWrite(db: Db | Tx, actor: Actor, slug: string | undefined): Promise<TeamAccess> {
  if (slug) return requireTeamPermission(db, actor, { slug }, "edit");
  if (actor.kind === "token") return requireTeamPermission(db, actor, { id: actor.teamId }, "edit");
  throw InvalidError.field(["team"], "Say which team (its slug)");
}

/** The team a read is about: the named one, else a token's own team; a signed-in user must name it. */
export async function teamForRead(db: Db | Tx, actor: Actor, slug: string | undefined): Promise<TeamAccess> {
  if (slug) return teamAccess(db, actor, { slug });
  if (actor.kind === "token") return teamAccess(db, actor, { id: actor.teamId });
  throw InvalidError.field(["team"], "Say which team (its slug)");
}

/**
 * Records a batch of deployments for one team in one transaction: every deployment is stored, or none
 * (an unknown service anywhere is a 422 naming each bad index). A key seen before updates its deployment
 * (a pipeline reports STARTED, then SUCCEEDED, under one key). The rows go in with one INSERT … ON CONFLICT
 * over unnest()ed arrays, so a batch of 1,000 is a handful of statements, not 1,000 round trips.
 */
export async function recordDeployments(actor: Actor, input: unknown, options: { source?: DeploymentSource } = {}): Promise<RecordResult> {
  const data = parseOrThrow(recordDeploymentsSchema, input);
  const source = options.source ?? "api";
  return getDb().$transaction(
    async (tx) => {
      const access = await teamForWrite(tx, actor, data.team);
      return insertDeployments(tx, actor, access, data.deployments, source);
    },
    // A batch of 1,000 (with its commits and the DORA dirty marks) takes well under a second alone, but
    // Prisma's default 5 s ran out on a machine at load 18 in bench:dora: a loaded server is no client error.
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** The insert itself, inside the caller's transaction (the webhook receivers call it with their own team). */
export async function insertDeployments(tx: Tx, actor: Actor | null, access: TeamAccess, deployments: DeploymentInput[], source: DeploymentSource): Promise<RecordResult> {
  const slugs = [...new Set(deployments.map((deployment) => deployment.service.toLowerCase()))];
  const services = await tx.service.findMany({ where: { teamId: access.team.id, slug: { in: slugs } }, select: { id: true, slug: true } });
  const serviceIds = new Map(services.map((service) => [service.slug, service.id]));
  const issues: Issue[] = [];
  deployments.forEach((deployment, index) => {
    if (!serviceIds.has(deployment.service.toLowerCase())) {
      issues.push({ path: ["deployments", index, "service"], message: `No service “${deployment.service}” in ${access.team.name}'s catalog`, code: "unknown_service" });
    }
  });
  if (issues.length) throw new InvalidError(issues.length === 1 ? issues[0].message : `${issues.length} deployments name unknown services`, issues);

  const column = <T>(pick: (deployment: DeploymentInput) => T) => deployments.map(pick);
  const rows = await tx.$queryRaw<{ id: string; client_key: string; inserted: boolean }[]>`
    INSERT INTO deployments (id, team_id, service_id, client_key, environment, version, commit_sha, status, started_at, finished_at,
                             triggered_by, url, source, rework, updated_at)
    SELECT gen_random_uuid()::text, ${access.team.id}, t.service_id, t.client_key, t.environment, t.version, t.commit_sha,
           t.status::"DeploymentStatus", t.started_at, t.finished_at, t.triggered_by, t.url, ${source}, t.rework, now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${column((d) => serviceIds.get(d.service.toLowerCase())!)}::text[],
      ${column((d) => d.key)}::text[],
      ${column((d) => d.environment)}::text[],
      ${column((d) => d.version)}::text[],
      ${column((d) => d.commitSha ?? null)}::text[],
      ${column((d) => d.status)}::text[],
      ${column((d) => d.startedAt.toISOString())}::timestamp(3)[],
      ${column((d) => d.finishedAt?.toISOString() ?? null)}::timestamp(3)[],
      ${column((d) => d.triggeredBy)}::text[],
      ${column((d) => d.url ?? null)}::text[],
      ${column((d) => d.rework)}::boolean[]
    ) AS t(service_id, client_key, environment, version, commit_sha, status, started_at, finished_at, triggered_by, url, rework)
    ON CONFLICT (team_id, client_key) DO UPDATE SET
      service_id = EXCLUDED.service_id, environment = EXCLUDED.environment, version = EXCLUDED.version,
      commit_sha = coalesce(EXCLUDED.commit_sha, deployments.commit_sha), status = EXCLUDED.status,
      -- A webhook reports the start, then the end (whose event time is all it knows): keep the earlier start.
      started_at = CASE WHEN deployments.status = 'STARTED' AND EXCLUDED.status <> 'STARTED' THEN least(deployments.started_at, EXCLUDED.started_at) ELSE EXCLUDED.started_at END,
      finished_at = EXCLUDED.finished_at,
      triggered_by = CASE WHEN EXCLUDED.triggered_by = '' THEN deployments.triggered_by ELSE EXCLUDED.triggered_by END,
      url = coalesce(EXCLUDED.url, deployments.url), source = EXCLUDED.source, rework = EXCLUDED.rework, updated_at = EXCLUDED.updated_at
    RETURNING id, client_key, (xmax = 0) AS inserted`;
  const idByKey = new Map(rows.map((row) => [row.client_key, row]));

  // Commits: a deployment that sends its list replaces the stored one; one that sends none keeps it.
  const withCommits = deployments.filter((deployment) => deployment.commits !== undefined);
  if (withCommits.length) {
    const ids = withCommits.map((deployment) => idByKey.get(deployment.key)!.id);
    await tx.$executeRaw`DELETE FROM deployment_commits WHERE deployment_id = ANY(${ids}::text[])`;
    const commitRows = withCommits.flatMap((deployment) => {
      const unique = new Map(deployment.commits!.map((commit) => [commit.sha, commit]));
      return [...unique.values()].map((commit) => ({ id: idByKey.get(deployment.key)!.id, ...commit }));
    });
    if (commitRows.length) {
      await tx.$executeRaw`
        INSERT INTO deployment_commits (deployment_id, sha, authored_at, message)
        SELECT * FROM unnest(${commitRows.map((c) => c.id)}::text[], ${commitRows.map((c) => c.sha)}::text[],
                             ${commitRows.map((c) => c.authoredAt.toISOString())}::timestamp(3)[], ${commitRows.map((c) => c.message)}::text[])`;
    }
  }

  const created = rows.filter((row) => row.inserted).length;
  await recordAudit(tx, actor, {
    action: "deployment.recorded",
    teamId: access.team.id,
    targetType: "deployment",
    targetId: rows.length === 1 ? rows[0].id : null,
    details: {
      source,
      count: rows.length,
      created,
      services: slugs.slice(0, 10),
      ...(deployments.length === 1 ? { key: deployments[0].key, status: deployments[0].status, service: deployments[0].service } : {}),
    },
  });
  return {
    received: deployments.length,
    created,
    updated: rows.length - created,
    deployments: deployments.map((deployment) => {
      const row = idByKey.get(deployment.key)!;
      return { key: deployment.key, id: row.id, created: row.inserted };
    }),
  };
}

/** What every view of a deployment shows (the API's list, an incident's "what changed"). */
export const deploymentCoreSelect = {
  id: true,
  environment: true,
  version: true,
  commitSha: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  triggeredBy: true,
  url: true,
  service: { select: { slug: true, name: true } },
} satisfies Prisma.DeploymentSelect;

type DeploymentCoreRow = Prisma.DeploymentGetPayload<{ select: typeof deploymentCoreSelect }>;

export function deploymentCoreJson(row: DeploymentCoreRow) {
  return {
    id: row.id,
    service: row.service,
    environment: row.environment,
    version: row.version,
    commitSha: row.commitSha,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    triggeredBy: row.triggeredBy,
    url: row.url,
  };
}

const deploymentSelect = {
  ...deploymentCoreSelect,
  clientKey: true,
  source: true,
  rework: true,
  _count: { select: { commits: true, incidents: true } },
} satisfies Prisma.DeploymentSelect;

type DeploymentRow = Prisma.DeploymentGetPayload<{ select: typeof deploymentSelect }>;

export function toDeploymentJson(row: DeploymentRow) {
  return {
    ...deploymentCoreJson(row),
    key: row.clientKey,
    source: row.source,
    rework: row.rework,
    commitCount: row._count.commits,
    linkedIncidentCount: row._count.incidents,
  };
}

export type DeploymentJson = ReturnType<typeof toDeploymentJson>;

/** A page of the team's deployments, newest first. */
export async function listDeployments(actor: Actor, query: Record<string, string | undefined>) {
  const data = parseOrThrow(listDeploymentsQuerySchema, query);
  const db = getDb();
  const { team } = await teamForRead(db, actor, data.team);
  const where: Prisma.DeploymentWhereInput = {
    teamId: team.id,
    ...(data.service ? { service: { slug: data.service.toLowerCase() } } : {}),
    ...(data.environment ? { environment: data.environment } : {}),
    ...(data.status ? { status: data.status } : {}),
    ...(data.from || data.to ? { startedAt: { ...(data.from ? { gte: data.from } : {}), ...(data.to ? { lt: data.to } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.deployment.count({ where }),
    db.deployment.findMany({ where, select: deploymentSelect, orderBy: [{ startedAt: "desc" }, { id: "asc" }], skip: (data.page - 1) * data.pageSize, take: data.pageSize }),
  ]);
  return { team: { slug: team.slug, name: team.name }, total, page: data.page, pageSize: data.pageSize, deployments: rows.map(toDeploymentJson) };
}
