// Putting text people typed into Markdown so that it reads as the same text, never as markup.
// Unlike lib/agents/shared/escape.ts (generated artifacts, escaped wholesale), a postmortem is a document
// people go on editing as Markdown: only characters that would start markup where they stand are escaped,
// so "checkout-api v2.14.0" stays readable in the editor instead of becoming "checkout\-api v2\.14\.0".

/** Escapes inline Markdown (emphasis, links, code, HTML, table pipes) and block markers at the start of a line. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`)
      // Headings, lists and thematic breaks / setext underlines begin a line.
      .replace(/^(\s*)([#+-])(?=\s|$)/gm, "$1\\$2")
      .replace(/^(\s*)(\d+)([.)])(?=\s|$)/gm, "$1$2\\$3")
      .replace(/^(\s*)([=-])(?=\2*\s*$)/gm, "$1\\$2")
  );
}

/** One table cell: escaped, on one line. */
export function markdownCell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\r?\n\s*/g, " ").trim()) || " ";
}

/** Paragraphs of typed text: escaped, blank lines kept as paragraph breaks, single breaks kept as line breaks. */
export function markdownParagraphs(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => escapeMarkdown(paragraph.trim()).split(/\r?\n/).join("  \n"))
    .join("\n\n");
}
