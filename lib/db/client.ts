// The one PrismaClient, on the pg driver adapter. Secret columns are omitted unless asked for.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** Columns no query returns unless it asks for them explicitly with `omit: { x: false }`. */
export const secretColumns = {
  user: { passwordHash: true },
  apiToken: { tokenHash: true },
} as const;

const globalForPools = globalThis as unknown as { portalPools?: Set<pg.Pool> };

/** The connection pools of this process, for /metrics (in use, idle, waiting). */
export function connectionPools(): ReadonlySet<pg.Pool> {
  return (globalForPools.portalPools ??= new Set());
}

export function createPrismaClient(connectionString: string, poolSize = env().DATABASE_POOL_SIZE) {
  // Our own pool (ended with the client), so that /metrics can report it.
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 });
  (globalForPools.portalPools ??= new Set()).add(pool);
  const end = pool.end.bind(pool);
  pool.end = ((callback?: () => void) => {
    globalForPools.portalPools?.delete(pool);
    return end(callback as never);
  }) as typeof pool.end;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter, omit: secretColumns });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { portalPrisma?: Db };

function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start`, which provides the database.");
  return url;
}

/** The process-wide client, created on first use (so that importing this module never connects). */
export function getDb(): Db {
  if (!globalForPrisma.portalPrisma) {
    globalForPrisma.portalPrisma = createPrismaClient(databaseUrl());
  }
  return globalForPrisma.portalPrisma;
}

/** Replaces the process-wide client: tests and scripts point it at their own database. */
export function setDb(client: Db | undefined): void {
  globalForPrisma.portalPrisma = client;
}
