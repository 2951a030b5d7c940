// Points each integration-test worker's Prisma client at the database the global setup prepared.
import { afterAll, inject } from "vitest";
import { createPrismaClient, setDb, getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BCRYPT_COST = "4";
resetEnvCache();
setDb(createPrismaClient(inject("databaseUrl"), 4));

afterAll(async () => {
  await getDb().$disconnect();
});
