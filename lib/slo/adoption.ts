// Adoption of SLOs from an SRE request: how the sre-engineer form's answers become SLO definitions. Pure.
//
// The form asks for PromQL as people write it (`sum(rate(http_requests_total{…}[5m]))`); an SLO stores
// Prometheus selectors, because the rule exports wrap them in sum(rate(…[window])) themselves. So each
// query is reduced to the one selector it rates; a query that rates several series (a ratio, a join) or an
// already recorded series cannot be reduced safely and its SLI is reported as not adoptable instead.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { SreEngineerRequirements } from "@/lib/agents/sre-engineer/schema";
import { teamSlugSchema } from "@/lib/teams/schema";
import { prometheusSelectorPattern, sloInputSchema, type SliKindValue, type SloSpec } from "@/lib/slo/schema";

type Sli = SreEngineerRequirements["slis"][number];

export const sreWindowDays: Record<SreEngineerRequirements["window"], 7 | 28 | 30> = { "7d": 7, "28d": 28, "30d": 30 };

/** What adoption would create for one SLI of the form, or why it cannot. */
export type AdoptionItem =
  | { sliName: string; ok: true; spec: SloSpec & { slug: string; name: string; sliKind: SliKindValue; objective: number; windowDays: number } }
  | { sliName: string; ok: false; reason: string };

export interface AdoptionPlan {
  /** The service the form names: its slug in the catalog, and a name for a new service. */
  service: { slug: string; name: string };
  items: AdoptionItem[];
}

const selectorSource = prometheusSelectorPattern.source.slice(1, -1); // without ^ and $
const rangeFunction = new RegExp(String.raw`\b(?:rate|irate|increase)\s*\(\s*(${selectorSource})\s*\[[^\]]+\]\s*\)`, "g");

/**
 * The one selector a counter query rates: the query itself when it is a selector, or the selector inside
 * its only rate()/irate()/increase(). Undefined when there is none or more than one.
 */
export function counterSelector(query: string | undefined): string | undefined {
  const trimmed = (query ?? "").trim();
  if (!trimmed) return undefined;
  if (prometheusSelectorPattern.test(trimmed)) return trimmed;
  const found = [...trimmed.matchAll(rangeFunction)].map((match) => match[1].trim());
  return new Set(found).size === 1 ? found[0] : undefined;
}

/**
 * The histogram's base selector from the form's latency metric: `_bucket` (or `_count`/`_sum`) dropped and
 * any `le` matcher removed, because the SLO's threshold sets `le`.
 */
export function histogramBaseSelector(query: string | undefined): string | undefined {
  const trimmed = (query ?? "").trim();
  if (!trimmed) return undefined;
  const selector = prometheusSelectorPattern.test(trimmed) ? trimmed : counterSelector(trimmed);
  if (!selector) return undefined;
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?$/s.exec(selector);
  if (!match) return undefined;
  const metric = match[1].replace(/_(bucket|count|sum)$/, "");
  const matchers = splitMatchers(match[2] ?? "").filter((matcher) => !/^le\s*(=~|!~|!=|=)/.test(matcher));
  const result = matchers.length ? `${metric}{${matchers.join(",")}}` : metric;
  return prometheusSelectorPattern.test(result) ? result : undefined;
}

/** Label matchers split at the commas outside quoted values. */
function splitMatchers(body: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const character = body[index];
    if (character === "\\" && quoted) {
      current += character + (body[index + 1] ?? "");
      index++;
      continue;
    }
    if (character === '"') quoted = !quoted;
    if (character === "," && !quoted) {
      if (current.trim()) parts.push(current.trim());
      current = "";
    } else current += character;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** "checkout-availability" → "Checkout availability". */
export function sloNameOf(sliName: string): string {
  const words = sliName.split("-").filter(Boolean).join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A service slug from the form's service name (a DNS label up to 60 characters; slugs stop at 40). */
export function serviceSlugOf(serviceName: string): string {
  return serviceName.toLowerCase().slice(0, 40).replace(/-+$/, "");
}

function itemOf(sli: Sli, input: SreEngineerRequirements): AdoptionItem {
  const base = {
    name: sloNameOf(sli.name),
    slug: sli.name.slice(0, 40).replace(/-+$/, ""),
    description: input.userJourney,
    objective: sli.objectivePercent,
    windowDays: sreWindowDays[input.window],
    alerting: true,
  };
  if (sli.kind === "availability") {
    const goodQuery = counterSelector(sli.goodQuery);
    const totalQuery = counterSelector(sli.totalQuery);
    if (!goodQuery || !totalQuery) {
      return { sliName: sli.name, ok: false, reason: `The ${!goodQuery ? "good" : "all"} events query does not rate exactly one counter selector, so it cannot be stored as an SLO: create this SLO by hand` };
    }
    if (goodQuery === totalQuery) return { sliName: sli.name, ok: false, reason: "The good and all events queries rate the same selector" };
    return { sliName: sli.name, ok: true, spec: { ...base, sliKind: "RATIO", goodQuery, totalQuery } };
  }
  const latencyMetric = histogramBaseSelector(sli.latencyQuery);
  if (!latencyMetric) return { sliName: sli.name, ok: false, reason: "The latency query is not a histogram selector, so it cannot be stored as an SLO: create this SLO by hand" };
  return { sliName: sli.name, ok: true, spec: { ...base, sliKind: "LATENCY", latencyMetric, latencyThresholdMs: sli.thresholdMs } };
}

/** The SLOs an SRE request's validated answers describe, one per SLI, in the form's order. */
export function planAdoption(input: SreEngineerRequirements): AdoptionPlan {
  const items = input.slis.map((sli): AdoptionItem => {
    const item = itemOf(sli, input);
    if (!item.ok) return item;
    // The SLO's own rules are stricter in places (a slug's hyphens, selector syntax): say which one fails.
    const checked = sloInputSchema.safeParse(item.spec);
    if (checked.success) return item;
    const issue = checked.error.issues[0];
    return { sliName: sli.name, ok: false, reason: `${issue.path.join(".") || "SLO"}: ${issue.message}` };
  });
  return { service: { slug: serviceSlugOf(input.serviceName), name: input.serviceName }, items };
}

/** The body of an adoption: which service (an existing one, a new one, or by default the one the form names). */
export const adoptSlosSchema = z
  .object({
    serviceId: text().min(1).optional().describe("An existing service of the request's team; by default the one whose slug is the form's service name"),
    newService: z
      .object({
        slug: teamSlugSchema,
        name: text().trim().min(1, "Enter the service's name").max(80, "Use at most 80 characters"),
        tier: z.coerce.number().int().min(1).max(4).optional(),
      })
      .optional()
      .describe("Create this service in the request's team and adopt onto it"),
    revision: z.int().min(1).optional().describe("The revision the caller previewed: a newer current revision answers 409"),
  })
  .refine((value) => !(value.serviceId && value.newService), { message: "Choose an existing service or a new one, not both", path: ["serviceId"] });
export type AdoptSlosInput = z.input<typeof adoptSlosSchema>;

export interface AdoptedSlo {
  id: string;
  name: string;
  slug: string;
  service: { id: string; slug: string; name: string };
}

export interface AdoptionPreview {
  request: { id: string; title: string; revision: number };
  plan: AdoptionPlan;
  /** The team's services to pick from, with the one the form names first when it exists. */
  services: { id: string; slug: string; name: string; sloSlugs: string[]; adoptedSlos: { slug: string; revision: number | null }[] }[];
  /** The id of the service whose slug is the form's service name, when the team has it. */
  matchedServiceId: string | null;
  /** SLOs already adopted from this request: from the current revision, and from earlier ones. */
  adopted: (AdoptedSlo & { revision: number | null })[];
  canAdopt: boolean;
}

/** What adopting the current revision does to one SLO of the plan on a service. */
export type AdoptionAction =
  | { kind: "create" }
  | { kind: "update"; fromRevision: number | null }
  | { kind: "unchanged" }
  /** The service has an SLO with this slug that was not adopted from this request: adoption is refused. */
  | { kind: "taken" };

/**
 * The action for a planned SLO's slug on a service: update an SLO adopted from an earlier revision of this
 * request, leave one adopted from this revision, refuse a slug another SLO uses, else create.
 */
export function adoptionActionOf(slug: string, service: { sloSlugs: string[]; adoptedSlos: { slug: string; revision: number | null }[] } | undefined, revision: number): AdoptionAction {
  const adopted = service?.adoptedSlos.find((slo) => slo.slug === slug);
  if (adopted) return adopted.revision === revision ? { kind: "unchanged" } : { kind: "update", fromRevision: adopted.revision };
  return service?.sloSlugs.includes(slug) ? { kind: "taken" } : { kind: "create" };
}

const adoptedSloSchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), service: z.object({ id: z.string(), slug: z.string(), name: z.string() }) });

/** The JSON answer of an adoption (POST /api/v1/requests/{id}/adopt-slos). */
export const adoptionResultSchema = z
  .object({
    alreadyAdopted: z.boolean().describe("True when this revision had been adopted before: nothing was created or updated (status 200)"),
    revision: z.int(),
    slos: z.array(adoptedSloSchema).describe("Every SLO the revision describes, whatever happened to it"),
    created: z.array(adoptedSloSchema).describe("SLOs created by this adoption"),
    updated: z.array(adoptedSloSchema.extend({ fromRevision: z.int().nullable() })).describe("SLOs adopted from an earlier revision of this request, updated in place (their samples kept)"),
    unchanged: z.array(adoptedSloSchema).describe("SLOs already adopted from this revision"),
    service: z.object({ id: z.string(), slug: z.string(), name: z.string(), created: z.boolean() }),
  })
  .meta({ id: "SloAdoption" });

export interface AdoptionResult {
  /** True when this revision had been adopted before: nothing was created or updated. */
  alreadyAdopted: boolean;
  revision: number;
  /** Every SLO the revision describes: created, updated and unchanged. */
  slos: AdoptedSlo[];
  created: AdoptedSlo[];
  updated: (AdoptedSlo & { fromRevision: number | null })[];
  unchanged: AdoptedSlo[];
  service: { id: string; slug: string; name: string; created: boolean };
}

