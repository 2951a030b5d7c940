// The DORA facts of one service's deployments started in [$2, $3] (see lib/deployments/dora-facts.server.ts):
// the per-deployment half of DORA_SQL (lib/deployments/dora-sql.ts), with the same definitions, for the
// default attribution window, written to dora_deployment_facts. The change-failure CTEs are DORA_SQL's own
// (failureCtes); the rest follows DORA_SQL's wording, and dora-facts.integration.test.ts compares the two.
//
// Parameters: $1 service id, $2 first start time, $3 last start time, $4 attribution window in seconds.
// Run after deleting the service's facts in [$2, $3], in the same transaction.
import { failureCtes } from "@/lib/deployments/dora-sql";

export const REFRESH_FACTS_SQL = `
WITH target AS (
  SELECT d.id, d.team_id, d.service_id, d.environment, d.status, d.started_at, d.finished_at, d.rework
  FROM deployments d
  WHERE d.service_id = $1::text AND d.status <> 'STARTED' AND d.started_at >= $2::timestamp AND d.started_at <= $3::timestamp
),
environments AS (SELECT DISTINCT environment FROM target),
inc AS (
  SELECT i.id, coalesce(i.impact_started_at, i.declared_at) AS began, coalesce(i.mitigated_at, i.resolved_at) AS restored
  FROM incidents i JOIN incident_services s ON s.incident_id = i.id
  WHERE s.service_id = $1::text
    AND coalesce(i.impact_started_at, i.declared_at) >= $2::timestamp
    AND coalesce(i.impact_started_at, i.declared_at) < $3::timestamp + interval '31 days'
),
attributed AS (
  SELECT last.id AS deployment_id, inc.id AS incident_id, inc.began, inc.restored
  FROM inc CROSS JOIN environments e CROSS JOIN LATERAL (
    SELECT x.id, x.finished_at FROM deployments x
    WHERE x.service_id = $1::text AND x.environment = e.environment AND x.status = 'SUCCEEDED' AND x.finished_at <= inc.began
      AND x.started_at > inc.began - interval '30 days'
    ORDER BY x.started_at DESC LIMIT 1
  ) last
  WHERE last.finished_at > inc.began - make_interval(secs => $4::double precision)
    AND last.id IN (SELECT id FROM target)
),
${failureCtes("target")},
recovered AS (
  SELECT f.*,
    CASE
      WHEN NOT f.failure THEN NULL
      WHEN f.has_incidents THEN f.restored
      ELSE (SELECT n.finished_at FROM deployments n
            WHERE n.service_id = f.service_id AND n.environment = f.environment AND n.status = 'SUCCEEDED' AND n.started_at > f.started_at
              AND n.started_at < f.started_at + interval '30 days'
            ORDER BY n.started_at LIMIT 1)
    END AS recovered_at,
    CASE WHEN f.has_incidents THEN f.began ELSE f.finished_at END AS failed_at
  FROM flagged f
),
-- The deployment before the range in each environment, whose facts the refresh leaves as they are.
prior AS (
  SELECT p.deployment_id AS id, e.environment, p.started_at, p.failure, p.recovered_at
  FROM environments e CROSS JOIN LATERAL (
    SELECT f.deployment_id, f.started_at, f.failure, f.recovered_at FROM dora_deployment_facts f
    WHERE f.service_id = $1::text AND f.environment = e.environment AND f.started_at < $2::timestamp
    ORDER BY f.started_at DESC, f.deployment_id DESC LIMIT 1
  ) p
),
sequence AS (
  SELECT id, environment, started_at, failure, recovered_at, false AS in_range FROM prior
  UNION ALL
  SELECT id, environment, started_at, failure, recovered_at, true FROM recovered
),
ordered AS (
  SELECT s.id, s.in_range,
    lag(s.failure) OVER w AS prev_failure,
    lag(s.recovered_at) OVER w AS prev_recovered_at,
    lag(s.started_at) OVER w AS prev_started_at
  FROM sequence s
  WINDOW w AS (PARTITION BY s.environment ORDER BY s.started_at, s.id)
)
INSERT INTO dora_deployment_facts (deployment_id, team_id, service_id, environment, status, started_at, failure, recovered_at,
  recovery_seconds, explicit_rework, prev_rework, prev_started_at, lead_seconds)
SELECT r.id, r.team_id, r.service_id, r.environment, r.status, r.started_at, r.failure, r.recovered_at,
  CASE WHEN r.failure THEN extract(epoch FROM r.recovered_at - r.failed_at)::double precision END,
  r.rework,
  coalesce(o.prev_failure, false) AND (o.prev_recovered_at IS NULL OR r.started_at <= o.prev_recovered_at),
  o.prev_started_at,
  CASE WHEN r.status = 'SUCCEEDED' THEN
    (SELECT array_agg(extract(epoch FROM r.finished_at - c.authored_at)::double precision)
     FROM deployment_commits c WHERE c.deployment_id = r.id AND r.finished_at > c.authored_at)
  END
FROM recovered r JOIN ordered o ON o.id = r.id AND o.in_range
ON CONFLICT (deployment_id) DO UPDATE SET
  team_id = excluded.team_id, service_id = excluded.service_id, environment = excluded.environment, status = excluded.status,
  started_at = excluded.started_at, failure = excluded.failure, recovered_at = excluded.recovered_at,
  recovery_seconds = excluded.recovery_seconds, explicit_rework = excluded.explicit_rework, prev_rework = excluded.prev_rework,
  prev_started_at = excluded.prev_started_at, lead_seconds = excluded.lead_seconds
`;

// The daily rollups of one service's days from $2's day to $3's (inclusive), rebuilt from its facts. Run
// after REFRESH_FACTS_SQL for the same range and after deleting the rollups of those days.
export const REBUILD_ROLLUPS_SQL = `
WITH f AS (
  SELECT * FROM dora_deployment_facts
  WHERE service_id = $1::text AND started_at >= date_trunc('day', $2::timestamp) AND started_at < date_trunc('day', $3::timestamp) + interval '1 day'
),
lead AS (
  SELECT f.environment, date_trunc('day', f.started_at) AS day, array_agg(seconds) AS seconds
  FROM f CROSS JOIN LATERAL unnest(f.lead_seconds) seconds
  GROUP BY f.environment, date_trunc('day', f.started_at)
),
days AS (
  SELECT f.service_id, f.environment, date_trunc('day', f.started_at) AS day, min(f.team_id) AS team_id,
    count(*)::int AS deployments,
    count(*) FILTER (WHERE f.status = 'SUCCEEDED')::int AS successful,
    count(*) FILTER (WHERE f.failure)::int AS failures,
    count(*) FILTER (WHERE f.failure AND f.recovery_seconds IS NOT NULL)::int AS recovered,
    count(*) FILTER (WHERE f.failure AND f.recovery_seconds IS NULL)::int AS unrecovered,
    count(*) FILTER (WHERE f.explicit_rework)::int AS explicit_reworks,
    array_agg(f.prev_started_at) FILTER (WHERE NOT f.explicit_rework AND f.prev_rework) AS rework_prev_starts,
    array_agg(f.recovery_seconds) FILTER (WHERE f.failure AND f.recovery_seconds IS NOT NULL) AS recovery_seconds
  FROM f
  GROUP BY f.service_id, f.environment, date_trunc('day', f.started_at)
)
INSERT INTO dora_daily_rollups (service_id, environment, day, team_id, deployments, successful, failures, recovered, unrecovered,
  explicit_reworks, rework_prev_starts, recovery_seconds, lead_seconds)
SELECT d.service_id, d.environment, d.day, d.team_id, d.deployments, d.successful, d.failures, d.recovered, d.unrecovered,
  d.explicit_reworks, d.rework_prev_starts, d.recovery_seconds, l.seconds
FROM days d LEFT JOIN lead l ON l.environment = d.environment AND l.day = d.day
`;

// The team rollups of teams $1 for the days from $2's to $3's (inclusive), summed from their services' daily
// rollups. Run after deleting the team rollups of those days.
export const REBUILD_TEAM_ROLLUPS_SQL = `
WITH r AS (
  SELECT * FROM dora_daily_rollups
  WHERE team_id = ANY($1::text[]) AND day >= date_trunc('day', $2::timestamp) AND day <= $3::timestamp
)
INSERT INTO dora_team_daily_rollups (team_id, environment, day, deployments, successful, failures, recovered, unrecovered,
  explicit_reworks, deployed_service_ids, rework_prev_starts, recovery_seconds, lead_seconds)
SELECT r.team_id, r.environment, r.day, sum(r.deployments), sum(r.successful), sum(r.failures), sum(r.recovered), sum(r.unrecovered),
  sum(r.explicit_reworks),
  array_agg(r.service_id) FILTER (WHERE r.successful > 0),
  (SELECT array_agg(v) FROM r x CROSS JOIN LATERAL unnest(x.rework_prev_starts) v WHERE x.team_id = r.team_id AND x.environment = r.environment AND x.day = r.day),
  (SELECT array_agg(v) FROM r x CROSS JOIN LATERAL unnest(x.recovery_seconds) v WHERE x.team_id = r.team_id AND x.environment = r.environment AND x.day = r.day),
  (SELECT array_agg(v) FROM r x CROSS JOIN LATERAL unnest(x.lead_seconds) v WHERE x.team_id = r.team_id AND x.environment = r.environment AND x.day = r.day)
FROM r
GROUP BY r.team_id, r.environment, r.day
`;
