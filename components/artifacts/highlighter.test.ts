import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { highlightLanguages } from "@/lib/artifacts/languages";
import { highlight } from "./highlighter";

const samples: Record<(typeof highlightLanguages)[number], string> = {
  yaml: "apiVersion: v1\nkind: Service # a comment\n",
  hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
  json: '{ "a": [1, true, null] }\n',
  markdown: "# Title\n\n- item `code`\n",
  dockerfile: "FROM node:20-alpine\nRUN npm ci\n",
  makefile: "build:\n\tnpm run build\n",
  shellscript: 'echo "hi" && exit 0\n',
};

describe("highlight", () => {
  it.each(highlightLanguages)("colours %s in both themes and keeps the text", async (language) => {
    const code = samples[language];
    const lines = await highlight(code, language);
    expect(lines.map((line) => line.map((token) => token.content).join("")).join("\n")).toBe(code);
    const styles = lines.flat().map((token) => token.style ?? {});
    // More than one colour: the grammar recognised something.
    expect(new Set(styles.map((style) => style.color)).size).toBeGreaterThan(1);
    expect(styles.every((style) => "--shiki-dark" in style)).toBe(true);
  });

  it("highlights a real Markdown artifact", async () => {
    const code = readFileSync("lib/agents/cloud-architect/__golden__/example/adr/0001-checkout-architecture.md", "utf8");
    const lines = await highlight(code, "markdown");
    expect(lines.length).toBeGreaterThan(5);
  });
});
