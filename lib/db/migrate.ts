// Applies prisma/migrations exactly as `prisma migrate deploy` records them (the `_prisma_migrations`
// table, same columns and sha256 checksums), without Prisma's schema-engine binary, which cannot be
// downloaded offline. See docs/decisions/002-own-migration-runner.md.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** Prisma's own advisory-lock key for migrations, so that our runner and Prisma's exclude each other. */
const MIGRATION_LOCK_KEY = 72707369;

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export interface LocalMigration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrateOptions {
  migrationsDir?: string;
  /** A PostgreSQL schema to migrate into instead of the connection's default (tests). */
  schema?: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {}

/** sha256 in lowercase hex of the script, as Prisma computes it. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}

/** The migration folders in order (their names start with a sortable timestamp). */
export function readMigrations(migrationsDir = defaultMigrationsDir): LocalMigration[] {
  if (!existsSync(migrationsDir)) throw new MigrationError(`No migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql`);
      const script = readFileSync(file, "utf8");
      return { name, script, checksum: migrationChecksum(script) };
    });
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Applies every pending migration, each in its own transaction; refuses edited or failed history. */
export async function migrate(connectionString: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  const local = readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (options.schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
      await client.query(`SET search_path TO ${quoteIdentifier(options.schema)}`);
    }
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(createMigrationsTable);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const live = rows.filter((row) => row.rolled_back_at === null);
      const failed = live.find((row) => row.finished_at === null);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} failed earlier and was never finished. Fix the database by hand, then mark it rolled back.`,
        );
      }
      const applied = new Map(live.map((row) => [row.migration_name, row]));
      for (const migration of local) {
        const row = applied.get(migration.name);
        if (row && row.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum} in the database, ${migration.checksum} on disk). Applied migrations must never be edited: add a new migration instead.`,
          );
        }
      }
      const localNames = new Set(local.map((migration) => migration.name));
      for (const name of applied.keys()) {
        if (!localNames.has(name)) log(`warning: migration ${name} is applied in the database but missing from ${options.migrationsDir ?? defaultMigrationsDir}`);
      }

      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const migration of local) {
        if (applied.has(migration.name)) {
          result.alreadyApplied.push(migration.name);
          continue;
        }
        await client.query("BEGIN");
        try {
          const id = randomUUID();
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)`,
            [id, migration.checksum, migration.name],
          );
          await client.query(migration.script);
          await client.query(
            `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw new MigrationError(
            `Migration ${migration.name}/migration.sql failed and was rolled back: ${(error as Error).message}`,
          );
        }
        log(`applied migration ${migration.name}`);
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
