// The deployments API's response shapes (documented in lib/deployments/openapi.ts, checked by the API tests).
import { z } from "zod";
import { deploymentStatuses } from "@/lib/deployments/schema";

/** A full batch of 1,000 deployments with their commits fits; past it, 413. */
export const DEPLOYMENT_BODY_LIMIT_BYTES = 8_000_000;

const isoTime = z.iso.datetime();

export const recordResultSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  deployments: z.array(z.object({ key: z.string(), id: z.string(), created: z.boolean() })),
});

export const deploymentSchema = z.object({
  id: z.string(),
  key: z.string(),
  service: z.object({ slug: z.string(), name: z.string() }),
  environment: z.string(),
  version: z.string(),
  commitSha: z.string().nullable(),
  status: z.enum(deploymentStatuses),
  startedAt: isoTime,
  finishedAt: isoTime.nullable(),
  triggeredBy: z.string(),
  url: z.string().nullable(),
  source: z.string(),
  rework: z.boolean(),
  commitCount: z.number().int(),
  linkedIncidentCount: z.number().int(),
});

export const deploymentListSchema = z.object({
  team: z.object({ slug: z.string(), name: z.string() }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  deployments: z.array(deploymentSchema),
});

const level = z.enum(["elite", "high", "medium", "low"]).nullable();
const trendSchema = z.object({ previous: z.number().nullable(), change: z.number().nullable(), verdict: z.enum(["better", "worse", "same"]).nullable() });
const metric = <T extends z.ZodRawShape>(extra: T) => z.object({ value: z.number().nullable(), level, trend: trendSchema, ...extra });

export const doraReportSchema = z.object({
  scope: z.object({
    kind: z.enum(["team", "organisation"]),
    team: z.object({ slug: z.string(), name: z.string() }).nullable(),
    service: z.object({ slug: z.string(), name: z.string() }).nullable(),
  }),
  environment: z.string(),
  window: z.enum(["7", "30", "90"]),
  bucket: z.enum(["day", "week"]),
  attributionHours: z.number().int(),
  from: isoTime,
  to: isoTime,
  summary: z.object({
    hasData: z.boolean(),
    deployments: z.number().int(),
    successful: z.number().int(),
    failures: z.number().int(),
    frequency: metric({ perServicePerDay: z.number().nullable() }).describe("Successful deployments a day; the level is judged per deployed service"),
    leadTime: metric({ p90Seconds: z.number().nullable(), changes: z.number().int() }).describe("Median seconds from a commit's author time to its successful deployment"),
    changeFailureRate: metric({}).describe("Share of finished deployments that failed, were rolled back, or caused an incident"),
    recoveryTime: metric({ recovered: z.number().int(), unrecovered: z.number().int() }).describe("Median seconds from a failure to its recovery"),
    reworkRate: metric({}).describe("Share of deployments that were unplanned fixes of a failed one (no DORA levels)"),
  }),
  buckets: z.array(
    z.object({
      start: isoTime,
      deployments: z.number().int(),
      successful: z.number().int(),
      failures: z.number().int(),
      changeFailureRate: z.number().nullable(),
      leadTimeMedianSeconds: z.number().nullable(),
      recoveryMedianSeconds: z.number().nullable(),
      reworks: z.number().int(),
    }),
  ),
});
