// Test-only: fast-check arbitraries built from a published JSON Schema (draft 2020-12, the subset that
// z.toJSONSchema writes: $ref/$defs, anyOf/oneOf/allOf, const/enum, string with pattern/format/length,
// integer/number bounds, boolean, arrays with item counts and uniqueItems, objects with required keys).
// Values follow the schema most of the time (patterns through fc.stringMatching) and stray at its edges
// the rest of the time (whitespace, impossible dates, host bits, other schemes, duplicates, one past a
// limit), so that a validator of the schema has something to accept that the server might not.
import fc from "fast-check";

type Schema = Record<string, unknown>;

/** Strings at the edges of what people type into fields with formats: ajv decides which are allowed. */
const edgeStrings = [
  "", " ", "   ", "\t", " padded ", "x", "a b", "é\u0301", "👍🏽", "on", "0", "9lives", "a--b",
  // dates and times
  "2026-11-28 14:05", "2026-11-28T14:05:30Z", "2026-11-28 14:05 UTC", "2026-11-28 14:05 +01:00", "2026-04-31 10:00", "2026-02-29 10:00",
  "2028-02-29 10:00", "2100-02-29 10:00", "2026-13-01 10:00", "2026-11-28 24:00", "0050-01-01 10:00", "2026-11-28", "2026-11-28 14:05 utc",
  // CIDR blocks
  "10.0.0.0/16", "10.0.0.1/16", "10.0.0.0/33", "010.0.0.0/8", "10.0.0.0/8", "0.0.0.0/0", "256.0.0.0/8", "192.168.10.0/24", "10.0.0.0/ 16",
  // URLs
  "https://grafana.example.com/d/abc", "http://localhost:3000", "ftp://example.com", "javascript:alert(1)", "mailto:a@b.c", "http://a:99999",
  "http://999.1.1.1", "http://a.999", "https://", "https://a b", "HTTPS://EXAMPLE.COM", "http://[::1]:8080/", "http://10.0.0.1/x", "https://a%41.com",
  // Kubernetes quantities
  "100m", "0.5", "1", "500000K", "512Mi", "1Gi", "1GB", "0", "0m", "1e3", ".5",
];

function resolve(root: Schema, schema: Schema): Schema {
  const reference = schema.$ref;
  if (typeof reference !== "string") return schema;
  const name = reference.replace(/^#\/\$defs\//, "");
  const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
  if (!target) throw new Error(`Unresolved $ref ${reference}`);
  return resolve(root, target);
}

/** Strings matching `pattern`; lookarounds, which fc.stringMatching does not take, are dropped (ajv re-checks). */
function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  for (const candidate of [pattern, pattern.replace(/\(\?[=!<][^()]*(\([^()]*\)[^()]*)*\)/g, "")]) {
    try {
      return fc.stringMatching(new RegExp(candidate));
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const patterns = [schema.pattern, ...((schema.allOf as Schema[] | undefined) ?? []).map((part) => part.pattern)].filter((pattern): pattern is string => typeof pattern === "string");
  // The most telling pattern: anchored ones first, then the longest (the NUL rule and \S say little).
  const main = [...patterns].sort((a, b) => Number(b.startsWith("^")) - Number(a.startsWith("^")) || b.length - a.length)[0];
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? 80;
  const options: fc.Arbitrary<string>[] = [
    fc.constantFrom(...edgeStrings),
    fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, 40) }),
    fc.constantFrom(" ", "  ", "\t").map((space) => space.repeat(Math.max(1, minLength))),
    fc.constantFrom("a".repeat(maxLength), "a".repeat(maxLength + 1), `${"a".repeat(Math.max(0, maxLength - 1))} `),
  ];
  if (schema.format === "uri") options.push(fc.webUrl({ validSchemes: ["http", "https", "ftp"], withQueryParameters: true, withFragments: true }));
  if (main && main !== "^[^\\u0000]*$" && main !== "\\S") {
    const matching = patternArbitrary(main);
    if (!matching) return fc.oneof(...options);
    // Mostly values that follow the pattern, sometimes with a space around them.
    return fc.oneof({ weight: 6, arbitrary: matching }, { weight: 1, arbitrary: matching.map((text) => ` ${text}`) }, ...options.map((arbitrary) => ({ weight: 1, arbitrary })));
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: "grapheme-composite", minLength: Math.max(minLength, 1), maxLength: Math.min(maxLength, 30) }) },
    ...options.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const minimum = (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined) ?? -1_000_000;
  const maximum = (schema.maximum as number | undefined) ?? (schema.exclusiveMaximum as number | undefined) ?? 1_000_000;
  const inside = integer ? fc.integer({ min: Math.ceil(minimum), max: Math.floor(maximum) }) : fc.double({ min: minimum, max: maximum, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(minimum, maximum, minimum - 1, maximum + 1, 0, 0.5) });
}

/** Whether a value satisfies a leaf schema (the caller's validator, e.g. Ajv). */
export type LeafCheck = (schema: Schema) => (value: unknown) => boolean;

/**
 * An arbitrary for `schema`, resolving `$ref`s against `root` (the whole published document). With
 * `leafCheck`, strings and numbers are kept only when they satisfy their own schema, so that whole answers
 * pass the validator often: the edge values that survive are exactly the ones the schema allows.
 */
export function arbitraryFromJsonSchema(root: Schema, schema: Schema = root, leafCheck?: LeafCheck): fc.Arbitrary<unknown> {
  const resolved = resolve(root, schema);
  const leaf = <T>(arbitrary: fc.Arbitrary<T>) => (leafCheck ? arbitrary.filter(leafCheck(resolved)) : arbitrary);
  const recurse = (inner: Schema) => arbitraryFromJsonSchema(root, inner, leafCheck);
  if ("const" in resolved) return fc.constant(resolved.const);
  if (Array.isArray(resolved.enum)) return fc.constantFrom(...(resolved.enum as unknown[]));
  const alternatives = (resolved.anyOf ?? resolved.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map(recurse));
  const type = resolved.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((single) => recurse({ ...resolved, type: single })));
  switch (type) {
    case "string":
      return leaf(stringArbitrary(resolved));
    case "integer":
      return leaf(numberArbitrary(resolved, true));
    case "number":
      return leaf(numberArbitrary(resolved, false));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = recurse((resolved.items as Schema | undefined) ?? {});
      const minLength = (resolved.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((resolved.maxItems as number | undefined) ?? minLength + 4, minLength + 4);
      const unique = fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) });
      return resolved.uniqueItems ? fc.oneof({ weight: 4, arbitrary: unique }, { weight: 1, arbitrary: fc.array(items, { minLength, maxLength }) }) : fc.array(items, { minLength, maxLength });
    }
    case "object": {
      const properties = (resolved.properties as Record<string, Schema> | undefined) ?? {};
      const required = (resolved.required as string[] | undefined) ?? [];
      const record = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, recurse(property)]));
      return fc.record(record, { requiredKeys: required.filter((key) => key in properties) });
    }
    default:
      // An unconstrained schema ({}), e.g. a value zod cannot describe: any JSON scalar.
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}
