import { describe, expect, it } from "vitest";
import { escapeMarkdown, markdownCell, markdownParagraphs } from "@/lib/markdown/escape";

describe("escaping typed text for Markdown", () => {
  it.each([
    ["# not a heading", "\\# not a heading"],
    ["- not a list", "\\- not a list"],
    ["1. not a list", "1\\. not a list"],
    ["> not a quote", "\\> not a quote"],
    ["---", "\\---"],
    ["**not bold** _nor_ `code`", "\\*\\*not bold\\*\\* \\_nor\\_ \\`code\\`"],
    ["[not](a link) <script>", "\\[not\\](a link) \\<script\\>"],
    ["a | b", "a \\| b"],
    ["v2.14.0 at 10:02 - fine", "v2.14.0 at 10:02 - fine"],
  ])("%s", (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it("keeps a table cell on one line", () => {
    expect(markdownCell("line one\n  line two ")).toBe("line one line two");
    expect(markdownCell("")).toBe(" ");
  });

  it("keeps paragraphs and line breaks", () => {
    expect(markdownParagraphs("one\ntwo\n\n# three")).toBe("one  \ntwo\n\n\\# three");
  });
});
