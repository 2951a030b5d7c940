import { env } from "@/lib/env";
import { metricsAuthorized, webMetrics } from "@/lib/observability/metrics.server";

export const dynamic = "force-dynamic";

// Prometheus metrics of this replica, for a bearer of METRICS_TOKEN; 404 while no token is configured.
export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return Response.json({ error: { code: "not_found", message: "Metrics are off: set METRICS_TOKEN to serve them" } }, { status: 404 });
  if (!metricsAuthorized(request.headers.get("authorization"), token)) {
    return Response.json({ error: { code: "unauthenticated", message: "Send Authorization: Bearer <METRICS_TOKEN>" } }, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { registry } = webMetrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}
