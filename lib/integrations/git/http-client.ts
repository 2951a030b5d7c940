// isomorphic-git's HTTP client interface, implemented on node:http(s) with the portal's outbound rules: the
// connect-time address check (SSRF, lib/net/address-policy.ts), a time limit on every request, and no
// redirects followed (a redirect is reported with where it points, so the clone URL can be corrected).
// isomorphic-git's own node client (simple-get) follows redirects and resolves names without the check,
// which is why this one exists (ADR 016).
import http from "node:http";
import https from "node:https";
import type { GitHttpRequest, GitHttpResponse, HttpClient } from "isomorphic-git";
import { guardedLookup, isPrivateAddress } from "@/lib/net/address-policy";

export class GitTransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "GitTransportError";
  }
}

async function collect(body: GitHttpRequest["body"]): Promise<Buffer | undefined> {
  if (!body) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* iterate(stream: http.IncomingMessage): AsyncIterableIterator<Uint8Array> {
  for await (const chunk of stream) yield new Uint8Array(chunk as Buffer);
}

export function guardedGitHttp(options: { timeoutMs: number; allowPrivate: boolean }): HttpClient {
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      const url = new URL(request.url);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new GitTransportError(`Unsupported scheme ${url.protocol}`, "EPROTOCOL");
      const body = await collect(request.body);
      // An address literal never goes through `lookup`: check it here.
      const literal = url.hostname.replace(/^\[|\]$/g, "");
      if (!options.allowPrivate && /^[\d.]+$|:/.test(literal) && isPrivateAddress(literal))
        throw new GitTransportError(`${literal} is a private address, which is not allowed (set WEBHOOK_ALLOW_PRIVATE=true for on-premises servers)`, "EREFUSEDADDRESS");
      const secure = url.protocol === "https:";
      return new Promise<GitHttpResponse>((resolve, reject) => {
        const outgoing = (secure ? https : http).request(url, {
          method: request.method ?? "GET",
          headers: { "user-agent": "PlatformPortal-Git/1", ...request.headers, ...(body ? { "content-length": String(body.length) } : {}) },
          lookup: guardedLookup(options.allowPrivate),
          timeout: options.timeoutMs,
        });
        outgoing.on("timeout", () => outgoing.destroy(new GitTransportError(`No answer from ${url.host} within ${options.timeoutMs} ms`, "ETIMEDOUT")));
        outgoing.on("error", reject);
        outgoing.on("response", (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 300 && status < 400) {
            response.resume();
            const location = response.headers.location ? new URL(response.headers.location, url) : null;
            if (location) location.search = "";
            reject(new GitTransportError(`The Git server redirects (HTTP ${status}) to ${location ? `${location.origin}${location.pathname}` : "another address"}; redirects are not followed, so use that address as the clone URL`, "EREDIRECT"));
            return;
          }
          response.setTimeout(options.timeoutMs, () => response.destroy(new GitTransportError(`The answer from ${url.host} stalled for ${options.timeoutMs} ms`, "ETIMEDOUT")));
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
          resolve({ url: request.url, method: request.method, statusCode: status, statusMessage: response.statusMessage ?? "", headers, body: iterate(response) });
        });
        outgoing.end(body);
      });
    },
  };
}
