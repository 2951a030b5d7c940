// Keeps dora_deployment_facts and dora_daily_rollups current (ADR 018, "DORA facts"). Triggers on deployments, commits, incidents,
// their services and links write dirty ranges in the changing transaction; this module turns each service's
// dirty ranges into one range of deployments whose facts may have changed, deletes and recomputes them in
// PostgreSQL (lib/deployments/dora-facts-sql.ts). A report refreshes its own scope first, so it never reads a
// stale fact; the worker refreshes everything in the background so that reports rarely have work to do.
import "server-only";
import type { Db } from "@/lib/db/client";
import { DEFAULT_ATTRIBUTION_HOURS } from "@/lib/deployments/dora";
import { REBUILD_ROLLUPS_SQL, REBUILD_TEAM_ROLLUPS_SQL, REFRESH_FACTS_SQL } from "@/lib/deployments/dora-facts-sql";

/**
 * How far a change reaches back: an incident is attributed to a deployment that started at most 30 days
 * before it, and a failure recovers by a success at most 30 days after it (DORA_SQL); one day of margin.
 */
const REACH_BACK = "31 days";

/** Whether any service of these teams (null: any service) has dirty facts. Cheap: an index probe. */
async function hasDirty(db: Db, teamIds: string[] | null): Promise<boolean> {
  const [{ dirty }] = teamIds
    ? await db.$queryRawUnsafe<{ dirty: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM dora_dirty_ranges r JOIN services s ON s.id = r.service_id WHERE s.team_id = ANY($1::text[])) AS dirty`,
        teamIds,
      )
    : await db.$queryRawUnsafe<{ dirty: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM dora_dirty_ranges) AS dirty`);
  return dirty;
}

/**
 * Recomputes the facts of every dirty service of these teams (null: of all services). Returns how many
 * services it refreshed. One refresh at a time (a transaction-level advisory lock): a second caller waits,
 * then finds the dirty rows gone.
 */
export async function refreshDoraFacts(db: Db, teamIds: string[] | null): Promise<number> {
  if (!(await hasDirty(db, teamIds))) return 0;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dora-facts'))`;
      // Take the dirty marks (whatever a concurrent writer commits later stays for the next refresh), and
      // widen each service's marks into the deployments they can affect: from 31 days before the first
      // to the first deployment after the last in each environment (its rework depends on its predecessor).
      const ranges = await tx.$queryRawUnsafe<{ service_id: string; lo: string; hi: string }[]>(
        `WITH taken AS (
           DELETE FROM dora_dirty_ranges r
           WHERE $1::text[] IS NULL OR r.service_id IN (SELECT id FROM services WHERE team_id = ANY($1::text[]))
           RETURNING r.service_id, r.from_at, r.to_at
         ),
         merged AS (SELECT service_id, min(from_at) AS from_at, max(to_at) AS to_at FROM taken GROUP BY service_id)
         SELECT m.service_id, (m.from_at - interval '${REACH_BACK}')::text AS lo,
           greatest(m.to_at, (SELECT max(next.started_at) FROM (
             SELECT DISTINCT environment FROM deployments WHERE service_id = m.service_id
           ) e CROSS JOIN LATERAL (
             SELECT n.started_at FROM deployments n
             WHERE n.service_id = m.service_id AND n.environment = e.environment AND n.status <> 'STARTED' AND n.started_at > m.to_at
             ORDER BY n.started_at LIMIT 1
           ) next))::text AS hi
         FROM merged m`,
        teamIds,
      );
      // Times travel as text: a mark of a cascade delete is ±infinity, which a Date cannot hold. Compared as
      // text below only to widen a team's days: both ends are PostgreSQL's text of a timestamp.
      const teamDays = new Map<string, { lo: string; hi: string }>();
      for (const range of ranges) {
        await tx.$executeRawUnsafe(
          `DELETE FROM dora_deployment_facts WHERE service_id = $1::text AND started_at >= $2::timestamp AND started_at <= $3::timestamp`,
          range.service_id,
          range.lo,
          range.hi,
        );
        await tx.$executeRawUnsafe(REFRESH_FACTS_SQL, range.service_id, range.lo, range.hi, DEFAULT_ATTRIBUTION_HOURS * 3600);
        // The whole days the range touches: their other facts are current, so their sums are exact.
        // The teams whose days these were (before and after: a deleted service's team is known from its old rows).
        const before = await tx.$queryRawUnsafe<{ team_id: string }[]>(
          `DELETE FROM dora_daily_rollups WHERE service_id = $1::text AND day >= date_trunc('day', $2::timestamp) AND day <= $3::timestamp RETURNING team_id`,
          range.service_id,
          range.lo,
          range.hi,
        );
        const after = await tx.$queryRawUnsafe<{ team_id: string }[]>(`${REBUILD_ROLLUPS_SQL} RETURNING team_id`, range.service_id, range.lo, range.hi);
        for (const { team_id } of [...before, ...after]) {
          const days = teamDays.get(team_id);
          teamDays.set(team_id, days ? { lo: days.lo < range.lo ? days.lo : range.lo, hi: days.hi > range.hi ? days.hi : range.hi } : { lo: range.lo, hi: range.hi });
        }
      }
      // Each team's days once, however many of its services changed.
      for (const [teamId, days] of teamDays) {
        await tx.$executeRawUnsafe(
          `DELETE FROM dora_team_daily_rollups WHERE team_id = $1::text AND day >= date_trunc('day', $2::timestamp) AND day <= $3::timestamp`,
          teamId,
          days.lo,
          days.hi,
        );
        await tx.$executeRawUnsafe(REBUILD_TEAM_ROLLUPS_SQL, [teamId], days.lo, days.hi);
      }
      return ranges.length;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
