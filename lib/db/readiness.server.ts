// Readiness for /api/health/ready (a Kubernetes readiness probe): the database answers, every migration
// this build ships is applied (a replica of a newer build waits for the migration Job), and the process
// is not shutting down. Never throws.
import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { checkDatabase, describeDatabaseError, type DatabaseHealth } from "@/lib/db/health";

export interface Readiness {
  ready: boolean;
  database: DatabaseHealth;
  migrations: { expected: number; applied: number; pending: string[] };
  reason?: string;
}

/** The migrations this build ships: prisma/migrations under the server's directory (traced into the standalone output). */
export function shippedMigrations(directory = path.join(process.cwd(), "prisma", "migrations")): string[] {
  // Not traced from here (that would pull the whole project into the standalone output): next.config.js
  // includes prisma/migrations for this route explicitly.
  if (!existsSync(/*turbopackIgnore: true*/ directory)) return [];
  return readdirSync(/*turbopackIgnore: true*/ directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const shutdown = { stopping: false };
process.once("SIGTERM", () => {
  shutdown.stopping = true;
});

export async function checkReadiness(options: { migrationsDir?: string } = {}): Promise<Readiness> {
  const expected = shippedMigrations(options.migrationsDir);
  const database = await checkDatabase();
  const migrations = { expected: expected.length, applied: 0, pending: [] as string[] };
  if (!database.reachable) return { ready: false, database, migrations, reason: database.reason };
  try {
    const rows = await getDb().$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const applied = new Set(rows.map((row) => row.migration_name));
    migrations.applied = expected.filter((name) => applied.has(name)).length;
    migrations.pending = expected.filter((name) => !applied.has(name));
  } catch (error) {
    return { ready: false, database, migrations: { ...migrations, pending: expected }, reason: `The migrations cannot be read: ${describeDatabaseError(error)}` };
  }
  if (expected.length === 0) return { ready: false, database, migrations, reason: "This build ships no migrations (prisma/migrations is missing next to the server)" };
  if (migrations.pending.length) return { ready: false, database, migrations, reason: `${migrations.pending.length} migration(s) not applied yet: run the migration job (npm run db:migrate)` };
  if (shutdown.stopping) return { ready: false, database, migrations, reason: "Shutting down" };
  return { ready: true, database, migrations };
}
