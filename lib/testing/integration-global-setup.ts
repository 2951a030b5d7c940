// Gives the integration tests one freshly migrated PostgreSQL: TEST_DATABASE_URL when set (its name must
// contain "test", so a real database is never wiped), otherwise an in-memory embedded server.
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { resetTestDatabase } from "@/lib/testing/database";

let embedded: EmbeddedDatabase | undefined;

export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: ".data/test", port: 0, inMemory: true });
    url = embedded.url;
  }
  await resetTestDatabase(url, { inMemory: embedded !== undefined });
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await embedded?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
