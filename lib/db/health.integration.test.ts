import { describe, expect, inject, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient, getDb, setDb } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/health";

describe("database health", () => {
  it("finds the test database reachable, with a latency", async () => {
    const health = await checkDatabase();
    expect(health).toEqual({ reachable: true, latencyMs: expect.any(Number) });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("answers /api/health with 200, status ok and no caching", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: { reachable: true, latencyMs: expect.any(Number) } });
  });

  it("answers /api/health with 503 and a reason, not an exception, when the server is gone", async () => {
    const url = new URL(inject("databaseUrl"));
    url.port = "1"; // nothing listens on port 1
    url.password = "s3cret-pw";
    const unreachable = createPrismaClient(url.toString(), 1);
    const previous = getDb();
    setDb(unreachable);
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toEqual({ status: "unavailable", database: { reachable: false, reason: expect.stringMatching(/^The database is unreachable: \S/) } });
      expect(JSON.stringify(body)).not.toContain("s3cret-pw");
    } finally {
      setDb(previous);
      await unreachable.$disconnect();
    }
  });
});
