// Turns a request path into the app's route pattern ("/api/v1/incidents/[id]/events"), so that metrics and
// logs have one series per route, not one per id. Patterns come from Next's routes manifest of the build.

export interface RouteManifest {
  staticRoutes?: { page: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
}

export type RouteResolver = (pathname: string) => string;

export function routeResolver(manifest: RouteManifest): RouteResolver {
  const exact = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamic = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/static/") ? "/_next/static" : "/_next";
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    if (exact.has(path)) return path;
    for (const route of dynamic) if (route.regex.test(path)) return route.page;
    return "(unmatched)";
  };
}
