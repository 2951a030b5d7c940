# Platform Portal: one image, three commands (ADR 019).
#   web (default)  node server.js                       Next's standalone server on $PORT (3000)
#   worker         node --conditions=react-server --import tsx scripts/worker.ts
#   migrate        node --conditions=react-server --import tsx scripts/admin.ts migrate
# Needs DATABASE_URL (an external PostgreSQL 14+), NEXTAUTH_URL, NEXTAUTH_SECRET and PORTAL_ENCRYPTION_KEY.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the Prisma client is generated from the schema below, nothing is downloaded.
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
RUN node scripts/prisma-generate.mjs && node node_modules/next/dist/bin/next build

FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The worker and the migration job run the TypeScript sources with tsx (production dependencies); the web
# server is the standalone output, on top of them, with its browser assets.
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/package.json /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
# node's image has a non-root user "node" (uid 1000); nothing in /app is writable by it.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
