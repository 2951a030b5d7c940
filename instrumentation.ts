// Next's start-up hook: on the Node.js server (not the edge runtime), observe every HTTP request for
// /metrics and the JSON request log (lib/observability/http.server.ts). NEXT_RUNTIME is set by Next itself,
// not a setting, so it is read here rather than through lib/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { instrumentHttpServer } = await import("@/lib/observability/http.server");
    instrumentHttpServer();
  }
}
