// The drift test (ADR 002): migrate a fresh PostgreSQL schema with prisma/migrations, then compare it with
// what prisma/schema.prisma describes (its DMMF): tables, columns, types, nullability, defaults, enums,
// primary keys, unique and plain indexes, and foreign keys with their actions and Prisma's names.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: { name?: string } | string | number | boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}

const schemaSource = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaSource]] }))) as {
  datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[]; indexes: DmmfIndex[] };
};
const models = dmmf.datamodel.models;
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((candidate) => candidate.name === fieldName)!;
  return field.dbName ?? field.name;
};

/** The PostgreSQL type Prisma gives a scalar without @db attributes. */
function expectedType(field: DmmfField): string {
  if (field.kind === "enum") return `enum:${dmmf.datamodel.enums.find((candidate) => candidate.name === field.type)?.dbName ?? field.type}`;
  const types: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
    Decimal: "numeric(65,30)",
    Bytes: "bytea",
  };
  const base = types[field.type];
  if (!base) throw new Error(`The drift test does not know Prisma type ${field.type}`);
  return field.isList ? `${base}[]` : base;
}

/** Whether Prisma puts a DEFAULT in the DDL (client-side defaults such as cuid() and @updatedAt do not). */
function hasDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  if (typeof field.default === "object" && field.default && "name" in field.default) return !["cuid", "uuid", "nanoid", "ulid"].includes(field.default.name ?? "");
  return true;
}

const referentialAction: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

const schemaName = `drift_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
let client: pg.Client;

beforeAll(async () => {
  const url = inject("databaseUrl");
  await migrate(url, { schema: schemaName });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
  await client?.end();
});

describe("prisma/migrations agree with prisma/schema.prisma", () => {
  it("have the same tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> '_prisma_migrations'",
      [schemaName],
    );
    expect(rows.map((row) => row.table_name).sort()).toEqual(models.map(tableOf).sort());
  });

  it("have the same enums and values", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 GROUP BY t.typname`,
      [schemaName],
    );
    const expected = dmmf.datamodel.enums.map((item) => ({ name: item.dbName ?? item.name, values: item.values.map((value) => value.dbName ?? value.name) }));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it("have the same columns, types, nullability and defaults", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; type: string; nullable: boolean; has_default: boolean }>(
      `SELECT c.relname AS table_name, a.attname AS column_name,
              CASE WHEN t.typtype = 'e' THEN 'enum:' || t.typname ELSE format_type(a.atttypid, a.atttypmod) END AS type,
              NOT a.attnotnull AS nullable, a.atthasdef AS has_default
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
        WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`,
      [schemaName],
    );
    const actual = rows.map((row) => `${row.table_name}.${row.column_name}: ${row.type}${row.nullable ? " NULL" : " NOT NULL"}${row.has_default ? " DEFAULT" : ""}`).sort();
    const expected = models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind === "scalar" || field.kind === "enum")
          .map((field) => `${tableOf(model)}.${field.dbName ?? field.name}: ${expectedType(field)}${field.isRequired || field.isList ? " NOT NULL" : " NULL"}${hasDatabaseDefault(field) ? " DEFAULT" : ""}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("have the same primary keys, unique and plain indexes, with Prisma's names", async () => {
    const { rows } = await client.query<{ table_name: string; index_name: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = $1 AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`,
      [schemaName],
    );
    const actual = rows.map((row) => `${row.index_name} ${row.primary ? "PRIMARY" : row.unique ? "UNIQUE" : "INDEX"} ${row.table_name}(${row.columns.join(",")})`).sort();
    const expected: string[] = [];
    for (const model of models) {
      const table = tableOf(model);
      const idFields = model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
      if (idFields.length) expected.push(`${table}_pkey PRIMARY ${table}(${idFields.map((name) => columnOf(model, name)).join(",")})`);
      for (const field of model.fields.filter((candidate) => candidate.isUnique)) {
        const column = field.dbName ?? field.name;
        expected.push(`${table}_${column}_key UNIQUE ${table}(${column})`);
      }
    }
    for (const index of dmmf.datamodel.indexes.filter((candidate) => !candidate.fields.length || candidate.type === "unique" || candidate.type === "normal")) {
      const model = models.find((candidate) => candidate.name === index.model)!;
      const isFieldLevelUnique = index.type === "unique" && index.fields.length === 1 && model.fields.find((field) => field.name === index.fields[0].name)?.isUnique;
      if (isFieldLevelUnique) continue;
      const table = tableOf(model);
      const columns = index.fields.map((field) => columnOf(model, field.name));
      const name = index.dbName ?? `${table}_${columns.join("_")}_${index.type === "unique" ? "key" : "idx"}`;
      expected.push(`${name} ${index.type === "unique" ? "UNIQUE" : "INDEX"} ${table}(${columns.join(",")})`);
    }
    expect(actual).toEqual([...new Set(expected)].sort());
  });

  it("have the same foreign keys, actions and names", async () => {
    const { rows } = await client.query<{ name: string; table_name: string; ref_table: string; on_delete: string; on_update: string; columns: string[]; ref_columns: string[] }>(
      `SELECT c.conname AS name, cl.relname AS table_name, rf.relname AS ref_table, c.confdeltype AS on_delete, c.confupdtype AS on_update,
              (SELECT array_agg(a.attname ORDER BY u.ord) FROM unnest(c.conkey) WITH ORDINALITY u(num, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = u.num)::text[] AS columns,
              (SELECT array_agg(a.attname ORDER BY u.ord) FROM unnest(c.confkey) WITH ORDINALITY u(num, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = u.num)::text[] AS ref_columns
         FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rf ON rf.oid = c.confrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE c.contype = 'f' AND n.nspname = $1`,
      [schemaName],
    );
    const actual = rows
      .map((row) => `${row.name} ${row.table_name}(${row.columns.join(",")}) -> ${row.ref_table}(${row.ref_columns.join(",")}) delete:${referentialAction[row.on_delete]} update:${referentialAction[row.on_update]}`)
      .sort();
    const expected = models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind === "object" && field.relationFromFields?.length)
          .map((field) => {
            const target = models.find((candidate) => candidate.name === field.type)!;
            const columns = field.relationFromFields!.map((name) => columnOf(model, name));
            const optional = field.relationFromFields!.some((name) => !model.fields.find((candidate) => candidate.name === name)!.isRequired);
            // Prisma's defaults: Restrict for required relations, SetNull for optional ones; updates cascade.
            const onDelete = field.relationOnDelete ?? (optional ? "SetNull" : "Restrict");
            const onUpdate = field.relationOnUpdate ?? "Cascade";
            return `${tableOf(model)}_${columns.join("_")}_fkey ${tableOf(model)}(${columns.join(",")}) -> ${tableOf(target)}(${field.relationToFields!.map((name) => columnOf(target, name)).join(",")}) delete:${onDelete} update:${onUpdate}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
