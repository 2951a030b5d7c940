// `npm run bench:outbox`: outbox delivery throughput and latency with two worker processes, against real
// PostgreSQL and a local receiver that verifies every signature with `standardwebhooks` (not a timed test).
//
// 1. Recreates BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portal_bench_outbox),
//    migrates it, and makes a team with one signed webhook endpoint at the receiver.
// 2. Starts BENCH_WORKERS (2) worker processes exactly as `npm run worker` does.
// 3. Drain: commits BENCH_EVENTS (10,000) events at once and times until the last one is received: events/s.
// 4. Steady load: commits events one transaction each at BENCH_RATE per second (600) for BENCH_SECONDS (15)
//    and reports the delivered rate and the latency from each event's commit to its receipt (p50/p95/p99).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createPrismaClient, getDb, setDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { recreateBenchDatabase } from "./bench-database";
import { percentile } from "./bench-stats";

const root = path.resolve(import.meta.dirname, "..");
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_bench_outbox";
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const drainEvents = Number(process.env.BENCH_EVENTS ?? 10_000);
const rate = Number(process.env.BENCH_RATE ?? 600);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const SUBJECTS = 200;
const log = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  process.env.DATABASE_URL = url;
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  process.env.PORTAL_ENCRYPTION_KEY ??= "5a".repeat(32);
  resetEnvCache();
  log(`recreating ${url}…`);
  await recreateBenchDatabase(url);
  setDb(createPrismaClient(url, 8));
  const db = getDb();
  const { startWebhookReceiver } = await import("@/lib/testing/webhook-receiver");
  const { createEndpoint } = await import("@/lib/notifications/endpoints.server");
  const { recordEvent } = await import("@/lib/outbox/outbox.server");
  const { makeTeam } = await import("@/lib/testing/factories");

  const receiver = await startWebhookReceiver({ secret: [] });
  const receivedAt = new Map<string, number>();
  receiver.onReceive((event) => receivedAt.set(event.id, performance.timeOrigin + performance.now()));
  const team = await makeTeam();
  const { secret } = await createEndpoint(team.owner.actor, team.slug, { kind: "WEBHOOK", name: "Bench", url: receiver.url, eventTypes: ["incident.status_changed"] });
  receiver.setSecrets([secret!]);

  const data = (subject: string, index: number) => ({
    team: { slug: team.slug, name: team.name },
    actor: null,
    incident: {
      id: subject,
      reference: "INC-1",
      title: `Bench event ${index}`,
      severity: "SEV3" as const,
      status: "INVESTIGATING",
      type: "OPERATIONAL",
      customerImpact: false,
      declaredAt: new Date().toISOString(),
      services: [],
      commander: null,
      url: "http://localhost:3000/incidents/bench",
    },
    from: "TRIAGE",
    to: "INVESTIGATING",
    note: null,
  });

  const workers: ChildProcess[] = [];
  for (let index = 0; index < workerCount; index++) {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? "32", WORKER_POLL_MS: "200" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    workers.push(child);
    await new Promise<void>((resolve) => child.stdout!.on("data", (chunk: Buffer) => /started/.test(chunk.toString()) && resolve()));
  }
  log(`${workerCount} workers started`);

  try {
    // ── Drain ──
    const drainIds: string[] = [];
    await db.$transaction(
      async (tx) => {
        for (let index = 0; index < drainEvents; index++) {
          const subject = `bench-${index % SUBJECTS}`;
          drainIds.push(await recordEvent(tx, { teamId: team.id, type: "incident.status_changed", subject: { type: "incident", id: subject }, data: data(subject, index) }));
        }
      },
      { timeout: 600_000 },
    );
    const committed = performance.timeOrigin + performance.now();
    await receiver.waitFor(() => drainIds.every((id) => receivedAt.has(id)), 600_000);
    const drained = Math.max(...drainIds.map((id) => receivedAt.get(id)!)) - committed;
    log(`drain: ${drainEvents} events delivered in ${(drained / 1000).toFixed(2)} s → ${Math.round(drainEvents / (drained / 1000))} events/s`);

    // ── Steady load ──
    const commitAt = new Map<string, number>();
    const started = performance.now();
    let written = 0;
    const producers = 4;
    await Promise.all(
      Array.from({ length: producers }, async (_, producer) => {
        for (;;) {
          const elapsed = (performance.now() - started) / 1000;
          if (elapsed >= seconds) return;
          const due = Math.floor(elapsed * rate);
          if (written >= due) {
            await new Promise((resolve) => setTimeout(resolve, 2));
            continue;
          }
          const index = written++;
          const subject = `steady-${(index * producers + producer) % SUBJECTS}`;
          const id = await db.$transaction((tx) => recordEvent(tx, { teamId: team.id, type: "incident.status_changed", subject: { type: "incident", id: subject }, data: data(subject, index) }));
          commitAt.set(id, performance.timeOrigin + performance.now());
        }
      }),
    );
    const ids = [...commitAt.keys()];
    await receiver.waitFor(() => ids.every((id) => receivedAt.has(id)), 120_000);
    const latencies = ids.map((id) => receivedAt.get(id)! - commitAt.get(id)!);
    const last = Math.max(...ids.map((id) => receivedAt.get(id)!));
    const span = (last - (performance.timeOrigin + started)) / 1000;
    log(`steady: ${ids.length} events committed at ${rate}/s for ${seconds} s; delivered ${Math.round(ids.length / span)} events/s`);
    log(`commit → delivery latency: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
    const duplicates = receiver.received.length - new Set(receiver.received.map((event) => event.id)).size;
    log(`signatures rejected by the receiver: ${receiver.rejected}; duplicate deliveries: ${duplicates}`);
  } finally {
    for (const child of workers) child.kill("SIGTERM");
    await Promise.all(workers.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("exit", resolve)))));
    await receiver.close();
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
