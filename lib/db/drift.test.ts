import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareSchemaToDatabase,
  defaultConstraintName,
  readDmmf,
  type DatabaseIntrospection,
  type DatabaseTable,
} from "@/lib/db/drift";

// A small schema and, written out by hand, what PostgreSQL reports for the SQL Prisma generates for it.
const schemaSource = `
datasource db {
  provider = "postgresql"
}

enum Role {
  OWNER
  MEMBER
}

model Team {
  id        String     @id @default(cuid())
  slug      String     @unique
  note      String?
  createdAt DateTime   @default(now()) @map("created_at")
  members   Member[]

  @@map("teams")
}

model Member {
  id     String @id @default(cuid())
  teamId String @map("team_id")
  role   Role   @default(MEMBER)
  tags   String[]
  score  Decimal
  team   Team   @relation(fields: [teamId], references: [id], onDelete: Cascade)

  @@unique([teamId, role])
  @@index([teamId])
  @@map("members")
}
`;

const dmmf = readDmmf(schemaSource);

function column(name: string, type: string, nullable: boolean, extra: Partial<DatabaseTable["columns"][number]> = {}) {
  return { name, type, isArray: false, enumSchema: null, nullable, default: null, ...extra };
}

/** A fresh copy each time, so each test can break it in its own way. */
function matchingDatabase(): DatabaseIntrospection {
  return {
    schema: "app",
    enums: [{ name: "Role", values: ["OWNER", "MEMBER"] }],
    tables: [
      {
        name: "_prisma_migrations",
        columns: [column("id", "character varying(36)", false)],
        primaryKey: { name: "_prisma_migrations_pkey", columns: ["id"] },
        indexes: [],
        foreignKeys: [],
      },
      {
        name: "teams",
        columns: [
          column("id", "text", false),
          column("slug", "text", false),
          column("note", "text", true),
          column("created_at", "timestamp(3) without time zone", false, { default: "CURRENT_TIMESTAMP" }),
        ],
        primaryKey: { name: "teams_pkey", columns: ["id"] },
        indexes: [
          { name: "teams_slug_key", columns: ["slug"], descending: [false], unique: true, method: "btree", partial: false },
        ],
        foreignKeys: [],
      },
      {
        name: "members",
        columns: [
          column("id", "text", false),
          column("team_id", "text", false),
          column("role", "Role", false, { enumSchema: "app", default: `'MEMBER'::app."Role"` }),
          column("tags", "text", true, { isArray: true }),
          column("score", "numeric(65,30)", false),
        ],
        primaryKey: { name: "members_pkey", columns: ["id"] },
        indexes: [
          { name: "members_team_id_idx", columns: ["team_id"], descending: [false], unique: false, method: "btree", partial: false },
          {
            name: "members_team_id_role_key",
            columns: ["team_id", "role"],
            descending: [false, false],
            unique: true,
            method: "btree",
            partial: false,
          },
        ],
        foreignKeys: [
          {
            name: "members_team_id_fkey",
            columns: ["team_id"],
            referencedSchema: "app",
            referencedTable: "teams",
            referencedColumns: ["id"],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        ],
      },
    ],
  };
}

function table(database: DatabaseIntrospection, name: string): DatabaseTable {
  const found = database.tables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no table ${name} in the fixture`);
  return found;
}

function compareAfter(change: (database: DatabaseIntrospection) => void): string[] {
  const database = matchingDatabase();
  change(database);
  return compareSchemaToDatabase(dmmf, database);
}

describe("compareSchemaToDatabase", () => {
  it("finds nothing when the database is what Prisma would build", () => {
    expect(compareSchemaToDatabase(dmmf, matchingDatabase())).toEqual([]);
  });

  it("reports a missing column", () => {
    expect(
      compareAfter((database) => {
        table(database, "teams").columns = table(database, "teams").columns.filter((c) => c.name !== "note");
      }),
    ).toEqual(['Table "teams": column "note" (Team.note) is missing.']);
  });

  it("reports a column that no field maps to (e.g. a forgotten @map)", () => {
    expect(
      compareAfter((database) => {
        table(database, "teams").columns.find((c) => c.name === "created_at")!.name = "createdAt";
      }),
    ).toEqual([
      'Table "teams": column "created_at" (Team.createdAt) is missing.',
      'Table "teams": column "createdAt" exists in the database but no field of Team maps to it.',
    ]);
  });

  it("reports a nullability mismatch both ways", () => {
    expect(
      compareAfter((database) => {
        table(database, "teams").columns.find((c) => c.name === "slug")!.nullable = true;
        table(database, "teams").columns.find((c) => c.name === "note")!.nullable = false;
      }),
    ).toEqual([
      'Table "teams": column "slug" (Team.slug) is nullable in the database but schema.prisma makes it required (NOT NULL).',
      'Table "teams": column "note" (Team.note) is NOT NULL in the database but schema.prisma makes it nullable.',
    ]);
  });

  it("reports a wrong type, including the timestamp precision and list-ness", () => {
    expect(
      compareAfter((database) => {
        table(database, "teams").columns.find((c) => c.name === "created_at")!.type = "timestamp(6) with time zone";
        table(database, "members").columns.find((c) => c.name === "tags")!.isArray = false;
        table(database, "members").columns.find((c) => c.name === "score")!.type = "numeric";
      }),
    ).toEqual([
      'Table "teams": column "created_at" (Team.createdAt) has type timestamp(6) with time zone in the database but schema.prisma expects timestamp(3) without time zone.',
      'Table "members": column "tags" (Member.tags) has type text in the database but schema.prisma expects text[].',
      'Table "members": column "score" (Member.score) has type numeric in the database but schema.prisma expects numeric(65,30).',
    ]);
  });

  it("reports a missing index, and one kept under another name", () => {
    expect(
      compareAfter((database) => {
        table(database, "members").indexes = table(database, "members").indexes.filter((i) => i.name !== "members_team_id_idx");
        table(database, "teams").indexes[0].name = "teams_slug_unique";
      }),
    ).toEqual([
      'Table "teams": unique index "teams_slug_key" on ("slug") is missing (the database has the same columns indexed as "teams_slug_unique").',
      'Table "teams": unique index "teams_slug_unique" on ("slug") exists in the database but not in schema.prisma.',
      'Table "members": index "members_team_id_idx" on ("team_id") is missing.',
    ]);
  });

  it("reports an index with the wrong column order or uniqueness", () => {
    expect(
      compareAfter((database) => {
        const unique = table(database, "members").indexes.find((i) => i.name === "members_team_id_role_key")!;
        unique.columns = ["role", "team_id"];
        table(database, "members").indexes.find((i) => i.name === "members_team_id_idx")!.unique = true;
      }),
    ).toEqual([
      'Table "members": index "members_team_id_idx" is unique in the database but not unique in schema.prisma.',
      'Table "members": unique index "members_team_id_role_key" covers ("role", "team_id") in the database but ("team_id", "role") in schema.prisma.',
    ]);
  });

  it("reports a wrong, missing or extra enum value", () => {
    expect(
      compareAfter((database) => {
        database.enums[0].values = ["OWNER", "MEMBR"];
      }),
    ).toEqual([
      'Enum "Role" has values ["OWNER", "MEMBR"] in the database but ["OWNER", "MEMBER"] in schema.prisma (missing "MEMBER"; unexpected "MEMBR").',
    ]);
    expect(
      compareAfter((database) => {
        database.enums[0].values = ["MEMBER", "OWNER"];
      }),
    ).toEqual([
      'Enum "Role" has values ["MEMBER", "OWNER"] in the database but ["OWNER", "MEMBER"] in schema.prisma (different order).',
    ]);
  });

  it("reports an enum column whose type lives in another schema", () => {
    expect(
      compareAfter((database) => {
        table(database, "members").columns.find((c) => c.name === "role")!.enumSchema = "public";
      }),
    ).toEqual(['Table "members": column "role" (Member.role) uses the enum type "Role" from schema "public" instead of "app".']);
  });

  it("reports missing, unexpected and wrong defaults", () => {
    expect(
      compareAfter((database) => {
        table(database, "teams").columns.find((c) => c.name === "created_at")!.default = null;
        table(database, "teams").columns.find((c) => c.name === "id")!.default = "gen_random_uuid()";
        table(database, "members").columns.find((c) => c.name === "role")!.default = `'OWNER'::app."Role"`;
      }),
    ).toEqual([
      'Table "teams": column "id" (Team.id) has the database default gen_random_uuid(), which schema.prisma does not declare.',
      'Table "teams": column "created_at" (Team.createdAt) has no database default but schema.prisma declares @default(now()).',
      'Table "members": column "role" (Member.role) defaults to \'OWNER\'::app."Role" in the database but to "MEMBER" in schema.prisma.',
    ]);
  });

  it("reports a foreign key with the wrong ON DELETE, a missing one, and an undeclared one", () => {
    expect(
      compareAfter((database) => {
        table(database, "members").foreignKeys[0].onDelete = "RESTRICT";
      }),
    ).toEqual([
      'Table "members": foreign key ("team_id") → "teams" (Member.team) is ON DELETE RESTRICT in the database but ON DELETE CASCADE in schema.prisma.',
    ]);
    expect(
      compareAfter((database) => {
        const members = table(database, "members");
        members.foreignKeys[0].columns = ["id"];
        members.foreignKeys[0].name = "members_id_fkey";
      }),
    ).toEqual([
      'Table "members": foreign key ("team_id") → "teams" (Member.team) is missing.',
      'Table "members": foreign key "members_id_fkey" ("id") → "teams" exists in the database but no relation in schema.prisma declares it.',
    ]);
  });

  it("reports a wrong primary key and missing or extra tables and enums", () => {
    expect(
      compareAfter((database) => {
        table(database, "teams").primaryKey = { name: "teams_pkey", columns: ["slug"] };
        database.tables = database.tables.filter((t) => t.name !== "members");
        database.tables.push({ name: "leftover", columns: [], primaryKey: null, indexes: [], foreignKeys: [] });
        database.enums.push({ name: "Old", values: ["A"] });
      }),
    ).toEqual([
      'Enum "Old" exists in the database but not in schema.prisma.',
      'Table "leftover" exists in the database but no model maps to it.',
      'Table "teams": primary key is ("slug") in the database but ("id") in schema.prisma.',
      'Table "members" (model Member) is missing from the database.',
    ]);
  });

  it("finds every model of the real schema missing from an empty database", () => {
    const real = readDmmf(readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8"));
    const differences = compareSchemaToDatabase(real, { schema: "empty", enums: [], tables: [] });
    expect(differences).toContain('Enum "TeamRole" (enum TeamRole) is missing from the database.');
    for (const model of real.datamodel.models) {
      expect(differences).toContain(`Table "${model.dbName ?? model.name}" (model ${model.name}) is missing from the database.`);
    }
  });
});

describe("defaultConstraintName", () => {
  it("follows Prisma's naming and truncates to PostgreSQL's 63-byte identifiers", () => {
    expect(defaultConstraintName.primaryKey("users")).toBe("users_pkey");
    expect(defaultConstraintName.index("accounts", ["provider", "provider_account_id"], true)).toBe(
      "accounts_provider_provider_account_id_key",
    );
    expect(defaultConstraintName.index("audit_logs", ["team_id", "created_at"], false)).toBe("audit_logs_team_id_created_at_idx");
    expect(defaultConstraintName.foreignKey("api_tokens", ["created_by_id"])).toBe("api_tokens_created_by_id_fkey");
    const long = defaultConstraintName.index("a_rather_long_table_name", ["first_long_column_name", "second_long_column_name"], false);
    expect(long).toBe("a_rather_long_table_name_first_long_column_name_second_long_idx");
    expect(Buffer.byteLength(long)).toBe(63);
  });
});
