// Prometheus metrics of this process (prom-client): HTTP requests per route (count and latency), the
// database pool, the live hub, and the outbox as the database sees it. One registry per process, kept on
// globalThis because Next bundles the instrumentation hook and the /metrics route separately. ADR 019.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { connectionPools, getDb } from "@/lib/db/client";
import { liveHub } from "@/lib/live/hub.server";
import { outboxBacklog } from "@/lib/notifications/deliveries.server";

export interface PortalMetrics {
  registry: client.Registry;
  httpRequests: client.Counter<"method" | "route" | "status">;
  httpDuration: client.Histogram<"method" | "route">;
}

const globalForMetrics = globalThis as unknown as { portalMetrics?: PortalMetrics };

/** The outbox figures come from one query, made at most every 10 s however often Prometheus scrapes. */
const BACKLOG_CACHE_MS = 10_000;

/** The database pools of this process (web or worker), by state: in use, idle, and callers waiting. */
export function registerPoolGauge(registry: client.Registry, help: string): void {
  new client.Gauge({
    name: "portal_db_pool_connections",
    help,
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      let total = 0;
      let idle = 0;
      let waiting = 0;
      for (const pool of connectionPools()) {
        total += pool.totalCount;
        idle += pool.idleCount;
        waiting += pool.waitingCount;
      }
      this.set({ state: "in_use" }, total - idle);
      this.set({ state: "idle" }, idle);
      this.set({ state: "waiting" }, waiting);
    },
  });
}

export function webMetrics(): PortalMetrics {
  if (globalForMetrics.portalMetrics) return globalForMetrics.portalMetrics;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "portal_web_" });
  const httpRequests = new client.Counter({ name: "portal_http_requests_total", help: "HTTP requests answered, by method, route pattern and status", labelNames: ["method", "route", "status"] as const, registers: [registry] });
  const httpDuration = new client.Histogram({
    name: "portal_http_request_duration_seconds",
    help: "Time from request to the end of the response, by method and route pattern (event streams excluded)",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  registerPoolGauge(registry, "Connections of this process's database pools, by state (in use, idle, waiting callers)");
  new client.Gauge({
    name: "portal_live_streams",
    help: "Live event streams (Server-Sent Events) open on this replica",
    registers: [registry],
    collect() {
      this.set(liveHub().subscriberCount());
    },
  });
  new client.Gauge({
    name: "portal_live_listening",
    help: "1 while this replica LISTENs for live changes; 0 where pages poll (embedded database, connection down)",
    registers: [registry],
    collect() {
      this.set(liveHub().state === "listening" ? 1 : 0);
    },
  });
  let backlog: { at: number; value: Awaited<ReturnType<typeof outboxBacklog>> | undefined } = { at: 0, value: undefined };
  const readBacklog = async () => {
    if (Date.now() - backlog.at > BACKLOG_CACHE_MS) backlog = { at: Date.now(), value: await outboxBacklog(getDb()).catch(() => undefined) };
    return backlog.value;
  };
  new client.Gauge({
    name: "portal_outbox_events_pending",
    help: "Outbox events committed but not yet fanned out to deliveries (the same on every replica: use max)",
    registers: [registry],
    async collect() {
      const value = await readBacklog();
      if (value) this.set(value.eventsPending);
    },
  });
  new client.Gauge({
    name: "portal_outbox_oldest_pending_seconds",
    help: "Age of the oldest event or delivery still waiting to be sent: the delivery lag (0 when none waits)",
    registers: [registry],
    async collect() {
      const value = await readBacklog();
      if (value) this.set(value.oldestPendingSeconds);
    },
  });
  new client.Gauge({
    name: "portal_webhook_deliveries",
    help: "Webhook and Slack deliveries by state (the same on every replica: use max)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const value = await readBacklog();
      if (!value) return;
      for (const [state, count] of Object.entries(value.deliveries)) this.set({ state }, count);
    },
  });
  globalForMetrics.portalMetrics = { registry, httpRequests, httpDuration };
  return globalForMetrics.portalMetrics;
}

/** Whether a /metrics request carries the configured bearer token (compared in constant time). */
export function metricsAuthorized(header: string | null, token: string | undefined): boolean {
  if (!token || !header) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
