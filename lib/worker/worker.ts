// The background worker: an engine that runs work queues and periodic jobs. Each queue claims its own
// due items (FOR UPDATE SKIP LOCKED with a lease, so two workers never take the same attempt) and does
// their outbound work outside any domain transaction; each periodic job runs in one instance at a time
// under a session advisory lock (lib/worker/job-lock.ts). Woken by PostgreSQL NOTIFY when something
// commits, polling as a fallback. Web replicas stay stateless: everything the worker does starts from and
// ends in the database.
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { OUTBOX_CHANNEL } from "@/lib/outbox/outbox.server";
import { createJobLocks } from "@/lib/worker/job-lock";
import type { PeriodicJob } from "@/lib/worker/jobs";

/** A kind of work the worker claims and does: webhook deliveries, Git publications, … */
export interface WorkQueue<T = unknown> {
  name: string;
  /** How many of this queue's items one worker works on at once. */
  concurrency: number;
  /** Runs on every turn before claiming (e.g. the outbox fan-out); answers how much it did. */
  prepare?(db: Db): Promise<number>;
  /** Claims up to `limit` due items for `workerId`; an item whose worker died comes back when its lease runs out. */
  claim(db: Db, workerId: string, limit: number): Promise<T[]>;
  /** Does one item's work and records its outcome. Errors are logged; the item's lease brings it back. */
  run(db: Db, item: T, workerId: string): Promise<void>;
  /** On a graceful stop, after the items in flight finished: hand back anything still claimed. */
  release?(db: Db, workerId: string): Promise<void>;
  /** Counters since start, for benchmarks and tests. */
  stats?(): Record<string, number>;
}

export interface WorkerOptions {
  db: Db;
  /** For LISTEN: the worker keeps one connection of its own outside the pool. */
  databaseUrl: string;
  pollMs: number;
  queues: WorkQueue<never>[];
  jobs?: PeriodicJob[];
  log?: (line: string) => void;
  workerId?: string;
}

export interface Worker {
  readonly id: string;
  start(): Promise<void>;
  /** Stops claiming, lets the work in flight finish (each item is bounded by its own timeout), hands back the rest. */
  stop(): Promise<void>;
  /** Every queue's counters since start. */
  stats(): Record<string, number>;
}

export function createWorker(options: WorkerOptions): Worker {
  const { db } = options;
  const queues = options.queues as WorkQueue<unknown>[];
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const inFlight = new Map<string, Set<Promise<void>>>(queues.map((queue) => [queue.name, new Set()]));
  let running = false;
  let loopDone: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;
  const timers: NodeJS.Timeout[] = [];
  const locks = createJobLocks(options.databaseUrl);
  const jobsInFlight = new Set<Promise<unknown>>();

  const nudge = () => wake?.();

  function track(queue: WorkQueue<unknown>, work: Promise<void>) {
    const running = inFlight.get(queue.name)!;
    const tracked = work
      .catch((error) => log(`${queue.name}: an item failed: ${(error as Error).message}`))
      .finally(() => {
        running.delete(tracked);
        nudge();
      });
    running.add(tracked);
  }

  /** One turn over every queue; true when there may be more to do at once. */
  async function turn(): Promise<boolean> {
    let busy = false;
    for (const queue of queues) {
      try {
        if (queue.prepare && (await queue.prepare(db)) > 0) busy = true;
        const free = queue.concurrency - inFlight.get(queue.name)!.size;
        if (free <= 0 || !running) continue;
        const claimed = await queue.claim(db, id, free);
        for (const item of claimed) track(queue, queue.run(db, item, id));
        if (claimed.length === free) busy = true;
      } catch (error) {
        log(`${queue.name}: the queue could not be read: ${(error as Error).message}`);
      }
    }
    return busy;
  }

  async function loop() {
    while (running) {
      const busy = await turn();
      if (!running) break;
      if (busy) continue;
      // Idle, or every slot is taken: wait for a NOTIFY, a finished item or the poll interval.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  async function listen() {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    client.on("error", () => undefined);
    try {
      await client.connect();
      // The embedded database multiplexes every connection onto one PGlite session: a LISTEN there would
      // hand notifications to whichever connection reads next. Poll instead.
      const { rows } = await client.query<{ version: string }>("SELECT version()");
      if (/emscripten|wasm/i.test(rows[0]?.version ?? "")) throw new Error("embedded database");
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      client.on("notification", nudge);
      listener = client;
    } catch {
      // Without LISTEN (e.g. a pooler in transaction mode) the poll interval alone paces the worker.
      await client.end().catch(() => undefined);
    }
  }

  function schedule(job: PeriodicJob) {
    let runningJob = false;
    const run = async () => {
      if (runningJob || !running) return;
      runningJob = true;
      const work = locks.run(job.name, () => job.run(db, new Date()));
      jobsInFlight.add(work);
      try {
        await work;
      } catch (error) {
        log(`job ${job.name} failed: ${(error as Error).message}`);
      } finally {
        jobsInFlight.delete(work);
        runningJob = false;
      }
    };
    timers.push(setTimeout(run, job.firstRunAfterMs ?? 1_000), setInterval(run, job.intervalMs));
  }

  return {
    id,
    async start() {
      if (running) return;
      running = true;
      await listen();
      for (const job of options.jobs ?? []) schedule(job);
      loopDone = loop();
      const sizes = queues.map((queue) => `${queue.name} ×${queue.concurrency}`).join(", ");
      log(`started (${id}; ${sizes || "no queues"}; ${listener ? "woken by NOTIFY" : `polling every ${options.pollMs} ms`})`);
    },
    async stop() {
      if (!running) return;
      running = false;
      for (const timer of timers) clearTimeout(timer);
      nudge();
      await loopDone;
      await Promise.allSettled([...[...inFlight.values()].flatMap((set) => [...set]), ...jobsInFlight]);
      await locks.close();
      for (const queue of queues) await queue.release?.(db, id).catch(() => undefined);
      await listener?.end().catch(() => undefined);
      const counters = Object.entries(this.stats()).map(([name, value]) => `${value} ${name}`);
      log(`stopped${counters.length ? ` (${counters.join(", ")})` : ""}`);
    },
    stats: () => Object.assign({}, ...queues.map((queue) => queue.stats?.() ?? {})),
  };
}
