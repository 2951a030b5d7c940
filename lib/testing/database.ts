// Test-database preparation: wipe and migrate, but only databases whose name says they are for tests.
import pg from "pg";
import { migrate } from "@/lib/db/migrate";

/** Refuses any database whose name lacks "test". */
export function assertTestDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name.toLowerCase().includes("test")) {
    throw new Error(`Refusing to reset database "${name}": a test database's name must contain "test".`);
  }
}

/** Drops everything in the public schema, then applies all migrations. `inMemory`: a throw-away embedded server. */
export async function resetTestDatabase(url: string, options: { inMemory?: boolean } = {}): Promise<void> {
  if (!options.inMemory) assertTestDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
  await migrate(url);
}
