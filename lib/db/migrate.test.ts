import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError, defaultMigrationsDir, migrationChecksum, readMigrations } from "@/lib/db/migrate";

describe("migrationChecksum", () => {
  it("is the lowercase sha256 hex of the script, as Prisma records it", () => {
    const script = 'CREATE TABLE "x" ("id" TEXT NOT NULL);\n';
    expect(migrationChecksum(script)).toBe(createHash("sha256").update(script, "utf8").digest("hex"));
    // A known vector, so the test does not merely restate the implementation.
    expect(migrationChecksum("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(migrationChecksum("abc")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("readMigrations", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "portal-migrations-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function addMigration(name: string, script: string) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), script);
  }

  it("returns the folders in name order with their scripts and checksums, ignoring loose files", () => {
    addMigration("20260102000000_second", "SELECT 2;");
    addMigration("20260101000000_first", "SELECT 1;");
    addMigration("20260103000000_third", "SELECT 3;");
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');

    const migrations = readMigrations(dir);

    expect(migrations.map((migration) => migration.name)).toEqual([
      "20260101000000_first",
      "20260102000000_second",
      "20260103000000_third",
    ]);
    expect(migrations[0]).toEqual({
      name: "20260101000000_first",
      script: "SELECT 1;",
      checksum: migrationChecksum("SELECT 1;"),
    });
  });

  it("refuses a migration folder without migration.sql, naming the folder", () => {
    addMigration("20260101000000_first", "SELECT 1;");
    mkdirSync(path.join(dir, "20260102000000_empty"));

    expect(() => readMigrations(dir)).toThrow(MigrationError);
    expect(() => readMigrations(dir)).toThrow("Migration 20260102000000_empty has no migration.sql");
  });

  it("refuses a missing migrations folder, naming it", () => {
    const missing = path.join(dir, "nowhere");
    expect(() => readMigrations(missing)).toThrow(`No migrations folder at ${missing}`);
  });

  it("reads the project's own migrations by default", () => {
    const migrations = readMigrations();
    expect(defaultMigrationsDir).toBe(path.resolve(import.meta.dirname, "../../prisma/migrations"));
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations[0].name).toBe("20261128000000_foundation");
  });
});
