// The drift test (ADR 002): the database the hand-written migrations build must be the one schema.prisma
// describes: tables, columns (type, nullability, default), enums, primary keys, indexes and foreign keys.
import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}

const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))).datamodel as {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
};

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((candidate) => candidate.name === fieldName)!;
  return field.dbName ?? field.name;
};
const modelByName = new Map(dmmf.models.map((model) => [model.name, model]));

/** The PostgreSQL type Prisma's migrate would create for a field. */
function expectedType(field: DmmfField): string {
  if (field.kind === "enum") return field.type;
  if (field.nativeType) return ({ Date: "date", Text: "text", Uuid: "uuid" } as Record<string, string>)[field.nativeType[0]] ?? field.nativeType[0].toLowerCase();
  const types: Record<string, string> = { String: "text", Int: "integer", BigInt: "bigint", Boolean: "boolean", DateTime: "timestamp(3)", Json: "jsonb", Float: "double precision", Decimal: "numeric(65,30)", Bytes: "bytea" };
  return types[field.type] + (field.isList ? "[]" : "");
}

/** Whether Prisma puts a DEFAULT in the database (cuid(), uuid() and @updatedAt are filled in by the client). */
function expectsDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const value = field.default as { name?: string } | undefined;
  return !(value && typeof value === "object" && ["cuid", "uuid", "nanoid", "ulid"].includes(value.name ?? ""));
}

async function query<T>(sql: string): Promise<T[]> {
  return getDb().$queryRawUnsafe<T[]>(sql);
}

describe("the migrations against schema.prisma", () => {
  it("create exactly the models' tables", async () => {
    const tables = await query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`);
    expect(tables.map((row) => row.table_name).filter((name) => name !== "_prisma_migrations").sort()).toEqual(dmmf.models.map(tableOf).sort());
  });

  it("create every column with its type, nullability and default, and no other", async () => {
    const columns = await query<{ table_name: string; column_name: string; type: string; is_nullable: "YES" | "NO"; has_default: boolean }>(`
      SELECT c.table_name, c.column_name, c.is_nullable, c.column_default IS NOT NULL AS has_default,
             format_type(a.atttypid, a.atttypmod) AS type
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
      WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'`);
    const actual = columns.map((column) => ({
      column: `${column.table_name}.${column.column_name}`,
      type: column.type.replace("timestamp(3) without time zone", "timestamp(3)").replace(/^"(.*)"$/, "$1"),
      nullable: column.is_nullable === "YES",
      default: column.has_default,
    }));
    const expected = dmmf.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind !== "object")
        .map((field) => ({ column: `${tableOf(model)}.${field.dbName ?? field.name}`, type: expectedType(field), nullable: !field.isRequired, default: expectsDatabaseDefault(field) })),
    );
    const byColumn = (a: { column: string }, b: { column: string }) => a.column.localeCompare(b.column);
    expect(actual.sort(byColumn)).toEqual(expected.sort(byColumn));
  });

  it("create every enum with its values in order", async () => {
    const rows = await query<{ name: string; value: string }>(`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`);
    const actual: Record<string, string[]> = {};
    for (const row of rows) (actual[row.name] ??= []).push(row.value);
    expect(actual).toEqual(Object.fromEntries(dmmf.enums.map((item) => [item.dbName ?? item.name, item.values.map((value) => value.dbName ?? value.name)])));
  });

  it("create the primary keys, unique constraints and indexes under Prisma's names", async () => {
    const rows = await query<{ name: string; table_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(`
      SELECT i.relname::text AS name, t.relname::text AS table_name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
      GROUP BY i.relname, t.relname, x.indisunique, x.indisprimary`);
    const actual = rows.map((row) => ({ name: row.name, table: row.table_name, kind: row.is_primary ? "id" : row.is_unique ? "unique" : "normal", columns: row.columns }));
    const expected = dmmf.indexes
      .filter((index) => index.type !== "fulltext")
      .map((index) => {
        const model = modelByName.get(index.model)!;
        const table = tableOf(model);
        const columns = index.fields.map((field) => columnOf(model, field.name));
        const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
        const name = index.type === "id" ? `${table}_pkey` : (index.dbName ?? `${table}_${columns.join("_")}_${suffix}`);
        return { name, table, kind: index.type, columns };
      });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(actual.sort(byName)).toEqual(expected.sort(byName));
  });

  it("create every foreign key with its referential actions", async () => {
    const rows = await query<{ name: string; definition: string }>(`
      SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()`);
    const actions: Record<string, string> = { Cascade: "CASCADE", SetNull: "SET NULL", Restrict: "RESTRICT", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" };
    const expected = dmmf.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "object" && field.relationFromFields?.length)
        .map((field) => {
          const target = modelByName.get(field.type)!;
          const from = field.relationFromFields!.map((name) => columnOf(model, name));
          const to = field.relationToFields!.map((name) => columnOf(target, name));
          // Prisma's defaults: SET NULL for an optional relation, RESTRICT for a required one; ON UPDATE CASCADE.
          const onDelete = actions[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
          const quote = (names: string[]) => names.map((name) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`)).join(", ");
          return {
            name: `${tableOf(model)}_${from.join("_")}_fkey`,
            definition: `FOREIGN KEY (${quote(from)}) REFERENCES ${tableOf(target)}(${quote(to)}) ON UPDATE CASCADE${onDelete === "NO ACTION" ? "" : ` ON DELETE ${onDelete}`}`,
          };
        }),
    );
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(rows.map((row) => ({ name: row.name, definition: row.definition })).sort(byName)).toEqual(expected.sort(byName));
  });
});
