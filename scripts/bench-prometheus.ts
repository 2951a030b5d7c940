// `npm run bench:prometheus`: the backfill of source SLOs from a real Prometheus (not a timed test).
//
// 1. Recreates BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portal_bench_prometheus) and
//    migrates it.
// 2. Writes 30 days of request counters for BENCH_SLOS (50) services as OpenMetrics, streamed to a file
//    (scraped every 30 s: `increase(…[1m])` needs two scrapes in a minute), and builds TSDB blocks with
//    `promtool tsdb create-blocks-from openmetrics`.
// 3. Starts Debian's `prometheus` on a free 127.0.0.1 port over those blocks (retention 90 days, the default
//    11,000-point query_range limit).
// 4. Creates a team, a data source and one source SLO per service through the domain functions, then runs
//    the backfill of all of them exactly as the worker's sli-pull job does (pullSourceSlis with its defaults).
// 5. Prints seconds, samples stored, samples/s (target ≥ 100,000) and the per-SLO backfill time p50/p95.
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient, getDb, setDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { errorRatioAt } from "@/lib/testing/openmetrics";
import { recreateBenchDatabase } from "./bench-database";
import { percentile } from "./bench-stats";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_bench_prometheus";
const sloCount = Number(process.env.BENCH_SLOS ?? 50);
/** SLOs pulled at once; unset = the worker's default (what the figure is about). For profiling. */
const concurrency = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
const DAYS = 30;
const SCRAPE_SECONDS = 30;
const REQUESTS_PER_SCRAPE = 500;
const log = (line: string) => console.log(`[bench] ${line}`);

const serviceName = (index: number) => `svc${String(index + 1).padStart(3, "0")}`;

/**
 * Streams the OpenMetrics file: one family, per service a good and a bad counter, from `start` to `end`
 * (seconds) every SCRAPE_SECONDS. Written in blocks of lines, waiting on the stream's backpressure.
 */
async function writeOpenMetrics(file: string, start: number, end: number): Promise<number> {
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write("# HELP bench_requests Requests.\n# TYPE bench_requests counter\n");
  let lines = 0;
  for (let index = 0; index < sloCount; index++) {
    const name = serviceName(index);
    for (const code of ["200", "500"]) {
      const series = `bench_requests_total{service="${name}",code="${code}"} `;
      let counter = 0;
      let carry = 0;
      let buffer = "";
      for (let t = start; t < end; t += SCRAPE_SECONDS) {
        carry += REQUESTS_PER_SCRAPE * errorRatioAt(t + index * 3_600);
        const errors = Math.floor(carry);
        carry -= errors;
        counter += code === "200" ? REQUESTS_PER_SCRAPE - errors : errors;
        buffer += `${series}${counter} ${t}\n`;
        lines++;
        if (buffer.length > 1 << 20) {
          await write(buffer);
          buffer = "";
        }
      }
      await write(buffer);
    }
  }
  await write("# EOF\n");
  out.end();
  await once(out, "finish");
  return lines;
}

async function main() {
  process.env.DATABASE_URL = url;
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  process.env.PORTAL_ENCRYPTION_KEY ??= "5a".repeat(32);
  resetEnvCache();
  log(`recreating ${url}…`);
  await recreateBenchDatabase(url);
  setDb(createPrismaClient(url, 8));
  const db = getDb();
  const { startPrometheus } = await import("@/lib/testing/prometheus");
  const { makeTeam } = await import("@/lib/testing/factories");
  const { createDataSource } = await import("@/lib/slo/data-sources.server");
  const { createSlo } = await import("@/lib/slo/slos.server");
  const { pullSourceSlis } = await import("@/lib/slo/source-sync.server");
  const { sliSource } = await import("@/lib/integrations/registry");

  // A "now" on a whole hour with the data ending just after it; the window starts 30 days before.
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const nowSeconds = now.getTime() / 1000;
  const start = nowSeconds - DAYS * 86_400 - 3_600;
  const work = mkdtempSync(path.join(tmpdir(), "portal-bench-prometheus-"));
  let prometheus: Awaited<ReturnType<typeof startPrometheus>> | undefined;
  try {
    let t0 = performance.now();
    const file = path.join(work, "data.om");
    const lines = await writeOpenMetrics(file, start, nowSeconds + 60);
    log(`wrote ${lines.toLocaleString("en")} OpenMetrics samples (${sloCount} services × 2 counters, ${DAYS} days every ${SCRAPE_SECONDS} s) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    const data = path.join(work, "tsdb");
    execFileSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=744h", file, data], { stdio: "pipe" });
    rmSync(file);
    log(`promtool built the blocks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    prometheus = await startPrometheus({ dataDir: data });
    log(`prometheus at ${prometheus.url}`);

    const team = await makeTeam();
    const source = await createDataSource(team.owner.actor, team.slug, { name: "Bench Prometheus", url: prometheus.url });
    const sloIds: string[] = [];
    for (let index = 0; index < sloCount; index++) {
      const name = serviceName(index);
      const service = await db.service.create({ data: { teamId: team.id, slug: name, name } });
      const slo = await createSlo(
        team.owner.actor,
        { serviceId: service.id, dataSourceId: source.id, name: `${name} availability`, slug: "availability", sliKind: "RATIO", goodQuery: `bench_requests_total{service="${name}",code="200"}`, totalQuery: `bench_requests_total{service="${name}"}`, objective: 99.5, windowDays: DAYS },
        { sliSource, now },
      );
      sloIds.push(slo.id);
    }
    log(`created ${sloCount} source SLOs`);

    const started = new Map<string, number>();
    const finished = new Map<string, number>();
    const begin = performance.now();
    // The worker's source, with the time spent in queries summed (the rest of a lane's time is the writes).
    let fetchMs = 0;
    const timed = {
      ...sliSource,
      async fetchSamples(...args: Parameters<typeof sliSource.fetchSamples>) {
        const t = performance.now();
        try {
          return await sliSource.fetchSamples(...args);
        } finally {
          fetchMs += performance.now() - t;
        }
      },
    };
    const result = await pullSourceSlis(db, timed, now, {
      sloIds,
      concurrency,
      onStart: (sloId) => started.set(sloId, performance.now()),
      onChunk: (sloId) => finished.set(sloId, performance.now()),
    });
    const seconds = (performance.now() - begin) / 1000;
    const stored = await db.sloSample.count();
    // Per SLO: from its first query until its last chunk was stored.
    const perSlo = [...finished].map(([sloId, end]) => (end - (started.get(sloId) ?? begin)) / 1000);
    const laneMs = perSlo.reduce((sum, value) => sum + value * 1000, 0);
    log(`time in SLO pulls: ${(laneMs / 1000).toFixed(1)} s, of which Prometheus queries ${(fetchMs / 1000).toFixed(1)} s (${Math.round((fetchMs / laneMs) * 100)} %), the rest storing`);
    log(`pulled ${result.slos} SLOs, ${result.failed} failed, ${result.samples.toLocaleString("en")} samples returned, ${stored.toLocaleString("en")} stored`);
    console.log(
      `bench:prometheus  ${sloCount} SLOs × ${DAYS} days${concurrency ? ` (concurrency ${concurrency})` : ""}: ${seconds.toFixed(1)} s, ${stored.toLocaleString("en")} samples, ${Math.round(stored / seconds).toLocaleString("en")} samples/s (target ≥ 100,000); per-SLO backfill p50 ${percentile(perSlo, 50).toFixed(1)} s, p95 ${percentile(perSlo, 95).toFixed(1)} s`,
    );
    if (result.failed) process.exitCode = 1;
  } finally {
    await prometheus?.stop();
    rmSync(work, { recursive: true, force: true, maxRetries: 5 });
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
