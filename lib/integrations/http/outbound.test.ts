// postJson against a real local HTTP server that misbehaves in the ways receivers do.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "@/lib/integrations/http/outbound";

let server: http.Server;
let base: string;
const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const path = new URL(request.url!, "http://x").pathname;
      if (path === "/ok") response.writeHead(200, { "content-type": "text/plain" }).end("thanks");
      else if (path === "/500") response.writeHead(500).end("boom");
      else if (path === "/429") response.writeHead(429).end("slow down");
      else if (path === "/404") response.writeHead(404).end("no_service");
      else if (path === "/redirect") response.writeHead(302, { location: "http://169.254.169.254/" }).end();
      else if (path === "/huge") response.writeHead(200).end("x".repeat(5_000_000));
      else if (path === "/reset") request.socket.destroy();
      else if (path === "/hang") {
        /* never answers */
      } else response.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = { timeoutMs: 1_000, allowPrivate: true };

describe("postJson", () => {
  it("posts the body with the given headers and reports a 2xx as delivered", async () => {
    const outcome = await postJson(`${base}/ok`, '{"a":1}', { "webhook-id": "msg_1" }, options);
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: "thanks", error: null });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    const last = seen.at(-1)!;
    expect(last.body).toBe('{"a":1}');
    expect(last.headers).toMatchObject({ "webhook-id": "msg_1", "content-type": "application/json" });
  });

  it("classifies answers: 5xx and 429 retry, other 4xx do not, redirects are not followed", async () => {
    expect(await postJson(`${base}/500`, "{}", {}, options)).toMatchObject({ ok: false, statusCode: 500, responseExcerpt: "boom", retryable: true, error: expect.stringContaining("500") });
    expect(await postJson(`${base}/429`, "{}", {}, options)).toMatchObject({ ok: false, statusCode: 429, retryable: true });
    expect(await postJson(`${base}/404`, "{}", {}, options)).toMatchObject({ ok: false, statusCode: 404, responseExcerpt: "no_service", retryable: false });
    const count = seen.length;
    expect(await postJson(`${base}/redirect`, "{}", {}, options)).toMatchObject({ ok: false, statusCode: 302, retryable: false, error: expect.stringContaining("not followed") });
    expect(seen.length).toBe(count + 1);
  });

  it("reads at most the limit of a huge answer and keeps a 1,000-character excerpt", async () => {
    const outcome = await postJson(`${base}/huge`, "{}", {}, { ...options, maxResponseBytes: 65_536 });
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 });
    expect(outcome.responseExcerpt).toHaveLength(1_000);
  });

  it("times out a hanging receiver, and reports resets and refused connections, without throwing", async () => {
    const hung = await postJson(`${base}/hang`, "{}", {}, { ...options, timeoutMs: 300 });
    expect(hung).toMatchObject({ ok: false, statusCode: null, retryable: true, error: "Timed out after 300 ms" });
    expect(hung.latencyMs).toBeGreaterThanOrEqual(290);
    expect(await postJson(`${base}/reset`, "{}", {}, options)).toMatchObject({ ok: false, statusCode: null, retryable: true, error: expect.stringMatching(/socket hang up|ECONNRESET/) });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await postJson(`http://127.0.0.1:${port}/x?token=secret`, "{}", {}, options)).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("ECONNREFUSED") });
  });

  it("refuses private addresses unless allowed, by literal and at connect time, never leaking the query", async () => {
    const literal = await postJson(`${base}/ok?token=secret`, "{}", {}, { timeoutMs: 1_000, allowPrivate: false });
    expect(literal).toMatchObject({ ok: false, statusCode: null, retryable: false, error: expect.stringContaining("private address") });
    expect(literal.error).not.toContain("secret");
    const port = new URL(base).port;
    const named = await postJson(`http://localhost:${port}/ok`, "{}", {}, { timeoutMs: 1_000, allowPrivate: false });
    expect(named).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("private address") });
    expect(await postJson("ftp://example.com/", "{}", {}, options)).toMatchObject({ ok: false, retryable: false });
  });
});
