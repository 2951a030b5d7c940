// One outbound HTTP POST as the integrations make it: a connect-time address check (SSRF), no redirects
// followed, a hard timeout, at most 64 KB of the answer read, and a result instead of an exception, so that
// a receiver that answers 500, hangs or resets the connection is one failed attempt and nothing more.
import http from "node:http";
import https from "node:https";
import { guardedLookup, isPrivateAddress } from "@/lib/net/address-policy";
import type { DeliveryOutcome } from "@/lib/notifications/channel";

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** Bytes of the response body read at most; the rest is discarded (default 64 KB). */
  maxResponseBytes?: number;
}

const EXCERPT_CHARS = 1_000;
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 }),
};

/** Worth retrying: the receiver may answer differently later. 4xx other than these will not change. */
export const isRetryableStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/** The URL without its query and credentials: Slack and many receivers keep tokens there. */
const describeTarget = (url: URL) => `${url.protocol}//${url.host}`;

function errorText(error: NodeJS.ErrnoException, url: URL): string {
  const code = error.code && !error.message.includes(error.code) ? `${error.code}: ` : "";
  // Never echo the full URL (tokens in paths and queries).
  return `${code}${error.message}`.replaceAll(url.toString(), describeTarget(url)).slice(0, 500);
}

export function postJson(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<DeliveryOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const limit = options.maxResponseBytes ?? 65_536;

  return new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    // Set once the request exists; `finish` may run before that (a bad URL).
    const deadline: { timer?: NodeJS.Timeout } = {};
    const finish = (outcome: Omit<DeliveryOutcome, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      resolve({ ...outcome, latencyMs: elapsed() });
    };

    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return finish({ ok: false, statusCode: null, responseExcerpt: "", error: "The URL is not valid", retryable: false });
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") return finish({ ok: false, statusCode: null, responseExcerpt: "", error: `Unsupported scheme ${target.protocol}`, retryable: false });
    const literal = target.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivate && /^[\d.]+$|:/.test(literal) && isPrivateAddress(literal))
      return finish({ ok: false, statusCode: null, responseExcerpt: "", error: `${literal} is a private address, which is not allowed`, retryable: false });

    const secure = target.protocol === "https:";
    const request = (secure ? https : http).request(target, {
      method: "POST",
      agent: secure ? agents.https : agents.http,
      lookup: guardedLookup(options.allowPrivate),
      headers: { "content-type": "application/json", "user-agent": "PlatformPortal-Webhooks/1", ...headers, "content-length": Buffer.byteLength(body).toString() },
    });
    deadline.timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, responseExcerpt: "", error: `Timed out after ${options.timeoutMs} ms`, retryable: true });
      request.destroy();
    }, options.timeoutMs);

    request.on("error", (error: NodeJS.ErrnoException) => {
      const refused = error.code === "EREFUSEDADDRESS";
      finish({ ok: false, statusCode: null, responseExcerpt: "", error: errorText(error, target), retryable: !refused });
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let read = 0;
      const done = () => {
        const excerpt = Buffer.concat(chunks).toString("utf8").replaceAll("\u0000", "").slice(0, EXCERPT_CHARS);
        if (status >= 200 && status < 300) finish({ ok: true, statusCode: status, responseExcerpt: excerpt, error: null, retryable: false });
        else if (status >= 300 && status < 400)
          finish({ ok: false, statusCode: status, responseExcerpt: excerpt, error: `Redirects are not followed (HTTP ${status} to ${response.headers.location ?? "nowhere"})`.slice(0, 500), retryable: false });
        else finish({ ok: false, statusCode: status, responseExcerpt: excerpt, error: `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`, retryable: isRetryableStatus(status) });
      };
      response.on("data", (chunk: Buffer) => {
        if (read >= limit) return;
        const room = limit - read;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        read += Math.min(chunk.length, room);
        if (read >= limit) {
          // Enough: stop reading and drop the connection rather than draining a huge answer.
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("error", (error: NodeJS.ErrnoException) => {
        if (read >= limit) return;
        finish({ ok: false, statusCode: status, responseExcerpt: "", error: errorText(error, target), retryable: true });
      });
      response.on("aborted", () => finish({ ok: false, statusCode: status, responseExcerpt: "", error: "The connection was reset while reading the answer", retryable: true }));
    });
    request.end(body);
  });
}
