// The JSON shapes of incidents as the API answers them and the live page polls them: the OpenAPI document
// is built from these schemas, and the client components use their inferred types.
import { z } from "zod";
import { incidentSeverities } from "@/lib/incidents/severity";
import { incidentStatuses } from "@/lib/incidents/status";
import { incidentRoles } from "@/lib/incidents/incident-roles";
import { incidentEventTypes } from "@/lib/incidents/event-types";
import { metricKeys } from "@/lib/incidents/metrics";

const isoTime = z.iso.datetime();
const severity = z.enum(incidentSeverities);
const status = z.enum(incidentStatuses);
const role = z.enum(incidentRoles);

export const personSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }).meta({ id: "Person" });

export const incidentServiceSchema = z.object({ id: z.string(), slug: z.string(), name: z.string() }).meta({ id: "IncidentService" });

export const keyTimesSchema = z
  .object({
    impactStartedAt: isoTime.nullable(),
    detectedAt: isoTime.nullable(),
    acknowledgedAt: isoTime.nullable(),
    mitigatedAt: isoTime.nullable(),
    resolvedAt: isoTime.nullable(),
  })
  .meta({ id: "IncidentKeyTimes" });

export const incidentSummarySchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    reference: z.string().meta({ example: "INC-12" }),
    team: z.object({ slug: z.string(), name: z.string() }),
    title: z.string(),
    severity,
    type: z.enum(["OPERATIONAL", "SECURITY"]),
    status,
    customerImpact: z.boolean(),
    declaredAt: isoTime,
    times: keyTimesSchema,
    services: z.array(incidentServiceSchema),
    commander: personSchema.nullable(),
  })
  .meta({ id: "IncidentSummary" });

export const roleAssignmentSchema = z
  .object({ role, user: personSchema, assignedAt: isoTime, endedAt: isoTime.nullable() })
  .meta({ id: "IncidentRoleAssignment" });

export const incidentAlertSchema = z
  .object({ fingerprint: z.string(), alertName: z.string(), status: z.enum(["firing", "resolved"]), startsAt: isoTime, endsAt: isoTime.nullable(), lastReceivedAt: isoTime })
  .meta({ id: "IncidentAlert" });

export const incidentDetailSchema = incidentSummarySchema
  .extend({
    summary: z.string(),
    closedAt: isoTime.nullable(),
    reopenCount: z.number().int(),
    declaredBy: personSchema.nullable(),
    declaredVia: z.string().meta({ description: "portal, api or alertmanager" }),
    version: z.number().int().meta({ description: "Send it back with a change; a different current version answers 409" }),
    allowedTransitions: z.array(status),
    roles: z.array(roleAssignmentSchema).describe("Current holders"),
    roleHistory: z.array(roleAssignmentSchema).describe("Earlier holders, newest first"),
    alerts: z.array(incidentAlertSchema),
    source: z.object({ requestId: z.string(), runbookMarkdown: z.string().nullable() }).nullable(),
    postmortem: z.object({ status: z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED"]) }).nullable(),
  })
  .meta({ id: "IncidentDetail" });

export const incidentEventSchema = z
  .object({
    id: z.string(),
    type: z.enum(incidentEventTypes),
    body: z.string(),
    data: z.record(z.string(), z.unknown()),
    occurredAt: isoTime,
    pinned: z.boolean(),
    author: personSchema.nullable(),
    source: z.string().meta({ description: "portal, api, alertmanager or system" }),
    timeEditedAt: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: "IncidentEvent" });

export const incidentListSchema = z.object({
  incidents: z.array(incidentSummarySchema),
  page: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
  activeCount: z.number().int().describe("Active incidents matching the filters; they come first"),
});

export const timelineSchema = z.object({ events: z.array(incidentEventSchema) });

export const alertmanagerResultSchema = z
  .object({
    alerts: z.array(
      z.object({
        fingerprint: z.string(),
        outcome: z.enum(["opened", "added", "refired", "repeated", "resolved", "ignored"]),
        incidentId: z.string().nullable(),
        reference: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "AlertmanagerResult" });

const metricSummarySchema = z.object({
  meanMinutes: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  counted: z.number().int(),
  missing: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string(), reason: z.enum(["open", "missing"]) })),
});

export const incidentMetricsSchema = z
  .object({
    from: isoTime,
    to: isoTime,
    bucket: z.enum(["week", "month"]),
    total: z.number().int(),
    major: z.number().int(),
    cancelled: z.number().int(),
    bySeverity: z.record(severity, z.number().int()),
    metrics: z.object(Object.fromEntries(metricKeys.map((key) => [key, metricSummarySchema])) as Record<(typeof metricKeys)[number], typeof metricSummarySchema>),
    trend: z.array(
      z.object({
        start: isoTime,
        label: z.string(),
        count: z.number().int(),
        bySeverity: z.record(severity, z.number().int()),
        mttd: z.number().nullable(),
        mtta: z.number().nullable(),
        mttm: z.number().nullable(),
        mttr: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "IncidentMetrics" });

export const actionItemSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    title: z.string(),
    owner: personSchema.nullable(),
    dueDate: z.iso.date().nullable(),
    status: z.enum(["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"]),
    overdue: z.boolean(),
    completedAt: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: "ActionItem" });

export const postmortemSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    markdown: z.string(),
    status: z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED"]),
    version: z.number().int(),
    publishedAt: isoTime.nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    actionItems: z.array(actionItemSchema),
  })
  .meta({ id: "Postmortem" });

export type IncidentSummaryJson = z.infer<typeof incidentSummarySchema>;
export type IncidentDetailJson = z.infer<typeof incidentDetailSchema>;
export type IncidentEventJson = z.infer<typeof incidentEventSchema>;
export type IncidentListJson = z.infer<typeof incidentListSchema>;
export type IncidentMetricsJson = z.infer<typeof incidentMetricsSchema>;
export type ActionItemJson = z.infer<typeof actionItemSchema>;
export type PostmortemJson = z.infer<typeof postmortemSchema>;
export type PersonJson = z.infer<typeof personSchema>;
export type AlertmanagerResultJson = z.infer<typeof alertmanagerResultSchema>;

/** The error budget an incident consumed per affected SLO (GET /api/v1/incidents/{id}/slo-impact). */
export const incidentSloImpactSchema = z
  .object({
    window: z
      .object({ from: isoTime, to: isoTime, open: z.boolean().describe("True while the incident is not mitigated: `to` is now and the figures grow") })
      .nullable()
      .describe("The impact window (impact start, else detection, to mitigation, else resolution, else now); null for a cancelled incident or one without a start"),
    slos: z.array(
      z.object({
        sloId: z.string(),
        serviceName: z.string(),
        sloName: z.string(),
        objective: z.number(),
        windowDays: z.int(),
        good: z.number().describe("Good events during the window"),
        total: z.number().describe("All events during the window"),
        budgetConsumedPercent: z.number().nullable().describe("Percent of the SLO's error budget consumed during the window; null without data"),
        badMinutes: z.number().nullable().describe("The consumed budget as minutes of the window's allowed bad minutes; null without data"),
      }),
    ),
  })
  .meta({ id: "IncidentSloImpact" });
