// One instance of each periodic job at a time, across every worker: a session-level PostgreSQL advisory
// lock, taken on a connection of the worker's own while the job runs. The job itself holds no
// transaction open: it reads outside one and writes in short ones (with the embedded database, whose one
// session serves every connection in turn, a long transaction would stall the whole portal). Should the
// worker die, PostgreSQL drops its session and the lock with it.
import pg from "pg";

export interface JobLocks {
  /** Runs `work` while holding the job's lock; answers undefined without running it when another instance holds it. */
  run<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
}

export function createJobLocks(databaseUrl: string): JobLocks {
  let client: pg.Client | undefined;
  // One lock statement at a time on the connection.
  let queue: Promise<unknown> = Promise.resolve();

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    const fresh = new pg.Client({ connectionString: databaseUrl });
    // A dropped connection has lost its locks: forget it, and open a new one for the next job.
    fresh.on("error", () => {
      if (client === fresh) client = undefined;
    });
    fresh.on("end", () => {
      if (client === fresh) client = undefined;
    });
    await fresh.connect();
    client = fresh;
    return fresh;
  }

  const serially = <T>(statement: () => Promise<T>): Promise<T> => {
    const next = queue.then(statement, statement);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    async run(name, work) {
      const key = `portal-job:${name}`;
      const held = await serially(async () => {
        const { rows } = await (await connection()).query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [key]);
        return rows[0]?.locked === true;
      });
      if (!held) return undefined;
      try {
        return await work();
      } finally {
        await serially(async () => client?.query("SELECT pg_advisory_unlock(hashtext($1))", [key])).catch(() => undefined);
      }
    },
    async close() {
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
