// `npm run bench:slo`: the SLO figures the issue asks for, against real PostgreSQL (not a timed test).
//
// 1. Recreates BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portal_bench), migrates it,
//    and makes a team with 50 SLOs and a team API token.
// 2. Starts the production server the way `npm start` does (DATABASE_URL pointing at the bench database).
// 3. Ingestion: 30 days × 1-minute samples for 50 SLOs (2.16 M) through POST /api/v1/slos/{id}/samples in
//    batches of up to 10,000, from a few concurrent clients; prints samples/s.
// 4. The floor: the same rows loaded with PostgreSQL COPY (psql \copy) into the same table; prints the ratio.
// 5. Dashboards: 50 more SLOs (100 in all, 30 days each), then p50/p95 of the team SLO list and of one SLO
//    page's endpoints, and the web server's peak RSS over the whole run.
// BENCH_SCALE=10: ten times the data (and more): the dashboards over 500 SLOs with 90 days of minutes each
// (64.8 M rows across the monthly partitions, generated in PostgreSQL), the ingestion as at scale 1 but
// into the partitioned table already holding them.
// BENCH_REUSE=1: the dashboards only, over the data the last run at the same scale left in the database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { systemActor } from "@/lib/auth/actor";
import { createPrismaClient, setDb, getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { recreateBenchDatabase } from "./bench-database";
import { percentile } from "./bench-stats";

const root = path.resolve(import.meta.dirname, "..");
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_bench";
const port = Number(process.env.BENCH_PORT ?? 3409);
const clients = Number(process.env.BENCH_CLIENTS ?? 4);
const base = `http://127.0.0.1:${port}`;
const scale = Number(process.env.BENCH_SCALE ?? 1);
if (scale !== 1 && scale !== 10) throw new Error("BENCH_SCALE is 1 (default) or 10");
const INGEST_SLOS = 50;
const DASHBOARD_SLOS = scale === 10 ? 500 : 100;
/** Days of minutes each dashboard SLO holds (the windows read at most 30 of them). */
const DASHBOARD_DAYS = scale === 10 ? 90 : 30;
const MINUTES = 30 * 1_440;
const BATCH = 10_000;

const log = (line: string) => console.log(`[bench] ${line}`);

/** Deterministic counts for a minute: ~1,000 events, ~0.05 % bad. */
function countsOf(sloIndex: number, minute: number): [number, number] {
  let h = Math.imul(minute ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(sloIndex + 1, 0xc2b2ae35);
  h ^= h >>> 15;
  const total = 900 + (h >>> 0) % 200;
  const bad = ((h >>> 8) & 0xff) < 3 ? (h >>> 16) % 5 : 0;
  return [total - bad, total];
}

/** The pids of a process and all its descendants, from /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const result: number[] = [];
  const walk = (id: number) => {
    result.push(id);
    for (const child of children.get(id) ?? []) walk(child);
  };
  walk(pid);
  return result;
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function waitForHealth(server: ChildProcess, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("The server stopped while starting; see its output above.");
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error("The server did not become healthy in time");
}

async function timed(path: string, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return performance.now() - started;
}

async function main() {
  log(`database ${url}, server on port ${port}, ${clients} ingestion clients, scale ${scale}: dashboards over ${DASHBOARD_SLOS} SLOs × ${DASHBOARD_DAYS} days`);
  // BENCH_REUSE=1: keep the database of the last run at the same scale and measure only the dashboards (after a
  // change to the read path; the ingestion figures need a full run).
  const reuse = process.env.BENCH_REUSE === "1";
  if (!reuse) await recreateBenchDatabase(url);
  process.env.DATABASE_URL = url;
  resetEnvCache();
  setDb(createPrismaClient(url, 4));
  const db = getDb();
  const { createToken } = await import("@/lib/tokens/tokens.server");

  const team = reuse ? await db.team.findUniqueOrThrow({ where: { slug: "bench" } }) : await db.team.create({ data: { slug: "bench", name: "Bench" } });
  const { secret: token } = await createToken(systemActor("bench"), team.slug, { name: reuse ? `bench ${new Date().toISOString()}` : "bench" });
  const services = await Promise.all(
    Array.from({ length: reuse ? 0 : 10 }, (_, index) => db.service.create({ data: { teamId: team.id, slug: `service-${index}`, name: `Service ${index}`, tier: (index % 4) + 1 } })),
  );
  const createSlos = (from: number, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, offset) => {
        const index = from + offset;
        return db.slo.create({
          data: { teamId: team.id, serviceId: services[index % services.length].id, slug: `slo-${index}`, name: `SLO ${index}`, sliKind: "RATIO", goodQuery: `req_total{slo="${index}",ok="1"}`, totalQuery: `req_total{slo="${index}"}`, objective: 99.9, windowDays: 30 },
        });
      }),
    );
  const ingestSlos = reuse ? [] : await createSlos(0, INGEST_SLOS);

  log("starting the production server as npm start does (it builds first when the build is stale)…");
  const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), DEMO_MODE: "false", NEXTAUTH_SECRET: randomBytes(24).toString("hex"), NEXTAUTH_URL: base, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // Peak RSS of the web server (next-server) from the moment it answers: not the start script, and not the
  // `next build` that runs first when the build is stale.
  let peak = { rss: 0, command: "" };
  // The peak per phase as well: ingestion (JSON bodies of 10,000 samples from several clients) and the dashboards.
  const phasePeaks = { ingestion: 0, dashboards: 0 };
  let phase: keyof typeof phasePeaks = "ingestion";
  let sampler: NodeJS.Timeout | undefined;
  try {
    await waitForHealth(server);
    log("server healthy");
    sampler = setInterval(() => {
      if (!server.pid) return;
      for (const pid of processTree(server.pid)) {
        if (pid === server.pid || !/next-server|next start|standalone\/server\.js/.test(commandOf(pid))) continue;
        const rss = rssMb(pid);
        if (rss > peak.rss) peak = { rss, command: commandOf(pid) };
        phasePeaks[phase] = Math.max(phasePeaks[phase], rss);
      }
    }, 100);

    // Ingestion, the COPY floor and the dashboards' data (skipped with BENCH_REUSE=1).
    const ingest = async () => {
      // Ingestion. Oldest batches first: the window's start moves while the run goes on.
      const nowMinute = Math.floor(Date.now() / 60_000);
      const first = nowMinute + 4 - MINUTES + 1; // ends 4 minutes ahead: allowed, and keeps the oldest minute inside the window for a few minutes
      const bodies: { sloId: string; body: string; samples: number }[] = [];
      for (let start = first; start < first + MINUTES; start += BATCH) {
        for (const [index, slo] of ingestSlos.entries()) {
          const items: string[] = [];
          for (let minute = start; minute < Math.min(first + MINUTES, start + BATCH); minute++) {
            const [good, total] = countsOf(index, minute);
            items.push(`{"timestamp":"${new Date(minute * 60_000).toISOString()}","good":${good},"total":${total}}`);
          }
          bodies.push({ sloId: slo.id, body: `[${items.join(",")}]`, samples: items.length });
        }
      }
      const totalSamples = bodies.reduce((sum, batch) => sum + batch.samples, 0);
      log(`posting ${totalSamples.toLocaleString("en")} samples in ${bodies.length} batches…`);
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < bodies.length) {
            const batch = bodies[next++];
            const response = await fetch(`${base}/api/v1/slos/${batch.sloId}/samples`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: batch.body });
            const text = await response.text();
            if (!response.ok) throw new Error(`POST samples answered ${response.status}: ${text.slice(0, 300)}`);
          }
        }),
      );
      const apiSeconds = (performance.now() - started) / 1000;
      const apiRate = totalSamples / apiSeconds;
      bodies.length = 0;
      const stored = await db.sloSample.count();
      if (stored !== totalSamples) throw new Error(`Expected ${totalSamples} stored samples, found ${stored}`);

      // The floor: the same rows with COPY, into the same (emptied) table.
      const directory = mkdtempSync(path.join(tmpdir(), "bench-slo-"));
      const file = path.join(directory, "samples.csv");
      const writer = createWriteStream(file);
      for (const [index, slo] of ingestSlos.entries()) {
        const lines: string[] = [];
        for (let minute = first; minute < first + MINUTES; minute++) {
          const [good, total] = countsOf(index, minute);
          lines.push(`${slo.id},${new Date(minute * 60_000).toISOString().replace("T", " ").replace("Z", "")},${good},${total}\n`);
        }
        if (!writer.write(lines.join(""))) await once(writer, "drain");
      }
      writer.end();
      await once(writer, "finish");
      await db.$executeRawUnsafe("TRUNCATE slo_samples, slo_sample_hours, slo_sample_days");
      const copyStarted = performance.now();
      const copy = spawnSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", `\\copy slo_samples (slo_id, minute, good, total) FROM '${file}' WITH (FORMAT csv)`], { encoding: "utf8" });
      const copySeconds = (performance.now() - copyStarted) / 1000;
      if (copy.error || copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.error?.message ?? copy.stderr}`);
      const copyRate = totalSamples / copySeconds;

      // Dashboards over 100 SLOs × 30 days: the other 50 are filled by COPY too, then the rollups rebuilt.
      const more = await createSlos(INGEST_SLOS, DASHBOARD_SLOS - INGEST_SLOS);
      // Scale 10: the CSV below fills the next 50 as at scale 1; the rest are generated in PostgreSQL.
      const copied = more.slice(0, 100 - INGEST_SLOS);
      const moreFile = path.join(directory, "more.csv");
      const moreWriter = createWriteStream(moreFile);
      for (const [offset, slo] of copied.entries()) {
        const lines: string[] = [];
        for (let minute = first; minute < first + MINUTES; minute++) {
          const [good, total] = countsOf(INGEST_SLOS + offset, minute);
          lines.push(`${slo.id},${new Date(minute * 60_000).toISOString().replace("T", " ").replace("Z", "")},${good},${total}\n`);
        }
        if (!moreWriter.write(lines.join(""))) await once(moreWriter, "drain");
      }
      moreWriter.end();
      await once(moreWriter, "finish");
      const moreCopy = spawnSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", `\\copy slo_samples (slo_id, minute, good, total) FROM '${moreFile}' WITH (FORMAT csv)`], { encoding: "utf8" });
      if (moreCopy.status !== 0) throw new Error(`psql \\copy failed: ${moreCopy.stderr}`);
      rmSync(directory, { recursive: true, force: true });
      if (DASHBOARD_DAYS > 30) {
        // Scale 10: every dashboard SLO gets the older days too (and the SLOs past the first 100 all of them),
        // generated in PostgreSQL: ~1,000 events a minute, a few bad ones now and then, deterministic.
        const all = [...ingestSlos, ...more];
        const oldest = nowMinute + 4 - DASHBOARD_DAYS * 1_440 + 1;
        const generated = performance.now();
        for (const [index, slo] of all.entries()) {
          const until = index < 100 ? first : first + MINUTES;
          await db.$executeRawUnsafe(
            `INSERT INTO slo_samples (slo_id, minute, good, total)
             SELECT $1, TIMESTAMP '1970-01-01' + m * INTERVAL '1 minute', 1000 - CASE WHEN (m + $2) % 397 = 0 THEN 3 ELSE 0 END, 1000
               FROM generate_series($3::int, $4::int - 1) AS m`,
            slo.id,
            index,
            oldest,
            until,
          );
        }
        log(`generated ${(DASHBOARD_SLOS * DASHBOARD_DAYS * 1_440).toLocaleString("en")} minutes in all in ${((performance.now() - generated) / 1000).toFixed(0)} s`);
      }
      // COPY bypasses the rollups; rebuild them as ingestion would have written them.
      await db.$executeRawUnsafe(
        `INSERT INTO slo_sample_hours (slo_id, hour, good, total, minutes) SELECT slo_id, date_trunc('hour', minute), sum(good), sum(total), count(*) FROM slo_samples GROUP BY 1, 2`,
      );
      await db.$executeRawUnsafe(
        `INSERT INTO slo_sample_days (slo_id, day, good, total, minutes) SELECT slo_id, date_trunc('day', hour), sum(good), sum(total), sum(minutes) FROM slo_sample_hours GROUP BY 1, 2`,
      );
      // What autovacuum does to tables this size within minutes of such a load: statistics, and the visibility
      // map that lets the report's many small range scans of the rollups be index-only. (The machine's own
      // PostgreSQL may run with autovacuum off, as CI databases often do; a production one does not.)
      for (const table of ["slo_samples", "slo_sample_hours", "slo_sample_days"]) await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${table}`);
      // And the load's dirty pages written out now, not by the checkpointer while the dashboards are timed.
      await db.$executeRawUnsafe("CHECKPOINT");
      return { totalSamples, apiSeconds, apiRate, copySeconds, copyRate, more };
    };
    const ingestion = reuse ? undefined : await ingest();

    const slo = ingestion ? ingestion.more[0] : await db.slo.findFirstOrThrow({ where: { teamId: team.id, slug: `slo-${INGEST_SLOS}` } });
    const paths = {
      list: `/api/v1/teams/${team.slug}/slos`,
      slo: `/api/v1/slos/${slo.id}`,
      series: `/api/v1/slos/${slo.id}/series?range=window`,
    };
    phase = "dashboards";
    const list = JSON.parse(await (await fetch(`${base}${paths.list}`, { headers: { authorization: `Bearer ${token}` } })).text());
    if (list.slos.length !== DASHBOARD_SLOS) throw new Error(`The team list has ${list.slos.length} SLOs, expected ${DASHBOARD_SLOS}`);
    for (let index = 0; index < 10; index++) for (const path of Object.values(paths)) await timed(path, token);
    const latencies: Record<keyof typeof paths, number[]> = { list: [], slo: [], series: [] };
    for (let round = 0; round < 200; round++) {
      latencies.list.push(await timed(paths.list, token));
      latencies.slo.push(await timed(paths.slo, token));
      latencies.series.push(await timed(paths.series, token));
    }
    const page = latencies.slo.map((value, index) => value + latencies.series[index]);
    const line = (label: string, values: number[], target?: number) =>
      `${label.padEnd(52)} p50 ${percentile(values, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms${target ? `   (target p95 ≤ ${target} ms: ${percentile(values, 95) <= target ? "met" : "NOT met"})` : ""}`;

    console.log("\n━━ SLO benchmark (PostgreSQL %s, %d CPU cores)", (await db.$queryRawUnsafe<{ v: string }[]>("SELECT current_setting('server_version') AS v"))[0].v, (await import("node:os")).cpus().length);
    if (ingestion) {
      const { totalSamples, apiSeconds, apiRate, copySeconds, copyRate } = ingestion;
      console.log(`Ingestion through the API  ${totalSamples.toLocaleString("en")} samples in ${apiSeconds.toFixed(1)} s = ${Math.round(apiRate).toLocaleString("en")} samples/s   (target ≥ 50,000: ${apiRate >= 50_000 ? "met" : "NOT met"})`);
      console.log(`COPY floor                 ${totalSamples.toLocaleString("en")} rows in ${copySeconds.toFixed(1)} s = ${Math.round(copyRate).toLocaleString("en")} rows/s`);
      console.log(`API ÷ COPY                 ${(apiRate / copyRate).toFixed(2)}   (target ≥ 0.30: ${apiRate / copyRate >= 0.3 ? "met" : "NOT met"})`);
    } else console.log("Ingestion                  not measured (BENCH_REUSE=1: the dashboards over the last run's data)");
    console.log(line(`Team SLO list, ${DASHBOARD_SLOS} SLOs × ${DASHBOARD_DAYS} days (GET ${paths.list})`, latencies.list, 150));
    console.log(line("SLO page: report (GET /api/v1/slos/{id})", latencies.slo, 100));
    console.log(line("SLO page: charts (GET /api/v1/slos/{id}/series)", latencies.series));
    console.log(line("SLO page: both", page));
    console.log(`Web server peak RSS        ${peak.rss.toFixed(0)} MB   (target < 512 MB: ${peak.rss < 512 ? "met" : "NOT met"})   [${peak.command.trim().slice(0, 80)}, sampled every 100 ms from ingestion to the last dashboard request]`);
    console.log(`  of which                  ingestion ${phasePeaks.ingestion.toFixed(0)} MB, dashboards ${phasePeaks.dashboards.toFixed(0)} MB`);
    console.log(`Load average while running ${(await import("node:os")).loadavg().map((value) => value.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
  } finally {
    if (sampler) clearInterval(sampler);
    server.kill("SIGTERM");
    await Promise.race([once(server, "exit"), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await getDb().$disconnect();
  }
}

main().catch((error) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
