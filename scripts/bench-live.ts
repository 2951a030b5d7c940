// `npm run bench:live`: live updates at scale, against real PostgreSQL (not a timed test).
//
// 1. Recreates BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portal_bench_live), migrates
//    it, makes a team, a token and one incident, and starts the production server (the standalone output).
// 2. Push: BENCH_CLIENTS (200) event streams on the incident while a writer posts BENCH_RATE (10) timeline
//    events a second for BENCH_SECONDS (30) through the API; prints the delivery latency (post → every
//    client) p50/p95/p99 and the database's transactions per second (pg_stat_database) meanwhile.
// 3. Poll: the same clients polling the incident and its timeline every 3 s instead (the page's fallback,
//    as it did before), under the same writer; prints the same database figure, for comparison.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { systemActor } from "@/lib/auth/actor";
import { createPrismaClient, getDb, setDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { LIVE_REFRESH_MS } from "@/lib/incidents/query-keys";
import { buildIfStale, standaloneServer } from "./production-build";
import { recreateBenchDatabase } from "./bench-database";
import { percentile } from "./bench-stats";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_bench_live";
const port = Number(process.env.BENCH_PORT ?? 3410);
const clientCount = Number(process.env.BENCH_CLIENTS ?? 200);
const rate = Number(process.env.BENCH_RATE ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const base = `http://127.0.0.1:${port}`;
const log = (line: string) => console.log(`[bench] ${line}`);

/** Transactions committed and rolled back in the bench database so far (every autocommit statement is one). */
async function transactions(stats: pg.Client): Promise<number> {
  const { rows } = await stats.query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows[0].n);
}

/** CPU seconds the process has used so far (Linux /proc; NaN elsewhere): load on the machine does not inflate it. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

/** Posts `rate` timeline events a second for `seconds`; each body carries its own send time. */
const writeFailures = { count: 0, last: "" };
/** How long each write took, POST → 201 (the server's own share of the delivery latency). */
const writeLatencies: number[] = [];

async function writer(token: string, incidentId: string, label: string): Promise<number> {
  let sent = 0;
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  while (performance.now() - started < seconds * 1000) {
    const due = started + (sent * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = `${label} ${sent} ${Date.now()}`;
    const postedAt = performance.now();
    pending.push(
      fetch(`${base}/api/v1/incidents/${incidentId}/events`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ type: "NOTE", body }) }).then(async (response) => {
        if (label === "push") writeLatencies.push(performance.now() - postedAt);
        if (response.status !== 201) {
          writeFailures.count++;
          writeFailures.last = `${response.status}: ${(await response.text()).slice(0, 200)}`;
        }
      }, (error: Error) => {
        writeFailures.count++;
        writeFailures.last = error.message;
      }),
    );
    sent++;
  }
  await Promise.all(pending);
  return sent;
}

async function main() {
  log(`database ${url}, server on port ${port}: ${clientCount} clients, ${rate} events/s for ${seconds} s`);
  await buildIfStale(log);
  await recreateBenchDatabase(url);
  process.env.DATABASE_URL = url;
  resetEnvCache();
  setDb(createPrismaClient(url, 2));
  const db = getDb();
  const { createToken } = await import("@/lib/tokens/tokens.server");
  const team = await db.team.create({ data: { slug: "bench-live", name: "Bench live" } });
  const { secret: token } = await createToken(systemActor("bench"), team.slug, { name: "bench" });

  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits (for profiling the push path).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const server = spawn(process.execPath, [...profile, standaloneServer], {
    cwd: path.dirname(standaloneServer),
    env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: "bench-live-secret-0123456789abcdef", PORTAL_ENCRYPTION_KEY: "1d".repeat(32), NODE_OPTIONS: "--max-old-space-size=320" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stats = new pg.Client({ connectionString: url });
  await stats.connect();
  const abort = new AbortController();
  try {
    for (let waited = 0; ; waited += 500) {
      if (waited > 120_000) throw new Error("The server did not become ready");
      if (await fetch(`${base}/api/health/ready`).then((response) => response.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const declared = await fetch(`${base}/api/v1/incidents`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ title: "Bench incident", severity: "SEV3" }) });
    if (declared.status !== 201) throw new Error(`Declaring the incident answered ${declared.status}: ${await declared.text()}`);
    const incidentId = ((await declared.json()) as { id: string }).id;

    // ── Push: the event streams.
    const latencies: number[] = [];
    let connected = 0;
    let refused = 0;
    const open = async () => {
      const response = await fetch(`${base}/api/v1/incidents/${incidentId}/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal }).catch(() => undefined);
      if (response?.status !== 200) {
        refused++;
        return;
      }
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.includes("event: ready")) connected++;
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (!frame.includes("event: change") || !data) continue;
            const body = (JSON.parse(data) as { data?: { body?: string } }).data?.body ?? "";
            const match = /^push \d+ (\d+)$/.exec(body);
            if (match) latencies.push(Date.now() - Number(match[1]));
          }
        }
      } catch {
        // Aborted at the end of the phase.
      }
    };
    // Viewers arrive over a few seconds, not in one instant: 20 at a time.
    const streams: Promise<void>[] = [];
    for (let opened = 0; opened < clientCount; opened += 20) {
      for (let index = opened; index < Math.min(clientCount, opened + 20); index++) streams.push(open());
      while (connected + refused < Math.min(clientCount, opened + 20)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (refused) throw new Error(`${refused} of ${clientCount} streams were refused`);
    log(`${connected} event streams open; writing…`);
    const pushStart = { xact: await transactions(stats), at: performance.now(), cpu: cpuSeconds(server.pid) };
    const pushed = await writer(token, incidentId, "push");
    const pushFailures = writeFailures.count;
    writeFailures.count = 0;
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the last events' deliveries
    const pushSeconds = (performance.now() - pushStart.at) / 1000;
    const pushRate = ((await transactions(stats)) - pushStart.xact) / pushSeconds;
    const pushCpu = (cpuSeconds(server.pid) - pushStart.cpu) / pushSeconds;
    abort.abort();
    await Promise.allSettled(streams);

    // ── Poll: what the page did before (and does when its stream is down).
    const stopPolling = { stop: false };
    let polls = 0;
    const pollers = Array.from({ length: clientCount }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * LIVE_REFRESH_MS) / clientCount)); // spread, as real browsers are
      while (!stopPolling.stop) {
        await Promise.all([`/api/v1/incidents/${incidentId}`, `/api/v1/incidents/${incidentId}/events`].map((target) => fetch(`${base}${target}`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.arrayBuffer())));
        polls++;
        await new Promise((resolve) => setTimeout(resolve, LIVE_REFRESH_MS));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, LIVE_REFRESH_MS));
    const pollStart = { xact: await transactions(stats), at: performance.now(), polls, cpu: cpuSeconds(server.pid) };
    await writer(token, incidentId, "poll");
    const pollSeconds = (performance.now() - pollStart.at) / 1000;
    const pollRate = ((await transactions(stats)) - pollStart.xact) / pollSeconds;
    const pollRequests = ((polls - pollStart.polls) * 2) / pollSeconds;
    const pollCpu = (cpuSeconds(server.pid) - pollStart.cpu) / pollSeconds;
    stopPolling.stop = true;
    await Promise.all(pollers);

    const expected = (pushed - pushFailures) * clientCount;
    console.log("\n━━ Live updates benchmark (PostgreSQL %s, %d CPU cores)", (await stats.query("SHOW server_version")).rows[0].server_version, (await import("node:os")).cpus().length);
    console.log(`Push: ${clientCount} event streams on one incident, ${rate} events/s for ${seconds} s (${pushed} events)`);
    if (pushFailures) console.log(`  writes that failed       ${pushFailures} (last: ${writeFailures.last})`);
    console.log(`  delivered                ${latencies.length.toLocaleString("en")} of ${expected.toLocaleString("en")} (${((latencies.length / expected) * 100).toFixed(1)} %)`);
    console.log(`  latency post → client    p50 ${percentile(latencies, 50).toFixed(0)} ms   p95 ${percentile(latencies, 95).toFixed(0)} ms   p99 ${percentile(latencies, 99).toFixed(0)} ms   (target p95 ≤ 1,000 ms: ${percentile(latencies, 95) <= 1000 ? "met" : "NOT met"})`);
    console.log(`  write (POST → 201)       p50 ${percentile(writeLatencies, 50).toFixed(0)} ms   p95 ${percentile(writeLatencies, 95).toFixed(0)} ms   (part of the latency above)`);
    console.log(`  web server CPU           ${(pushCpu * 100).toFixed(0)} % of one core (the writes and the fan-out; CPU time, not wall time)`);
    console.log(`  database                 ${pushRate.toFixed(0)} transactions/s (the writes, plus one read per event for all ${clientCount} viewers)`);
    console.log(`Poll every ${LIVE_REFRESH_MS / 1000} s (the fallback; what the page did before), same writer`);
    console.log(`  requests                 ${pollRequests.toFixed(0)} HTTP requests/s${writeFailures.count ? `; ${writeFailures.count} writes failed` : ""}`);
    console.log(`  web server CPU           ${(pollCpu * 100).toFixed(0)} % of one core`);
    console.log(`  database                 ${pollRate.toFixed(0)} transactions/s   (push costs ${(pushRate / pollRate).toFixed(2)}× of polling, and shows changes in ${percentile(latencies, 95).toFixed(0)} ms at p95 instead of up to ${LIVE_REFRESH_MS / 1000} s)`);
  } finally {
    abort.abort();
    await stats.end();
    server.kill("SIGTERM");
    await Promise.race([once(server, "exit"), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await getDb().$disconnect();
  }
}

main().catch((error) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
