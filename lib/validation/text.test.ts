import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NO_NUL_PATTERN, TEXT_ENCODING_MESSAGE, TEXT_NUL_MESSAGE, sanitizeText, text } from "@/lib/validation/text";

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
