// The worker's Prometheus metrics, served on WORKER_METRICS_PORT: delivery attempts by result and the
// time from an event's commit to its delivery, the database pool, and process metrics; plus /healthz for
// the liveness probe (no token: it says nothing but "up"). ADR 019.
import "server-only";
import http from "node:http";
import client from "prom-client";
import { metricsAuthorized, registerPoolGauge } from "@/lib/observability/metrics.server";

export interface WorkerMetrics {
  registry: client.Registry;
  observeDelivery(result: string, sinceEventMs: number): void;
}

export function createWorkerMetrics(): WorkerMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "portal_worker_" });
  const attempts = new client.Counter({ name: "portal_delivery_attempts_total", help: "Webhook and Slack delivery attempts by result (delivered, retry, failed, superseded)", labelNames: ["result"] as const, registers: [registry] });
  const latency = new client.Histogram({
    name: "portal_delivery_latency_seconds",
    help: "From an event's commit to its successful delivery (retries included)",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
    registers: [registry],
  });
  registerPoolGauge(registry, "Connections of the worker's database pool, by state");
  return {
    registry,
    observeDelivery(result, sinceEventMs) {
      attempts.inc({ result });
      if (result === "delivered") latency.observe(sinceEventMs / 1000);
    },
  };
}

/** Serves /metrics (bearer METRICS_TOKEN; 404 without one configured) and /healthz on the port. */
export function serveWorkerMetrics(metrics: WorkerMetrics, port: number, token: string | undefined): Promise<http.Server> {
  const server = http.createServer(async (request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path === "/healthz") return void response.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    if (path !== "/metrics" || !token) return void response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    if (!metricsAuthorized(request.headers.authorization ?? null, token)) return void response.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' }).end("unauthorized\n");
    response.writeHead(200, { "content-type": metrics.registry.contentType }).end(await metrics.registry.metrics());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve(server));
  });
}
