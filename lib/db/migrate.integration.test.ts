import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { MigrationError, defaultMigrationsDir, migrate, readMigrations } from "@/lib/db/migrate";

const databaseUrl = inject("databaseUrl");

// Every test migrates its own PostgreSQL schema (PGlite has a single database, so schemas are the unit
// of isolation), and removes it afterwards.
const createdSchemas: string[] = [];
const createdDirs: string[] = [];
// Queries here use no $1 parameters: the embedded server (pglite-socket) may interleave the several
// protocol messages of a parameterised query with another connection's; a simple query is one message.
let client: pg.Client;

function freshSchema(): string {
  const schema = `mig_${randomBytes(6).toString("hex")}`;
  createdSchemas.push(schema);
  return schema;
}

/** A migrations folder of our own, so that tests can add, edit and break migrations. */
function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-migrate-test-"));
  createdDirs.push(dir);
  for (const [name, script] of Object.entries(migrations)) writeMigration(dir, name, script);
  return dir;
}

function writeMigration(dir: string, name: string, script: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), script);
}

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

async function migrationRows(schema: string): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT * FROM "${schema}"."_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows;
}

async function tableNames(schema: string): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterEach(async () => {
  for (const schema of createdSchemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  for (const dir of createdDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await client.end();
});

describe("migrate", () => {
  it("applies every migration into a fresh schema and records it exactly as prisma migrate deploy does", async () => {
    const schema = freshSchema();
    const local = readMigrations();

    const result = await migrate(databaseUrl, { schema });

    expect(result).toEqual({ applied: local.map((migration) => migration.name), alreadyApplied: [] });

    // The bookkeeping table has Prisma's exact shape, so `prisma migrate status/deploy` can take over.
    const { rows: columns } = await client.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema = '${schema}' AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", character_maximum_length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO", column_default: "0" },
    ]);
    const { rows: primaryKey } = await client.query(
      `SELECT a.attname AS column_name
         FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = '"${schema}"."_prisma_migrations"'::regclass AND i.indisprimary`,
    );
    expect(primaryKey).toEqual([{ column_name: "id" }]);

    const rows = await migrationRows(schema);
    expect(rows.map((row) => row.migration_name)).toEqual(local.map((migration) => migration.name));
    for (const row of rows) {
      // Computed here from the file itself, independently of the runner's own checksum function.
      const file = readFileSync(path.join(defaultMigrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }

    // The schema really holds the application's tables and enum, not the connection's default schema.
    expect(await tableNames(schema)).toEqual(expect.arrayContaining(["_prisma_migrations", "users", "teams", "memberships"]));
    const { rows: enums } = await client.query(
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = '${schema}' AND t.typtype = 'e'`,
    );
    expect(enums).toContainEqual({ typname: "TeamRole" });

    // And it left no session setting behind (the embedded server shares one session between connections).
    const { rows: searchPath } = await client.query<{ search_path: string }>("SHOW search_path");
    expect(searchPath[0].search_path).not.toContain(schema);
  });

  it("applies nothing on a second run", async () => {
    const schema = freshSchema();
    const names = readMigrations().map((migration) => migration.name);
    await migrate(databaseUrl, { schema });
    const before = await migrationRows(schema);

    const second = await migrate(databaseUrl, { schema });

    expect(second).toEqual({ applied: [], alreadyApplied: names });
    expect(await migrationRows(schema)).toEqual(before);
  });

  it("applies only the new migration when one is added", async () => {
    const schema = freshSchema();
    const dir = migrationsDir({ "20260101000000_one": 'CREATE TABLE "one" ("id" INTEGER NOT NULL);' });
    await migrate(databaseUrl, { schema, migrationsDir: dir });
    writeMigration(dir, "20260102000000_two", 'CREATE TABLE "two" ("id" INTEGER NOT NULL);');

    const result = await migrate(databaseUrl, { schema, migrationsDir: dir });

    expect(result).toEqual({ applied: ["20260102000000_two"], alreadyApplied: ["20260101000000_one"] });
    expect(await tableNames(schema)).toEqual(["_prisma_migrations", "one", "two"]);
  });

  it("refuses a migration that was edited after it was applied, naming it", async () => {
    const schema = freshSchema();
    const dir = migrationsDir({ "20260101000000_one": 'CREATE TABLE "one" ("id" INTEGER NOT NULL);' });
    await migrate(databaseUrl, { schema, migrationsDir: dir });
    const before = await migrationRows(schema);
    writeMigration(dir, "20260101000000_one", 'CREATE TABLE "one" ("id" BIGINT NOT NULL);');
    writeMigration(dir, "20260102000000_two", 'CREATE TABLE "two" ("id" INTEGER NOT NULL);');

    const run = migrate(databaseUrl, { schema, migrationsDir: dir });

    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/Migration 20260101000000_one was changed after it was applied/);
    // Nothing else was applied either.
    expect(await migrationRows(schema)).toEqual(before);
    expect(await tableNames(schema)).toEqual(["_prisma_migrations", "one"]);
  });

  it("rolls a failing migration back entirely, names its file and keeps the database's message", async () => {
    const schema = freshSchema();
    const dir = migrationsDir({
      "20260101000000_one": 'CREATE TABLE "one" ("id" INTEGER NOT NULL);',
      // Valid statements that run, then one that fails when executed.
      "20260102000000_two": [
        'CREATE TABLE "two" ("id" INTEGER NOT NULL);',
        'INSERT INTO "one" ("id") VALUES (1);',
        'INSERT INTO "no_such_table" ("id") VALUES (1);',
      ].join("\n"),
      "20260103000000_three": 'CREATE TABLE "three" ("id" INTEGER NOT NULL);',
    });

    const error = await migrate(databaseUrl, { schema, migrationsDir: dir }).then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(MigrationError);
    const message = (error as Error).message;
    expect(message).toContain("20260102000000_two/migration.sql");
    expect(message).toContain('relation "no_such_table" does not exist');
    expect((error as Error).cause).toBeInstanceOf(Error);

    // The earlier good migration stays; the failing one left no table, no row and no data; later ones did not run.
    expect(await tableNames(schema)).toEqual(["_prisma_migrations", "one"]);
    expect((await client.query(`SELECT count(*)::int AS n FROM "${schema}"."one"`)).rows[0].n).toBe(0);
    const rows = await migrationRows(schema);
    expect(rows.map((row) => [row.migration_name, row.applied_steps_count, row.finished_at !== null])).toEqual([
      ["20260101000000_one", 1, true],
    ]);

    // Because nothing half-applied was recorded, fixing the file is enough to carry on.
    writeMigration(dir, "20260102000000_two", 'CREATE TABLE "two" ("id" INTEGER NOT NULL);');
    const retry = await migrate(databaseUrl, { schema, migrationsDir: dir });
    expect(retry).toEqual({
      applied: ["20260102000000_two", "20260103000000_three"],
      alreadyApplied: ["20260101000000_one"],
    });
    expect(await tableNames(schema)).toEqual(["_prisma_migrations", "one", "three", "two"]);
  });

  it("lets concurrent runs on the same schema both succeed, applying each migration once", async () => {
    const schema = freshSchema();
    const names = readMigrations().map((migration) => migration.name);

    const results = await Promise.all([
      migrate(databaseUrl, { schema }),
      migrate(databaseUrl, { schema }),
      migrate(databaseUrl, { schema }),
    ]);

    const appliedEverywhere = results.flatMap((result) => result.applied).sort();
    expect(appliedEverywhere).toEqual([...names].sort());
    for (const result of results) {
      expect([...result.applied, ...result.alreadyApplied].sort()).toEqual([...names].sort());
    }
    const rows = await migrationRows(schema);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });
});
