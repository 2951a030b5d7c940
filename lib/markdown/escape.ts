// Putting text people typed into Markdown so that it reads as the same text, never as markup: in generated
// artifacts, postmortems and minutes alike. Only characters that would start markup where they stand are
// escaped, so "checkout-api v2.14.0" stays readable when people go on editing the document, instead of
// becoming "checkout\-api v2\.14\.0".

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

/** Inline text: escaped, on one line. */
export function markdownText(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, " "));
}

/** One table cell: escaped, on one line, never empty. */
export function markdownCell(text: string | number): string {
  return markdownText(String(text).trim()) || " ";
}

/** A Markdown table from a header row and body rows, every cell escaped. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

/** Paragraphs of typed text: escaped, blank lines kept as paragraph breaks, single breaks kept as line breaks. */
export function markdownParagraphs(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => escapeMarkdown(paragraph.trim()).split(/\r?\n/).join("  \n"))
    .join("\n\n");
}
