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
