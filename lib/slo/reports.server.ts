// SLO reports and chart series, aggregated in PostgreSQL: no minute row ever reaches Node (ADR 006).
//
// A window of L minutes ending at the current minute T holds the minutes T − L + 1 … T. With Hc the start of
// T's hour and Dc the start of T's (UTC) day:
//   5 min, 30 min, 1 h            minutes of the last hour                         (60 rows)
//   2 h, 6 h, 1 d                 its first, partial hour's minutes  [T − L + 1, Hc − L + 60)
//                               + hours                                [Hc − L + 60, Hc)
//                               + minutes of the current hour         [Hc, T]
//   3 d and the SLO window        its first, partial hour's minutes
//                               + hours of its first, partial day     [Hc − L + 60, Dc − L + 1440)
//                               + days                                 [Dc − L + 1440, Dc)
//                               + hours of the current day            [Dc, Hc)
//                               + minutes of the current hour
// A first, partial hour of 59 − k minutes (k = T − Hc) is read as those minutes when k ≥ 29, otherwise as
// that hour's rollup minus its k + 1 minutes before the window: never more than 29 rows. So a 30-day report
// reads ≤ 60 + 5 × 29 minutes, ≤ 71 hours and ≤ 29 days per SLO, whatever the traffic. The pure module
// (lib/slo/math.ts) turns the sums into the report; an integration test checks they equal its sums.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { burnWindows, compareWorstFirst, errorBudgetOf, evaluateSlo, MINUTES_PER_DAY, toEpochMinute, type BurnWindow, type EventCounts, type SloReport, type WindowCounts } from "@/lib/slo/math";
import { teamAccess } from "@/lib/auth/authorize";
import { serviceAccess } from "@/lib/services/services.server";
import { findSloDefinitions, sloAccess, type SloDefinition } from "@/lib/slo/slos.server";

type CountsRow = Record<string, number | string | null> & { slo_id: string; last_minute: number | null };

const floorTo = (minute: number, size: number) => minute - (((minute % size) + size) % size);

/** The windows the SQL below is written for: it must change if lib/slo/math.ts's windows do. */
const expectedWindows = "5m:5,30m:30,1h:60,2h:120,6h:360,1d:1440,3d:4320";
if (burnWindows.map((window) => `${window.key}:${window.minutes}`).join(",") !== expectedWindows) {
  throw new Error("lib/slo/reports.server.ts sums 5m, 30m, 1h, 2h, 6h, 1d and 3d windows: update its SQL with the new windows");
}

/** The windows with a first, partial hour, and their lengths in minutes (the SLO's own comes from the row). */
const EDGE_WINDOWS = `('2h', 120), ('6h', 360), ('1d', 1440), ('3d', 4320), ('window', t.w)`;
const EDGE_SUMS = ["2h", "6h", "1d", "3d", "window"].map((key) => `sum(x.good) FILTER (WHERE e.name = '${key}') AS g_${key}, sum(x.total) FILTER (WHERE e.name = '${key}') AS t_${key}`).join(",\n           ");

/** The first, partial hour of each window, as its remaining minutes (few of them left: k ≥ 29). */
const EDGES_AS_MINUTES = `
      CROSS JOIN LATERAL (
        SELECT m.good, m.total FROM slo_samples m
         WHERE m.slo_id = t.id AND m.minute > p.t_end - e.l * INTERVAL '1 minute' AND m.minute < p.h_cur - (e.l - 60) * INTERVAL '1 minute'
      ) AS x`;

/** The first, partial hour of each window, as the hour's rollup minus its minutes before the window (k < 29). */
const EDGES_AS_HOUR_MINUS_MINUTES = `
      CROSS JOIN LATERAL (
        SELECT coalesce(hr.good, 0) - coalesce(mn.good, 0) AS good, coalesce(hr.total, 0) - coalesce(mn.total, 0) AS total
          FROM (SELECT sum(h.good) AS good, sum(h.total) AS total FROM slo_sample_hours h
                 WHERE h.slo_id = t.id AND h.hour = p.h_cur - e.l * INTERVAL '1 minute') AS hr,
               (SELECT sum(m.good) AS good, sum(m.total) AS total FROM slo_samples m
                 WHERE m.slo_id = t.id AND m.minute >= p.h_cur - e.l * INTERVAL '1 minute' AND m.minute <= p.t_end - e.l * INTERVAL '1 minute') AS mn
      ) AS x`;

const SUMS_SQL = `
  SELECT t.id AS slo_id,
    coalesce(recent.g_5m, 0)::float8 AS g_5m, coalesce(recent.t_5m, 0)::float8 AS t_5m,
    coalesce(recent.g_30m, 0)::float8 AS g_30m, coalesce(recent.t_30m, 0)::float8 AS t_30m,
    coalesce(recent.g_1h, 0)::float8 AS g_1h, coalesce(recent.t_1h, 0)::float8 AS t_1h,
    (coalesce(edges.g_2h, 0) + coalesce(hours.g_2h, 0) + coalesce(recent.g_cur, 0))::float8 AS g_2h,
    (coalesce(edges.t_2h, 0) + coalesce(hours.t_2h, 0) + coalesce(recent.t_cur, 0))::float8 AS t_2h,
    (coalesce(edges.g_6h, 0) + coalesce(hours.g_6h, 0) + coalesce(recent.g_cur, 0))::float8 AS g_6h,
    (coalesce(edges.t_6h, 0) + coalesce(hours.t_6h, 0) + coalesce(recent.t_cur, 0))::float8 AS t_6h,
    (coalesce(edges.g_1d, 0) + coalesce(hours.g_1d, 0) + coalesce(recent.g_cur, 0))::float8 AS g_1d,
    (coalesce(edges.t_1d, 0) + coalesce(hours.t_1d, 0) + coalesce(recent.t_cur, 0))::float8 AS t_1d,
    (coalesce(edges.g_3d, 0) + coalesce(first_day.g_3d, 0) + coalesce(days.g_3d, 0) + coalesce(hours.g_today, 0) + coalesce(recent.g_cur, 0))::float8 AS g_3d,
    (coalesce(edges.t_3d, 0) + coalesce(first_day.t_3d, 0) + coalesce(days.t_3d, 0) + coalesce(hours.t_today, 0) + coalesce(recent.t_cur, 0))::float8 AS t_3d,
    (coalesce(edges.g_window, 0) + coalesce(first_day.g_window, 0) + coalesce(days.g_window, 0) + coalesce(hours.g_today, 0) + coalesce(recent.g_cur, 0))::float8 AS g_window,
    (coalesce(edges.t_window, 0) + coalesce(first_day.t_window, 0) + coalesce(days.t_window, 0) + coalesce(hours.t_today, 0) + coalesce(recent.t_cur, 0))::float8 AS t_window,
    -- The newest minute: from the last hour's scan when it has one (the usual case); only otherwise a search
    -- back through every partition (a Merge Append per SLO, a fifth of the query at 500 SLOs).
    (EXTRACT(EPOCH FROM coalesce(recent.last_recent,
      (SELECT l.minute FROM slo_samples l WHERE l.slo_id = t.id AND l.minute <= p.t_end ORDER BY l.minute DESC LIMIT 1))) / 60)::float8 AS last_minute
  FROM (
    -- Every bound computed once here, so the FILTERs below compare columns instead of computing per row.
    SELECT TIMESTAMP '1970-01-01' + $2::int * INTERVAL '1 minute' AS t_end,
           TIMESTAMP '1970-01-01' + ($2::int - 5) * INTERVAL '1 minute' AS t_5m,
           TIMESTAMP '1970-01-01' + ($2::int - 30) * INTERVAL '1 minute' AS t_30m,
           TIMESTAMP '1970-01-01' + ($2::int - 60) * INTERVAL '1 minute' AS t_1h,
           TIMESTAMP '1970-01-01' + $3::int * INTERVAL '1 minute' AS h_cur,
           TIMESTAMP '1970-01-01' + ($3::int - 60) * INTERVAL '1 minute' AS h_2h,
           TIMESTAMP '1970-01-01' + ($3::int - 300) * INTERVAL '1 minute' AS h_6h,
           TIMESTAMP '1970-01-01' + ($3::int - 1380) * INTERVAL '1 minute' AS h_1d,
           TIMESTAMP '1970-01-01' + $4::int * INTERVAL '1 minute' AS d_cur,
           TIMESTAMP '1970-01-01' + ($4::int - 2880) * INTERVAL '1 minute' AS d_3d
  ) AS p
  CROSS JOIN (SELECT s.id, s.window_days * ${MINUTES_PER_DAY} AS w FROM slos s WHERE /* scope */ AND (hashtext(s.id) & 2147483647) % $5::int = $6::int) AS t
  -- Minutes of the last hour: the short windows, and the current hour of the longer ones.
  CROSS JOIN LATERAL (
    SELECT sum(m.good) FILTER (WHERE m.minute > p.t_5m) AS g_5m, sum(m.total) FILTER (WHERE m.minute > p.t_5m) AS t_5m,
           sum(m.good) FILTER (WHERE m.minute > p.t_30m) AS g_30m, sum(m.total) FILTER (WHERE m.minute > p.t_30m) AS t_30m,
           sum(m.good) AS g_1h, sum(m.total) AS t_1h,
           sum(m.good) FILTER (WHERE m.minute >= p.h_cur) AS g_cur, sum(m.total) FILTER (WHERE m.minute >= p.h_cur) AS t_cur,
           max(m.minute) AS last_recent
      FROM slo_samples m
     WHERE m.slo_id = t.id AND m.minute > p.t_1h AND m.minute <= p.t_end
  ) AS recent
  -- Hours of the last 23: the 2 h, 6 h and 1 d windows, and the current day of the long ones.
  CROSS JOIN LATERAL (
    SELECT sum(h.good) FILTER (WHERE h.hour >= p.h_2h) AS g_2h, sum(h.total) FILTER (WHERE h.hour >= p.h_2h) AS t_2h,
           sum(h.good) FILTER (WHERE h.hour >= p.h_6h) AS g_6h, sum(h.total) FILTER (WHERE h.hour >= p.h_6h) AS t_6h,
           sum(h.good) AS g_1d, sum(h.total) AS t_1d,
           sum(h.good) FILTER (WHERE h.hour >= p.d_cur) AS g_today, sum(h.total) FILTER (WHERE h.hour >= p.d_cur) AS t_today
      FROM slo_sample_hours h
     WHERE h.slo_id = t.id AND h.hour >= p.h_1d AND h.hour < p.h_cur
  ) AS hours
  -- Whole days of the long windows.
  CROSS JOIN LATERAL (
    SELECT sum(d.good) FILTER (WHERE d.day >= p.d_3d) AS g_3d, sum(d.total) FILTER (WHERE d.day >= p.d_3d) AS t_3d,
           sum(d.good) AS g_window, sum(d.total) AS t_window
      FROM slo_sample_days d
     WHERE d.slo_id = t.id AND d.day >= p.d_cur - (t.w - ${MINUTES_PER_DAY}) * INTERVAL '1 minute' AND d.day < p.d_cur
  ) AS days
  -- Hours of the long windows' first, partial day.
  CROSS JOIN LATERAL (
    SELECT sum(h.good) FILTER (WHERE e.name = '3d') AS g_3d, sum(h.total) FILTER (WHERE e.name = '3d') AS t_3d,
           sum(h.good) FILTER (WHERE e.name = 'window') AS g_window, sum(h.total) FILTER (WHERE e.name = 'window') AS t_window
      FROM (VALUES ('3d', 4320), ('window', t.w)) AS e(name, l)
      CROSS JOIN LATERAL (
        SELECT h.good, h.total FROM slo_sample_hours h
         WHERE h.slo_id = t.id AND h.hour >= p.h_cur - (e.l - 60) * INTERVAL '1 minute' AND h.hour < p.d_cur - (e.l - ${MINUTES_PER_DAY}) * INTERVAL '1 minute'
      ) AS h
  ) AS first_day
  -- Every window's first, partial hour.
  CROSS JOIN LATERAL (
    SELECT ${EDGE_SUMS}
      FROM (VALUES ${EDGE_WINDOWS}) AS e(name, l)
      /* edges */
  ) AS edges`;

/**
 * Runs a report query with JIT compilation off. The planner's row guesses for the LATERAL range scans are
 * pessimistic, which pushed the estimated cost over jit_above_cost and spent 3.8 s compiling a query that
 * runs in milliseconds; these are short queries that JIT never pays off for.
 */
async function withoutJit<T>(sql: string, ...values: unknown[]): Promise<T> {
  const db = getDb();
  const [, rows] = await db.$transaction([db.$executeRawUnsafe("SET LOCAL jit = off"), db.$queryRawUnsafe<T>(sql, ...values)]);
  return rows as T;
}

/** How many queries side by side sum a scope's SLOs (see sumWindows). */
const SUM_PARTS = 2;

/** Which SLOs to sum: given ones, or all of a team's or a service's (no access check: callers do that). */
export type SumScope = { ids: readonly string[] } | { teamId: string } | { serviceId: string };

const scopeClause = { ids: "s.id = ANY($1::text[])", teamId: "s.team_id = $1", serviceId: "s.service_id = $1" } as const;

/** The SQL sums of every window of the SLOs in scope at minute `nowMinute`. */
export async function sumWindows(scope: SumScope, nowMinute: number): Promise<Map<string, { counts: WindowCounts; lastMinute: number | null }>> {
  const result = new Map<string, { counts: WindowCounts; lastMinute: number | null }>();
  if ("ids" in scope && scope.ids.length === 0) return result;
  const [kind, value] = "ids" in scope ? (["ids", `{${scope.ids.join(",")}}`] as const) : "teamId" in scope ? (["teamId", scope.teamId] as const) : (["serviceId", scope.serviceId] as const);
  // Past minute 29 of the hour, few minutes of each window's first hour are left to read; before it, fewer
  // minutes of that hour precede the window: read whichever side is smaller.
  const minuteOfHour = nowMinute - floorTo(nowMinute, 60);
  const sql = SUMS_SQL.replace("/* scope */", scopeClause[kind]).replace("/* edges */", minuteOfHour >= 29 ? EDGES_AS_MINUTES : EDGES_AS_HOUR_MINUS_MINUTES);
  // The SLOs in SUM_PARTS shares by a hash of their id, summed side by side on as many connections: each
  // share is an independent query, so PostgreSQL runs them on separate cores (a team list of 500 SLOs takes
  // about half as long on two). PostgreSQL's own parallel query does not apply: its estimate of a scope's
  // SLOs is a guess, and a fresh worker process would pay the partitions' catalog lookups every time.
  const shares = await Promise.all(
    Array.from({ length: SUM_PARTS }, (_, part) =>
      withoutJit<CountsRow[]>(sql, value, nowMinute, floorTo(nowMinute, 60), floorTo(nowMinute, MINUTES_PER_DAY), SUM_PARTS, part),
    ),
  );
  for (const row of shares.flat()) {
    const counts = (key: string): EventCounts => ({ good: Number(row[`g_${key}`]), total: Number(row[`t_${key}`]) });
    result.set(row.slo_id, {
      counts: { window: counts("window"), burn: Object.fromEntries(burnWindows.map((window) => [window.key, counts(window.key)])) as Record<BurnWindow, EventCounts> },
      lastMinute: row.last_minute === null ? null : Number(row.last_minute),
    });
  }
  return result;
}

export interface SloWithReport {
  definition: SloDefinition;
  report: SloReport;
  /** The newest minute with a sample, as an ISO time, or null. */
  lastSampleAt: string | null;
}

function reportsFor(definitions: SloDefinition[], sums: Awaited<ReturnType<typeof sumWindows>>): SloWithReport[] {
  const empty: WindowCounts = { window: { good: 0, total: 0 }, burn: Object.fromEntries(burnWindows.map((window) => [window.key, { good: 0, total: 0 }])) as Record<BurnWindow, EventCounts> };
  return definitions
    .map((definition) => {
      const sum = sums.get(definition.id);
      return {
        definition,
        report: evaluateSlo(definition, sum?.counts ?? empty),
        lastSampleAt: sum?.lastMinute == null ? null : new Date(sum.lastMinute * 60_000).toISOString(),
      };
    })
    .sort((a, b) => compareWorstFirst({ name: a.definition.name, report: a.report }, { name: b.definition.name, report: b.report }));
}

/** The definitions and the window sums of a scope, read side by side (two queries, one wait). */
async function reportsOfScope(scope: { teamId: string } | { serviceId: string }, now: Date): Promise<SloWithReport[]> {
  const [definitions, sums] = await Promise.all([findSloDefinitions(scope), sumWindows(scope, toEpochMinute(now))]);
  return reportsFor(definitions, sums);
}

/** Every SLO of a team with its current report, worst first. */
export async function listTeamSloReports(actor: Actor, teamSlug: string, now: Date = new Date()) {
  const access = await teamAccess(getDb(), actor, { slug: teamSlug });
  return { team: access.team, role: access.role, slos: await reportsOfScope({ teamId: access.team.id }, now), asOf: now.toISOString() };
}

/** Every SLO of a service with its current report, worst first. */
export async function listServiceSloReports(actor: Actor, serviceId: string, now: Date = new Date()) {
  const { service, access } = await serviceAccess(getDb(), actor, serviceId);
  return { team: access.team, role: access.role, slos: await reportsOfScope({ serviceId: service.id }, now), asOf: now.toISOString() };
}

/** One SLO with its current report. */
export async function getSloReport(actor: Actor, sloId: string, now: Date = new Date()) {
  const { slo, access } = await sloAccess(getDb(), actor, sloId);
  const [withReport] = reportsFor([slo], await sumWindows({ ids: [slo.id] }, toEpochMinute(now)));
  return { ...withReport, role: access.role, asOf: now.toISOString() };
}

export const seriesRanges = ["6h", "1d", "3d", "window"] as const;
export type SeriesRange = (typeof seriesRanges)[number];

export interface SliPoint {
  /** The end of the bucket (exclusive), as an ISO time. */
  at: string;
  good: number;
  total: number;
  /** good ÷ total in the bucket, null without events. */
  sli: number | null;
}

export interface BurndownPoint {
  at: string;
  /** Budget left if the window ended here: 1 − bad so far ÷ (budget × the window's events). */
  remaining: number | null;
  /** The even pace that spends exactly the whole budget by the end of the window. */
  ideal: number;
}

export interface SloSeries {
  range: SeriesRange;
  bucketMinutes: number;
  sli: SliPoint[];
  burndown: BurndownPoint[];
  burndownBucketMinutes: number;
}

/** Chart resolution: at most ~240 points per chart, whatever the range. */
const minuteRangeBuckets: Record<Exclude<SeriesRange, "window">, { minutes: number; bucket: number }> = {
  "6h": { minutes: 360, bucket: 2 },
  "1d": { minutes: 1_440, bucket: 10 },
  "3d": { minutes: 4_320, bucket: 30 },
};

/** Hours per point over a whole window: 7 days → 1 h (168 points), 28 and 30 days → 3 h (224 and 240). */
const hoursPerWindowBucket = (windowDays: number) => (windowDays <= 7 ? 1 : 3);

interface BucketRow {
  bucket: number;
  good: number;
  total: number;
}

/**
 * Sums a range that ends at T into buckets counted back from T (bucket 0 holds T). For whole windows the
 * buckets are groups of hours (rollups, plus the partial first and current hours from minutes).
 */
async function bucketSums(sloId: string, nowMinute: number, rangeMinutes: number, bucketMinutes: number, useHours: boolean): Promise<BucketRow[]> {
  const currentHour = nowMinute - (((nowMinute % 60) + 60) % 60);
  const db = getDb();
  if (!useHours) {
    const [, rows] = await db.$transaction([
      db.$executeRawUnsafe("SET LOCAL jit = off"),
      db.$queryRaw<BucketRow[]>`
      SELECT ((${nowMinute}::int - (EXTRACT(EPOCH FROM minute) / 60)::int) / ${bucketMinutes}::int)::int AS bucket,
             sum(good)::float8 AS good, sum(total)::float8 AS total
        FROM slo_samples
       WHERE slo_id = ${sloId}
         AND minute > TIMESTAMP '1970-01-01' + (${nowMinute}::int - ${rangeMinutes}::int) * INTERVAL '1 minute'
         AND minute <= TIMESTAMP '1970-01-01' + ${nowMinute}::int * INTERVAL '1 minute'
       GROUP BY 1`,
    ]);
    return rows;
  }
  // Hour index 0 is the current (partial) hour, rangeMinutes/60 the window's first (partial) hour.
  const hoursPerBucket = bucketMinutes / 60;
  const [, rows] = await db.$transaction([
    db.$executeRawUnsafe("SET LOCAL jit = off"),
    db.$queryRaw<BucketRow[]>`
    WITH parts AS (
      SELECT ((${currentHour}::int - (EXTRACT(EPOCH FROM hour) / 60)::int) / 60) AS hour_index, good, total
        FROM slo_sample_hours
       WHERE slo_id = ${sloId}
         AND hour >= TIMESTAMP '1970-01-01' + (${currentHour}::int - ${rangeMinutes}::int + 60) * INTERVAL '1 minute'
         AND hour < TIMESTAMP '1970-01-01' + ${currentHour}::int * INTERVAL '1 minute'
      UNION ALL
      SELECT CASE WHEN minute >= TIMESTAMP '1970-01-01' + ${currentHour}::int * INTERVAL '1 minute' THEN 0 ELSE ${rangeMinutes / 60}::int END, good, total
        FROM slo_samples
       WHERE slo_id = ${sloId}
         AND minute > TIMESTAMP '1970-01-01' + (${nowMinute}::int - ${rangeMinutes}::int) * INTERVAL '1 minute'
         AND minute <= TIMESTAMP '1970-01-01' + ${nowMinute}::int * INTERVAL '1 minute'
         AND (minute >= TIMESTAMP '1970-01-01' + ${currentHour}::int * INTERVAL '1 minute'
              OR minute < TIMESTAMP '1970-01-01' + (${currentHour}::int - ${rangeMinutes}::int + 60) * INTERVAL '1 minute')
    )
    SELECT (hour_index / ${hoursPerBucket}::int)::int AS bucket, sum(good)::float8 AS good, sum(total)::float8 AS total
      FROM parts GROUP BY 1`,
  ]);
  return rows;
}

/** Turns sparse bucket sums into a full series, oldest first, with bucket-end times. */
function fillBuckets(rows: BucketRow[], count: number, endOfBucket: (bucket: number) => number): { at: number; good: number; total: number }[] {
  const byBucket = new Map(rows.map((row) => [Number(row.bucket), row]));
  const points: { at: number; good: number; total: number }[] = [];
  for (let bucket = count - 1; bucket >= 0; bucket--) {
    const row = byBucket.get(bucket);
    points.push({ at: endOfBucket(bucket), good: row ? Number(row.good) : 0, total: row ? Number(row.total) : 0 });
  }
  return points;
}

/** The SLI chart over `range` and the burndown over the SLO's whole window, downsampled in SQL. */
export async function getSloSeries(actor: Actor, sloId: string, range: SeriesRange, now: Date = new Date()): Promise<SloSeries> {
  const { slo } = await sloAccess(getDb(), actor, sloId);
  const nowMinute = toEpochMinute(now);
  const currentHour = nowMinute - (((nowMinute % 60) + 60) % 60);
  const windowMinutes = slo.windowDays * MINUTES_PER_DAY;
  const windowBucketMinutes = hoursPerWindowBucket(slo.windowDays) * 60;
  const windowRows = await bucketSums(slo.id, nowMinute, windowMinutes, windowBucketMinutes, true);
  // Bucket b holds hour indexes b·k … b·k + k − 1 and ends when its newest hour ends: for b = 0 that is
  // just after the current minute, otherwise at the end of hour index b·k, i.e. Hc − 60·b·k + 60.
  const hoursPerBucket = windowBucketMinutes / 60;
  const windowPoints = fillBuckets(windowRows, Math.floor(windowMinutes / 60 / hoursPerBucket) + 1, (bucket) =>
    bucket === 0 ? nowMinute + 1 : currentHour - 60 * bucket * hoursPerBucket + 60,
  );

  const windowTotal = windowPoints.reduce((sum, point) => sum + point.total, 0);
  const budgetEvents = errorBudgetOf(slo.objective) * windowTotal;
  const windowStart = nowMinute - windowMinutes + 1;
  let badSoFar = 0;
  const burndown: BurndownPoint[] = windowPoints.map((point) => {
    badSoFar += point.total - point.good;
    const elapsed = Math.min(1, Math.max(0, (point.at - windowStart) / windowMinutes));
    return { at: new Date(point.at * 60_000).toISOString(), remaining: windowTotal > 0 ? 1 - badSoFar / budgetEvents : null, ideal: 1 - elapsed };
  });

  let sliPoints: { at: number; good: number; total: number }[];
  let bucketMinutes: number;
  if (range === "window") {
    sliPoints = windowPoints;
    bucketMinutes = windowBucketMinutes;
  } else {
    const { minutes, bucket } = minuteRangeBuckets[range];
    bucketMinutes = bucket;
    const rows = await bucketSums(slo.id, nowMinute, minutes, bucket, false);
    sliPoints = fillBuckets(rows, Math.ceil(minutes / bucket), (index) => nowMinute + 1 - index * bucket);
  }
  return {
    range,
    bucketMinutes,
    burndownBucketMinutes: windowBucketMinutes,
    sli: sliPoints.map((point) => ({ at: new Date(point.at * 60_000).toISOString(), good: point.good, total: point.total, sli: point.total > 0 ? point.good / point.total : null })),
    burndown,
  };
}
