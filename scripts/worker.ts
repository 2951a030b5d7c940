// `npm run worker`: the background worker (outbox fan-out, webhook and Slack deliveries, Git publications,
// periodic jobs).
// `npm start` runs one beside the web server; run more anywhere with the same DATABASE_URL to scale out.
// With the embedded database it connects to the running portal's server (or serves the data directory).
// SIGTERM or SIGINT: stop claiming, let the deliveries in flight finish, hand back the rest, exit.
import { EnvError, parseEnv, resetEnvCache } from "@/lib/env";
import { DatabaseUnavailableError, openDatabase } from "@/lib/db/runtime";

const log = (line: string) => console.log(`[worker] ${line}`);

async function main() {
  let settings;
  try {
    settings = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[worker] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let database;
  try {
    database = await openDatabase(settings, "connect");
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof Error) {
      console.error(`[worker] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  const { env } = await import("@/lib/env");
  const { getDb } = await import("@/lib/db/client");
  const { createWorker } = await import("@/lib/worker/worker");
  const { workerJobs, workerQueues } = await import("@/lib/worker/queues");
  const { createWorkerMetrics, serveWorkerMetrics } = await import("@/lib/observability/worker-metrics.server");
  const metrics = createWorkerMetrics();
  const worker = createWorker({ db: getDb(), databaseUrl: database.url, pollMs: env().WORKER_POLL_MS, queues: workerQueues(env(), { observeDelivery: metrics.observeDelivery }), jobs: workerJobs(env()), log });
  const metricsPort = env().WORKER_METRICS_PORT;
  const metricsServer = metricsPort ? await serveWorkerMetrics(metrics, metricsPort, env().METRICS_TOKEN) : undefined;
  if (metricsPort) log(`metrics on :${metricsPort}/metrics${env().METRICS_TOKEN ? "" : " (off until METRICS_TOKEN is set; /healthz answers)"}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop();
    metricsServer?.close();
    await getDb().$disconnect();
    await database.stop();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
  // Started by `npm start`: stop with it even when it dies without passing a signal on.
  const parent = Number(process.env.PORTAL_PARENT_PID);
  if (parent > 1) {
    setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch {
        void stop();
      }
    }, 2_000).unref();
  }
  await worker.start();
}

main().catch((error) => {
  console.error(`[worker] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
