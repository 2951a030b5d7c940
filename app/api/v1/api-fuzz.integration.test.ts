// Property-based fuzzing of the whole API: for every operation of the OpenAPI document, fast-check builds
// paths, query strings and bodies from the operation's own JSON Schema, then mutates them the way hostile
// input does (wrong types, NUL, lone surrogates, huge strings, deep nesting, `__proto__` keys, bytes that
// are not UTF-8, text that is not JSON). Each goes to the real route handler with a real team token,
// against the test database. The property: never a 5xx, never a hang; and /api/health is 200 afterwards.
// The seed is printed; run again with FUZZ_SEED=<seed> to replay a failure.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getHealth } from "@/app/api/health/route";
import { getDb } from "@/lib/db/client";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
};
type OperationObject = { parameters?: { name: string; in: "path" | "query" }[]; requestBody?: { content: { "application/json": { schema: JsonSchema } } } };
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** Cases per operation: enough to try each kind of mutation a few times, few enough to keep the suite fast. */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 20);
/** A handler that has not answered by then counts as hung. */
const HANG_MS = 15_000;

const document = buildOpenApiDocument();
const components = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
const routeModules = import.meta.glob<Record<string, Handler>>("/app/api/**/route.ts");

/** `/api/v1/teams/{slug}/slos` → the module at app/api/v1/teams/[slug]/slos/route.ts. */
function moduleFor(path: string) {
  const key = `${path.replace(/\{([^}]+)\}/g, "[$1]")}/route.ts`.replace(/^\/api/, "/app/api");
  const load = routeModules[key];
  if (!load) throw new Error(`No route module at ${key}`);
  return load;
}

function resolve(schema: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!schema) return {};
  if (schema.$ref && depth < 20) return resolve(components[schema.$ref.replace("#/components/schemas/", "")], depth + 1);
  return schema;
}

/** Values that (mostly) fit a JSON Schema: the starting point each mutation bends. */
function fromSchema(raw: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => fromSchema(choice, depth + 1)));
  if (schema.allOf?.length) return fromSchema(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date-time") return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((date) => date.toISOString());
      if (schema.format === "uri") return fc.constantFrom("https://example.com/x", "http://127.0.0.1/", "not a url");
      if (schema.format === "email") return fc.constantFrom("a@example.com", "nobody@example.org");
      return fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) });
    case "integer":
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 3 });
    case "object":
    case undefined: {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      if (!keys.length) return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()), { maxKeys: 3 });
      return fc.record(Object.fromEntries(keys.map((key) => [key, fromSchema(properties[key], depth + 1)])), { requiredKeys: (schema.required ?? []).filter((key) => keys.includes(key)) });
    }
    default:
      return fc.constant(null);
  }
}

/** What hostile input puts where a value belongs. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfff", "%00", "%ff", "\ufffd", "", " ", "__proto__", "constructor", "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>"),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 1.5, [], {}, [null], { __proto__: null }),
  fc.integer({ min: 1_000, max: 300_000 }).map((length) => "x".repeat(length)),
  fc.integer({ min: 10, max: 1_000 }).map((depth) => {
    let value: unknown = "deep";
    for (let level = 0; level < depth; level++) value = level % 2 ? { a: value } : [value];
    return value;
  }),
  fc.string({ unit: "binary", maxLength: 30 }),
);

/** Replaces one property (or the whole value) with a hostile value. */
function mutate(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, hostileValue, fc.nat()).map(([value, hostile, pick]) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return hostile;
    const keys = Object.keys(value);
    if (!keys.length) return { [`k${pick % 3}`]: hostile };
    return { ...(value as Record<string, unknown>), [keys[pick % keys.length]]: hostile };
  });
}

/** A body as the bytes on the wire. */
function bodies(schema: JsonSchema | undefined): fc.Arbitrary<Uint8Array | string> {
  const valid = fromSchema(schema);
  const encode = (value: unknown) => JSON.stringify(value) ?? "null";
  return fc.oneof(
    { weight: 2, arbitrary: valid.map(encode) },
    { weight: 5, arbitrary: mutate(valid).map(encode) },
    // `__proto__` as a real key (JSON.parse makes it an own property, unlike an object literal).
    { weight: 1, arbitrary: valid.map((value) => `{"__proto__":{"admin":true,"isAdmin":true},"constructor":{"prototype":{"x":1}},"inner":${encode(value)}}`) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "[1,", "nul", "{'a':1}", '{"a":"\\ud800"}', '{"a":"\\u0000"}', "\u0000", `${"[".repeat(100_000)}${"]".repeat(100_000)}`) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, ...bytes, 0xff, 0xfe, 0x22, 0x7d])) },
  );
}

/** A path or query value: mostly the real one, often a hostile one. */
function parameterValue(real: string | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    ...(real ? [{ weight: 3, arbitrary: fc.constant(real) }] : []),
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 3, arbitrary: fc.constantFrom("\u0000", "a\u0000", "%ff", "%00", "\ufffd", "\ud800", "x".repeat(5_000), "..", "%2e%2e", "__proto__", "-1", "1e999") },
  );
}

/**
 * Percent-encodes a path or query value as a hostile client would send it: "%ff" and "%00" stay as written
 * (so they arrive as raw bytes), and a lone surrogate goes out as the bytes of its CESU-8 form, which are
 * not UTF-8.
 */
function encodePart(value: string): string {
  const encoded = value.isWellFormed() ? encodeURIComponent(value) : encodeURIComponent(value.toWellFormed()).replaceAll("%EF%BF%BD", "%ED%A0%80");
  return encoded.replaceAll("%25", "%");
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} hung for ${HANG_MS} ms`)), HANG_MS)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const httpMethods = ["get", "post", "put", "patch", "delete"] as const;
const operations = Object.entries(document.paths as Record<string, Record<string, OperationObject>>).flatMap(([path, item]) =>
  httpMethods.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
);

let secret: string;
/** Real values for path parameters, so the cases get past "not found" into the handlers' deeper code. */
const realParams: Record<string, string> = {};

beforeAll(async () => {
  const team = await makeTeam({ members: ["MEMBER"] });
  secret = (await createToken(team.owner.actor, team.slug, { name: "fuzz" })).secret;
  const db = getDb();
  const service = await db.service.create({ data: { teamId: team.id, slug: "fuzz-api", name: "Fuzz API" } });
  realParams.slug = team.slug;
  realParams.id = service.id;
  realParams.role = "sre-engineer";
  console.log(`[api fuzz] seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${RUNS_PER_OPERATION} runs for each of ${operations.length} operations`);
});

describe("the API under hostile input", () => {
  it("has operations to fuzz, each with its route module", () => {
    expect(operations.length).toBeGreaterThan(40);
    for (const { path } of operations) expect(() => moduleFor(path), path).not.toThrow();
  });

  it.each(operations.map((entry) => [`${entry.method.toUpperCase()} ${entry.path}`, entry] as const))("%s answers every case without a 5xx or a hang", async (_, { path, method, operation }) => {
    const handler = (await moduleFor(path)())[method.toUpperCase()];
    expect(handler, `${method} ${path} is not exported`).toBeTypeOf("function");
    const pathNames = (operation.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
    const queryNames = (operation.parameters ?? []).filter((parameter) => parameter.in === "query").map((parameter) => parameter.name);
    const bodySchema = operation.requestBody?.content["application/json"].schema;
    // Each case attacks one surface (the path, the query or the body) and keeps the others valid, so a
    // hostile value is not stopped early by another one and reaches the code behind it.
    const realPath = fc.constant(Object.fromEntries(pathNames.map((name) => [name, realParams[name] ?? "x"])));
    const hostilePath = fc.record(Object.fromEntries(pathNames.map((name) => [name, parameterValue(realParams[name])])));
    const hostileQuery = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...(queryNames.length ? queryNames : ["q"])), fc.constantFrom("%00", "__proto__", "%ff")), parameterValue(undefined)), { minLength: 1, maxLength: 3 });
    const noQuery = fc.constant([] as [string, string][]);
    const validBody = bodySchema ? fromSchema(bodySchema).map((value) => JSON.stringify(value) ?? "null") : fc.constant(undefined);
    const hostileBody = bodySchema ? bodies(bodySchema) : fc.constant(undefined);
    const caseArbitrary = fc.oneof(
      ...(pathNames.length ? [fc.record({ params: hostilePath, query: noQuery, body: validBody as fc.Arbitrary<Uint8Array | string | undefined> })] : []),
      fc.record({ params: realPath, query: hostileQuery, body: validBody as fc.Arbitrary<Uint8Array | string | undefined> }),
      ...(bodySchema ? [{ weight: 2, arbitrary: fc.record({ params: realPath, query: noQuery, body: hostileBody as fc.Arbitrary<Uint8Array | string | undefined> }) }] : []),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ params, query, body }) => {
        const url = new URL(`http://localhost${path.replace(/\{([^}]+)\}/g, (_, name: string) => encodePart(params[name] ?? "x"))}`);
        const search = query.map(([key, value]) => `${encodePart(key)}=${encodePart(value)}`).join("&");
        const request = new NextRequest(`${url.origin}${url.pathname}${search ? `?${search}` : ""}`, {
          method: method.toUpperCase(),
          headers: { authorization: `Bearer ${secret}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
          body: body as BodyInit | undefined,
        });
        const what = `${method.toUpperCase()} ${request.url} ${typeof body === "string" ? body.slice(0, 120) : body ? `<${body.length} bytes>` : ""}`;
        const response = await withTimeout(handler(request, { params: Promise.resolve(params) }), what);
        if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) await response.body?.cancel();
        else await withTimeout(response.arrayBuffer(), `${what} (reading the answer)`);
        if (response.status >= 500) failures.push(`${response.status} ${what}`);
        return response.status < 500;
      }),
      { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
    );
    expect(failures).toEqual([]);
  });

  it("leaves the portal healthy", async () => {
    const response = await getHealth();
    expect(response.status).toBe(200);
  });
});
