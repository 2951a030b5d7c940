import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NO_NUL_PATTERN, TEXT_ENCODING_MESSAGE, TEXT_NUL_MESSAGE, findTextIssues, sanitizeDeep, sanitizeText, text } from "@/lib/validation/text";

describe("text()", () => {
  const title = z.object({ title: text().trim().min(1).max(10) });

  it("accepts ordinary text, emoji and combining marks, and still trims and bounds it", () => {
    expect(title.parse({ title: "  Café 👩🏽‍💻 " }).title).toBe("Café 👩🏽‍💻");
    expect(title.safeParse({ title: "   " }).success).toBe(false);
    expect(title.safeParse({ title: "x".repeat(11) }).success).toBe(false);
  });

  it("refuses NUL and lone surrogates with the field's path", () => {
    for (const [value, message] of [
      ["a\u0000b", TEXT_NUL_MESSAGE],
      ["a\ud800b", TEXT_ENCODING_MESSAGE],
      ["\udc00", TEXT_ENCODING_MESSAGE],
    ] as const) {
      const result = title.safeParse({ title: value });
      expect(result.success).toBe(false);
      expect(result.error!.issues).toEqual([expect.objectContaining({ path: ["title"], message })]);
    }
  });

  it("states the NUL rule in the published JSON Schema", () => {
    const schema = z.toJSONSchema(title) as unknown as { properties: { title: { pattern: string } } };
    expect(schema.properties.title.pattern).toBe(NO_NUL_PATTERN);
    expect(new RegExp(schema.properties.title.pattern, "u").test("a\u0000")).toBe(false);
  });

  it("sanitizes text no person typed", () => {
    expect(sanitizeText("a\u0000b\ud800c")).toBe("ab\ufffdc");
  });
});

describe("findTextIssues and sanitizeDeep", () => {
  it("finds NUL and lone surrogates in nested values and keys, with paths", () => {
    const issues = findTextIssues({ a: [{ b: "x\u0000" }], c: "ok", ["d\u0000"]: 1, e: "\udc00" });
    expect(issues).toHaveLength(3);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ["a", 0, "b"], message: TEXT_NUL_MESSAGE },
        { path: ["d\u0000"], message: `${TEXT_NUL_MESSAGE} (in the key)` },
        { path: ["e"], message: TEXT_ENCODING_MESSAGE },
      ]),
    );
    expect(findTextIssues({ a: [1, true, null, "fine"], b: new Date(0) })).toEqual([]);
  });

  it("walks a deeply nested value without overflowing the stack", () => {
    let deep: unknown = "x\u0000";
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(findTextIssues(deep)).toHaveLength(1);
  });

  it("strips NUL from every string and key", () => {
    expect(sanitizeDeep({ "a\u0000": ["b\u0000", { c: "\u0000d" }], n: 1 })).toEqual({ a: ["b", { c: "d" }], n: 1 });
  });
});
