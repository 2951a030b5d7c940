// DORA metrics of a team (optionally one service) or the whole organisation, computed in PostgreSQL
// (lib/deployments/dora-sql.ts) and dressed with levels and trends by the pure module.
import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, parseOrThrow } from "@/lib/errors";
import { teamForRead } from "@/lib/deployments/deployments.server";
import { DORA_SQL, doraRollupSql } from "@/lib/deployments/dora-sql";
import { refreshDoraFacts } from "@/lib/deployments/dora-facts.server";
import { bucketStarts } from "@/lib/deployments/dora-buckets";
import {
  DEFAULT_ATTRIBUTION_HOURS,
  defaultBucket,
  doraPeriods,
  doraQuerySchema,
  emptyFigures,
  summarize,
  type DoraBucket,
  type DoraBucketFigures,
  type DoraSummary,
  type DoraWindow,
  type PeriodFigures,
} from "@/lib/deployments/dora";

interface Row {
  cur: boolean;
  bucket: Date | null;
  deployments: number;
  successful: number;
  failures: number;
  reworks: number;
  services_deployed: number;
  recovery_median: number | null;
  recovered: number;
  unrecovered: number;
  lead_median: number | null;
  lead_p90: number | null;
  changes: number;
}


export interface DoraReport {
  scope: { kind: "team" | "organisation"; team: { slug: string; name: string } | null; service: { slug: string; name: string } | null };
  environment: string;
  window: DoraWindow;
  bucket: DoraBucket;
  attributionHours: number;
  from: string;
  to: string;
  summary: DoraSummary;
  buckets: DoraBucketFigures[];
}

const toFigures = (row: Row | undefined): PeriodFigures =>
  row
    ? {
        deployments: row.deployments,
        successful: row.successful,
        failures: row.failures,
        reworks: row.reworks,
        servicesDeployed: row.services_deployed,
        leadTimeMedianSeconds: row.lead_median === null ? null : Number(row.lead_median),
        leadTimeP90Seconds: row.lead_p90 === null ? null : Number(row.lead_p90),
        changes: row.changes,
        recoveryMedianSeconds: row.recovery_median === null ? null : Number(row.recovery_median),
        recovered: row.recovered,
        unrecovered: row.unrecovered,
      }
    : emptyFigures;

/** One statement with JIT off: compiling costs seconds on a busy machine and buys nothing here. */
function queryWithoutJit(db: Db, sql: string, params: readonly unknown[]) {
  // A read-only transaction: the timeout only bounds how long it may hold its connection.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      return tx.$queryRawUnsafe<Row[]>(sql, ...params);
    },
    { timeout: 60_000 },
  );
}

/** DORA_SQL over the raw rows: every figure re-derived, for any attribution window. */
export function rawDora(db: Db, scope: Scope, query: { environment: string; bucket: DoraBucket; attributionHours: number }, period: { previousFrom: Date; from: Date; to: Date }) {
  return queryWithoutJit(db, DORA_SQL, [scope.teamIds, scope.serviceId, query.environment, period.previousFrom.toISOString(), period.from.toISOString(), period.to.toISOString(), query.attributionHours * 3600, query.bucket]);
}

const DAY_MS = 86_400_000;
const dayFloor = (time: Date) => new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);
const dayCeil = (time: Date) => new Date(Math.ceil(time.getTime() / DAY_MS) * DAY_MS);

/**
 * doraRollupSql: whole UTC days from the daily rollups (the team rollups without a service), the edges from the facts (refresh them first). The
 * default attribution window only.
 */
export function factsDora(db: Db, scope: Scope, query: { environment: string; bucket: DoraBucket }, period: { previousFrom: Date; from: Date; to: Date }) {
  const iso = (time: Date) => time.toISOString();
  return queryWithoutJit(db, doraRollupSql(scope.serviceId ? "service" : "team"), [
    scope.teamIds,
    scope.serviceId,
    query.environment,
    iso(period.previousFrom),
    iso(period.from),
    iso(period.to),
    query.bucket,
    iso(dayCeil(period.previousFrom)),
    iso(dayFloor(period.from)),
    iso(dayCeil(period.from)),
    iso(dayFloor(period.to)),
  ]);
}

export interface Scope {
  teamIds: string[];
  serviceId: string | null;
}

/**
 * The figures of a scope. With the default attribution window they are aggregated from the DORA facts
 * (refreshed for the scope first, so never stale); another window re-derives them from the raw rows with
 * DORA_SQL. Both give the same figures (dora-facts.integration.test.ts).
 */
async function computeDora(db: Db, scope: Scope, query: { environment: string; window: DoraWindow; bucket: DoraBucket; attributionHours: number }, now: Date) {
  const { days, from, to, previousFrom } = doraPeriods(query.window, now);
  const useFacts = query.attributionHours === DEFAULT_ATTRIBUTION_HOURS;
  if (useFacts) await refreshDoraFacts(db, scope.teamIds);
  const [rows, [{ exists }]] = await Promise.all([
    useFacts ? factsDora(db, scope, query, { previousFrom, from, to }) : rawDora(db, scope, query, { previousFrom, from, to }),
    db.$queryRawUnsafe<{ exists: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM deployments WHERE team_id = ANY($1::text[]) AND ($2::text IS NULL OR service_id = $2::text)
         AND environment = $3::text AND status <> 'STARTED' AND started_at < $4::timestamp) AS exists`,
      scope.teamIds,
      scope.serviceId,
      query.environment,
      to.toISOString(),
    ),
  ]);
  const total = (cur: boolean) => rows.find((row) => row.cur === cur && row.bucket === null);
  const summary = summarize(toFigures(total(true)), toFigures(total(false)), days, exists);
  const byBucket = new Map(rows.filter((row) => row.cur && row.bucket).map((row) => [row.bucket!.getTime(), row]));
  const buckets = bucketStarts(from, to, query.bucket).map((start): DoraBucketFigures => {
    const figures = toFigures(byBucket.get(start.getTime()));
    return {
      start: start.toISOString(),
      deployments: figures.deployments,
      successful: figures.successful,
      failures: figures.failures,
      changeFailureRate: figures.deployments > 0 ? figures.failures / figures.deployments : null,
      leadTimeMedianSeconds: figures.leadTimeMedianSeconds,
      recoveryMedianSeconds: figures.recoveryMedianSeconds,
      reworks: figures.reworks,
    };
  });
  return { from: from.toISOString(), to: to.toISOString(), summary, buckets };
}

/** DORA of one team (the named one, else a token's own), optionally of one of its services. */
export async function getTeamDora(actor: Actor, input: Record<string, string | undefined>, options: { now?: Date } = {}): Promise<DoraReport> {
  const query = parseOrThrow(doraQuerySchema, input);
  const db = getDb();
  const { team } = await teamForRead(db, actor, query.team);
  let service: { id: string; slug: string; name: string } | null = null;
  if (query.service) {
    service = await db.service.findUnique({ where: { teamId_slug: { teamId: team.id, slug: query.service.toLowerCase() } }, select: { id: true, slug: true, name: true } });
    if (!service) throw new NotFoundError("Service");
  }
  const bucket = query.bucket ?? defaultBucket(query.window);
  const result = await computeDora(db, { teamIds: [team.id], serviceId: service?.id ?? null }, { ...query, bucket }, options.now ?? new Date());
  return {
    scope: { kind: "team", team: { slug: team.slug, name: team.name }, service: service ? { slug: service.slug, name: service.name } : null },
    environment: query.environment,
    window: query.window,
    bucket,
    attributionHours: query.attributionHours,
    ...result,
  };
}

/**
 * DORA of the whole organisation: every team's deployments together, as aggregates only (no deployment or
 * service of another team is named). Signed-in people only; a team token sees its own team.
 */
export async function getOrganisationDora(actor: Actor, input: Record<string, string | undefined>, options: { now?: Date } = {}): Promise<DoraReport> {
  const query = parseOrThrow(doraQuerySchema.omit({ team: true, service: true }), input);
  const db = getDb();
  if (actor.kind === "token") throw new NotFoundError("Organisation");
  const teamIds = (await db.team.findMany({ select: { id: true } })).map((team) => team.id);
  const bucket = query.bucket ?? defaultBucket(query.window);
  const result = await computeDora(db, { teamIds, serviceId: null }, { ...query, bucket }, options.now ?? new Date());
  return {
    scope: { kind: "organisation", team: null, service: null },
    environment: query.environment,
    window: query.window,
    bucket,
    attributionHours: query.attributionHours,
    ...result,
  };
}
