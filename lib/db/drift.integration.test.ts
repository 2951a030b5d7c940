// The drift test: fails when schema.prisma and the migrations disagree. It migrates a fresh PostgreSQL
// schema with the real migrations and compares what they built with the schema's DMMF (lib/db/drift.ts).
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { compareSchemaToDatabase, introspectSchema, readDmmf } from "@/lib/db/drift";
import { migrate, readMigrations } from "@/lib/db/migrate";

const databaseUrl = inject("databaseUrl");
const schemaFile = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

let client: pg.Client;
const createdSchemas: string[] = [];

function freshSchema(): string {
  const schema = `drift_${randomBytes(6).toString("hex")}`;
  createdSchemas.push(schema);
  return schema;
}

function report(differences: string[]): string {
  return differences.length === 0
    ? "no differences"
    : `schema.prisma and prisma/migrations disagree (${differences.length}):\n  - ${differences.join("\n  - ")}\n` +
        "Add a migration that brings the database to what schema.prisma describes (never edit an applied one).";
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  for (const schema of createdSchemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe("schema drift", () => {
  it("the migrations build exactly what schema.prisma describes", async () => {
    const schema = freshSchema();
    await migrate(databaseUrl, { schema });
    const dmmf = readDmmf(readFileSync(schemaFile, "utf8"));

    const database = await introspectSchema(client, schema);
    const differences = compareSchemaToDatabase(dmmf, database);

    // Guard against a vacuous pass: the introspection really saw every model's table.
    expect(database.tables.map((table) => table.name).sort()).toEqual(
      [...dmmf.datamodel.models.map((model) => model.dbName ?? model.name), "_prisma_migrations"].sort(),
    );
    expect(differences, report(differences)).toEqual([]);
  });

  it("catches a migration that drifts from schema.prisma", async () => {
    // The real migrations plus one that drops an index and relaxes a NOT NULL: the comparison must notice both.
    const dir = mkdtempSync(path.join(os.tmpdir(), "portal-drift-test-"));
    try {
      for (const migration of readMigrations()) {
        mkdirSync(path.join(dir, migration.name));
        writeFileSync(path.join(dir, migration.name, "migration.sql"), migration.script);
      }
      mkdirSync(path.join(dir, "99991231000000_drift"));
      writeFileSync(
        path.join(dir, "99991231000000_drift", "migration.sql"),
        'DROP INDEX "sessions_user_id_idx";\nALTER TABLE "teams" ALTER COLUMN "slug" DROP NOT NULL;\n',
      );
      const schema = freshSchema();
      await migrate(databaseUrl, { schema, migrationsDir: dir });

      const differences = compareSchemaToDatabase(readDmmf(readFileSync(schemaFile, "utf8")), await introspectSchema(client, schema));

      expect(differences).toEqual([
        'Table "sessions": index "sessions_user_id_idx" on ("user_id") is missing.',
        'Table "teams": column "slug" (Team.slug) is nullable in the database but schema.prisma makes it required (NOT NULL).',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("recognises every type, key and index kind Prisma generates, so a growing schema is compared correctly", async () => {
    // A schema using what the real one does not (yet): every scalar type, lists, native types, mapped enum
    // values, autoincrement, composite keys, sort orders, a hash index, Restrict/NoAction/SetNull/default
    // referential actions; with the SQL `prisma migrate diff` generates for it.
    const fixtureSchema = `
datasource db {
  provider = "postgresql"
}

enum Level {
  LOW  @map("low")
  HIGH @map("high")

  @@map("level")
}

model Kitchen {
  id        Int       @id @default(autoincrement())
  big       BigInt    @default(5)
  ratio     Float     @default(0.5)
  price     Decimal   @default(1.5)
  exact     Decimal   @db.Decimal(10, 2)
  payload   Json      @default("{\\"a\\": 1}")
  blob      Bytes?
  at        DateTime  @default(now()) @db.Timestamptz(6)
  day       DateTime? @db.Date
  code      String    @unique @db.VarChar(32)
  token     String    @default(uuid()) @db.Uuid
  tags      String[]
  levels    Level[]
  level     Level     @default(HIGH)
  active    Boolean   @default(true)
  note      String    @default("it's")
  computed  String    @default(dbgenerated("md5('x')"))
  parts     Part[]
  owned     Part[]    @relation("owner")

  @@index([big(sort: Desc), ratio], map: "kitchen_custom_idx")
  @@index([token], type: Hash)
  @@map("kitchens")
}

model Part {
  kitchenId Int    @map("kitchen_id")
  number    Int
  ownerId   Int?   @map("owner_id")
  kitchen   Kitchen  @relation(fields: [kitchenId], references: [id])
  owner     Kitchen? @relation("owner", fields: [ownerId], references: [id], onDelete: NoAction, onUpdate: Restrict)
  children  Child[]

  @@id([kitchenId, number])
  @@unique([number, ownerId], name: "numberOwner")
  @@map("parts")
}

model Child {
  id         String @id
  partKitchen Int   @map("part_kitchen")
  partNumber  Int   @map("part_number")
  part       Part   @relation(fields: [partKitchen, partNumber], references: [kitchenId, number], onDelete: Cascade)

  @@index([partKitchen, partNumber])
}
`;
    const fixtureSql = `
CREATE TYPE "level" AS ENUM ('low', 'high');

CREATE TABLE "kitchens" (
    "id" SERIAL NOT NULL,
    "big" BIGINT NOT NULL DEFAULT 5,
    "ratio" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "price" DECIMAL(65,30) NOT NULL DEFAULT 1.5,
    "exact" DECIMAL(10,2) NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{"a": 1}',
    "blob" BYTEA,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "day" DATE,
    "code" VARCHAR(32) NOT NULL,
    "token" UUID NOT NULL,
    "tags" TEXT[],
    "levels" "level"[],
    "level" "level" NOT NULL DEFAULT 'high',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT NOT NULL DEFAULT 'it''s',
    "computed" TEXT NOT NULL DEFAULT md5('x'),

    CONSTRAINT "kitchens_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "parts" (
    "kitchen_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "owner_id" INTEGER,

    CONSTRAINT "parts_pkey" PRIMARY KEY ("kitchen_id","number")
);

CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "part_kitchen" INTEGER NOT NULL,
    "part_number" INTEGER NOT NULL,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "kitchens_code_key" ON "kitchens"("code");
CREATE INDEX "kitchen_custom_idx" ON "kitchens"("big" DESC, "ratio");
CREATE INDEX "kitchens_token_idx" ON "kitchens" USING HASH ("token");
CREATE UNIQUE INDEX "parts_number_owner_id_key" ON "parts"("number", "owner_id");
CREATE INDEX "Child_part_kitchen_part_number_idx" ON "Child"("part_kitchen", "part_number");

ALTER TABLE "parts" ADD CONSTRAINT "parts_kitchen_id_fkey" FOREIGN KEY ("kitchen_id") REFERENCES "kitchens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "parts" ADD CONSTRAINT "parts_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "kitchens"("id") ON DELETE NO ACTION ON UPDATE RESTRICT;
ALTER TABLE "Child" ADD CONSTRAINT "Child_part_kitchen_part_number_fkey" FOREIGN KEY ("part_kitchen", "part_number") REFERENCES "parts"("kitchen_id", "number") ON DELETE CASCADE ON UPDATE CASCADE;
`;
    const schema = freshSchema();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query("BEGIN");
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query(fixtureSql);
    await client.query("COMMIT");
    const dmmf = readDmmf(fixtureSchema);

    const database = await introspectSchema(client, schema);
    const differences = compareSchemaToDatabase(dmmf, database);
    expect(differences, report(differences)).toEqual([]);

    // And the same database, one change later, is caught.
    await client.query(`ALTER TABLE "${schema}"."parts" ALTER COLUMN "owner_id" SET NOT NULL`);
    await client.query(`DROP INDEX "${schema}"."kitchen_custom_idx"`);
    await client.query(`CREATE INDEX "kitchen_custom_idx" ON "${schema}"."kitchens"("big", "ratio")`);
    const changed = compareSchemaToDatabase(dmmf, await introspectSchema(client, schema));
    expect(changed).toEqual([
      'Table "kitchens": index "kitchen_custom_idx" has different sort orders (DESC) than schema.prisma.',
      'Table "parts": column "owner_id" (Part.ownerId) is NOT NULL in the database but schema.prisma makes it nullable.',
    ]);
  });
});
