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
