import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

describe("the embedded database server", () => {
  let server: EmbeddedDatabase;
  beforeAll(async () => {
    server = await startEmbeddedDatabase({ dataDir: ".data/unit", port: 0, inMemory: true });
  }, 120_000);
  afterAll(async () => {
    await server.stop();
  });

  it("keeps each connection's parameterised queries apart under concurrency", { timeout: 120_000 }, async () => {
    // Clients in separate processes, as in real use (the web server, the admin CLI, tests). Odd ones send
    // parameterised queries (Parse, Bind, Describe, Execute, Sync: five messages); even ones send simple
    // queries that replace the unnamed statement if they land in between. Interleaving shows as errors
    // or wrong answers.
    const script = `
      import { spawn } from "node:child_process";
import pg from "pg";
      const [url, index] = [process.argv[1], Number(process.argv[2])];
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      let errors = 0, wrong = 0;
      for (let n = 0; n < 200; n++) {
        try {
          if (index % 2 === 0) { await client.query("SELECT " + n + " AS v /* " + "s".repeat(500) + " */"); continue; }
          const { rows } = await client.query("SELECT $1::int + " + index + " AS v /* " + "p".repeat(2000) + " */", [n]);
          if (rows[0].v !== n + index) wrong++;
        } catch { errors++; }
      }
      await client.end();
      console.log(JSON.stringify({ errors, wrong }));
    `;
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        new Promise<{ errors: number; wrong: number }>((resolve, reject) => {
          const child = spawn(process.execPath, ["--input-type=module", "-e", script, server.url, String(index)], { cwd: process.cwd() });
          let out = "";
          child.stdout.on("data", (chunk) => (out += chunk));
          child.on("error", reject);
          child.on("exit", () => resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}")));
        }),
      ),
    );
    expect(outcomes).toEqual(Array.from({ length: 4 }, () => ({ errors: 0, wrong: 0 })));
  });

  it("keeps one connection's transaction invisible to the others until it commits", async () => {
    const writer = new pg.Client({ connectionString: server.url });
    const reader = new pg.Client({ connectionString: server.url });
    await Promise.all([writer.connect(), reader.connect()]);
    try {
      await writer.query("CREATE TABLE IF NOT EXISTS embedded_probe (n int)");
      await writer.query("BEGIN");
      await writer.query("INSERT INTO embedded_probe VALUES ($1)", [1]);
      const pendingRead = reader.query("SELECT count(*)::int AS n FROM embedded_probe");
      await writer.query("COMMIT");
      expect((await pendingRead).rows[0].n).toBe(1);
    } finally {
      await Promise.all([writer.end(), reader.end()]);
    }
  });
});
