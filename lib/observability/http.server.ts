// Observes every HTTP request the server answers: a request id (the caller's X-Request-Id when it is
// sensible, else a new one; echoed in the response), the per-route count and latency metrics, and with
// LOG_FORMAT=json one JSON line per request. Installed once per process from instrumentation.ts by
// wrapping http.Server's "request" event, since Next has no hook that sees every response's status and
// duration. ADR 019.
import "server-only";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import { unreadablePath } from "@/lib/security/unreadable-path";
import path from "node:path";
import { env } from "@/lib/env";
import { webMetrics } from "@/lib/observability/metrics.server";
import { routeResolver, type RouteResolver, type RouteManifest } from "@/lib/observability/routes";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

let resolver: RouteResolver | undefined;
function resolveRoute(url: string | undefined): string {
  if (!resolver) {
    const file = path.join(process.cwd(), ".next", "routes-manifest.json");
    resolver = routeResolver(existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RouteManifest) : {});
  }
  const pathname = (url ?? "/").split("?")[0] || "/";
  return resolver(pathname);
}

function observe(request: http.IncomingMessage, response: http.ServerResponse) {
  const started = performance.now();
  const given = request.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  response.once("close", () => {
    const ms = performance.now() - started;
    const route = resolveRoute(request.url);
    const method = request.method ?? "GET";
    const status = response.headersSent ? response.statusCode : 499;
    const stream = String(response.getHeader("content-type") ?? "").startsWith("text/event-stream");
    try {
      const metrics = webMetrics();
      metrics.httpRequests.inc({ method, route, status: String(status) });
      // An event stream lasts minutes by design: it would drown the latency of everything else.
      if (!stream) metrics.httpDuration.observe({ method, route }, ms / 1000);
    } catch {
      // Metrics never break a request.
    }
    if (env().LOG_FORMAT === "json") {
      process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: status >= 500 ? "error" : "info", msg: "request", method, route, path: (request.url ?? "/").split("?")[0], status, ms: Math.round(ms * 10) / 10, requestId })}\n`);
    }
  });
}

export function instrumentHttpServer(): void {
  const marker = globalThis as unknown as { portalHttpObserved?: boolean };
  if (marker.portalHttpObserved) return;
  marker.portalHttpObserved = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      observe(request, response);
      if (unreadablePath((request.url ?? "/").split("?")[0])) {
        // Next would answer 500 for an API path it cannot decode: answer 404 (the path names nothing) here.
        request.resume();
        response.writeHead(404, { "content-type": "application/json", "cache-control": "no-store" });
        response.end(JSON.stringify({ error: { code: "not_found", message: "Resource not found" } }));
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
