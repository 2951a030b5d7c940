import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET as getOpenApiJson } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument, operations as sourceOperations } from "@/lib/openapi/document";
import { eventTypes } from "@/lib/outbox/events";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type OperationObject = { operationId: string; security?: unknown[]; parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, unknown> };

const document = buildOpenApiDocument();
const paths = document.paths as Record<string, Record<string, OperationObject>>;
const httpMethods = ["get", "post", "put", "patch", "delete"];

/** Every [operation path, method, operation] in the document. */
const operations = Object.entries(paths).flatMap(([route, item]) =>
  Object.entries(item)
    .filter(([method]) => httpMethods.includes(method))
    .map(([method, operation]) => [route, method, operation] as const),
);

/** Every value of `key` anywhere in the tree, with where it was found. */
function collect(value: Json, key: string, at = "#"): { at: string; value: Json }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => collect(item, key, `${at}/${index}`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([name, item]) => [...(name === key ? [{ at, value: item }] : []), ...collect(item, key, `${at}/${name}`)]);
}

/** Follows a local JSON pointer ("#/components/schemas/Error") from the document root. */
function resolvePointer(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: Json | undefined = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(segment in node)) return undefined;
    node = (node as Record<string, Json>)[segment];
  }
  return node;
}

/**
 * The API routes that exist on disk, as OpenAPI paths with their exported HTTP methods. The catch-all
 * 404 (`[...path]`) and the document itself (`openapi.json`) are not endpoints to document.
 */
function implementedRoutes(): { route: string; methods: string[] }[] {
  const appDir = path.resolve(import.meta.dirname, "../../app");
  const found: { route: string; methods: string[] }[] = [];
  for (const root of ["api/v1", "api/health"]) {
    for (const entry of readdirSync(path.join(appDir, root), { recursive: true, encoding: "utf8" })) {
      const file = path.join(root, entry);
      if (path.basename(file) !== "route.ts") continue;
      const segments = path.dirname(file).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment)); // (groups) are not in the URL
      if (segments.some((segment) => segment.startsWith("[...") || segment.startsWith("[[...") || segment === "openapi.json")) continue;
      const route = "/" + segments.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}")).join("/");
      const source = readFileSync(path.join(appDir, file), "utf8");
      const methods = new Set<string>();
      for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(match[1]);
      for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const name of match[1].matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b|^\s*(GET|POST|PUT|PATCH|DELETE)\s*$/gm)) methods.add(name[1] ?? name[2]);
      }
      found.push({ route, methods: [...methods].map((method) => method.toLowerCase()).sort() });
    }
  }
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1.0", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  });

  it("puts every operation the domains list into the document, under its path and method, with its summary", () => {
    expect(sourceOperations.length).toBeGreaterThan(40);
    for (const operation of sourceOperations) {
      expect(paths[operation.path]?.[operation.method], `${operation.method.toUpperCase()} ${operation.path}`).toMatchObject({ summary: operation.summary });
    }
    expect(operations.length).toBe(sourceOperations.length);
  });

  it("documents every route.ts under app/api/v1 and app/api/health, with each method it exports", () => {
    const routes = implementedRoutes();
    expect(routes.map((route) => route.route)).toContain("/api/v1/teams/{slug}/members"); // the walk itself works
    for (const { route, methods } of routes) {
      expect(paths, `${route} has a route.ts but is not in lib/openapi/document.ts`).toHaveProperty([route]);
      expect(methods.length, `${route}/route.ts exports no HTTP method the walk recognises`).toBeGreaterThan(0);
      for (const method of methods) expect(paths[route], `${method.toUpperCase()} ${route} is not documented`).toHaveProperty([method]);
    }
  });

  it("documents no path that has no route.ts", () => {
    const routes = new Set(implementedRoutes().map((route) => route.route));
    expect(Object.keys(paths).filter((route) => !routes.has(route))).toEqual([]);
  });

  it("declares each {parameter} of a path as a required path parameter, and no other", () => {
    for (const [route, , operation] of operations) {
      const inPath = [...route.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
      expect(declared.map((parameter) => parameter.name).sort(), route).toEqual(inPath);
      for (const parameter of declared) expect(parameter.required, `${route} {${parameter.name}}`).toBe(true);
    }
  });

  it("gives every operation a unique operationId", () => {
    const ids = operations.map(([, , operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents 401 and 404 with the Error schema on every authenticated operation", () => {
    for (const [route, method, operation] of operations) {
      if (Array.isArray(operation.security) && operation.security.length === 0) continue; // public, e.g. /api/health
      for (const status of ["401", "404"]) {
        expect(operation.responses[status], `${method} ${route} ${status}`).toMatchObject({
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        });
      }
    }
  });

  it("resolves every $ref inside the document", () => {
    const refs = collect(document as unknown as Json, "$ref");
    expect(refs.length).toBeGreaterThan(0);
    for (const { at, value } of refs) {
      expect(typeof value, at).toBe("string");
      expect(resolvePointer(document as unknown as Json, value as string), `${at}: $ref ${String(value)} does not resolve`).toBeDefined();
    }
  });

  it("puts $schema only where JSON Schema allows it (not inside the document's schemas)", () => {
    expect(collect(document as unknown as Json, "$schema")).toEqual([]);
  });

  it("validates against the OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every event the portal sends as a webhook whose body schema names its type", () => {
    const webhooks = document.webhooks as unknown as Record<string, { post: { requestBody: { content: { "application/json": { schema: { properties: { type: { const: string } }; required: string[] } } } } } }>;
    expect(Object.keys(webhooks).sort()).toEqual([...eventTypes].sort());
    for (const [type, item] of Object.entries(webhooks)) {
      const schema = item.post.requestBody.content["application/json"].schema;
      expect(schema.properties.type.const).toBe(type);
      expect(schema.required).toEqual(expect.arrayContaining(["type", "timestamp", "data"]));
    }
  });

  it("is what /api/v1/openapi.json serves", async () => {
    const response = getOpenApiJson();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
