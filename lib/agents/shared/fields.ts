// Reusable zod pieces for the requirements forms: labelled choices, names, numbers, CIDRs, lists.
// Every piece carries its own human message so the form and the server say the same thing.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { FieldOption } from "@/lib/agents/types";
import { cidrPattern, parseCidr, type ParseCidrOptions } from "@/lib/network/cidr";

type ChoiceLabel = string | { label: string; description?: string };

/**
 * A closed set of values with human labels: the zod enum for the schema, the options for the field, and
 * a label lookup for review pages (which show labels, never raw values).
 */
export function choices<K extends string>(labels: Record<K, ChoiceLabel>, message: string) {
  const values = Object.keys(labels) as [K, ...K[]];
  const options: FieldOption[] = values.map((value) => {
    const entry = labels[value];
    return typeof entry === "string" ? { value, label: entry } : { value, label: entry.label, description: entry.description };
  });
  return {
    values,
    options,
    schema: z.enum(values, { error: message }),
    label: (value: K): string => options.find((option) => option.value === value)?.label ?? value,
  };
}

/** A required single-line text, trimmed, with a length cap that keeps generated files sane. */
export function requiredText(message: string, max = 200) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .max(max, `Keep it under ${max} characters`)
    // Trimmed first, so whitespace alone is refused: the pattern says so in the published JSON Schema.
    .regex(/\S/, message);
}

/** Optional free text (notes, context); empty is fine. */
export function optionalText(max = 2000) {
  return text().trim().max(max, `Keep it under ${max} characters`).optional();
}

const dnsLabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A lowercase DNS label (RFC 1123): what Kubernetes names, Terraform prefixes and service names must be,
 * so the generated artifacts are valid wherever the name lands.
 */
export function dnsLabel(what: string, max = 63) {
  return z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { error: `Enter the ${what}`, abort: true })
    .max(max, `The ${what} must be at most ${max} characters`)
    .regex(dnsLabelPattern, `The ${what} may use only lowercase letters, digits and hyphens, and must start and end with a letter or digit`);
}

/** A DNS-1035 label: a DNS label that starts with a letter, as Kubernetes Service names must. */
export function dns1035Label(what: string, max = 63) {
  return dnsLabel(what, max).regex(/^[a-z]/, `The ${what} must start with a letter: it names a Kubernetes Service`);
}

/**
 * A port name as Kubernetes takes it (an IANA service name): at most 15 lowercase letters, digits and
 * hyphens, at least one letter, no "--", starting and ending with a letter or digit.
 */
export function portName(what: string) {
  return dnsLabel(what, 15)
    .regex(/[a-z]/, `The ${what} must contain a letter (a number alone is a port, not a name)`)
    .regex(/^(?!.*--)/, `The ${what} may not contain two hyphens in a row`);
}

const hostnamePattern = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A fully qualified DNS name such as "api.example.com" (a leading "*." wildcard allowed). */
export function hostname(what: string) {
  return z
    .string({ error: `Enter the ${what}` })
    .trim()
    .toLowerCase()
    .min(1, { error: `Enter the ${what}`, abort: true })
    .regex(hostnamePattern, `The ${what} must be a DNS name such as api.example.com`);
}

/** A whole number within bounds, with one message for "missing" and precise ones for out of range. */
export function wholeNumber(what: string, min: number, max: number) {
  return z
    .number({ error: `Enter the ${what}` })
    .int(`The ${what} must be a whole number`)
    .min(min, `The ${what} must be at least ${min}`)
    .max(max, `The ${what} must be at most ${max}`);
}

/** A decimal number within bounds (percentages, rates). */
export function decimal(what: string, min: number, max: number, unit = "") {
  return z
    .number({ error: `Enter the ${what}` })
    .min(min, `The ${what} must be at least ${min}${unit}`)
    .max(max, `The ${what} must be at most ${max}${unit}`);
}

/** A percentage in [min, max], e.g. an availability objective of 99.0–99.999. */
export function percentage(what: string, min = 0, max = 100) {
  return decimal(what, min, max, "%");
}

/** A duration in whole minutes (RTO, RPO, MTTR, pauses). */
export function minutes(what: string, min = 0, max = 60 * 24 * 30) {
  return wholeNumber(what, min, max);
}

/**
 * An IPv4 CIDR block whose prefix must lie in the given range; the parser's message is the field's error.
 * The published JSON Schema states the same rule as a pattern (prefix range and host bits included).
 */
export function cidrBlock(what: string, options: ParseCidrOptions = {}) {
  return z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { error: `Enter the ${what}`, abort: true })
    .superRefine((value, context) => {
      const result = parseCidr(value, options);
      if (!result.ok) context.addIssue({ code: "custom", message: result.message });
    })
    .meta({ pattern: cidrPattern(options) });
}

/** A list of several of a choice's values: at least `min`, without duplicates. */
export function pickMany<E extends z.ZodType<string>>(schema: E, message: string, min = 1) {
  return z
    .array(schema, { error: message })
    .min(min, message)
    .refine((list) => new Set(list).size === list.length, "Pick each option once")
    // The published JSON Schema states the rule the refinement enforces.
    .meta({ uniqueItems: true });
}

/** A list of short free strings (tags widget): trimmed, non-empty entries, no duplicates. */
export function stringList(what: string, { min = 0, max = 50, itemMax = 200 }: { min?: number; max?: number; itemMax?: number } = {}) {
  const entry = text()
    .trim()
    .min(1, `Remove the empty ${what} entry`)
    .max(itemMax, `Each ${what} entry must be under ${itemMax} characters`)
    .regex(/\S/, `Remove the empty ${what} entry`);
  return z
    .array(entry, { error: `Add the ${what}` })
    .min(min, min === 1 ? `Add at least one ${what}` : `Add at least ${min} ${what} entries`)
    .max(max, `Add at most ${max} ${what} entries`)
    .refine((list) => new Set(list).size === list.length, `Each ${what} entry must appear once`)
    // Entries are compared after trimming; the published schema can only say "no two the same".
    .meta({ uniqueItems: true });
}

/**
 * The published form of the http(s) URL rule: scheme http or https, a host name (its last label starts
 * with a letter) or a dotted IPv4 address, an optional port up to 65535, then a path, query or fragment
 * without spaces. Stricter than the URL parser at the edges (no user info, no IPv6 literal, no punycode
 * label, which the parser may refuse), never looser.
 */
const httpUrlPattern =
  "^https?://(?:(?:(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*(?![Xx][Nn]--)[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?|(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d))" +
  "(?::(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3}|0))?(?:[/?#][!-~]*)?$";

/** An http(s) address (a dashboard, a runbook): other schemes are refused, and the published schema says so. */
export function httpUrl(what: string) {
  return z.url({ protocol: /^https?$/, error: `Enter the ${what}'s http(s) address` }).meta({ pattern: httpUrlPattern });
}

/** Adds a human message at `path` (a helper for the `.superRefine` cross-field rules). */
export function issueAt(context: z.RefinementCtx, path: (string | number)[], message: string) {
  context.addIssue({ code: "custom", path, message });
}

// "2026-11-28 14:05", "2026-11-28T14:05:30Z", "2026-11-28 14:05 UTC" or with an offset ("+01:00").
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|UTC|[+-]\d{2}:\d{2}))?$/i;

/**
 * Milliseconds since the epoch of a date and time typed by a person, read as UTC unless an offset is
 * given; undefined when it is not one or names an impossible date (31 April, 25:00).
 */
export function parseDateTime(text: string): number | undefined {
  const match = dateTimePattern.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = "0"] = match.slice(1, 7).map((part) => part ?? "0");
  const zone = (match[7] ?? "Z").toUpperCase();
  const local = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const check = new Date(local);
  if (check.getUTCFullYear() !== +year || check.getUTCMonth() !== +month - 1 || check.getUTCDate() !== +day || +hour > 23 || +minute > 59 || +second > 59) return undefined;
  if (zone === "Z" || zone === "UTC") return local;
  const sign = zone.startsWith("-") ? -1 : 1;
  const offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return local - offsetMinutes * 60_000;
}

/**
 * The published form of the date-time rule (what parseDateTime accepts): a real calendar date, leap days
 * included, in years 0100–9999 (Date.UTC reads 0000–0099 as 1900–1999), a time of day, and UTC or an offset.
 */
const dateTimePublishedPattern =
  "^(?!00)(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))" +
  "|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)" +
  "[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:[ ]*(?:[Zz]|[Uu][Tt][Cc]|[+-]\\d{2}:\\d{2}))?$";

/** A date and time typed as text, e.g. "2026-11-28 14:05 UTC" (read as UTC without an offset). */
export function dateTime(what: string) {
  return z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { error: `Enter the ${what}`, abort: true })
    .refine((value) => parseDateTime(value) !== undefined, `Write the ${what} as YYYY-MM-DD HH:MM, in UTC or with an offset such as +01:00`)
    .meta({ pattern: dateTimePublishedPattern });
}
