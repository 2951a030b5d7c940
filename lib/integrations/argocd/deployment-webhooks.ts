// Argo CD deliveries for deployments. Argo CD notifications' webhook service posts whatever body a template
// writes, so the portal documents one (README, "Argo CD") and reads exactly that: the application's sync
// operation (phase Running, Succeeded, Failed or Error) with its revision and times. The secret travels in
// a header the service sets: X-Portal-Webhook-Secret, compared in constant time.
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import type { DeploymentWebhookFormat, WebhookReading } from "@/lib/deployments/webhook-format";
import { sameText } from "@/lib/integrations/deployment-signatures";

export const ARGOCD_SECRET_HEADER = "X-Portal-Webhook-Secret";

/** Empty strings are what Go templates write for missing fields. */
const optional = z.string().transform((value) => (value === "" ? undefined : value)).optional();

export const argocdPayloadSchema = z.object({
  app: z.string().min(1),
  revision: z.string(),
  phase: z.enum(["Running", "Succeeded", "Failed", "Error", "Terminating"]),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: optional,
  environment: z.string().min(1).default("production"),
  url: optional,
  syncedBy: optional,
});

const phases = { Running: "STARTED", Succeeded: "SUCCEEDED", Failed: "FAILED", Error: "FAILED" } as const;

export const argocdDeploymentWebhooks: DeploymentWebhookFormat = {
  provider: "argocd",
  signatureHeader: ARGOCD_SECRET_HEADER,
  verify(secret, header) {
    const given = header(ARGOCD_SECRET_HEADER.toLowerCase());
    return given !== null && sameText(given, secret);
  },
  read(_header, payload): WebhookReading {
    const sync = parseOrThrow(argocdPayloadSchema, payload);
    if (sync.phase === "Terminating") return { kind: "ignored", reason: "a sync being terminated" };
    const status = phases[sync.phase];
    return {
      kind: "deployment",
      deployment: {
        key: `argocd-${sync.app}-${sync.startedAt}`,
        environment: sync.environment,
        version: sync.revision.slice(0, 200),
        commitSha: /^[0-9a-f]{7,64}$/i.test(sync.revision) ? sync.revision : undefined,
        status,
        startedAt: sync.startedAt,
        finishedAt: status === "STARTED" ? undefined : (sync.finishedAt ?? sync.startedAt),
        triggeredBy: sync.syncedBy ?? "argocd",
        url: sync.url && /^https?:\/\//.test(sync.url) ? sync.url : undefined,
      },
    };
  },
};
