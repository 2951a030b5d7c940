// A small HCL writer that lays files out exactly as `terraform fmt` would: two-space indents, `=`
// aligned across consecutive single-line attributes, one blank line around blocks. Strings are always
// escaped with hclString; only `expr()` values are written verbatim (references, function calls).
import { hclString } from "@/lib/agents/shared/escape";

/** An HCL expression written verbatim, e.g. `var.region` or `"${var.name}-vpc"`. Never wrap user text in it. */
export class HclExpression {
  constructor(readonly text: string) {}
}

/** A function call whose last argument is written over several lines: `jsonencode({` … `})`. */
export class HclCall {
  constructor(
    readonly name: string,
    readonly argument: HclValue,
  ) {}
}

export type HclValue = string | number | boolean | null | HclExpression | HclCall | HclValue[] | { [key: string]: HclValue };

export type HclItem =
  | { type: "attribute"; name: string; value: HclValue }
  | { type: "block"; blockType: string; labels: string[]; body: HclItem[] }
  | { type: "comment"; text: string }
  | { type: "blank" };

export const expr = (text: string) => new HclExpression(text);
export const call = (name: string, argument: HclValue) => new HclCall(name, argument);
export const attribute = (name: string, value: HclValue): HclItem => ({ type: "attribute", name, value });
export const block = (blockType: string, labels: string[], body: HclItem[]): HclItem => ({ type: "block", blockType, labels, body });
export const comment = (text: string): HclItem => ({ type: "comment", text });
export const blank: HclItem = { type: "blank" };

/** Attributes from an object, in its key order; undefined values are left out. */
export function attributes(values: Record<string, HclValue | undefined>): HclItem[] {
  return Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [attribute(name, value)]));
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Single-line lists longer than this are written one element per line. */
const maxInlineWidth = 100;

function objectKey(key: string): string {
  return identifierPattern.test(key) ? key : hclString(key);
}

function isPlainObject(value: HclValue): value is { [key: string]: HclValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof HclExpression) && !(value instanceof HclCall);
}

/** The value on one line, or undefined when it must span several. */
function inline(value: HclValue): string | undefined {
  if (value === null) return "null";
  if (typeof value === "string") return hclString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`HCL cannot hold ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (value instanceof HclExpression) return value.text;
  if (value instanceof HclCall) return undefined;
  if (Array.isArray(value)) {
    const parts = value.map(inline);
    if (parts.some((part) => part === undefined)) return undefined;
    const text = `[${parts.join(", ")}]`;
    return text.length <= maxInlineWidth ? text : undefined;
  }
  return Object.keys(value).length === 0 ? "{}" : undefined;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * The width terraform fmt gives a name when it aligns `=`: hclwrite counts grapheme clusters (textseg), not
 * UTF-16 units, so a key holding an emoji or a combining accent is one column per visible character.
 */
export function graphemeCount(text: string): number {
  // A quoted key is several tokens to hclwrite, each counted on its own: the quotes, and a literal that its
  // scanner ends after every `$` and `%` and after the escapes `$${` and `%%{`. So a combining mark right
  // after a quote, a `$`, a `%` or an escape's `{` is a column of its own (checked against terraform fmt).
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    const pieces = text.slice(1, -1).match(/\$\$\{|%%\{|[$%]|[^$%]+/g) ?? [];
    return 2 + pieces.reduce((sum, piece) => sum + clusters(piece), 0);
  }
  return clusters(text);
}

function clusters(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Lines of a multi-line value, the first continuing the line that opened it. */
function multiline(value: HclValue, depth: number): string[] {
  const pad = "  ".repeat(depth + 1);
  const closePad = "  ".repeat(depth);
  if (value instanceof HclCall) {
    const inner = multiline(value.argument, depth);
    return [`${value.name}(${inner[0]}`, ...inner.slice(1, -1), `${inner[inner.length - 1]})`];
  }
  if (Array.isArray(value)) {
    const lines = ["["];
    for (const element of value) {
      const single = inline(element);
      if (single !== undefined) lines.push(`${pad}${single},`);
      else {
        const inner = multiline(element, depth + 1);
        lines.push(`${pad}${inner[0]}`, ...inner.slice(1, -1), `${inner[inner.length - 1]},`);
      }
    }
    lines.push(`${closePad}]`);
    return lines;
  }
  if (isPlainObject(value)) {
    return ["{", ...bodyLines(Object.entries(value).map(([key, item]) => ({ type: "attribute", name: objectKey(key), value: item }) as HclItem), depth + 1), `${closePad}}`];
  }
  throw new Error("Only lists, objects and calls span several lines");
}

/** Blocks and multi-line attributes stand apart from their neighbours by one blank line. */
function standsApart(item: HclItem): boolean {
  return item.type === "block" || (item.type === "attribute" && inline(item.value) === undefined);
}

function bodyLines(items: HclItem[], depth: number): string[] {
  const pad = "  ".repeat(depth);
  // Blank lines: explicit ones, plus one around every block; never two in a row, never at the edges.
  const spaced: HclItem[] = [];
  for (const item of items) {
    const previous = spaced[spaced.length - 1];
    if (item.type === "blank") {
      if (previous && previous.type !== "blank") spaced.push(item);
      continue;
    }
    // A comment belongs to what follows it, so nothing separates the two.
    if (previous && previous.type !== "blank" && previous.type !== "comment" && (standsApart(item) || standsApart(previous))) spaced.push(blank);
    spaced.push(item);
  }
  while (spaced[spaced.length - 1]?.type === "blank") spaced.pop();

  // Runs of consecutive single-line attributes align their `=` (terraform fmt's "assign chains").
  const lines: string[] = [];
  let run: { name: string; text: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((entry) => graphemeCount(entry.name)));
    for (const entry of run) lines.push(`${pad}${entry.name}${" ".repeat(width - graphemeCount(entry.name))} = ${entry.text}`);
    run = [];
  };
  for (const item of spaced) {
    if (item.type === "attribute") {
      const single = inline(item.value);
      if (single !== undefined) {
        run.push({ name: item.name, text: single });
        continue;
      }
      flush();
      const inner = multiline(item.value, depth);
      lines.push(`${pad}${item.name} = ${inner[0]}`, ...inner.slice(1));
      continue;
    }
    flush();
    if (item.type === "blank") lines.push("");
    else if (item.type === "comment") lines.push(...item.text.split("\n").map((line) => `${pad}# ${line.replace(/\r/g, "")}`.trimEnd()));
    else {
      const header = [item.blockType, ...item.labels.map((label) => hclString(label))].join(" ");
      if (item.body.length === 0) lines.push(`${pad}${header} {}`);
      else lines.push(`${pad}${header} {`, ...bodyLines(item.body, depth + 1), `${pad}}`);
    }
  }
  flush();
  return lines;
}

/** A whole file: the items at top level, ending in one newline. */
export function hclFile(items: HclItem[]): string {
  return `${bodyLines(items, 0).join("\n")}\n`;
}
