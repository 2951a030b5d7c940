// SLO definition schemas: shared by the SLO forms, their server actions, the API and adoption from an
// SRE request. SLI queries are Prometheus selectors (a metric name and label matchers), so the rule exports
// can wrap them in sum(rate(…[window])) and stay valid PromQL.
import { z } from "zod";
import { sliKinds } from "@/lib/slo/labels";
import { text } from "@/lib/validation/text";
import { teamSlugSchema } from "@/lib/teams/schema";
import { sloWindowDays } from "@/lib/slo/math";

export { sliKinds, sliKindLabels, sliKindShortLabels, type SliKindValue } from "@/lib/slo/labels";

const metricName = String.raw`[a-zA-Z_:][a-zA-Z0-9_:]*`;
const labelMatcher = String.raw`\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(?:=~|!~|!=|=)\s*"(?:[^"\\\n]|\\.)*"\s*`;
/** `metric` or `metric{label="value", other=~"a|b"}`: what PromQL calls an instant vector selector. */
export const prometheusSelectorPattern = new RegExp(String.raw`^${metricName}(?:\{(?:${labelMatcher}(?:,${labelMatcher})*,?\s*)?\})?$`);

const selectorSchema = (example: string) =>
  z
    .string()
    .trim()
    .max(500, "Use at most 500 characters")
    .refine((value) => value === "" || prometheusSelectorPattern.test(value), `Enter a Prometheus selector: a metric name with optional label matchers, e.g. ${example}`)
    .transform((value) => value || null)
    .nullable()
    .optional();

/** Form checkboxes send "on" (or a hidden "false"); JSON sends booleans. */
const booleanInput = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((value) => value !== "false")], { error: "Choose on or off" });

export const objectiveSchema = z.coerce
  .number({ error: "Enter a percentage between 50 and 99.999" })
  .min(50, "Use at least 50 %")
  .max(99.999, "Use at most 99.999 %")
  .refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, "Use at most three decimals, e.g. 99.95");

export const windowDaysSchema = z.coerce
  .number({ error: "Choose 7, 28 or 30 days" })
  .refine((value): value is (typeof sloWindowDays)[number] => (sloWindowDays as readonly number[]).includes(value), "Choose 7, 28 or 30 days");

const sloShape = {
  name: text().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
  slug: teamSlugSchema,
  description: text().trim().max(2000, "Use at most 2,000 characters").optional(),
  sliKind: z.enum(sliKinds, { error: "Choose availability or latency" }),
  goodQuery: selectorSchema(`http_requests_total{service="checkout",code!~"5.."}`),
  totalQuery: selectorSchema(`http_requests_total{service="checkout"}`),
  latencyMetric: selectorSchema(`http_request_duration_seconds{service="checkout"}`),
  latencyThresholdMs: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number({ error: "Enter a whole number of milliseconds" }).int("Enter a whole number of milliseconds").min(1, "Use at least 1 ms").max(600_000, "Use at most 600,000 ms (10 minutes)").optional(),
  ),
  objective: objectiveSchema,
  windowDays: windowDaysSchema,
  alerting: booleanInput.optional(),
  /** Where the SLI comes from: a data source of the team (the portal pulls it), or null/empty for pushed samples. */
  dataSourceId: z
    .string()
    .trim()
    .max(100, "Choose one of the team's data sources")
    .transform((value) => value || null)
    .nullable()
    .optional(),
  /** The low-traffic guard: events an alert's long window needs before it may fire (0: none). */
  alertMinEvents: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce.number({ error: "Enter a whole number of events" }).int("Enter a whole number of events").min(0, "Use 0 or more").max(1_000_000_000, "Use at most 1,000,000,000").optional(),
  ),
};

type SloShapeOutput = z.infer<z.ZodObject<typeof sloShape>>;

/** The rules that depend on the SLI kind: each kind needs its own fields; the other kind's are cleared. */
function refineByKind(value: Partial<SloShapeOutput>, context: z.RefinementCtx) {
  if (value.sliKind === "RATIO") {
    if (!value.goodQuery) context.addIssue({ code: "custom", path: ["goodQuery"], message: "Enter the selector of good events" });
    if (!value.totalQuery) context.addIssue({ code: "custom", path: ["totalQuery"], message: "Enter the selector of all events" });
    if (value.goodQuery && value.goodQuery === value.totalQuery) context.addIssue({ code: "custom", path: ["goodQuery"], message: "Good events must be a narrower selector than all events" });
  }
  if (value.sliKind === "LATENCY") {
    if (!value.latencyMetric) context.addIssue({ code: "custom", path: ["latencyMetric"], message: "Enter the histogram's selector" });
    else if (/_(bucket|count|sum)(\{|$)/.test(value.latencyMetric)) context.addIssue({ code: "custom", path: ["latencyMetric"], message: "Give the histogram's base name, without _bucket, _count or _sum" });
    else if (/[{,]\s*le\s*(=|!=|=~|!~)/.test(value.latencyMetric)) context.addIssue({ code: "custom", path: ["latencyMetric"], message: "Leave out the le label: the threshold sets it" });
    if (value.latencyThresholdMs === undefined) context.addIssue({ code: "custom", path: ["latencyThresholdMs"], message: "Enter the latency threshold in milliseconds" });
  }
}

/** One SLO, complete: what create, edit (after merging the change) and adoption validate. */
export const sloInputSchema = z
  .object(sloShape)
  .superRefine(refineByKind)
  .transform((value) => ({
    name: value.name,
    slug: value.slug,
    description: value.description ?? "",
    sliKind: value.sliKind,
    goodQuery: value.sliKind === "RATIO" ? (value.goodQuery ?? null) : null,
    totalQuery: value.sliKind === "RATIO" ? (value.totalQuery ?? null) : null,
    latencyMetric: value.sliKind === "LATENCY" ? (value.latencyMetric ?? null) : null,
    latencyThresholdMs: value.sliKind === "LATENCY" ? (value.latencyThresholdMs ?? null) : null,
    objective: value.objective,
    windowDays: value.windowDays as (typeof sloWindowDays)[number],
    alerting: value.alerting ?? true,
    dataSourceId: value.dataSourceId ?? null,
    alertMinEvents: value.alertMinEvents ?? 0,
  }));
export type SloInput = z.input<typeof sloInputSchema>;
export type SloDefinitionData = z.output<typeof sloInputSchema>;

/** Creating an SLO through the API or a form: the definition and the service it belongs to. */
export const createSloSchema = z.object(sloShape).extend({ serviceId: text().min(1, "Choose a service") }).superRefine(refineByKind);

/** The fields an SLO change may carry (anything else in a change is ignored). */
export const sloFieldNames = Object.keys(sloShape) as (keyof typeof sloShape)[];

/** Changing an SLO: any subset of the fields, plus the version the caller last saw (409 when stale). */
export const updateSloSchema = z.object(sloShape).partial().extend({
  updatedAt: z.iso.datetime({ error: "Send the updatedAt you last read" }).optional(),
});

/** The version check of a change alone: the fields are validated after merging with the stored SLO. */
export const sloVersionSchema = z.object({ updatedAt: z.iso.datetime({ error: "Send the updatedAt you last read" }).optional() });
export type UpdateSloInput = z.input<typeof updateSloSchema>;

/** An SLO as an SRE request's form describes it, for adoption (see createSlosFromSpecs). */
export const sloSpecSchema = z.object(sloShape);
export type SloSpec = z.input<typeof sloSpecSchema>;
