// The JSON the services and SLO endpoints answer, as zod schemas (the OpenAPI document is built from them),
// and the functions that shape rows and reports into it. The dashboards poll the same JSON.
import { z } from "zod";
import { serviceLifecycles } from "@/lib/services/schema";
import { alertRules, burnWindows, type SloReport } from "@/lib/slo/math";
import { sliKinds } from "@/lib/slo/schema";

export const sloStatuses = ["healthy", "ticket", "page", "exhausted", "nodata"] as const;

export const serviceSchema = z
  .object({
    id: z.string(),
    team: z.object({ slug: z.string(), name: z.string() }),
    slug: z.string(),
    name: z.string(),
    tier: z.int().min(1).max(4),
    lifecycle: z.enum(serviceLifecycles),
    description: z.string(),
    repoUrl: z.string().nullable(),
    runbookUrl: z.string().nullable(),
    dashboardUrl: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().describe("Send it back as `updatedAt` when changing the service: a newer version answers 409"),
  })
  .meta({ id: "Service" });
export type ServiceJson = z.infer<typeof serviceSchema>;

export const sloDefinitionSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    service: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    team: z.object({ slug: z.string(), name: z.string() }),
    sliKind: z.enum(sliKinds),
    goodQuery: z.string().nullable().describe("RATIO: Prometheus selector of good events"),
    totalQuery: z.string().nullable().describe("RATIO: Prometheus selector of all events"),
    latencyMetric: z.string().nullable().describe("LATENCY: histogram selector (base name)"),
    latencyThresholdMs: z.int().nullable().describe("LATENCY: requests at or under this are good"),
    objective: z.number().describe("Percent, 50–99.999"),
    windowDays: z.union([z.literal(7), z.literal(28), z.literal(30)]),
    alerting: z.boolean(),
    alertMinEvents: z.int().describe("Low-traffic guard: events an alert's long window needs before it may fire (0: none)"),
    dataSourceId: z.string().nullable().describe("The data source the portal pulls the SLI from every minute, or null when samples are pushed"),
    source: z
      .object({ requestId: z.string(), revision: z.int().nullable() })
      .nullable()
      .describe("The SRE request (and its revision) this SLO was adopted from, or null"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().describe("Send it back as `updatedAt` when changing the SLO: a newer version answers 409"),
  })
  .meta({ id: "Slo" });
export type SloJson = z.infer<typeof sloDefinitionSchema>;

const burnRateRowSchema = z.object({
  window: z.enum(burnWindows.map((window) => window.key) as [string, ...string[]]),
  minutes: z.int(),
  good: z.number(),
  total: z.number(),
  errorRatio: z.number().nullable().describe("Bad ÷ total; null without events"),
  burnRate: z.number().nullable().describe("Error ratio ÷ error budget; null without events"),
});

const alertSchema = z.object({
  key: z.enum(alertRules.map((rule) => rule.key) as [string, ...string[]]),
  severity: z.enum(["page", "ticket"]),
  label: z.string(),
  longWindow: z.string(),
  shortWindow: z.string(),
  budgetSharePercent: z.number(),
  factor: z.number().describe("Fires when both windows burn faster than this"),
  longBurnRate: z.number().nullable(),
  shortBurnRate: z.number().nullable(),
  firing: z.boolean(),
});

export const sloReportSchema = z
  .object({
    asOf: z.iso.datetime(),
    status: z.enum(sloStatuses).describe("exhausted and page are critical, ticket a warning; nodata when the window has no events"),
    objective: z.number(),
    windowDays: z.int(),
    errorBudget: z.number().describe("1 − objective, as a fraction"),
    good: z.number(),
    total: z.number(),
    sli: z.number().nullable().describe("Attainment over the window; null without data (never 100 %)"),
    budgetConsumed: z.number().nullable(),
    budgetRemaining: z.number().nullable().describe("1 − consumed; negative once exhausted"),
    allowedBadMinutes: z.number(),
    remainingBadMinutes: z.number().nullable(),
    burnRates: z.array(burnRateRowSchema),
    alerts: z.array(alertSchema),
    currentBurnRate: z.number().nullable().describe("The last hour's burn rate"),
    timeToExhaustionHours: z.number().nullable().describe("At the current burn rate; 0 when exhausted; null when not burning"),
    lastSampleAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "SloReport" });
export type SloReportJson = z.infer<typeof sloReportSchema>;

export const sloWithReportSchema = z.object({ slo: sloDefinitionSchema, report: sloReportSchema }).meta({ id: "SloWithReport" });
export type SloWithReportJson = z.infer<typeof sloWithReportSchema>;

export const sloListSchema = z
  .object({ asOf: z.iso.datetime(), slos: z.array(sloWithReportSchema).describe("Worst first: exhausted, page, ticket, no data, healthy") })
  .meta({ id: "SloList" });
export type SloListJson = z.infer<typeof sloListSchema>;

export const sloSeriesSchema = z
  .object({
    range: z.enum(["6h", "1d", "3d", "window"]),
    bucketMinutes: z.int(),
    burndownBucketMinutes: z.int(),
    sli: z.array(z.object({ at: z.iso.datetime().describe("End of the bucket"), good: z.number(), total: z.number(), sli: z.number().nullable() })),
    burndown: z.array(z.object({ at: z.iso.datetime(), remaining: z.number().nullable(), ideal: z.number() })),
  })
  .meta({ id: "SloSeries" });
export type SloSeriesJson = z.infer<typeof sloSeriesSchema>;

export const ingestResultSchema = z
  .object({ stored: z.int().describe("Minutes written (new or replaced)"), from: z.iso.datetime().nullable(), to: z.iso.datetime().nullable() })
  .meta({ id: "IngestResult" });

interface ServiceRow {
  id: string;
  slug: string;
  name: string;
  tier: number;
  lifecycle: (typeof serviceLifecycles)[number];
  description: string;
  repoUrl: string | null;
  runbookUrl: string | null;
  dashboardUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
  team: { slug: string; name: string };
}

export function toServiceJson(service: ServiceRow): ServiceJson {
  return {
    id: service.id,
    team: { slug: service.team.slug, name: service.team.name },
    slug: service.slug,
    name: service.name,
    tier: service.tier,
    lifecycle: service.lifecycle,
    description: service.description,
    repoUrl: service.repoUrl,
    runbookUrl: service.runbookUrl,
    dashboardUrl: service.dashboardUrl,
    createdAt: service.createdAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}

interface SloRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  sliKind: (typeof sliKinds)[number];
  goodQuery: string | null;
  totalQuery: string | null;
  latencyMetric: string | null;
  latencyThresholdMs: number | null;
  objective: number;
  windowDays: number;
  alerting: boolean;
  alertMinEvents?: number;
  dataSourceId?: string | null;
  sourceRequestId?: string | null;
  sourceRevision?: number | null;
  createdAt: Date;
  updatedAt: Date;
  service: { id: string; slug: string; name: string };
  team: { slug: string; name: string };
}

export function toSloJson(slo: SloRow): SloJson {
  return {
    id: slo.id,
    slug: slo.slug,
    name: slo.name,
    description: slo.description,
    service: { id: slo.service.id, slug: slo.service.slug, name: slo.service.name },
    team: { slug: slo.team.slug, name: slo.team.name },
    sliKind: slo.sliKind,
    goodQuery: slo.goodQuery,
    totalQuery: slo.totalQuery,
    latencyMetric: slo.latencyMetric,
    latencyThresholdMs: slo.latencyThresholdMs,
    objective: slo.objective,
    windowDays: slo.windowDays as 7 | 28 | 30,
    alerting: slo.alerting,
    alertMinEvents: slo.alertMinEvents ?? 0,
    dataSourceId: slo.dataSourceId ?? null,
    source: slo.sourceRequestId ? { requestId: slo.sourceRequestId, revision: slo.sourceRevision ?? null } : null,
    createdAt: slo.createdAt.toISOString(),
    updatedAt: slo.updatedAt.toISOString(),
  };
}

export function toReportJson(report: SloReport, lastSampleAt: string | null, asOf: string): SloReportJson {
  return { asOf, ...report, lastSampleAt } as SloReportJson;
}

export function toSloWithReportJson(entry: { definition: SloRow; report: SloReport; lastSampleAt: string | null }, asOf: string): SloWithReportJson {
  return { slo: toSloJson(entry.definition), report: toReportJson(entry.report, entry.lastSampleAt, asOf) };
}
