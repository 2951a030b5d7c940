// The deployments API's input: one schema for the route, the webhook adapters' output and the OpenAPI document.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const deploymentStatuses = ["STARTED", "SUCCEEDED", "FAILED", "ROLLED_BACK"] as const;
export type DeploymentStatusName = (typeof deploymentStatuses)[number];

/** A batch holds at most this many deployments: one transaction, one round of SQL. */
export const MAX_DEPLOYMENTS_PER_BATCH = 1000;
/** A deployment names at most this many commits (a long-lived branch merged at once is still one change set). */
export const MAX_COMMITS_PER_DEPLOYMENT = 1000;

const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const deploymentCommitSchema = z.object({
  sha: text().trim().regex(/^[0-9a-f]{7,64}$/i, "A commit SHA: 7 to 64 hexadecimal digits").transform((sha) => sha.toLowerCase()),
  authoredAt: timestamp,
  message: text().max(2000).default(""),
});

export const deploymentInputSchema = z
  .object({
    key: text().trim().min(1).max(200).describe("The client's idempotency key: sending it again updates the same deployment"),
    service: text().trim().min(1).max(100).describe("The service's slug in the team's catalog"),
    environment: text().trim().toLowerCase().min(1).max(64).default("production"),
    version: text().trim().max(200).default(""),
    commitSha: text().trim().regex(/^[0-9a-f]{7,64}$/i, "A commit SHA: 7 to 64 hexadecimal digits").transform((sha) => sha.toLowerCase()).optional(),
    status: z.enum(deploymentStatuses),
    startedAt: timestamp,
    finishedAt: timestamp.optional(),
    triggeredBy: text().trim().max(200).default(""),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    rework: z.boolean().default(false).describe("An unplanned deployment that fixes a failed one"),
    commits: z.array(deploymentCommitSchema).max(MAX_COMMITS_PER_DEPLOYMENT).optional().describe("Replaces the commits stored for this key when given"),
  })
  .superRefine((value, context) => {
    if (value.finishedAt && value.finishedAt < value.startedAt) context.addIssue({ code: "custom", path: ["finishedAt"], message: "Must not be before startedAt" });
    if (value.status !== "STARTED" && !value.finishedAt) context.addIssue({ code: "custom", path: ["finishedAt"], message: "A finished deployment needs its finish time" });
  });

export const recordDeploymentsSchema = z
  .object({
    team: text().trim().min(1).max(100).optional().describe("The team's slug: required with a session, optional with a token"),
    deployments: z.array(deploymentInputSchema).min(1).max(MAX_DEPLOYMENTS_PER_BATCH),
  })
  .superRefine((value, context) => {
    const seen = new Map<string, number>();
    value.deployments.forEach((deployment, index) => {
      const first = seen.get(deployment.key);
      if (first !== undefined) context.addIssue({ code: "custom", path: ["deployments", index, "key"], message: `The same key as deployments[${first}]` });
      else seen.set(deployment.key, index);
    });
  });

export type DeploymentInput = z.infer<typeof deploymentInputSchema>;
export type RecordDeploymentsInput = z.input<typeof recordDeploymentsSchema>;

export const listDeploymentsQuerySchema = z.object({
  team: text().trim().min(1).max(100).optional(),
  service: text().trim().min(1).max(100).optional(),
  environment: text().trim().toLowerCase().min(1).max(64).optional(),
  status: z.enum(deploymentStatuses).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
