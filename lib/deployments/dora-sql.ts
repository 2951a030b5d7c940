// The DORA query: every figure of two periods (current and previous) and the current period's buckets, in
// one statement. Kept apart from the data-access code so that the definitions read as one piece.
//
// Parameters: $1 team ids (text[]), $2 one service id or NULL, $3 environment, $4 previous period start,
// $5 current period start, $6 end (exclusive), $7 attribution window in seconds, $8 bucket unit ('day'|'week').
//
// Definitions (docs/decisions/018-deployments-and-dora.md):
// - A deployment counts when it finished (SUCCEEDED, FAILED, ROLLED_BACK) and started inside the period.
// - Frequency counts successful deployments.
// - Lead time: for each commit a successful deployment shipped, finish minus author time. A commit with no
//   positive lead time (a merge commit made at push time) is not a change and is left out.
// - Change failure: a FAILED or ROLLED_BACK deployment; or one an incident is linked to explicitly; or the
//   last successful deployment of an affected service before an incident began, when the incident began
//   within the attribution window after it finished. A deployment counts once however many incidents.
// - Recovery time of a failure: from the start of its incidents to the last one's mitigation (or
//   resolution); for a failure without incidents, to the next successful deployment of the service
//   (looked for within 30 days: a service that has not succeeded since counts as not recovered).
// - Rework: a deployment the client marked as such, or the next deployment of a service after a change
//   failure, started before that failure was recovered (a failed deployment has not recovered until one
//   succeeds, so every next deployment after it is rework).
/**
 * Which deployments failed (the change-failure definition above), shared by DORA_SQL and the facts refresh
 * (lib/deployments/dora-facts-sql.ts) so the two cannot drift apart: `linked`, `caused` and `flagged` CTEs
 * over `source` (a CTE of deployments with id and status), after an `attributed` CTE of the same shape as
 * `linked` (deployment, incident, began, restored).
 */
export const failureCtes = (source: string) => `linked AS (
  SELECT l.deployment_id, l.incident_id, coalesce(i.impact_started_at, i.declared_at) AS began, coalesce(i.mitigated_at, i.resolved_at) AS restored
  FROM incident_deployment_links l JOIN incidents i ON i.id = l.incident_id
  WHERE l.deployment_id IN (SELECT id FROM ${source})
),
caused AS (
  SELECT deployment_id, min(began) AS began,
         CASE WHEN bool_or(restored IS NULL) THEN NULL ELSE max(restored) END AS restored
  FROM (SELECT * FROM attributed UNION SELECT * FROM linked) causes
  GROUP BY deployment_id
),
flagged AS (
  SELECT s.*, (s.status IN ('FAILED', 'ROLLED_BACK') OR c.deployment_id IS NOT NULL) AS failure,
         c.deployment_id IS NOT NULL AS has_incidents, c.began, c.restored
  FROM ${source} s LEFT JOIN caused c ON c.deployment_id = s.id
)`;

/** Median and p90 lead time, and the number of changes, per period and bucket, from a `lead` CTE (cur, bucket, seconds). */
const LEAD_FIGURES = `lead_figures AS (
  SELECT cur, CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS lead_median,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS lead_p90,
    count(*)::int AS changes
  FROM lead
  GROUP BY GROUPING SETS ((cur), (cur, bucket))
)`;

export const DORA_SQL = `
WITH scope_services AS (
  SELECT id FROM services WHERE team_id = ANY($1::text[]) AND ($2::text IS NULL OR id = $2::text)
),
d AS (
  SELECT d.id, d.service_id, d.status, d.started_at, d.finished_at, d.rework, d.started_at >= $5::timestamp AS cur
  FROM deployments d
  WHERE d.team_id = ANY($1::text[]) AND ($2::text IS NULL OR d.service_id = $2::text) AND d.environment = $3::text
    AND d.status <> 'STARTED' AND d.started_at >= $4::timestamp AND d.started_at < $6::timestamp
),
inc AS (
  SELECT i.id, s.service_id, coalesce(i.impact_started_at, i.declared_at) AS began, coalesce(i.mitigated_at, i.resolved_at) AS restored
  FROM incidents i JOIN incident_services s ON s.incident_id = i.id
  WHERE s.service_id IN (SELECT id FROM scope_services)
    AND coalesce(i.impact_started_at, i.declared_at) >= $4::timestamp
    AND coalesce(i.impact_started_at, i.declared_at) < $6::timestamp + make_interval(secs => $7::double precision)
),
attributed AS (
  SELECT last.id AS deployment_id, inc.id AS incident_id, inc.began, inc.restored
  FROM inc CROSS JOIN LATERAL (
    SELECT x.id, x.finished_at FROM deployments x
    WHERE x.service_id = inc.service_id AND x.environment = $3::text AND x.status = 'SUCCEEDED' AND x.finished_at <= inc.began
      AND x.started_at > inc.began - interval '30 days'
    ORDER BY x.started_at DESC LIMIT 1
  ) last
  WHERE last.finished_at > inc.began - make_interval(secs => $7::double precision)
),
${failureCtes("d")},
recovered AS (
  SELECT f.*,
    CASE
      WHEN NOT f.failure THEN NULL
      WHEN f.has_incidents THEN f.restored
      -- The next successful deployment of the service, found through (service_id, environment, started_at):
      -- ORDER BY … LIMIT 1 rather than min(), so the planner neither scans nor prices every later row.
      ELSE (SELECT n.finished_at FROM deployments n
            WHERE n.service_id = f.service_id AND n.environment = $3::text AND n.status = 'SUCCEEDED' AND n.started_at > f.started_at
              AND n.started_at < f.started_at + interval '30 days'
            ORDER BY n.started_at LIMIT 1)
    END AS recovered_at,
    CASE WHEN f.has_incidents THEN f.began ELSE f.finished_at END AS failed_at
  FROM flagged f
),
ordered AS (
  SELECT r.*,
    lag(r.failure) OVER w AS prev_failure,
    lag(r.recovered_at) OVER w AS prev_recovered_at
  FROM recovered r
  WINDOW w AS (PARTITION BY r.service_id ORDER BY r.started_at, r.id)
),
final AS (
  SELECT o.*,
    (o.rework OR (coalesce(o.prev_failure, false) AND (o.prev_recovered_at IS NULL OR o.started_at <= o.prev_recovered_at))) AS is_rework,
    extract(epoch FROM o.recovered_at - o.failed_at) AS recovery_seconds,
    date_trunc($8::text, o.started_at) AS bucket
  FROM ordered o
),
lead AS (
  SELECT f.cur, f.bucket, extract(epoch FROM f.finished_at - c.authored_at) AS seconds
  FROM final f JOIN deployment_commits c ON c.deployment_id = f.id
  WHERE f.status = 'SUCCEEDED' AND f.finished_at > c.authored_at
),
deploy_figures AS (
  SELECT cur, CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket,
    count(*)::int AS deployments,
    count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS successful,
    count(*) FILTER (WHERE failure)::int AS failures,
    count(*) FILTER (WHERE is_rework)::int AS reworks,
    count(DISTINCT service_id) FILTER (WHERE status = 'SUCCEEDED')::int AS services_deployed,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY recovery_seconds) FILTER (WHERE failure AND recovery_seconds IS NOT NULL) AS recovery_median,
    count(*) FILTER (WHERE failure AND recovery_seconds IS NOT NULL)::int AS recovered,
    count(*) FILTER (WHERE failure AND recovery_seconds IS NULL)::int AS unrecovered
  FROM final
  GROUP BY GROUPING SETS ((cur), (cur, bucket))
),
${LEAD_FIGURES}
SELECT coalesce(df.cur, lf.cur) AS cur, coalesce(df.bucket, lf.bucket) AS bucket,
  coalesce(df.deployments, 0) AS deployments, coalesce(df.successful, 0) AS successful, coalesce(df.failures, 0) AS failures,
  coalesce(df.reworks, 0) AS reworks, coalesce(df.services_deployed, 0) AS services_deployed,
  df.recovery_median, coalesce(df.recovered, 0) AS recovered, coalesce(df.unrecovered, 0) AS unrecovered,
  lf.lead_median, lf.lead_p90, coalesce(lf.changes, 0) AS changes
FROM deploy_figures df
FULL JOIN lead_figures lf ON lf.cur = df.cur AND lf.bucket IS NOT DISTINCT FROM df.bucket
`;

// The same figures as DORA_SQL from the precomputed per-deployment half (lib/deployments/dora-facts.server.ts,
// for the default attribution window): the whole UTC days of each period from dora_daily_rollups, the partial
// days at the periods' edges from dora_deployment_facts. Parameters: $1–$6 as DORA_SQL's, $7 the bucket unit,
// $8–$11 the whole days: [$8, $9) of the previous period, [$10, $11) of the current one. The one definition
// that depends on the period: a deployment is rework because of its predecessor only when that predecessor
// is inside the periods ($4 on), as DORA_SQL's lag() over the periods' deployments sees it.
// A team's or the organisation's report ($2 NULL) reads the team rollups (a tenth of the rows); one service's
// reads that service's rollups.
export const doraRollupSql = (source: "team" | "service") => `
WITH edge AS (
  SELECT f.service_id, f.status, f.failure, f.recovery_seconds, f.lead_seconds,
    (f.explicit_rework OR (f.prev_rework AND f.prev_started_at >= $4::timestamp)) AS is_rework,
    f.started_at >= $5::timestamp AS cur,
    date_trunc($7::text, f.started_at) AS bucket
  FROM dora_deployment_facts f
  WHERE f.team_id = ANY($1::text[]) AND ($2::text IS NULL OR f.service_id = $2::text) AND f.environment = $3::text
    -- The three partial stretches, as ranges the index can seek (not "inside the periods and not a whole day",
    -- which reads every deployment of the periods).
    AND ((f.started_at >= $4::timestamp AND f.started_at < $8::timestamp)
      OR (f.started_at >= $9::timestamp AND f.started_at < $10::timestamp)
      OR (f.started_at >= $11::timestamp AND f.started_at < $6::timestamp))
),
days AS (
  SELECT r.deployments, r.successful, r.failures, r.recovered, r.unrecovered, r.explicit_reworks, r.rework_prev_starts,
    r.recovery_seconds, r.lead_seconds, ${source === "team" ? "r.deployed_service_ids" : "CASE WHEN r.successful > 0 THEN ARRAY[r.service_id] END"} AS deployed,
    r.day >= $5::timestamp AS cur, date_trunc($7::text, r.day) AS bucket
  FROM ${source === "team" ? "dora_team_daily_rollups" : "dora_daily_rollups"} r
  WHERE r.team_id = ANY($1::text[]) AND ${source === "team" ? "$2::text IS NULL" : "r.service_id = $2::text"} AND r.environment = $3::text
    AND ((r.day >= $8::timestamp AND r.day < $9::timestamp) OR (r.day >= $10::timestamp AND r.day < $11::timestamp))
),
counts AS (
  SELECT cur, bucket, 1 AS deployments, (status = 'SUCCEEDED')::int AS successful, failure::int AS failures,
    is_rework::int AS reworks, (failure AND recovery_seconds IS NOT NULL)::int AS recovered, (failure AND recovery_seconds IS NULL)::int AS unrecovered
  FROM edge
  UNION ALL
  SELECT cur, bucket, deployments, successful, failures,
    explicit_reworks + coalesce((SELECT count(*) FROM unnest(rework_prev_starts) p WHERE p >= $4::timestamp), 0)::int, recovered, unrecovered
  FROM days
),
deployed AS (
  SELECT cur, bucket, service_id FROM edge WHERE status = 'SUCCEEDED'
  UNION ALL
  SELECT d.cur, d.bucket, service_id FROM days d CROSS JOIN LATERAL unnest(d.deployed) service_id
),
recoveries AS (
  SELECT cur, bucket, recovery_seconds AS seconds FROM edge WHERE failure AND recovery_seconds IS NOT NULL
  UNION ALL
  SELECT d.cur, d.bucket, seconds FROM days d CROSS JOIN LATERAL unnest(d.recovery_seconds) seconds
),
lead AS (
  SELECT e.cur, e.bucket, seconds FROM edge e CROSS JOIN LATERAL unnest(e.lead_seconds) seconds
  UNION ALL
  SELECT d.cur, d.bucket, seconds FROM days d CROSS JOIN LATERAL unnest(d.lead_seconds) seconds
),
deploy_figures AS (
  SELECT cur, CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket,
    sum(deployments)::int AS deployments, sum(successful)::int AS successful, sum(failures)::int AS failures,
    sum(reworks)::int AS reworks, sum(recovered)::int AS recovered, sum(unrecovered)::int AS unrecovered
  FROM counts
  GROUP BY GROUPING SETS ((cur), (cur, bucket))
),
deployed_figures AS (
  SELECT cur, CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket, count(DISTINCT service_id)::int AS services_deployed
  FROM deployed
  GROUP BY GROUPING SETS ((cur), (cur, bucket))
),
recovery_figures AS (
  SELECT cur, CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS recovery_median
  FROM recoveries
  GROUP BY GROUPING SETS ((cur), (cur, bucket))
),
${LEAD_FIGURES}
SELECT coalesce(df.cur, lf.cur) AS cur, coalesce(df.bucket, lf.bucket) AS bucket,
  coalesce(df.deployments, 0) AS deployments, coalesce(df.successful, 0) AS successful, coalesce(df.failures, 0) AS failures,
  coalesce(df.reworks, 0) AS reworks, coalesce(sf.services_deployed, 0) AS services_deployed,
  rf.recovery_median, coalesce(df.recovered, 0) AS recovered, coalesce(df.unrecovered, 0) AS unrecovered,
  lf.lead_median, lf.lead_p90, coalesce(lf.changes, 0) AS changes
FROM deploy_figures df
LEFT JOIN deployed_figures sf ON sf.cur = df.cur AND sf.bucket IS NOT DISTINCT FROM df.bucket
LEFT JOIN recovery_figures rf ON rf.cur = df.cur AND rf.bucket IS NOT DISTINCT FROM df.bucket
FULL JOIN lead_figures lf ON lf.cur = df.cur AND lf.bucket IS NOT DISTINCT FROM df.bucket
`;
