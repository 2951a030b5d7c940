// Points each integration-test worker's Prisma client at the database the global setup prepared.
import { afterAll, inject } from "vitest";
import { createPrismaClient, setDb, getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BCRYPT_COST = "4";
// A fixed key, so that no test writes one into the data directory; receivers in tests listen on 127.0.0.1.
process.env.PORTAL_ENCRYPTION_KEY ??= "7f".repeat(32);
process.env.WEBHOOK_ALLOW_PRIVATE ??= "true";
resetEnvCache();
setDb(createPrismaClient(inject("databaseUrl"), 4));

afterAll(async () => {
  await getDb().$disconnect();
});
