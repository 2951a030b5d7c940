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

function createMigrationsTable(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal (standard_conforming_strings is on since PostgreSQL 9.1, so only quotes need doubling). */
function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function changedMigrationError(migration: LocalMigration, appliedChecksum: string): MigrationError {
  return new MigrationError(
    `Migration ${migration.name} was changed after it was applied (checksum ${appliedChecksum} in the database, ${migration.checksum} on disk). Applied migrations must never be edited: add a new migration instead.`,
  );
}

/**
 * Applies every pending migration, each in its own transaction; refuses edited or failed history.
 *
 * The embedded PGlite server multiplexes every client connection onto one backend session, which shapes
 * three choices here:
 * - no session state outside a transaction (no session-wide `SET search_path`): it would leak into every
 *   other connection. The migrations table is schema-qualified instead, and the schema goes into
 *   `SET LOCAL search_path` inside each migration's transaction;
 * - the session advisory lock is re-entrant there, so it excludes nothing: each transaction re-checks
 *   that its migration is still pending (PGlite runs one transaction at a time, so that check is atomic
 *   there; on PostgreSQL the advisory lock already serialises whole runs);
 * - only the simple query protocol (values inlined as literals, no `$1` parameters): a parameterised
 *   query is several protocol messages, which pglite-socket may interleave with another connection's.
 */
export async function migrate(connectionString: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  const local = readMigrations(options.migrationsDir);
  const schema = options.schema ? quoteIdentifier(options.schema) : undefined;
  const migrationsTable = schema ? `${schema}."_prisma_migrations"` : `"_prisma_migrations"`;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Lock first: concurrent `CREATE SCHEMA IF NOT EXISTS` can still fail on the catalog's unique index.
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(createMigrationsTable(migrationsTable));
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM ${migrationsTable} ORDER BY started_at`,
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
        if (row && row.checksum !== migration.checksum) throw changedMigrationError(migration, row.checksum);
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
        let appliedNow = false;
        try {
          if (schema) await client.query(`SET LOCAL search_path TO ${schema}`);
          const { rows: current } = await client.query<Pick<AppliedRow, "checksum">>(
            `SELECT checksum FROM ${migrationsTable} WHERE migration_name = ${quoteLiteral(migration.name)} AND rolled_back_at IS NULL`,
          );
          if (current.length > 0) {
            if (current[0].checksum !== migration.checksum) throw changedMigrationError(migration, current[0].checksum);
          } else {
            const id = randomUUID();
            await client.query(
              `INSERT INTO ${migrationsTable} (id, checksum, migration_name, started_at, applied_steps_count) VALUES (${quoteLiteral(id)}, ${quoteLiteral(migration.checksum)}, ${quoteLiteral(migration.name)}, clock_timestamp(), 0)`,
            );
            await client.query(migration.script);
            await client.query(
              `UPDATE ${migrationsTable} SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = ${quoteLiteral(id)}`,
            );
            appliedNow = true;
          }
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          if (error instanceof MigrationError) throw error;
          throw new MigrationError(
            `Migration ${migration.name}/migration.sql failed and was rolled back: ${(error as Error).message}`,
            { cause: error },
          );
        }
        if (appliedNow) {
          log(`applied migration ${migration.name}`);
          result.applied.push(migration.name);
        } else {
          result.alreadyApplied.push(migration.name);
        }
      }
      return result;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
