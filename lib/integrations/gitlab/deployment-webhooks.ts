// GitLab deliveries for deployments, as GitLab documents them: "Deployment Hook" (object_kind deployment:
// running, success, failed, canceled) and "Pipeline Hook" (its commits, with their author times, which a
// deployment of that SHA ships). GitLab sends the hook's secret token itself in X-Gitlab-Token.
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import type { DeploymentWebhookFormat, WebhookReading } from "@/lib/deployments/webhook-format";
import { sameText } from "@/lib/integrations/deployment-signatures";

/** GitLab writes event times as "2021-04-28 21:50:00 +0200" (and sometimes ISO 8601 or "… UTC"). */
export function gitlabTime(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const zone = !match[3] || match[3] === "UTC" || match[3] === "Z" ? "Z" : match[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const gitlabTimeSchema = z.string().transform((value, context) => {
  const parsed = gitlabTime(value);
  if (!parsed) context.addIssue({ code: "custom", message: "Not a GitLab time (e.g. 2021-04-28 21:50:00 +0200)" });
  return parsed ?? "";
});

const deploymentEventSchema = z.object({
  object_kind: z.literal("deployment"),
  status: z.enum(["running", "success", "failed", "canceled"]),
  status_changed_at: gitlabTimeSchema,
  deployment_id: z.number().int(),
  deployable_url: z.string().nullable().optional(),
  environment: z.string(),
  environment_tier: z.string().optional().nullable(),
  short_sha: z.string(),
  ref: z.string(),
  user: z.object({ username: z.string().optional(), name: z.string().optional() }).optional(),
});

const pipelineEventSchema = z.object({
  object_kind: z.literal("pipeline"),
  object_attributes: z.object({ sha: z.string() }),
  commits: z.array(z.object({ id: z.string(), timestamp: z.string(), message: z.string() })).max(2048),
});

const statuses = { running: "STARTED", success: "SUCCEEDED", failed: "FAILED" } as const;

export const gitlabDeploymentWebhooks: DeploymentWebhookFormat = {
  provider: "gitlab",
  signatureHeader: "X-Gitlab-Token",
  verify(secret, header) {
    const token = header("x-gitlab-token");
    return token !== null && sameText(token, secret);
  },
  read(header, payload): WebhookReading {
    const event = header("x-gitlab-event");
    if (event === "Pipeline Hook") {
      const pipeline = parseOrThrow(pipelineEventSchema, payload);
      return {
        kind: "commits",
        headSha: pipeline.object_attributes.sha,
        commits: pipeline.commits.map((commit) => ({ sha: commit.id, authoredAt: gitlabTime(commit.timestamp) ?? commit.timestamp, message: commit.message.slice(0, 2000) })),
      };
    }
    if (event !== "Deployment Hook") return { kind: "ignored", reason: `the ${event ?? "unnamed"} event is not recorded` };
    const deployment = parseOrThrow(deploymentEventSchema, payload);
    if (deployment.status === "canceled") return { kind: "ignored", reason: "a cancelled deployment" };
    const status = statuses[deployment.status];
    return {
      kind: "deployment",
      deployment: {
        key: `gitlab-deployment-${deployment.deployment_id}`,
        environment: deployment.environment_tier || deployment.environment,
        version: deployment.ref.slice(0, 200),
        commitSha: deployment.short_sha,
        status,
        startedAt: deployment.status_changed_at,
        finishedAt: status === "STARTED" ? undefined : deployment.status_changed_at,
        triggeredBy: deployment.user?.username ?? deployment.user?.name ?? "",
        url: deployment.deployable_url && /^https?:\/\//.test(deployment.deployable_url) ? deployment.deployable_url : undefined,
      },
    };
  },
};
