// A `fetch` for the provider API clients (Octokit, gitbeaker, Gitea's plain calls) with the portal's
// outbound rules: the connect-time address check (SSRF), a time limit, a capped answer, and redirects not
// followed (answered as they come, so the client reports them). A subset of fetch: enough for JSON APIs.
import http from "node:http";
import https from "node:https";
import { guardedLookup, isPrivateAddress } from "@/lib/net/address-policy";

export interface GuardedFetchOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** Bytes of an answer read at most (default 4 MB). */
  maxResponseBytes?: number;
  /** false: accept any TLS certificate (a data source with TLS verification turned off). Default true. */
  verifyTls?: boolean;
}

export class OutboundError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

/** Whether an error (or one it wraps) is the address policy refusing a private address: retrying cannot help. */
export function isRefusedAddress(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth++) {
    if (current.code === "EREFUSEDADDRESS") return true;
  }
  return false;
}

async function bodyBytes(body: unknown): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  return Buffer.from(await new Response(body as BodyInit).arrayBuffer());
}

export function guardedFetch(options: GuardedFetchOptions): typeof fetch {
  const limit = options.maxResponseBytes ?? 4 * 1024 * 1024;
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request ? request.url : String(input));
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundError(`Unsupported scheme ${url.protocol}`, "EPROTOCOL");
    const method = (init.method ?? request?.method ?? "GET").toUpperCase();
    const headers = new Headers(request?.headers);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    const body = await bodyBytes(init.body ?? (request && method !== "GET" && method !== "HEAD" ? await request.arrayBuffer() : undefined));
    if (body) headers.set("content-length", String(body.length));
    // An address literal never goes through `lookup`: check it here.
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (!options.allowPrivate && /^[\d.]+$|:/.test(literal) && isPrivateAddress(literal))
      throw new OutboundError(`${literal} is a private address, which is not allowed (set WEBHOOK_ALLOW_PRIVATE=true for on-premises servers)`, "EREFUSEDADDRESS");
    const secure = url.protocol === "https:";
    return new Promise<Response>((resolve, reject) => {
      const outgoing = (secure ? https : http).request(url, {
        method,
        headers: Object.fromEntries(headers.entries()),
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
        ...(secure && options.verifyTls === false ? { rejectUnauthorized: false } : {}),
      });
      const signal = init.signal ?? request?.signal;
      signal?.addEventListener("abort", () => outgoing.destroy(new OutboundError("The request was aborted", "ABORT_ERR")));
      outgoing.on("timeout", () => outgoing.destroy(new OutboundError(`No answer from ${url.host} within ${options.timeoutMs} ms`, "ETIMEDOUT")));
      outgoing.on("error", reject);
      outgoing.on("response", (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > limit) {
            response.destroy(new OutboundError(`The answer from ${url.host} is larger than ${limit} bytes`, "ETOOLARGE"));
            return;
          }
          chunks.push(chunk);
        });
        response.on("error", reject);
        response.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue;
            for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, item);
          }
          const status = response.statusCode ?? 0;
          const noBody = status === 204 || status === 304 || method === "HEAD";
          const result = new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: response.statusMessage ?? "", headers: responseHeaders });
          Object.defineProperty(result, "url", { value: url.toString() });
          resolve(result);
        });
      });
      outgoing.end(body);
    });
  }) as typeof fetch;
}
