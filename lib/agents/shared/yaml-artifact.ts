// YAML and number formatting shared by the generators. Every YAML artifact of every role is written by
// `yamlDocument` / `yamlDocuments` here: built as objects and serialised with the `yaml` library (never
// string templates), so user text is quoted wherever it needs to be, for YAML 1.1 readers (PyYAML, go-yaml
// v2, kubectl, promtool) as well as YAML 1.2 ones. See docs/decisions/020-artifacts-real-tools-accept.md.
import YAML, { isScalar, Scalar, visit } from "yaml";
import { markdownCell } from "@/lib/markdown/escape";

const stringifyOptions = { lineWidth: 0, blockQuote: "literal", indent: 2 } as const;

/**
 * Characters YAML does not allow unescaped anywhere (outside its printable set, YAML 1.1 and 1.2 alike):
 * C0 controls other than tab/LF/CR, DEL, C1 controls other than NEL, and U+FFFE/U+FFFF.
 */
const nonPrintable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;

/** Plain scalars a YAML 1.1 reader gives a tag of its own (PyYAML fails on `=`; `<<` is a merge key). */
const otherSpecialPlain = new Set(["=", "<<"]);

/**
 * Whether a YAML 1.2 core reader would take this plain scalar for something other than a string (`0o17`,
 * which a YAML 1.1 schema reads as a string and so would write plain).
 */
function coreReadsAsNonString(text: string): boolean {
  if (otherSpecialPlain.has(text)) return true;
  const document = YAML.parseDocument(text, { version: "1.2" });
  return document.errors.length === 0 && isScalar(document.contents) && typeof document.contents.value !== "string";
}

/**
 * The document, with quoting decided for both YAML versions. The document is written under the `yaml`
 * library's YAML 1.1 schema, so the library itself quotes every string a 1.1 reader would resolve to a
 * boolean, number, null or timestamp (on, yes, y, n, 0b1, 0x1F, 12:30:00, 2026-01-01, ~); strings only
 * YAML 1.2 core resolves otherwise, and strings with non-printable characters, are forced to double quotes.
 * No `%YAML` directive is written, and the quoted output reads the same under 1.2.
 */
function yamlNode(value: unknown): YAML.Document {
  // No anchors and aliases: a reused object (e.g. a labels map) is written out in full each time.
  // The 1.1 schema's merge tag would write the string "<<" as a bare merge key; we never write merges.
  const document = new YAML.Document(value, {
    aliasDuplicateObjects: false,
    version: "1.1",
    customTags: (tags) => tags.filter((tag) => typeof tag === "string" || tag.tag !== "tag:yaml.org,2002:merge"),
  });
  visit(document, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value !== "string") return;
      const text = node.value;
      nonPrintable.lastIndex = 0;
      // Non-printable characters can only be written escaped, which needs double quotes. So do NEL, LS and
      // PS, line breaks to YAML 1.1 but not 1.2, and tabs, which PyYAML refuses inside a plain scalar.
      if (nonPrintable.test(text) || /[\t\u0085\u2028\u2029]/.test(text) || (!text.includes("\n") && coreReadsAsNonString(text))) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return document;
}

/** What the library leaves raw in double quotes: non-printables, and NEL/LS/PS, which 1.1 folds as breaks. */
const escapedAfterwards = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/g;

/**
 * Serialises a document. The library writes DEL and C1 controls raw even inside double quotes (it escapes
 * what JSON escapes); such characters occur only in scalars forced to double quotes above, and in comments,
 * which are built from single lines we sanitise, so a `\xNN` escape after serialising is always in a
 * double-quoted scalar, where YAML defines it.
 */
function serialise(document: YAML.Document): string {
  return document
    .toString(stringifyOptions)
    .replace(escapedAfterwards, (character) => {
      const code = character.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
    });
}

/** One YAML document, with an optional comment header (each line becomes a `#` comment). */
export function yamlDocument(value: unknown, header?: string[]): string {
  const document = yamlNode(value);
  if (header && header.length > 0) {
    document.commentBefore = header.map((line) => ` ${line.replace(/[\r\n]+/g, " ").replace(escapedAfterwards, "")}`).join("\n");
  }
  return serialise(document);
}

/** Several YAML documents in one file, separated by `---`. */
export function yamlDocuments(values: unknown[], header?: string[]): string {
  return yamlStream(values.map((value, index) => ({ value, header: index === 0 ? header : undefined })));
}

/** Several YAML documents in one file, separated by `---`, each with its own optional comment header. */
export function yamlStream(documents: { value: unknown; header?: string[] }[]): string {
  return documents.map(({ value, header }, index) => (index === 0 ? "" : "---\n") + yamlDocument(value, header)).join("");
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

/** A cell of typed text, escaped once by `markdownCell`; `trustedTable` inserts it as it is. */
export interface EscapedCell {
  readonly markdown: string;
}

/** Marks typed text for a `trustedTable` cell: escaped here, exactly once. */
export function escapedCell(text: string | number): EscapedCell {
  return { markdown: markdownCell(text) };
}

/**
 * A Markdown table of cells the generator wrote itself (figures, labels, names already validated as DNS
 * labels): only pipes and newlines are neutralised. Typed text goes in as `escapedCell(text)`, which is
 * escaped once and not again here (escaping a `\|` a second time would split the row).
 */
export function trustedTable(header: string[], rows: (string | number | EscapedCell)[][]): string {
  const cell = (value: string | number | EscapedCell) =>
    typeof value === "object" ? value.markdown : String(value).replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|") || " ";
  const line = (cells: (string | number | EscapedCell)[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}
