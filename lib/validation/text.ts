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
export function text() {
  return z.string().regex(noNul, TEXT_NUL_MESSAGE).refine((value) => value.isWellFormed(), TEXT_ENCODING_MESSAGE);
}

/** Strips what `text()` refuses, for strings no person typed (e.g. Alertmanager's labels). */
export function sanitizeText(value: string): string {
  return value.replaceAll("\u0000", "").toWellFormed();
}
