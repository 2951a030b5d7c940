// Oversized bodies against the real production server, as an attacker sends them: several at once, with a
// declared Content-Length, and chunked with none, to signed-out routes (sign-in, next-auth, the API) and to
// the API with a valid token. Each is refused with 413 (or answered without its body being read) long
// before it is buffered, and the server, run with the container image's 320 MB heap, still answers after.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AUTH_BODY_LIMIT_BYTES, PAGE_BODY_LIMIT_BYTES } from "@/lib/api/body";
import { DEFAULT_BODY_LIMIT_BYTES } from "@/lib/api/handler";
import { makeTeam } from "@/lib/testing/factories";
import { freePort, startWebServer, waitForOk, type RunningProcess } from "@/lib/testing/servers";
import { createToken } from "@/lib/tokens/tokens.server";
import { buildIfStale } from "@/scripts/production-build";

/** What the issue saw bring the server down: 120 MB bodies, four at a time, on a 320 MB heap. */
const OVERSIZE_BYTES = 120 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "a");

let server: RunningProcess;
let port: number;
let token: string;

beforeAll(async () => {
  await buildIfStale((line) => console.log(`[body limits test] ${line}`));
  port = await freePort();
  server = startWebServer(port, {
    DATABASE_URL: inject("databaseUrl"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: "body-limits-test-secret-0123456789",
    PORTAL_ENCRYPTION_KEY: "5d".repeat(32),
    NODE_OPTIONS: "--max-old-space-size=320",
  });
  await waitForOk(`http://127.0.0.1:${port}/api/health/live`, server);
  const team = await makeTeam();
  token = (await createToken(team.owner.actor, team.slug, { name: "body limits" })).secret;
}, 30 * 60_000);

afterAll(async () => {
  await server?.stop();
});

interface Sent {
  status: number;
  /** How much of the body went out before the answer came. */
  sentBytes: number;
}

/**
 * Posts up to OVERSIZE_BYTES, stopping as soon as the server answers; with `chunked`, no Content-Length is
 * sent at all. Honors back-pressure, so a server that stops reading stops the sender too.
 */
function sendOversize(path: string, { chunked, headers = {} }: { chunked: boolean; headers?: Record<string, string> }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = http.request({
      host: "127.0.0.1",
      port,
      path,
      method: "POST",
      headers: { "content-type": "application/json", ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(OVERSIZE_BYTES) }), ...headers },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`${path} (${chunked ? "chunked" : "declared"}) did not answer within 30 s after ${sentBytes} bytes`));
    }, 30_000);
    request.on("response", (response) => {
      answered = true;
      clearTimeout(timer);
      response.resume();
      resolve({ status: response.statusCode ?? 0, sentBytes });
      request.destroy();
    });
    request.on("error", (error) => {
      if (!answered) {
        clearTimeout(timer);
        reject(new Error(`${path} (${chunked ? "chunked" : "declared"}): ${error.message} after ${sentBytes} bytes`));
      }
    });
    const pump = () => {
      while (!answered && sentBytes < OVERSIZE_BYTES) {
        sentBytes += CHUNK.length;
        if (!request.write(CHUNK)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("oversized bodies", () => {
  it("are refused by declared or streamed size, several at once, and the server still answers", async () => {
    const bearer = () => ({ authorization: `Bearer ${token}` });
    const cases = [
      { path: "/api/auth/callback/credentials", expected: [413], limit: AUTH_BODY_LIMIT_BYTES },
      { path: "/api/auth/signin/credentials", expected: [413], limit: AUTH_BODY_LIMIT_BYTES },
      { path: "/api/v1/requests", headers: bearer, expected: [413], limit: DEFAULT_BODY_LIMIT_BYTES },
      // Signed out: refused before the body is read at all.
      { path: "/api/v1/requests", expected: [401], limit: 0 },
      // A page post (what a server action is): refused on its declared size by the proxy; a chunked one
      // is buffered at most to the proxy's limit and then answered without it.
      { path: "/sign-in", expected: [413, 200, 303, 307, 400, 404, 405], limit: PAGE_BODY_LIMIT_BYTES, declaredOnly: [413], drained: true },
    ];
    const runs = cases.flatMap((entry) =>
      [false, true].map(async (chunked) => {
        const result = await sendOversize(entry.path, { chunked, headers: entry.headers?.() });
        return { ...entry, chunked, ...result };
      }),
    );
    const results = await Promise.all(runs);
    const summary = results.map((result) => `${result.path} ${result.chunked ? "chunked" : "declared"} → ${result.status} after ${(result.sentBytes / 1024 / 1024).toFixed(1)} MB`).join("\n");
    for (const result of results) {
      const allowed = !result.chunked && result.declaredOnly ? result.declaredOnly : result.expected;
      expect(allowed, summary).toContain(result.status);
      // Answered long before the whole body went out: what was read stays near the route's limit (plus what
      // sat in socket buffers on the way). Page posts are the exception: Next reads the whole body before
      // the proxy runs, keeping only proxyClientMaxBodySize of it, so they cost time but not memory.
      if (!("drained" in result)) expect(result.sentBytes, summary).toBeLessThan(OVERSIZE_BYTES / 4);
    }
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status, server.output().slice(-2000)).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it("still takes an ordinary sign-in post and an ordinary API body", async () => {
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/requests`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ team: "nope", role: "nope" }) });
    expect([404, 422]).toContain(created.status);
    const csrf = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`);
    expect(csrf.status).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((entry) => entry.split(";")[0]).join("; ");
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, email: "nobody@example.com", password: "wrong-password", json: "true" }),
    });
    // A wrong password is answered by next-auth itself (a redirect back to its pages), not by the limit.
    expect([200, 302, 401]).toContain(signIn.status);
    expect(signIn.headers.get("location") ?? (await signIn.text())).toMatch(/\/api\/auth\/|\/sign-in/);
  });

  it("answers 404, not 500, for paths that are not UTF-8 or hold NUL, for the API and pages alike", async () => {
    for (const path of ["/api/v1/incidents/%ff/events", "/api/v1/requests/a%00b", "/requests/%ff", "/requests/a%00b", "/api/v1/teams/%e2%82/slos"]) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
      expect(response.status, path).toBe(404);
    }
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });
});
