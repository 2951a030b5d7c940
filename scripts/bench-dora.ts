// `npm run bench:dora`: the DORA figures the issue asks for, against real PostgreSQL (not a timed test).
//
// 1. Recreates BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portal_bench_dora) and migrates it.
// 2. 20 teams × 10 services (200), 1,000,000 production deployments over two years (about 7 a day per
//    service, 4 % failed), 100,000 commits, 5,000 incidents on those services, 500 explicit links;
//    generated in PostgreSQL with generate_series, then ANALYZE.
// 3. p50/p95 of the team DORA report (what GET /api/v1/dora answers, 30 and 90 days) and of the
//    organisation's (GET /api/v1/dora/organisation), through the functions those routes call, in this
//    process: token authentication, validation, the SQL and the JSON. Not measured: the HTTP server and
//    Next's routing around them (route handlers cannot be loaded outside Next's runtime).
// 4. Ingestion: 100,000 deployments with one commit each through what POST /api/v1/deployments runs
//    (authenticate the token, JSON.parse the body, validate, insert, audit) in batches of 1,000 from
//    BENCH_CLIENTS (4) concurrent callers; prints deployments/s.
import pg from "pg";
import { createPrismaClient, getDb, setDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { userActor } from "@/lib/auth/actor";
import { createToken } from "@/lib/tokens/tokens.server";
import { authenticateToken } from "@/lib/tokens/tokens.server";
import { getOrganisationDora, getTeamDora } from "@/lib/deployments/dora.server";
import { recordDeployments } from "@/lib/deployments/deployments.server";
import { hashPassword } from "@/lib/auth/password";
import { refreshDoraFacts } from "@/lib/deployments/dora-facts.server";
import { migrate } from "@/lib/db/migrate";
import { recreateBenchDatabase } from "./bench-database";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_bench_dora";
const clients = Number(process.env.BENCH_CLIENTS ?? 4);
const log = (line: string) => console.log(`[bench:dora] ${line}`);

const GENERATE_SQL = `
INSERT INTO teams (id, slug, name, updated_at) SELECT 'team' || t, 'team-' || t, 'Team ' || t, now() FROM generate_series(1, 20) t;
INSERT INTO services (id, team_id, slug, name, updated_at)
  SELECT 'svc' || s, 'team' || (1 + (s - 1) / 10), 'service-' || s, 'Service ' || s, now() FROM generate_series(1, 200) s;
-- 1,000,000 deployments spread evenly over the last 730 days, 5,000 per service.
INSERT INTO deployments (id, team_id, service_id, client_key, environment, version, status, started_at, finished_at, updated_at)
  SELECT 'd' || n, 'team' || (1 + (s - 1) / 10), 'svc' || s, 'k' || n, 'production', '1.' || n,
         (CASE WHEN n % 25 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END)::"DeploymentStatus",
         start, start + interval '6 minutes', now()
  FROM (SELECT n, 1 + n % 200 AS s, (now() AT TIME ZONE 'UTC') - (n::double precision / 1000000) * interval '730 days' AS start
        FROM generate_series(1, 1000000) n) g;
-- 100,000 commits, on every tenth deployment, authored 1–49 hours before it started.
INSERT INTO deployment_commits (deployment_id, sha, authored_at)
  SELECT 'd' || (n * 10), md5(n::text), d.started_at - ((1 + n % 48) * interval '1 hour')
  FROM generate_series(1, 100000) n JOIN deployments d ON d.id = 'd' || (n * 10);
-- 5,000 incidents on one service each, every ~3.5 hours, 40 minutes long.
INSERT INTO incidents (id, team_id, number, title, severity, declared_at, impact_started_at, mitigated_at, resolved_at, updated_at)
  SELECT 'i' || n, 'team' || (1 + ((n % 200)) / 10), n, 'Incident ' || n, 'SEV3',
         t, t, t + interval '40 minutes', t + interval '60 minutes', now()
  FROM (SELECT n, (now() AT TIME ZONE 'UTC') - (n::double precision / 5000) * interval '730 days' AS t FROM generate_series(1, 5000) n) g;
INSERT INTO incident_services (incident_id, service_id) SELECT 'i' || n, 'svc' || (1 + n % 200) FROM generate_series(1, 5000) n;
INSERT INTO incident_deployment_links (incident_id, deployment_id) SELECT 'i' || n, 'd' || (n * 200) FROM generate_series(1, 500) n;
ANALYZE;
`;

async function timed(label: string, runs: number, call: () => Promise<Response>) {
  const times: number[] = [];
  for (let index = 0; index < runs + 2; index++) {
    const started = performance.now();
    const response = await call();
    if (response.status !== 200) throw new Error(`${label}: ${response.status} ${await response.text()}`);
    await response.json();
    if (index >= 2) times.push(performance.now() - started); // two warm-up calls
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  log(`${label}: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms (${runs} calls)`);
  return at(0.95);
}

async function main() {
  log(`database ${url}`);
  // BENCH_REUSE=1 keeps a database an earlier run generated (the generation takes minutes).
  const reuse = process.env.BENCH_REUSE === "1";
  if (!reuse) await recreateBenchDatabase(url);
  else await migrate(url);
  process.env.DATABASE_URL = url;
  resetEnvCache();
  setDb(createPrismaClient(url, clients + 2));
  const db = getDb();
  if (!reuse) {
    const started = performance.now();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(GENERATE_SQL);
    await client.end();
    log(`generated 1,000,000 deployments, 100,000 commits, 5,000 incidents for 200 services in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // The triggers marked every generated service dirty: the first refresh computes every deployment's facts
  // (what the worker's dora-facts job does in the background), so the reports below time reading, not this.
  const factsStarted = performance.now();
  const refreshed = await refreshDoraFacts(db, null);
  log(`DORA facts of ${refreshed} services computed in ${((performance.now() - factsStarted) / 1000).toFixed(1)} s`);
  // What autovacuum's analyze does after a backfill this size; without it the planner sees empty tables.
  await db.$executeRawUnsafe("ANALYZE dora_deployment_facts, dora_daily_rollups");

  const owner = await db.user.create({ data: { email: `bench-${Date.now()}@example.test`, name: "Bench", passwordHash: await hashPassword("bench-password-1") } });
  await db.membership.create({ data: { teamId: "team1", userId: owner.id, role: "OWNER" } });
  const { secret } = await createToken(userActor(owner.id), "team-1", { name: "bench" });
  const asResponse = async (promise: Promise<unknown>) => new Response(JSON.stringify(await promise), { status: 200 });
  const asToken = async () => (await authenticateToken(secret))!;

  const team7 = await timed("team DORA, 7 days, daily", 30, async () => asResponse(getTeamDora(await asToken(), { window: "7" })));
  const team30 = await timed("team DORA, 30 days, daily", 30, async () => asResponse(getTeamDora(await asToken(), { window: "30" })));
  const team90 = await timed("team DORA, 90 days, weekly", 30, async () => asResponse(getTeamDora(await asToken(), { window: "90" })));
  // The organisation's report is for signed-in people (not tokens): called as the owner.
  const org7 = await timed("organisation DORA, 7 days, daily", 20, () => asResponse(getOrganisationDora(userActor(owner.id), { window: "7" })));
  const org30 = await timed("organisation DORA, 30 days, daily", 20, () => asResponse(getOrganisationDora(userActor(owner.id), { window: "30" })));
  const org90 = await timed("organisation DORA, 90 days, weekly", 20, () => asResponse(getOrganisationDora(userActor(owner.id), { window: "90" })));

  const TOTAL = 100_000;
  const BATCH = 1_000;
  const batches = Array.from({ length: TOTAL / BATCH }, (_, index) => index);
  const now = Date.now();
  const body = (batch: number) =>
    JSON.stringify({
      deployments: Array.from({ length: BATCH }, (_, index) => {
        const n = batch * BATCH + index;
        const startedAt = new Date(now - n * 1000).toISOString();
        return { key: `ingest-${now}-${n}`, service: `service-${1 + (n % 10)}`, status: "SUCCEEDED", version: `2.${n}`, startedAt, finishedAt: startedAt, commits: [{ sha: (n + 1).toString(16).padStart(12, "0"), authoredAt: startedAt }] };
      }),
    });
  const ingestStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < batches.length) {
        const batch = next++;
        const result = await recordDeployments(await asToken(), JSON.parse(body(batch)));
        if (result.created !== BATCH) throw new Error(`ingestion: ${JSON.stringify(result).slice(0, 200)}`);
      }
    }),
  );
  const seconds = (performance.now() - ingestStarted) / 1000;
  log(`ingestion: ${TOTAL.toLocaleString("en")} deployments (1 commit each) in ${seconds.toFixed(1)} s = ${Math.round(TOTAL / seconds).toLocaleString("en")} deployments/s (${clients} clients, batches of ${BATCH})`);
  // What the ingested deployments cost the next report (or the worker's job before it): their facts.
  const catchUpStarted = performance.now();
  const caughtUp = await refreshDoraFacts(db, null);
  log(`DORA facts after ingestion: ${caughtUp} services refreshed in ${((performance.now() - catchUpStarted) / 1000).toFixed(1)} s`);
  await timed("team DORA after ingestion, 30 days, daily", 10, async () => asResponse(getTeamDora(await asToken(), { window: "30" })));
  log(`targets: team p95 ≤ 150 ms → ${Math.max(team7, team30, team90).toFixed(0)} ms; organisation p95 ≤ 300 ms → ${Math.max(org7, org30, org90).toFixed(0)} ms; ingestion ≥ 5,000/s → ${Math.round(TOTAL / seconds)}/s`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
