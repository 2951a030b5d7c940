import { describe, expect, it } from "vitest";
import { routeResolver } from "@/lib/observability/routes";

describe("route patterns for metrics and logs", () => {
  const resolve = routeResolver({
    staticRoutes: [{ page: "/" }, { page: "/api/health/ready" }, { page: "/metrics" }],
    dynamicRoutes: [
      { page: "/api/v1/incidents/[id]/events", regex: "^/api/v1/incidents/([^/]+?)/events(?:/)?$" },
      { page: "/incidents/[id]", regex: "^/incidents/([^/]+?)(?:/)?$" },
    ],
  });

  it("names a route by its pattern, whatever the ids", () => {
    expect(resolve("/api/v1/incidents/ck123/events")).toBe("/api/v1/incidents/[id]/events");
    expect(resolve("/incidents/ck9")).toBe("/incidents/[id]");
    expect(resolve("/api/health/ready")).toBe("/api/health/ready");
    expect(resolve("/")).toBe("/");
  });

  it("keeps the number of series bounded: assets and unknown paths share one name each", () => {
    expect(resolve("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(resolve("/_next/image")).toBe("/_next");
    expect(resolve("/wp-admin/install.php")).toBe("(unmatched)");
  });
});
