// Chooses the database for a process started from the command line (npm start, the admin CLI):
// DATABASE_URL when set, otherwise the embedded server under DATA_DIR.
import path from "node:path";
import pg from "pg";
import { connectOrStartEmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { describeDatabaseError } from "@/lib/db/health";
import type { Env } from "@/lib/env";

export interface OpenDatabase {
  url: string;
  kind: "external" | "embedded";
  /** A line for the console: which database is in use. */
  description: string;
  stop(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** Connects once to prove the server answers and is PostgreSQL 14 or newer. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    const version = Number(rows[0].server_version_num);
    if (version < 140000) throw new DatabaseUnavailableError(`PostgreSQL ${Math.floor(version / 10000)} is too old: the portal needs 14 or newer.`);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(`Cannot reach DATABASE_URL (${redact(url)}): ${describeDatabaseError(error)}.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable url>";
  }
}

/**
 * `serve`: this process serves the embedded database (npm start); fails when another process does.
 * `connect`: use the running portal's embedded server, or serve it for the duration (admin CLI).
 */
export async function openDatabase(settings: Env, mode: "serve" | "connect"): Promise<OpenDatabase> {
  if (settings.DATABASE_URL) {
    await checkConnection(settings.DATABASE_URL);
    return { url: settings.DATABASE_URL, kind: "external", description: `PostgreSQL at ${redact(settings.DATABASE_URL)}`, stop: async () => undefined };
  }
  const options = { dataDir: settings.DATA_DIR, port: settings.EMBEDDED_DB_PORT };
  const embedded = mode === "serve" ? await startEmbeddedDatabase(options) : await connectOrStartEmbeddedDatabase(options);
  const where = path.join(settings.DATA_DIR, "pglite");
  return {
    url: embedded.url,
    kind: "embedded",
    description: embedded.owned
      ? `embedded PostgreSQL (PGlite) with data in ${where}, served on 127.0.0.1:${new URL(embedded.url).port}`
      : `the running portal's embedded PostgreSQL at 127.0.0.1:${new URL(embedded.url).port}`,
    stop: () => embedded.stop(),
  };
}
