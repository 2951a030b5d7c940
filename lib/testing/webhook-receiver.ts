// A real webhook receiver for tests and benchmarks: a Node HTTP server on 127.0.0.1 that verifies every
// request with the `standardwebhooks` package itself (the library a team's receiver would use), and can be
// told to misbehave: refuse connections, answer slowly, answer 500, or hang.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
  rawBody: string;
  headers: Record<string, string>;
}

/**
 * - `ok`: verify, answer 204.
 * - `slow`: verify, record, answer 204 after `slowMs` (deliveries are in flight for a while).
 * - `fail500`: verify, answer 500 (not recorded as received).
 * - `hang`: never answer.
 * - `down`: not listening at all: connections are refused.
 */
export type ReceiverMode = "ok" | "slow" | "fail500" | "hang" | "down";

export interface WebhookReceiver {
  readonly url: string;
  /** Verified requests that were (or are being) answered with success, in arrival order. */
  readonly received: ReceivedWebhook[];
  /** Requests whose signature did not verify (answered 401). */
  readonly rejected: number;
  /** Verified requests answered 500 in `fail500` mode. */
  readonly failed: number;
  setSecrets(secrets: string[]): void;
  setMode(mode: ReceiverMode): Promise<void>;
  onReceive(listener: (event: ReceivedWebhook) => void): void;
  reset(): void;
  waitFor(predicate: (events: ReceivedWebhook[]) => boolean, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: { secret: string[]; slowMs?: number }): Promise<WebhookReceiver> {
  let secrets = options.secret;
  let mode: ReceiverMode = "ok";
  const received: ReceivedWebhook[] = [];
  const listeners: ((event: ReceivedWebhook) => void)[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<http.ServerResponse>();
  const counts = { rejected: 0, failed: 0 };
  let server: http.Server | undefined;
  let port = 0;

  const verify = (rawBody: string, headers: Record<string, string>): boolean =>
    secrets.some((secret) => {
      try {
        new Webhook(secret).verify(rawBody, headers);
        return true;
      } catch {
        return false;
      }
    });

  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (mode === "hang") {
        hanging.add(response);
        return;
      }
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers[name] = value;
      if (!verify(rawBody, headers)) {
        counts.rejected++;
        response.writeHead(401).end("bad signature");
        return;
      }
      if (mode === "fail500") {
        counts.failed++;
        response.writeHead(500, { "content-type": "text/plain" }).end("internal error at the receiver");
        return;
      }
      const body = JSON.parse(rawBody) as { type: string; timestamp: string; data: unknown };
      const event: ReceivedWebhook = { id: headers["webhook-id"], type: body.type, timestamp: body.timestamp, data: body.data, rawBody, headers };
      received.push(event);
      for (const listener of listeners) listener(event);
      if (mode === "slow") setTimeout(() => response.writeHead(204).end(), options.slowMs ?? 400);
      else response.writeHead(204).end();
    });
  };

  async function listen() {
    server = http.createServer(handle);
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  }

  async function shut() {
    if (!server) return;
    const closing = server;
    server = undefined;
    for (const response of hanging) response.destroy();
    hanging.clear();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await listen();
  const url = `http://127.0.0.1:${port}/hooks/portal`;

  return {
    url,
    received,
    get rejected() {
      return counts.rejected;
    },
    get failed() {
      return counts.failed;
    },
    setSecrets(next) {
      secrets = next;
    },
    async setMode(next) {
      if (next === mode) return;
      const wasDown = mode === "down";
      mode = next;
      if (next === "down") await shut();
      else if (wasDown) await listen();
      if (next !== "hang") {
        for (const response of hanging) response.destroy();
        hanging.clear();
      }
    },
    onReceive(listener) {
      listeners.push(listener);
    },
    reset() {
      received.length = 0;
      counts.rejected = 0;
      counts.failed = 0;
    },
    async waitFor(predicate, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`The receiver did not get what was expected within ${timeoutMs} ms (${received.length} received, ${counts.rejected} rejected, ${counts.failed} answered 500)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: shut,
  };
}
