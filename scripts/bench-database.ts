// The benchmarks' own database: dropped, created and migrated afresh at the start of each run.
import pg from "pg";
import { migrate } from "@/lib/db/migrate";

/** Recreates the database `url` names (letters, digits and underscores only) and applies the migrations. */
export async function recreateBenchDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`Unexpected database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  await migrate(url);
}
