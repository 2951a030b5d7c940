// The only reader of process.env: every setting the portal understands, validated once with zod.
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "postgres:" || url.protocol === "postgresql:";
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL, e.g. postgresql://user:pass@127.0.0.1:5432/portal");

const port = z.coerce.number({ error: "must be a port number from 1 to 65535" }).int("must be a port number from 1 to 65535").min(1, "must be a port number from 1 to 65535").max(65535, "must be a port number from 1 to 65535");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** An external PostgreSQL (14+). When unset, the portal serves its own embedded database. */
  DATABASE_URL: postgresUrl.optional(),
  /** Where the embedded database, the generated secret and the embedded server's URL live. */
  DATA_DIR: z.string().trim().min(1).default(".data"),
  /** The fixed local port the embedded database listens on, so the admin CLI can find it. */
  EMBEDDED_DB_PORT: port.default(54329),
  PORT: port.default(3000),
  /** Seed the demo organisation at start. Defaults to on for the embedded database, off otherwise. */
  DEMO_MODE: booleanish.optional(),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("SSO"),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** bcrypt work factor. 12 is the default; tests may lower it. */
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** Connections in the app's pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * The web server's V8 old-space limit in MB. A limit makes V8 collect before the heap grows into it, which
   * keeps the process well under 512 MB RSS on the dashboards (see `npm run bench:slo`).
   */
  WEB_HEAP_MB: z.coerce.number().int().min(128).max(16_384).default(320),
  TEST_DATABASE_URL: postgresUrl.optional(),
  /**
   * The AES-256-GCM key that encrypts integration secrets at rest (webhook secrets, Slack URLs, credentials):
   * 32 bytes as 64 hex characters or base64. Unset: generated once into `$DATA_DIR/encryption-key`.
   */
  PORTAL_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((value) => /^[0-9a-fA-F]{64}$/.test(value) || Buffer.from(value, "base64").length === 32, "must be 32 bytes: 64 hex characters or base64")
    .optional(),
  /** Allow outbound URLs that resolve to loopback, link-local or private addresses (tests, on-premises receivers). */
  WEBHOOK_ALLOW_PRIVATE: booleanish.default(false),
  /** How long one outbound HTTP attempt may take before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** The first retry's delay; each later one doubles it (with jitter), up to an hour between attempts. */
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  /** How long deliveries keep being retried before they are marked failed. */
  OUTBOX_RETRY_FOR_MS: z.coerce.number().int().min(1_000).max(7 * 86_400_000).default(86_400_000),
  /** Deliveries one worker process sends at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** How often an idle worker looks for work when no notification wakes it (PostgreSQL LISTEN/NOTIFY). */
  WORKER_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(500),
  /** How long one Git or provider API request may stall before the publication attempt fails (and is retried). */
  GIT_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** Publications one worker pushes at once. */
  PUBLISH_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** The first retry's delay of a publication that failed in a way retrying can help (network, 5xx); it doubles after. */
  PUBLISH_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** How long such a publication keeps being retried before it is marked failed. */
  PUBLISH_RETRY_FOR_MS: z.coerce.number().int().min(1_000).max(7 * 86_400_000).default(6 * 3_600_000),
  /** How often open pull requests are polled for merged/closed when their repository has no provider webhook. */
  PUBLISH_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  /** Serve the worker's Prometheus metrics on this port (GET /metrics); unset: no listener. */
  WORKER_METRICS_PORT: port.optional(),
  /** Bearer token for GET /metrics (web and worker). Unset: /metrics answers 404. */
  METRICS_TOKEN: z.string().trim().min(16, "must be at least 16 characters").optional(),
  /** `json`: one JSON line per HTTP request (method, route, status, ms, request id) on stdout. */
  LOG_FORMAT: z.enum(["text", "json"], { error: "must be text or json" }).default("text"),
  /**
   * How many days of SLI minute samples (and their rollups) to keep. Older months are dropped whole by the
   * worker; at least 31, since the longest SLO window is 30 days.
   */
  SLI_RETENTION_DAYS: z.coerce.number().int().min(31, "must be at least 31 (the longest SLO window is 30 days)").max(3_650).default(90),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment (process.env by default) into settings, with one readable line per bad value. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration: ${lines.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated settings of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** For scripts that change process.env before the app's modules read it (start, tests). */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Demo mode is on by default for the embedded database, off for an external one. */
export function demoMode(settings: Env = env()): boolean {
  return settings.DEMO_MODE ?? !settings.DATABASE_URL;
}

/** The portal's public base URL, for links in notifications (no trailing slash). */
export function publicUrl(settings: Env = env()): string {
  return (settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
}
