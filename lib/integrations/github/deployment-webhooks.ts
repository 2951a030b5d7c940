// GitHub deliveries for deployments, as GitHub documents them: `deployment_status` (a deployment's state
// changes) and `push` (the commits, with their author times, that a later deployment of the head ships).
// Signed with HMAC-SHA256 of the raw body in X-Hub-Signature-256 ("sha256=<hex>").
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import type { DeploymentWebhookFormat, WebhookReading } from "@/lib/deployments/webhook-format";
import { hmacSha256Hex, sameText } from "@/lib/integrations/deployment-signatures";

const deploymentStatusEventSchema = z.object({
  deployment_status: z.object({
    state: z.enum(["error", "failure", "inactive", "pending", "success", "queued", "in_progress"]),
    environment: z.string().optional(),
    target_url: z.string().optional().nullable(),
    log_url: z.string().optional().nullable(),
    environment_url: z.string().optional().nullable(),
    created_at: z.iso.datetime({ offset: true }),
  }),
  deployment: z.object({
    id: z.number().int(),
    sha: z.string(),
    ref: z.string(),
    environment: z.string(),
    created_at: z.iso.datetime({ offset: true }),
    creator: z.object({ login: z.string() }).nullable().optional(),
  }),
});

const pushEventSchema = z.object({
  after: z.string(),
  deleted: z.boolean().optional(),
  commits: z.array(z.object({ id: z.string(), timestamp: z.iso.datetime({ offset: true }), message: z.string() })).max(2048),
});

const states = { success: "SUCCEEDED", failure: "FAILED", error: "FAILED", pending: "STARTED", queued: "STARTED", in_progress: "STARTED" } as const;
const link = (value: string | null | undefined) => (value && /^https?:\/\//.test(value) ? value : undefined);

export const githubDeploymentWebhooks: DeploymentWebhookFormat = {
  provider: "github",
  signatureHeader: "X-Hub-Signature-256",
  verify(secret, header, body) {
    const signature = header("x-hub-signature-256") ?? "";
    return signature.startsWith("sha256=") && sameText(signature.slice(7).toLowerCase(), hmacSha256Hex(secret, body));
  },
  read(header, payload): WebhookReading {
    const event = header("x-github-event");
    if (event === "ping") return { kind: "ignored", reason: "ping" };
    if (event === "push") {
      const push = parseOrThrow(pushEventSchema, payload);
      if (push.deleted || /^0+$/.test(push.after)) return { kind: "ignored", reason: "a deleted branch" };
      return { kind: "commits", headSha: push.after, commits: push.commits.map((commit) => ({ sha: commit.id, authoredAt: commit.timestamp, message: commit.message.slice(0, 2000) })) };
    }
    if (event !== "deployment_status") return { kind: "ignored", reason: `the ${event ?? "unnamed"} event is not recorded` };
    const { deployment_status: status, deployment } = parseOrThrow(deploymentStatusEventSchema, payload);
    if (status.state === "inactive") return { kind: "ignored", reason: "an inactive (superseded) deployment" };
    const finished = states[status.state] !== "STARTED";
    return {
      kind: "deployment",
      deployment: {
        key: `github-deployment-${deployment.id}`,
        environment: status.environment || deployment.environment,
        version: deployment.ref.slice(0, 200),
        commitSha: deployment.sha,
        status: states[status.state],
        startedAt: deployment.created_at,
        finishedAt: finished ? status.created_at : undefined,
        triggeredBy: deployment.creator?.login ?? "",
        url: link(status.log_url) ?? link(status.target_url) ?? link(status.environment_url),
      },
    };
  },
};
