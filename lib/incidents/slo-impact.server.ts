// The SLO link, read from the database: the error budget an incident consumed on each affected service's
// SLOs (summed in PostgreSQL over the minute samples and the hourly and daily rollups, ADR 006), and the
// incidents to mark on an SLO's charts. The math is the pure lib/incidents/slo-impact.ts.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { visibleTeamIds } from "@/lib/auth/authorize";
import { incidentAccess } from "@/lib/incidents/incidents.server";
import { incidentReference } from "@/lib/incidents/serialize";
import { budgetImpactOf, impactRanges, incidentImpactWindow, splitRange, type IncidentMarker, type IncidentSloImpactJson, type MinuteRange } from "@/lib/incidents/slo-impact";
import { MINUTES_PER_DAY, toEpochMinute } from "@/lib/slo/math";
import { sloAccess } from "@/lib/slo/slos.server";

interface RangeSum {
  good: number;
  total: number;
  /** Minutes with a sample. */
  minutes: number;
}

const RANGE_SUMS_SQL = `
  SELECT p.slo_id, p.range_key,
         coalesce(sum(x.good), 0)::float8 AS good, coalesce(sum(x.total), 0)::float8 AS total, coalesce(sum(x.minutes), 0)::float8 AS minutes
    FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[]) AS p(slo_id, range_key, grain, lo, hi)
    CROSS JOIN LATERAL (
      SELECT m.good, m.total, 1 AS minutes FROM slo_samples m
       WHERE p.grain = 'm' AND m.slo_id = p.slo_id
         AND m.minute >= TIMESTAMP '1970-01-01' + p.lo * INTERVAL '1 minute' AND m.minute < TIMESTAMP '1970-01-01' + p.hi * INTERVAL '1 minute'
      UNION ALL
      SELECT h.good, h.total, h.minutes FROM slo_sample_hours h
       WHERE p.grain = 'h' AND h.slo_id = p.slo_id
         AND h.hour >= TIMESTAMP '1970-01-01' + p.lo * INTERVAL '1 minute' AND h.hour < TIMESTAMP '1970-01-01' + p.hi * INTERVAL '1 minute'
      UNION ALL
      SELECT d.good, d.total, d.minutes FROM slo_sample_days d
       WHERE p.grain = 'd' AND d.slo_id = p.slo_id
         AND d.day >= TIMESTAMP '1970-01-01' + p.lo * INTERVAL '1 minute' AND d.day < TIMESTAMP '1970-01-01' + p.hi * INTERVAL '1 minute'
    ) AS x
   GROUP BY p.slo_id, p.range_key`;

/**
 * Sums each SLO's named ranges in one query: every range is split into edge minutes, edge hours and whole
 * days (splitRange), so a 30-day range reads about 30 day rows, not 43,200 minutes.
 */
export async function sumSloRanges(db: Db | Tx, ranges: { sloId: string; key: string; range: MinuteRange }[]): Promise<Map<string, RangeSum>> {
  const columns = { slo: [] as string[], key: [] as string[], grain: [] as string[], lo: [] as number[], hi: [] as number[] };
  for (const { sloId, key, range } of ranges) {
    const parts = splitRange(range);
    for (const [grain, list] of [["m", parts.minutes], ["h", parts.hours], ["d", parts.days]] as const) {
      for (const part of list) {
        columns.slo.push(sloId);
        columns.key.push(key);
        columns.grain.push(grain);
        columns.lo.push(part.from);
        columns.hi.push(part.to);
      }
    }
  }
  const result = new Map<string, RangeSum>();
  if (columns.slo.length === 0) return result;
  type Row = { slo_id: string; range_key: string; good: number; total: number; minutes: number };
  // JIT off, as for the SLO reports: the planner's guesses for the lateral scans make it compile for seconds.
  const run = async (tx: Tx) => {
    await tx.$executeRawUnsafe("SET LOCAL jit = off");
    return tx.$queryRawUnsafe<Row[]>(RANGE_SUMS_SQL, columns.slo, columns.key, columns.grain, columns.lo, columns.hi);
  };
  // A transaction client has no $transaction of its own: SET LOCAL then lasts until the caller's ends.
  const rows = "$transaction" in db ? await (db as Db).$transaction(run) : await run(db as Tx);
  for (const row of rows) result.set(`${row.slo_id}:${row.range_key}`, { good: Number(row.good), total: Number(row.total), minutes: Number(row.minutes) });
  return result;
}

const incidentImpactSelect = {
  id: true,
  status: true,
  declaredAt: true,
  impactStartedAt: true,
  detectedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
  services: { select: { service: { select: { name: true, slos: { select: { id: true, name: true, objective: true, windowDays: true }, orderBy: { name: "asc" as const } } } } }, orderBy: { service: { name: "asc" as const } } },
} as const;

export type IncidentSloImpact = IncidentSloImpactJson;

/** The budget each SLO of the incident's affected services lost in its impact window (no access check). */
export async function loadSloImpact(db: Db | Tx, incidentId: string, now: Date): Promise<IncidentSloImpact> {
  const incident = await db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentImpactSelect });
  const window = incidentImpactWindow(incident, now);
  if (!window) return { window: null, slos: [] };
  const slos = incident.services.flatMap(({ service }) => service.slos.map((slo) => ({ ...slo, serviceName: service.name })));
  const ranges = slos.flatMap((slo) => {
    const { incident: during, slo: rolling } = impactRanges(window, slo.windowDays);
    return [
      { sloId: slo.id, key: "incident", range: during },
      { sloId: slo.id, key: "window", range: rolling },
    ];
  });
  const sums = await sumSloRanges(db, ranges);
  const empty: RangeSum = { good: 0, total: 0, minutes: 0 };
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString(), open: window.open },
    slos: slos.map((slo) => {
      const during = sums.get(`${slo.id}:incident`) ?? empty;
      const rolling = sums.get(`${slo.id}:window`) ?? empty;
      return {
        sloId: slo.id,
        serviceName: slo.serviceName,
        sloName: slo.name,
        objective: slo.objective,
        windowDays: slo.windowDays,
        good: during.good,
        total: during.total,
        ...budgetImpactOf(slo, during, rolling),
      };
    }),
  };
}

/** The error budget each SLO of an incident's affected services consumed during the incident. */
export async function getIncidentSloImpact(actor: Actor, incidentId: string, now: Date = new Date()): Promise<IncidentSloImpact> {
  const db = getDb();
  await incidentAccess(db, actor, incidentId, "read");
  return loadSloImpact(db, incidentId, now);
}

/**
 * The incidents to mark on an SLO's charts: those affecting its service whose impact window overlaps the
 * SLO's window, oldest first, from the actor's teams only.
 */
export async function listSloIncidentMarkers(actor: Actor, sloId: string, now: Date = new Date()): Promise<IncidentMarker[]> {
  const db = getDb();
  const { slo } = await sloAccess(db, actor, sloId);
  const teamIds = await visibleTeamIds(db, actor);
  const windowStart = new Date((toEpochMinute(now) - slo.windowDays * MINUTES_PER_DAY + 1) * 60_000);
  const incidents = await db.incident.findMany({
    where: {
      teamId: { in: teamIds },
      status: { not: "CANCELLED" },
      services: { some: { serviceId: slo.serviceId } },
      // Declared before now and not over before the window: the exact overlap is checked below.
      OR: [{ mitigatedAt: null, resolvedAt: null }, { mitigatedAt: { gte: windowStart } }, { mitigatedAt: null, resolvedAt: { gte: windowStart } }],
    },
    select: { id: true, number: true, title: true, severity: true, status: true, declaredAt: true, impactStartedAt: true, detectedAt: true, mitigatedAt: true, resolvedAt: true },
    orderBy: { declaredAt: "asc" },
    take: 100,
  });
  return incidents.flatMap((incident) => {
    const window = incidentImpactWindow(incident, now);
    if (!window || window.to.getTime() < windowStart.getTime() || window.from.getTime() > now.getTime()) return [];
    return [
      {
        id: incident.id,
        reference: incidentReference(incident.number),
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        open: window.open,
      },
    ];
  });
}
