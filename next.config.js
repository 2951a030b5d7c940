// Next.js configuration: the standalone server (what the container image and `npm start` run) and the
// security headers that do not change per request. The Content-Security-Policy of pages carries a fresh
// nonce per request, so proxy.ts sets it (ADR 004); API answers get a fixed, stricter one here.
/** @type {import('next').NextConfig} */
const nextConfig = {
  // `.next/standalone/server.js` plus only the files it needs: the container image's web server, and what
  // `npm start` serves too (scripts/start.ts), so both run the same way (ADR 019).
  output: "standalone",
  // The readiness probe compares the applied migrations with this build's (app/api/health/ready).
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/*"] },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Bodies of requests the proxy runs for (pages, server actions) are buffered up to this, not whole;
    // the proxy refuses larger declared sizes with 413 (lib/api/body.ts PAGE_BODY_LIMIT_BYTES, ADR 022).
    proxyClientMaxBodySize: 1_000_000,
    serverActions: { bodySizeLimit: 1_000_000 },
  },
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "prom-client"],
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    return [
      { source: "/:path*", headers: common },
      // JSON, event streams and downloads: nothing in them may run or be framed.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
