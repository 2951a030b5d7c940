// One rule for text, at every edge: a string may hold neither NUL (PostgreSQL cannot store it in text
// columns) nor a lone UTF-16 surrogate (it has no UTF-8 form, so it would be stored as U+FFFD). Every
// free-text field of every schema starts from `text()`, so the form, the API, imports and the published
// JSON Schema all refuse them the same way, with the field's path.
import { z } from "zod";

/** The JSON Schema `pattern` that states the rule for clients (lone surrogates cannot be written as one). */
export const NO_NUL_PATTERN = "^[^\\u0000]*$";

const noNul = /^[^\u0000]*$/;

export const TEXT_NUL_MESSAGE = "Must not contain NUL characters";
export const TEXT_ENCODING_MESSAGE = "Must be valid Unicode text (it holds a lone surrogate)";

/** A string with the text rule; chain `.trim()`, `.min()`, `.max()` as usual. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).regex(noNul, TEXT_NUL_MESSAGE).refine((value) => value.isWellFormed(), TEXT_ENCODING_MESSAGE);
}

/** Strips what `text()` refuses, for strings no person typed (e.g. Alertmanager's labels). */
export function sanitizeText(value: string): string {
  return value.replaceAll("\u0000", "").toWellFormed();
}

/** Where a string (or an object key) breaks the text rule inside a parsed value, with the path to it. */
export interface TextIssue {
  path: (string | number)[];
  message: string;
}

function textProblem(value: string): string | undefined {
  if (value.includes("\u0000")) return TEXT_NUL_MESSAGE;
  if (!value.isWellFormed()) return TEXT_ENCODING_MESSAGE;
  return undefined;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Every string and key in a JSON-like value that breaks the text rule. The backstop behind `text()`: free
 * text nested in open records (a request's form answers, an SLO patch) is stored as JSONB, which refuses
 * NUL too. Walks with a stack, not recursion, so a deeply nested body cannot overflow it; stops after
 * `limit` issues.
 */
export function findTextIssues(value: unknown, limit = 20): TextIssue[] {
  // Each entry points at its parent, so a path is built only for an issue: copying paths on the way down
  // would cost the square of the depth.
  type Entry = { value: unknown; key: string | number | undefined; parent: Entry | undefined };
  const pathOf = (entry: Entry, last?: string) => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let at: Entry | undefined = entry; at && at.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const issues: TextIssue[] = [];
  const stack: Entry[] = [{ value, key: undefined, parent: undefined }];
  const seen = new Set<object>();
  while (stack.length && issues.length < limit) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === "string") {
      const message = textProblem(current);
      if (message) issues.push({ path: pathOf(entry), message });
      continue;
    }
    if (!isPlainContainer(current) || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], key: index, parent: entry });
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const keyProblem = textProblem(key);
      if (keyProblem) issues.push({ path: pathOf(entry, key), message: `${keyProblem} (in the key)` });
      else stack.push({ value: child, key, parent: entry });
    }
  }
  return issues;
}

/** Nesting past this is left as it is by `sanitizeDeep` (and then refused by the backstop, not stripped). */
const SANITIZE_DEPTH = 64;

/** `sanitizeText` applied to every string and key of a JSON-like value (a copy; the input is not changed). */
export function sanitizeDeep<T>(value: T, depth = 0): T {
  if (typeof value === "string") return sanitizeText(value) as T;
  if (depth >= SANITIZE_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => sanitizeDeep(item, depth + 1)) as T;
  if (isPlainContainer(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) copy[sanitizeText(key)] = sanitizeDeep(child, depth + 1);
    return copy as T;
  }
  return value;
}
