// Input schemas of the incidents domain, shared by the forms, the server actions, the API and the lib.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { teamSlugSchema } from "@/lib/teams/schema";
import { incidentSeverities } from "@/lib/incidents/severity";
import { incidentStatuses } from "@/lib/incidents/status";
import { incidentRoles } from "@/lib/incidents/incident-roles";
import { manualEventTypes } from "@/lib/incidents/event-types";
import { keyTimeFields } from "@/lib/incidents/times";

export const severitySchema = z.enum(incidentSeverities, { error: "Choose a severity from SEV1 to SEV5" });
export const incidentStatusSchema = z.enum(incidentStatuses, { error: `Choose a status: ${incidentStatuses.join(", ")}` });
export const incidentTypeSchema = z.enum(["OPERATIONAL", "SECURITY"], { error: "Choose operational or security" });
export const incidentRoleSchema = z.enum(incidentRoles, { error: `Choose a role: ${incidentRoles.join(", ")}` });
export const manualEventTypeSchema = z.enum(manualEventTypes, { error: `Choose a type: ${manualEventTypes.join(", ")}` });
export const postmortemStatusSchema = z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED"], { error: "Choose draft, in review or published" });
export const actionItemStatusSchema = z.enum(["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"], { error: "Choose open, in progress, done or won't do" });

/** Forms send "on"/"true"/"false"; the API sends booleans. */
const booleanish = z.preprocess((value) => {
  if (value === "on" || value === "true" || value === "yes") return true;
  if (value === "false" || value === "off" || value === "no" || value === "") return false;
  return value;
}, z.boolean({ error: "Answer yes or no" }));

/**
 * A point in time: ISO 8601 with an offset from the API, or the form's `datetime-local` value
 * ("2026-11-28T10:05"), which the portal reads as UTC (every time on screen is shown in UTC).
 */
export const instantSchema = z.preprocess(
  (value) => {
    // A Date: input that was parsed once already (a route validates, then the lib does again).
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
    if (typeof value !== "string") return value;
    const text = value.trim();
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return `${text}:00Z`;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text)) return `${text}Z`;
    return text;
  },
  z.iso.datetime({ offset: true, error: "Enter a date and time, e.g. 2026-11-28T09:41 (UTC)" }).transform((text) => new Date(text)),
);

/** A time that may be cleared: an empty value means "not known". */
const clearableInstantSchema = z.preprocess((value) => (value === "" ? null : value), instantSchema.nullable());

/** Affected services by slug: a list from the API, or the form's comma-separated hidden value. */
export const serviceSlugsSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").map((slug) => slug.trim()).filter(Boolean) : value),
  z.array(text().trim().min(1).max(80), { error: "List services by slug" }).max(30, "Choose at most 30 services"),
);

const titleSchema = text({ error: "Say what is wrong" }).trim().min(3, "Say what is wrong in at least 3 characters").max(160, "Keep the title under 160 characters");
const summarySchema = text().trim().max(5000, "Keep the summary under 5,000 characters");

export const declareIncidentSchema = z.object({
  /** The team's slug: required for a signed-in user, optional for a team token (its own team). */
  team: teamSlugSchema.optional(),
  title: titleSchema,
  severity: severitySchema,
  services: serviceSlugsSchema.default([]),
  summary: summarySchema.default(""),
  type: incidentTypeSchema.default("OPERATIONAL"),
  customerImpact: booleanish.default(false),
  impactStartedAt: clearableInstantSchema.optional(),
  /** Defaults to the moment of declaring. */
  detectedAt: clearableInstantSchema.optional(),
});
export type DeclareIncidentInput = z.input<typeof declareIncidentSchema>;

/** Where an incident was declared from: a specialist-role request and its generated runbook (issues 3 and 4). */
export interface IncidentSource {
  requestId: string;
  runbookMarkdown?: string;
}

const keyTimeInputs = Object.fromEntries(keyTimeFields.map((field) => [field, clearableInstantSchema.optional()])) as Record<
  (typeof keyTimeFields)[number],
  z.ZodOptional<typeof clearableInstantSchema>
>;

export const updateIncidentSchema = z
  .object({
    /** The version the change was made from; a different current version answers 409. */
    version: z.coerce.number().int().positive().optional(),
    title: titleSchema.optional(),
    summary: summarySchema.optional(),
    severity: severitySchema.optional(),
    type: incidentTypeSchema.optional(),
    customerImpact: booleanish.optional(),
    services: serviceSlugsSchema.optional(),
    ...keyTimeInputs,
  })
  .refine((input) => Object.entries(input).some(([key, value]) => key !== "version" && value !== undefined), { message: "Change at least one field" });
export type UpdateIncidentInput = z.input<typeof updateIncidentSchema>;

export const transitionSchema = z.object({
  to: incidentStatusSchema,
  note: text().trim().max(2000, "Keep the note under 2,000 characters").optional(),
});
export type TransitionInput = z.input<typeof transitionSchema>;

export const assignRoleSchema = z.object({
  role: incidentRoleSchema,
  /** The person taking the role; null (or empty) leaves it unassigned. */
  userId: z.preprocess((value) => (value === "" ? null : value), text().min(1).nullable()),
});
export type AssignRoleInput = z.input<typeof assignRoleSchema>;

const linkSchema = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.url({ protocol: /^https?$/, error: "Enter a link starting with https:// or http://" }).max(2000).optional(),
);

export const addEventSchema = z.object({
  type: manualEventTypeSchema,
  body: text({ error: "Write what happened" }).trim().min(1, "Write what happened").max(5000, "Keep it under 5,000 characters"),
  /** When it happened, for backdating; defaults to now. */
  occurredAt: z.preprocess((value) => (value === "" ? undefined : value), instantSchema.optional()),
  /** A dashboard, pull request, status page… */
  link: linkSchema,
  pinned: booleanish.optional(),
});
export type AddEventInput = z.input<typeof addEventSchema>;

export const updateEventSchema = z
  .object({ pinned: booleanish.optional(), occurredAt: instantSchema.optional() })
  .refine((input) => input.pinned !== undefined || input.occurredAt !== undefined, { message: "Change the pin or the time" });
export type UpdateEventInput = z.input<typeof updateEventSchema>;

export const listIncidentsSchema = z.object({
  team: teamSlugSchema.optional(),
  status: z.union([z.literal("active"), incidentStatusSchema], { error: `Filter by "active" or a status: ${incidentStatuses.join(", ")}` }).optional(),
  severity: z.union([z.literal("major"), severitySchema], { error: `Filter by "major" or a severity: ${incidentSeverities.join(", ")}` }).optional(),
  page: z.coerce.number({ error: "page is a number" }).int("page is a whole number").min(1, "Pages start at 1").max(10_000).default(1),
  pageSize: z.coerce.number({ error: "pageSize is a number" }).int("pageSize is a whole number").min(1, "At least 1 per page").max(100, "At most 100 per page").default(20),
});
export type ListIncidentsInput = z.input<typeof listIncidentsSchema>;

/** A list page's query string as filters: a value that is not a valid filter is dropped rather than refused. */
export function listFiltersFromQuery(query: Record<string, string | undefined>): Pick<z.output<typeof listIncidentsSchema>, "status" | "severity"> & { page?: number } {
  const { status, severity, page } = listIncidentsSchema.shape;
  const valid = <T>(result: { success: true; data: T } | { success: false }) => (result.success ? result.data : undefined);
  return { status: valid(status.safeParse(query.status || undefined)), severity: valid(severity.safeParse(query.severity || undefined)), page: valid(page.safeParse(query.page || undefined)) };
}

export const metricsPeriods = ["30d", "90d", "180d", "365d"] as const;
export type MetricsPeriod = (typeof metricsPeriods)[number];
export const metricsPeriodLabels: Record<MetricsPeriod, string> = { "30d": "Last 30 days", "90d": "Last 90 days", "180d": "Last 6 months", "365d": "Last 12 months" };

export const metricsQuerySchema = z.object({
  team: teamSlugSchema.optional(),
  period: z.enum(metricsPeriods, { error: "Choose 30d, 90d, 180d or 365d" }).default("90d"),
});

export const updatePostmortemSchema = z
  .object({
    /** The version the edit was made from; a different current version answers 409. */
    version: z.coerce.number().int().positive({ error: "Send the version you edited" }),
    markdown: text().max(100_000, "Keep the postmortem under 100,000 characters").optional(),
    status: postmortemStatusSchema.optional(),
  })
  .refine((input) => input.markdown !== undefined || input.status !== undefined, { message: "Change the text or the status" });
export type UpdatePostmortemInput = z.input<typeof updatePostmortemSchema>;

const dueDateSchema = z.preprocess(
  (value) => (value === "" ? null : value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), "Enter a real date")
    .transform((text) => new Date(`${text}T00:00:00Z`))
    .nullable(),
);

export const createActionItemSchema = z.object({
  title: text({ error: "Say what needs doing" }).trim().min(3, "Say what needs doing in at least 3 characters").max(200, "Keep it under 200 characters"),
  ownerId: z.preprocess((value) => (value === "" ? null : value), text().min(1).nullable()).optional(),
  dueDate: dueDateSchema.optional(),
});
export type CreateActionItemInput = z.input<typeof createActionItemSchema>;

export const updateActionItemSchema = z
  .object({
    title: createActionItemSchema.shape.title.optional(),
    ownerId: createActionItemSchema.shape.ownerId,
    dueDate: dueDateSchema.optional(),
    status: actionItemStatusSchema.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "Change at least one field" });
export type UpdateActionItemInput = z.input<typeof updateActionItemSchema>;
