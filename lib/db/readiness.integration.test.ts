import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { checkReadiness, shippedMigrations } from "@/lib/db/readiness.server";

describe("readiness (/api/health/ready)", () => {
  it("is ready when the database answers and every shipped migration is applied", async () => {
    const readiness = await checkReadiness({ migrationsDir: path.resolve(import.meta.dirname, "../../prisma/migrations") });
    expect(readiness).toMatchObject({ ready: true, database: { reachable: true }, migrations: { expected: readMigrations().length, applied: readMigrations().length, pending: [] } });
  });

  it("is not ready while a migration this build ships is not applied, and names it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "portal-readiness-"));
    try {
      for (const name of shippedMigrations(path.resolve(import.meta.dirname, "../../prisma/migrations"))) mkdirSync(path.join(dir, name));
      mkdirSync(path.join(dir, "99991231000000_next_release"));
      const readiness = await checkReadiness({ migrationsDir: dir });
      expect(readiness.ready).toBe(false);
      expect(readiness.migrations.pending).toEqual(["99991231000000_next_release"]);
      expect(readiness.reason).toMatch(/1 migration\(s\) not applied yet/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is not ready when the build ships no migrations at all (a packaging mistake)", async () => {
    const readiness = await checkReadiness({ migrationsDir: path.join(os.tmpdir(), "portal-no-such-dir") });
    expect(readiness).toMatchObject({ ready: false, reason: expect.stringMatching(/ships no migrations/) });
  });
});
