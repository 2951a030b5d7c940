import { createServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient, setDb, type Db } from "@/lib/db/client";
import { checkDatabase, describeDatabaseError } from "@/lib/db/health";

/** A local port that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Points checkDatabase's client at a stand-in whose query does what `query` does. */
function useDb(query: () => Promise<unknown>) {
  setDb({ $queryRaw: query } as unknown as Db);
}

afterEach(() => {
  setDb(undefined);
  vi.useRealTimers();
});

describe("describeDatabaseError", () => {
  it("names a refused connection, from the error or from its cause", () => {
    expect(describeDatabaseError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe("connection refused");
    expect(describeDatabaseError(new Error("outer", { cause: Object.assign(new Error("inner"), { code: "ECONNREFUSED" }) }))).toBe("connection refused");
    // pg's multi-address connect (localhost → ::1 and 127.0.0.1) throws an AggregateError carrying the code.
    expect(describeDatabaseError(Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" }))).toBe("connection refused");
  });

  it("names an unknown host, failed authentication and a missing database", () => {
    expect(describeDatabaseError(Object.assign(new Error("getaddrinfo ENOTFOUND db"), { code: "ENOTFOUND" }))).toBe("host not found");
    expect(describeDatabaseError(Object.assign(new Error('password authentication failed for user "portal"'), { code: "28P01" }))).toBe(
      "authentication failed",
    );
    expect(describeDatabaseError(Object.assign(new Error("no pg_hba.conf entry"), { code: "28000" }))).toBe("authentication failed");
    expect(describeDatabaseError(Object.assign(new Error('database "portal" does not exist'), { code: "3D000" }))).toBe("the database does not exist");
  });

  it("names errors that come through Prisma's pg adapter, which keeps only the adapter's kind", () => {
    const prismaError = (cause: object) =>
      Object.assign(new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `N/A`."), {
        code: "P2010",
        meta: { driverAdapterError: Object.assign(new Error("adapter"), { cause }) },
      });
    expect(describeDatabaseError(prismaError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }))).toMatch(/cannot reach the server/);
    expect(describeDatabaseError(prismaError({ kind: "AuthenticationFailed", user: "portal" }))).toBe("authentication failed");
    expect(describeDatabaseError(prismaError({ kind: "DatabaseDoesNotExist", db: "portal" }))).toBe("the database does not exist");
    expect(describeDatabaseError(prismaError({ kind: "SomethingNew" }))).toBe("SomethingNew");
  });

  it("redacts database URLs, credentials included, and keeps one line", () => {
    const error = new Error("cannot open postgresql://portal:s3cret-pw@db.internal:5432/portal now\n    at connect (pg/lib/client.js:1:1)");
    const described = describeDatabaseError(error);
    expect(described).toBe("cannot open <database url> now");
    expect(described).not.toContain("s3cret-pw");
    expect(describeDatabaseError(new Error("postgres://u:p@h/db"))).toBe("<database url>");
  });

  it("uses the first line with text in it (Prisma's messages start with a blank line)", () => {
    expect(describeDatabaseError(new Error("\n\nthe real summary\nsecond line"))).toBe("the real summary");
    expect(describeDatabaseError("a plain string")).toBe("a plain string");
    expect(describeDatabaseError(undefined)).toBe("undefined");
    expect(describeDatabaseError(new Error("x".repeat(500))).length).toBeLessThanOrEqual(200);
  });
});

describe("checkDatabase", () => {
  it("reports a real refused connection readably, without the URL's password", async () => {
    const port = await closedPort();
    const client = createPrismaClient(`postgresql://portal:s3cret-pw@127.0.0.1:${port}/portal_test`, 1);
    setDb(client);
    try {
      const health = await checkDatabase();
      expect(health.reachable).toBe(false);
      expect(health.reason).toBe("The database is unreachable: cannot reach the server (connection refused or host not found)");
      expect(JSON.stringify(health)).not.toContain("s3cret-pw");
    } finally {
      await client.$disconnect();
    }
  });

  it("never throws: a failing query becomes reachable false with a reason", async () => {
    useDb(() => Promise.reject(Object.assign(new Error("boom"), { code: "ECONNREFUSED" })));
    await expect(checkDatabase()).resolves.toEqual({ reachable: false, reason: "The database is unreachable: connection refused" });
  });

  it("gives up after its deadline when the database does not answer", async () => {
    vi.useFakeTimers();
    useDb(() => new Promise(() => undefined));
    const pending = checkDatabase();
    await vi.advanceTimersByTimeAsync(3_000);
    await expect(pending).resolves.toEqual({ reachable: false, reason: "The database is unreachable: no answer within 3000 ms" });
  });

  it("reports the latency of an answering database", async () => {
    useDb(() => Promise.resolve([{ "?column?": 1 }]));
    const health = await checkDatabase();
    expect(health).toEqual({ reachable: true, latencyMs: expect.any(Number) });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
