// YAML and number formatting shared by the generators: YAML is always built as objects and serialised
// with the `yaml` library (never string templates), so user text is quoted wherever it needs to be.
import YAML from "yaml";

const stringifyOptions = { lineWidth: 0, blockQuote: "literal", indent: 2 } as const;

/** One YAML document, with an optional comment header (each line becomes a `#` comment). */
export function yamlDocument(value: unknown, header?: string[]): string {
  // No anchors and aliases: a reused object (e.g. a labels map) is written out in full each time.
  const document = new YAML.Document(value, { aliasDuplicateObjects: false });
  if (header && header.length > 0) document.commentBefore = header.map((line) => ` ${line.replace(/[\r\n]+/g, " ")}`).join("\n");
  return document.toString(stringifyOptions);
}

/** Several YAML documents in one file, separated by `---`. */
export function yamlDocuments(values: unknown[], header?: string[]): string {
  return values
    .map((value, index) => {
      const text = yamlDocument(value, index === 0 ? header : undefined);
      return index === 0 ? text : `---\n${text}`;
    })
    .join("");
}

/** A decimal with at most `digits` fractional digits and no trailing zeros (14.4, 0.9333, 6). */
export function decimalText(value: number, digits = 4): string {
  return String(Number(value.toFixed(digits)));
}

/** An integer with thousands separators, independent of the host's locale (4,096). */
export function groupedInteger(value: number): string {
  const sign = value < 0 ? "-" : "";
  return sign + String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A duration in minutes for people: "36 s", "4.3 min", "20.2 min", "1,008 min". */
export function minutesText(minutes: number): string {
  if (minutes < 1) return `${decimalText(minutes * 60, 0)} s`;
  if (minutes < 100) return `${decimalText(minutes, 1)} min`;
  return `${groupedInteger(minutes)} min`;
}

/** A duration in hours for people: "50 h (2.1 days)". */
export function hoursText(hours: number): string {
  if (hours < 48) return `${decimalText(hours, 1)} h`;
  return `${decimalText(hours, 1)} h (${decimalText(hours / 24, 1)} days)`;
}

/** A Markdown document from lines, ending in exactly one newline. */
export function markdownDocument(lines: string[]): string {
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

/**
 * A Markdown table of cells the generator wrote itself (figures, labels, names already validated as DNS
 * labels): only pipes and newlines are neutralised. Escape user-typed text with `markdownCell` first.
 */
export function trustedTable(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => String(value).replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|") || " ";
  const line = (cells: (string | number)[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}
