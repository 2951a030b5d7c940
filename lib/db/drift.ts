// Schema drift detection: compares what schema.prisma declares (its DMMF) with what the migrations really
// built in PostgreSQL. We cannot run `prisma migrate diff` offline (it needs the schema-engine binary), so
// this reproduces the part of its comparison that matters for us, with Prisma's PostgreSQL defaults:
// type mapping, nullability, defaults, enums, primary keys, unique constraints, indexes and foreign keys.
import { get_dmmf } from "@prisma/prisma-schema-wasm";

// ---------------------------------------------------------------------------------------------------
// The DMMF, as much of it as we read (the output of @prisma/prisma-schema-wasm `get_dmmf`).

export type DmmfDefault =
  | string
  | number
  | boolean
  | Array<string | number | boolean>
  | { name: string; args: Array<string | number> };

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  /** `@db.X(args)`, e.g. `["VarChar", ["255"]]`. */
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: Array<{ name: string; dbName: string | null }>;
}

export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  /** The `map:` name, when given; otherwise Prisma derives the name. */
  dbName?: string;
  algorithm?: string;
  fields: Array<{ name: string; sortOrder?: "asc" | "desc" }>;
}

export interface Dmmf {
  datamodel: { enums: DmmfEnum[]; models: DmmfModel[]; indexes: DmmfIndex[] };
}

/** Parses a Prisma schema into its DMMF with the engines' own parser (compiled to wasm; no binary needed). */
export function readDmmf(schemaSource: string, fileName = "schema.prisma"): Dmmf {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [[fileName, schemaSource]] }))) as Dmmf;
}

// ---------------------------------------------------------------------------------------------------
// The database side, as introspected from pg_catalog for one PostgreSQL schema.

export interface DatabaseColumn {
  name: string;
  /** `format_type()` spelling for built-in types ("text", "timestamp(3) without time zone"); the bare name for enums. Arrays: the element type. */
  type: string;
  isArray: boolean;
  /** The schema of an enum type (it must be the introspected schema, not e.g. `public`). */
  enumSchema: string | null;
  nullable: boolean;
  /** `pg_get_expr` of the default, or "identity" for an identity column. */
  default: string | null;
}

export interface DatabaseIndex {
  name: string;
  columns: string[];
  descending: boolean[];
  unique: boolean;
  /** The access method: btree, hash, gin, gist… */
  method: string;
  partial: boolean;
}

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

export interface DatabaseForeignKey {
  name: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface DatabaseTable {
  name: string;
  columns: DatabaseColumn[];
  primaryKey: { name: string; columns: string[] } | null;
  /** Every index except the primary key's (unique constraints appear here as their unique index). */
  indexes: DatabaseIndex[];
  foreignKeys: DatabaseForeignKey[];
}

export interface DatabaseIntrospection {
  schema: string;
  enums: Array<{ name: string; values: string[] }>;
  tables: DatabaseTable[];
}

/** Anything with pg's `query` (a pg.Client, pg.Pool or PoolClient). */
export interface Queryable {
  query<Row>(text: string): Promise<{ rows: Row[] }>;
}

const referentialActions: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Reads the tables, columns, enums, keys and indexes of one schema from pg_catalog. */
export async function introspectSchema(client: Queryable, schemaName: string): Promise<DatabaseIntrospection> {
  // Inlined as a literal rather than passed as $1: pglite-socket may interleave the several messages of a
  // parameterised query with another connection's, while a simple query is a single message.
  const schema = `'${schemaName.replaceAll("'", "''")}'`;
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t
       JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ${schema}
      GROUP BY t.typname
      ORDER BY t.typname`,
  );

  // A partitioned table (slo_samples) is compared as itself; its partitions are storage, not schema.
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );

  const columns = await client.query<{
    table_name: string;
    name: string;
    type: string;
    is_array: boolean;
    is_enum: boolean;
    enum_schema: string | null;
    nullable: boolean;
    default: string | null;
  }>(
    `SELECT c.relname::text AS table_name,
            a.attname::text AS name,
            CASE WHEN base.typtype = 'e' THEN base.typname::text
                 WHEN t.typcategory = 'A' THEN regexp_replace(format_type(a.atttypid, a.atttypmod), '\\[\\]$', '')
                 ELSE format_type(a.atttypid, a.atttypmod) END AS type,
            t.typcategory = 'A' AS is_array,
            base.typtype = 'e' AS is_enum,
            CASE WHEN base.typtype = 'e' THEN base_ns.nspname::text END AS enum_schema,
            NOT a.attnotnull AS nullable,
            CASE WHEN a.attidentity <> '' THEN 'identity' ELSE pg_get_expr(d.adbin, d.adrelid) END AS default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type base ON base.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
       JOIN pg_namespace base_ns ON base_ns.oid = base.typnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );

  const primaryKeys = await client.query<{ table_name: string; name: string; columns: string[] }>(
    `SELECT c.relname::text AS table_name, con.conname::text AS name,
            array(SELECT a.attname::text
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS columns
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema} AND con.contype = 'p'`,
  );

  const indexes = await client.query<{
    table_name: string;
    name: string;
    columns: string[];
    descending: boolean[];
    unique: boolean;
    method: string;
    partial: boolean;
  }>(
    `SELECT c.relname::text AS table_name, ic.relname::text AS name,
            array(SELECT coalesce(a.attname::text, '(expression)')
                    FROM generate_series(0, i.indnkeyatts - 1) AS k(position)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.position]
                   ORDER BY k.position) AS columns,
            array(SELECT (i.indoption[k.position] & 1) = 1
                    FROM generate_series(0, i.indnkeyatts - 1) AS k(position)
                   ORDER BY k.position) AS descending,
            i.indisunique AS unique, am.amname::text AS method, i.indpred IS NOT NULL AS partial
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = ic.relam
      WHERE n.nspname = ${schema} AND NOT i.indisprimary
      ORDER BY c.relname, ic.relname`,
  );

  const foreignKeys = await client.query<{
    table_name: string;
    name: string;
    columns: string[];
    referenced_schema: string;
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT c.relname::text AS table_name, con.conname::text AS name,
            array(SELECT a.attname::text
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS columns,
            rn.nspname::text AS referenced_schema, rc.relname::text AS referenced_table,
            array(SELECT a.attname::text
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS referenced_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE n.nspname = ${schema} AND con.contype = 'f'
      ORDER BY c.relname, con.conname`,
  );

  return {
    schema: schemaName,
    enums: enums.rows.map((row) => ({ name: row.name, values: row.values })),
    tables: tables.rows.map(({ name }) => ({
      name,
      columns: columns.rows
        .filter((row) => row.table_name === name)
        .map((row) => ({
          name: row.name,
          type: row.type,
          isArray: row.is_array,
          enumSchema: row.is_enum ? row.enum_schema : null,
          nullable: row.nullable,
          default: row.default,
        })),
      primaryKey: primaryKeys.rows
        .filter((row) => row.table_name === name)
        .map((row) => ({ name: row.name, columns: row.columns }))[0] ?? null,
      indexes: indexes.rows
        .filter((row) => row.table_name === name)
        .map((row) => ({
          name: row.name,
          columns: row.columns,
          descending: row.descending,
          unique: row.unique,
          method: row.method,
          partial: row.partial,
        })),
      foreignKeys: foreignKeys.rows
        .filter((row) => row.table_name === name)
        .map((row) => ({
          name: row.name,
          columns: row.columns,
          referencedSchema: row.referenced_schema,
          referencedTable: row.referenced_table,
          referencedColumns: row.referenced_columns,
          onDelete: referentialActions[row.on_delete] ?? (row.on_delete as ReferentialAction),
          onUpdate: referentialActions[row.on_update] ?? (row.on_update as ReferentialAction),
        })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// What Prisma would create for the schema on PostgreSQL.

/** PostgreSQL's NAMEDATALEN - 1: Prisma truncates derived constraint names to fit. */
const maxIdentifierLength = 63;

function truncateBytes(value: string, maxBytes: number): string {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length <= maxBytes) return value;
  let end = maxBytes;
  // Do not cut a UTF-8 sequence in half (continuation bytes are 10xxxxxx).
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}

/** Prisma's default names (prisma-engines `ConstraintNames`): `{table}_{columns}_{suffix}`, truncated to 63 bytes. */
export const defaultConstraintName = {
  primaryKey(table: string): string {
    return truncateBytes(table, maxIdentifierLength - "_pkey".length) + "_pkey";
  },
  index(table: string, columns: string[], unique: boolean): string {
    const suffix = unique ? "_key" : "_idx";
    return truncateBytes(`${table}_${columns.join("_")}`, maxIdentifierLength - suffix.length) + suffix;
  },
  foreignKey(table: string, columns: string[]): string {
    return truncateBytes(`${table}_${columns.join("_")}`, maxIdentifierLength - "_fkey".length) + "_fkey";
  },
};

/** Prisma's default column types on PostgreSQL, when the field has no `@db.*` native type. */
const scalarTypes: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** `@db.*` native types, in the spelling of PostgreSQL's `format_type()`. */
function nativeTypeName([name, args]: [string, string[]]): string {
  const precision = args.length > 0 ? `(${args.join(",")})` : "";
  switch (name) {
    case "Text":
      return "text";
    case "VarChar":
      return `character varying${precision}`;
    case "Char":
      return `character${args.length > 0 ? precision : "(1)"}`;
    case "Bit":
      return `bit${args.length > 0 ? precision : "(1)"}`;
    case "VarBit":
      return `bit varying${precision}`;
    case "SmallInt":
      return "smallint";
    case "Integer":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Real":
      return "real";
    case "DoublePrecision":
      return "double precision";
    case "Decimal":
      return `numeric${precision}`;
    case "Money":
      return "money";
    case "Boolean":
      return "boolean";
    case "Timestamp":
      return `timestamp${precision} without time zone`;
    case "Timestamptz":
      return `timestamp${precision} with time zone`;
    case "Time":
      return `time${precision} without time zone`;
    case "Timetz":
      return `time${precision} with time zone`;
    case "Date":
      return "date";
    case "Json":
      return "json";
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    case "Uuid":
      return "uuid";
    case "Xml":
      return "xml";
    case "Inet":
      return "inet";
    case "Citext":
      return "citext";
    case "Oid":
      return "oid";
    default:
      // Unknown to this comparer: expect the lower-cased name, so a mismatch is reported rather than ignored.
      return `${name.toLowerCase()}${precision}`;
  }
}

const prismaActions: Record<string, ReferentialAction> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** `@default(cuid())` and friends are generated by the client: the column has no database default. */
const clientSideDefaults = new Set(["cuid", "uuid", "nanoid", "ulid"]);

/** The literal value of a simple column default: `'MEMBER'::"TeamRole"` → `MEMBER`, `'{}'::jsonb` → `{}`, `(-5)` → `-5`. */
function defaultLiteral(expression: string): string {
  let value = expression.trim();
  while (value.startsWith("(") && value.endsWith(")")) value = value.slice(1, -1).trim();
  const quoted = /^'((?:[^']|'')*)'(?:::.+)?$/s.exec(value);
  if (quoted) return quoted[1].replaceAll("''", "'");
  const cast = /^(.*?)::[\w\s".[\]()]+$/s.exec(value);
  if (cast) return defaultLiteral(cast[1]);
  return value;
}

function sameLiteral(field: DmmfField, expected: string, actual: string): boolean {
  if (field.type === "Json") {
    try {
      return JSON.stringify(JSON.parse(expected)) === JSON.stringify(JSON.parse(actual));
    } catch {
      return expected === actual;
    }
  }
  if (["Int", "BigInt", "Float", "Decimal"].includes(field.type) && !field.nativeType) {
    return Number(expected) === Number(actual);
  }
  return expected === actual;
}

function list(values: string[]): string {
  return values.map((value) => `"${value}"`).join(", ");
}

function sameList<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Every difference between the schema's DMMF and the database, as sentences a person can act on.
 * An empty list means the migrations build exactly what schema.prisma describes.
 *
 * Limits: the DMMF does not carry `@relation(map: …)`, so foreign keys are expected under Prisma's default
 * names; `relationMode = "prisma"` (no foreign keys) and multi-schema models are not supported.
 */
export function compareSchemaToDatabase(dmmf: Dmmf, database: DatabaseIntrospection): string[] {
  const differences: string[] = [];
  const { enums, models, indexes } = dmmf.datamodel;
  const modelsByName = new Map(models.map((model) => [model.name, model]));
  const tableName = (model: DmmfModel) => model.dbName ?? model.name;
  const columnName = (field: DmmfField) => field.dbName ?? field.name;
  const enumName = (dmmfEnum: DmmfEnum) => dmmfEnum.dbName ?? dmmfEnum.name;
  const enumsByName = new Map(enums.map((dmmfEnum) => [dmmfEnum.name, dmmfEnum]));
  const columnOf = (model: DmmfModel, fieldName: string): string => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field ? columnName(field) : fieldName;
  };

  // Enums: same names, same values in the same order.
  const databaseEnums = new Map(database.enums.map((databaseEnum) => [databaseEnum.name, databaseEnum]));
  for (const dmmfEnum of enums) {
    const expectedValues = dmmfEnum.values.map((value) => value.dbName ?? value.name);
    const actual = databaseEnums.get(enumName(dmmfEnum));
    if (!actual) {
      differences.push(`Enum "${enumName(dmmfEnum)}" (enum ${dmmfEnum.name}) is missing from the database.`);
      continue;
    }
    if (!sameList(actual.values, expectedValues)) {
      const missing = expectedValues.filter((value) => !actual.values.includes(value));
      const extra = actual.values.filter((value) => !expectedValues.includes(value));
      const detail = [
        missing.length > 0 ? `missing ${list(missing)}` : "",
        extra.length > 0 ? `unexpected ${list(extra)}` : "",
        missing.length === 0 && extra.length === 0 ? "different order" : "",
      ].filter(Boolean);
      differences.push(
        `Enum "${enumName(dmmfEnum)}" has values [${list(actual.values)}] in the database but [${list(expectedValues)}] in schema.prisma (${detail.join("; ")}).`,
      );
    }
  }
  const expectedEnumNames = new Set(enums.map(enumName));
  for (const databaseEnum of database.enums) {
    if (!expectedEnumNames.has(databaseEnum.name)) {
      differences.push(`Enum "${databaseEnum.name}" exists in the database but not in schema.prisma.`);
    }
  }

  // Tables.
  const databaseTables = new Map(database.tables.map((table) => [table.name, table]));
  const expectedTableNames = new Set(models.map(tableName));
  for (const table of database.tables) {
    if (table.name !== "_prisma_migrations" && !expectedTableNames.has(table.name)) {
      differences.push(`Table "${table.name}" exists in the database but no model maps to it.`);
    }
  }

  for (const model of models) {
    const table = tableName(model);
    const actual = databaseTables.get(table);
    if (!actual) {
      differences.push(`Table "${table}" (model ${model.name}) is missing from the database.`);
      continue;
    }
    const where = `Table "${table}"`;

    // Columns: name, type, nullability, default.
    const scalarFields = model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
    const databaseColumns = new Map(actual.columns.map((column) => [column.name, column]));
    for (const field of scalarFields) {
      const column = columnName(field);
      const source = `${model.name}.${field.name}`;
      const databaseColumn = databaseColumns.get(column);
      if (!databaseColumn) {
        differences.push(`${where}: column "${column}" (${source}) is missing.`);
        continue;
      }

      const fieldEnum = field.kind === "enum" ? enumsByName.get(field.type) : undefined;
      const expectedType = fieldEnum
        ? enumName(fieldEnum)
        : field.nativeType
          ? nativeTypeName(field.nativeType)
          : (scalarTypes[field.type] ?? field.type);
      const describe = (type: string, isArray: boolean) => `${type}${isArray ? "[]" : ""}`;
      if (databaseColumn.type !== expectedType || databaseColumn.isArray !== field.isList) {
        differences.push(
          `${where}: column "${column}" (${source}) has type ${describe(databaseColumn.type, databaseColumn.isArray)} in the database but schema.prisma expects ${describe(expectedType, field.isList)}.`,
        );
      } else if (fieldEnum && databaseColumn.enumSchema !== database.schema) {
        differences.push(
          `${where}: column "${column}" (${source}) uses the enum type "${expectedType}" from schema "${databaseColumn.enumSchema}" instead of "${database.schema}".`,
        );
      }

      // Prisma creates scalar lists without NOT NULL, whatever the field says.
      const expectedNullable = field.isList || !field.isRequired;
      if (databaseColumn.nullable !== expectedNullable) {
        differences.push(
          `${where}: column "${column}" (${source}) is ${databaseColumn.nullable ? "nullable" : "NOT NULL"} in the database but schema.prisma makes it ${expectedNullable ? "nullable" : "required (NOT NULL)"}.`,
        );
      }

      differences.push(...compareDefault(where, column, source, field, fieldEnum, databaseColumn.default));
    }
    const expectedColumns = new Set(scalarFields.map(columnName));
    for (const databaseColumn of actual.columns) {
      if (!expectedColumns.has(databaseColumn.name)) {
        differences.push(`${where}: column "${databaseColumn.name}" exists in the database but no field of ${model.name} maps to it.`);
      }
    }

    // Primary key.
    const idFields = model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
    const idIndex = indexes.find((index) => index.model === model.name && index.type === "id");
    if (idFields.length > 0) {
      const expectedColumnsOfKey = idFields.map((fieldName) => columnOf(model, fieldName));
      const expectedName = idIndex?.dbName ?? defaultConstraintName.primaryKey(table);
      if (!actual.primaryKey) {
        differences.push(`${where}: primary key "${expectedName}" (${list(expectedColumnsOfKey)}) is missing.`);
      } else {
        if (!sameList(actual.primaryKey.columns, expectedColumnsOfKey)) {
          differences.push(
            `${where}: primary key is (${list(actual.primaryKey.columns)}) in the database but (${list(expectedColumnsOfKey)}) in schema.prisma.`,
          );
        }
        if (actual.primaryKey.name !== expectedName) {
          differences.push(`${where}: primary key is named "${actual.primaryKey.name}" in the database but "${expectedName}" is expected.`);
        }
      }
    } else if (actual.primaryKey) {
      differences.push(`${where}: has primary key "${actual.primaryKey.name}" (${list(actual.primaryKey.columns)}) but ${model.name} declares no @id.`);
    }

    // Unique constraints and indexes (Prisma creates both as indexes).
    const expectedIndexes = indexes
      .filter((index) => index.model === model.name && (index.type === "unique" || index.type === "normal"))
      .map((index) => {
        const unique = index.type === "unique";
        const columns = index.fields.map((field) => columnOf(model, field.name));
        return {
          name: index.dbName ?? defaultConstraintName.index(table, columns, unique),
          unique,
          columns,
          descending: index.fields.map((field) => field.sortOrder === "desc"),
          method: (index.algorithm ?? "BTree").toLowerCase(),
        };
      });
    const databaseIndexes = new Map(actual.indexes.map((index) => [index.name, index]));
    for (const expected of expectedIndexes) {
      const kind = expected.unique ? "Unique index" : "Index";
      const databaseIndex = databaseIndexes.get(expected.name);
      if (!databaseIndex) {
        const similar = actual.indexes.find(
          (index) => index.unique === expected.unique && sameList(index.columns, expected.columns),
        );
        differences.push(
          `${where}: ${kind.toLowerCase()} "${expected.name}" on (${list(expected.columns)}) is missing${similar ? ` (the database has the same columns indexed as "${similar.name}")` : ""}.`,
        );
        continue;
      }
      if (!sameList(databaseIndex.columns, expected.columns)) {
        differences.push(
          `${where}: ${kind.toLowerCase()} "${expected.name}" covers (${list(databaseIndex.columns)}) in the database but (${list(expected.columns)}) in schema.prisma.`,
        );
      } else if (!sameList(databaseIndex.descending, expected.descending)) {
        differences.push(`${where}: ${kind.toLowerCase()} "${expected.name}" has different sort orders (DESC) than schema.prisma.`);
      }
      if (databaseIndex.unique !== expected.unique) {
        differences.push(
          `${where}: index "${expected.name}" is ${databaseIndex.unique ? "unique" : "not unique"} in the database but ${expected.unique ? "unique" : "not unique"} in schema.prisma.`,
        );
      }
      if (databaseIndex.method !== expected.method) {
        differences.push(`${where}: ${kind.toLowerCase()} "${expected.name}" uses ${databaseIndex.method} in the database but ${expected.method} in schema.prisma.`);
      }
      if (databaseIndex.partial) {
        differences.push(`${where}: ${kind.toLowerCase()} "${expected.name}" is partial (WHERE …) in the database, which schema.prisma cannot express.`);
      }
    }
    const expectedIndexNames = new Set(expectedIndexes.map((index) => index.name));
    for (const databaseIndex of actual.indexes) {
      if (!expectedIndexNames.has(databaseIndex.name)) {
        differences.push(
          `${where}: ${databaseIndex.unique ? "unique index" : "index"} "${databaseIndex.name}" on (${list(databaseIndex.columns)}) exists in the database but not in schema.prisma.`,
        );
      }
    }

    // Foreign keys, matched by their columns and referenced table.
    const expectedForeignKeys = model.fields
      .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
      .map((field) => {
        const referencedModel = modelsByName.get(field.type);
        const fromFields = field.relationFromFields ?? [];
        const columns = fromFields.map((fieldName) => columnOf(model, fieldName));
        const anyOptional = fromFields.some(
          (fieldName) => model.fields.find((candidate) => candidate.name === fieldName)?.isRequired === false,
        );
        // Prisma's defaults: SetNull when the relation is optional, else Restrict; onUpdate Cascade.
        const onDelete = field.relationOnDelete ?? (anyOptional ? "SetNull" : "Restrict");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        return {
          source: `${model.name}.${field.name}`,
          name: defaultConstraintName.foreignKey(table, columns),
          columns,
          referencedTable: referencedModel ? tableName(referencedModel) : field.type,
          referencedColumns: (field.relationToFields ?? []).map((fieldName) =>
            referencedModel ? columnOf(referencedModel, fieldName) : fieldName,
          ),
          onDelete: prismaActions[onDelete] ?? onDelete,
          onUpdate: prismaActions[onUpdate] ?? onUpdate,
        };
      });
    const matched = new Set<DatabaseForeignKey>();
    for (const expected of expectedForeignKeys) {
      const describe = `foreign key (${list(expected.columns)}) → "${expected.referencedTable}" (${expected.source})`;
      const databaseForeignKey = actual.foreignKeys.find(
        (foreignKey) =>
          !matched.has(foreignKey) &&
          sameList(foreignKey.columns, expected.columns) &&
          foreignKey.referencedTable === expected.referencedTable,
      );
      if (!databaseForeignKey) {
        differences.push(`${where}: ${describe} is missing.`);
        continue;
      }
      matched.add(databaseForeignKey);
      if (databaseForeignKey.referencedSchema !== database.schema) {
        differences.push(`${where}: ${describe} references schema "${databaseForeignKey.referencedSchema}" instead of "${database.schema}".`);
      }
      if (!sameList(databaseForeignKey.referencedColumns, expected.referencedColumns)) {
        differences.push(
          `${where}: ${describe} references (${list(databaseForeignKey.referencedColumns)}) in the database but (${list(expected.referencedColumns)}) in schema.prisma.`,
        );
      }
      if (databaseForeignKey.onDelete !== expected.onDelete) {
        differences.push(`${where}: ${describe} is ON DELETE ${databaseForeignKey.onDelete} in the database but ON DELETE ${expected.onDelete} in schema.prisma.`);
      }
      if (databaseForeignKey.onUpdate !== expected.onUpdate) {
        differences.push(`${where}: ${describe} is ON UPDATE ${databaseForeignKey.onUpdate} in the database but ON UPDATE ${expected.onUpdate} in schema.prisma.`);
      }
      if (databaseForeignKey.name !== expected.name) {
        differences.push(`${where}: ${describe} is named "${databaseForeignKey.name}" in the database but "${expected.name}" is expected.`);
      }
    }
    for (const foreignKey of actual.foreignKeys) {
      if (!matched.has(foreignKey)) {
        differences.push(
          `${where}: foreign key "${foreignKey.name}" (${list(foreignKey.columns)}) → "${foreignKey.referencedTable}" exists in the database but no relation in schema.prisma declares it.`,
        );
      }
    }
  }

  return differences;
}

function compareDefault(
  where: string,
  column: string,
  source: string,
  field: DmmfField,
  fieldEnum: DmmfEnum | undefined,
  actual: string | null,
): string[] {
  const prefix = `${where}: column "${column}" (${source})`;
  const value = field.default;
  const isFunction = typeof value === "object" && value !== null && !Array.isArray(value);

  // No database default expected: no @default at all, or one the client computes.
  if (value === undefined || (isFunction && clientSideDefaults.has(value.name))) {
    return actual === null
      ? []
      : [`${prefix} has the database default ${actual}, which schema.prisma does not declare.`];
  }
  if (actual === null) {
    const declared = isFunction ? `${value.name}(${value.args.map((arg) => JSON.stringify(arg)).join(", ")})` : JSON.stringify(value);
    return [`${prefix} has no database default but schema.prisma declares @default(${declared}).`];
  }

  if (isFunction) {
    switch (value.name) {
      case "autoincrement":
        return /^nextval\(/i.test(actual) || actual === "identity"
          ? []
          : [`${prefix} should be autoincrement (a sequence) but its default is ${actual}.`];
      case "now":
        return /^(CURRENT_TIMESTAMP|now\(\))/i.test(actual)
          ? []
          : [`${prefix} should default to now() (CURRENT_TIMESTAMP) but its default is ${actual}.`];
      default:
        // dbgenerated(…) and anything else: PostgreSQL re-renders expressions, so presence is what we can check.
        return [];
    }
  }
  if (Array.isArray(value) || field.isList || field.type === "DateTime" || field.type === "Bytes") {
    return []; // Array and timestamp literals are re-rendered by PostgreSQL; presence is checked above.
  }

  let expected = String(value);
  if (fieldEnum) {
    expected = fieldEnum.values.find((enumValue) => enumValue.name === expected)?.dbName ?? expected;
  }
  const literal = defaultLiteral(actual);
  return sameLiteral(field, expected, literal)
    ? []
    : [`${prefix} defaults to ${actual} in the database but to ${JSON.stringify(expected)} in schema.prisma.`];
}
