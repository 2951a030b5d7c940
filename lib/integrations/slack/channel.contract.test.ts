// A contract test, not an integration test: Slack's servers cannot run here. A local HTTP server checks
// each request against what Slack documents for incoming webhooks (POST, JSON with `text` and `blocks`)
// and answers as Slack documents: 200 "ok", or an HTTP status with an error word in the body
// (400 invalid_payload, 403 action_prohibited, 404 no_service, 410 channel_is_archived, 429 rate_limited
// with Retry-After, 500 on Slack's side).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackChannel } from "@/lib/integrations/slack/channel";
import { sampleEvent } from "@/lib/testing/sample-events";

interface Seen {
  method: string;
  path: string;
  contentType: string;
  body: { text?: unknown; blocks?: unknown };
}

let server: http.Server;
let base: string;
const seen: Seen[] = [];
const answers: Record<string, [number, string, Record<string, string>?]> = {
  "/services/T0/B0/ok": [200, "ok"],
  "/services/T0/B0/invalid": [400, "invalid_payload"],
  "/services/T0/B0/prohibited": [403, "action_prohibited"],
  "/services/T0/B0/removed": [404, "no_service"],
  "/services/T0/B0/archived": [410, "channel_is_archived"],
  "/services/T0/B0/limited": [429, "rate_limited", { "retry-after": "30" }],
  "/services/T0/B0/broken": [500, "internal_error"],
};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let body: Seen["body"] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        response.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
        return;
      }
      seen.push({ method: request.method ?? "", path: request.url ?? "", contentType: request.headers["content-type"] ?? "", body });
      // Slack: a message needs `text` or `blocks`, and `blocks` must be an array.
      if (request.method !== "POST" || (!body.text && !body.blocks) || (body.blocks !== undefined && !Array.isArray(body.blocks))) {
        response.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
        return;
      }
      const [status, word, headers] = answers[request.url ?? ""] ?? [404, "no_service"];
      response.writeHead(status, { "content-type": "text/plain", ...headers }).end(word);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const context = { messageId: "msg_1", portalUrl: "https://portal.example.com", timeoutMs: 2_000, allowPrivate: true, now: new Date("2026-12-01T10:05:00Z") };
const deliver = (path: string) => slackChannel.deliver({ kind: "SLACK", url: `${base}${path}`, secrets: [] }, { ...sampleEvent("incident.declared"), id: "msg_1" }, context);

describe("the Slack channel against Slack's documented incoming-webhook contract", () => {
  it("posts one JSON message with text and blocks, and takes 200 ok as delivered", async () => {
    seen.length = 0;
    const outcome = await deliver("/services/T0/B0/ok");
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, error: null, responseExcerpt: "ok" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", path: "/services/T0/B0/ok", contentType: "application/json" });
    expect(seen[0].body.text).toBe("Incident declared — INC-12: Checkout is down");
    expect(Array.isArray(seen[0].body.blocks)).toBe(true);
  });

  it("reports Slack's error word, and retries only what may succeed later", async () => {
    const cases: [string, number, string, boolean][] = [
      ["/services/T0/B0/invalid", 400, "invalid_payload", false],
      ["/services/T0/B0/prohibited", 403, "action_prohibited", false],
      ["/services/T0/B0/removed", 404, "no_service", false],
      ["/services/T0/B0/archived", 410, "channel_is_archived", false],
      ["/services/T0/B0/limited", 429, "rate_limited", true],
      ["/services/T0/B0/broken", 500, "internal_error", true],
    ];
    for (const [path, status, word, retryable] of cases) {
      const outcome = await deliver(path);
      expect(outcome, path).toMatchObject({ ok: false, statusCode: status, error: `Slack answered ${status}: ${word}`, retryable });
    }
  });

  it("never puts the webhook URL's secret path into an error", async () => {
    const outcome = await slackChannel.deliver({ kind: "SLACK", url: "http://127.0.0.1:1/services/T0/B0/SECRETTOKEN", secrets: [] }, { ...sampleEvent("incident.declared"), id: "msg_1" }, context);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).not.toContain("SECRETTOKEN");
  });
});
