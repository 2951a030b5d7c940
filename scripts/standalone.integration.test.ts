// The standalone build runs with plain `node` and nothing else: copied away from the repository (so no
// package can come from its node_modules), started with `node server.js` as the container image does,
// it serves the probes, /metrics behind its token, a JSON line per request, and pages under the nonce CSP.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, waitForOk, type RunningProcess } from "@/lib/testing/servers";
import { buildIfStale, standaloneServer } from "@/scripts/production-build";
import { spawn } from "node:child_process";

const databaseUrl = inject("databaseUrl");
const METRICS_TOKEN = "metrics-token-for-the-test-0123";
let directory: string;
let server: RunningProcess;
let base: string;

beforeAll(async () => {
  await buildIfStale((line) => console.log(`[standalone test] ${line}`));
  directory = mkdtempSync(path.join(os.tmpdir(), "portal-standalone-"));
  cpSync(path.dirname(standaloneServer), directory, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.js"], {
    cwd: directory,
    env: { PATH: "/usr/bin:/bin", NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: databaseUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: "standalone-test-secret-0123456789", PORTAL_ENCRYPTION_KEY: "3c".repeat(32), METRICS_TOKEN, LOG_FORMAT: "json" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server = {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
  await waitForOk(`${base}/api/health/live`, server);
}, 30 * 60_000);

afterAll(async () => {
  await server?.stop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("the standalone server, started with node alone", () => {
  it("is live, and ready once the database answers with every migration applied", async () => {
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/api/health/ready`);
    const body = (await ready.json()) as { ready: boolean; migrations: { expected: number; pending: string[] } };
    expect(ready.status, JSON.stringify(body)).toBe(200);
    expect(body.migrations.expected).toBeGreaterThan(10);
    expect(body.migrations.pending).toEqual([]);
  });

  it("logs one JSON line per request with method, route, status, duration and request id", async () => {
    const response = await fetch(`${base}/api/v1/incidents/some-id/events`, { headers: { "x-request-id": "req-standalone-1" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-request-id")).toBe("req-standalone-1");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const line = server.output().split("\n").find((entry) => entry.includes('"requestId":"req-standalone-1"'));
    expect(JSON.parse(line!)).toMatchObject({ msg: "request", method: "GET", route: "/api/v1/incidents/[id]/events", status: 401, ms: expect.any(Number), requestId: "req-standalone-1" });
  });

  it("serves Prometheus metrics per route, only with the token", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer wrong-token-of-the-same-size!" } })).status).toBe(401);
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/portal_http_requests_total\{method="GET",route="\/api\/health\/ready",status="200"\} \d+/);
    expect(text).toMatch(/portal_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/health\/live"\} \d+/);
    expect(text).toMatch(/portal_db_pool_connections\{state="idle"\} \d+/);
    expect(text).toMatch(/portal_outbox_events_pending \d+/);
    expect(text).toMatch(/portal_live_listening [01]/);
  });

  it("sends pages with a per-request nonce, and no 'unsafe-inline' for scripts", async () => {
    const [first, second] = [await fetch(`${base}/sign-in`), await fetch(`${base}/sign-in`)];
    const policies = [first, second].map((response) => response.headers.get("content-security-policy") ?? "");
    const nonces = policies.map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1]);
    expect(nonces[0]).toMatch(/^[\w+/=-]{16,}$/);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(policies[0].split("; ").find((directive) => directive.startsWith("script-src"))).not.toContain("unsafe-inline");
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonces[0]}"`);
  });
});
