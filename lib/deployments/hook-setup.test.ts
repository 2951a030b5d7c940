// The Argo CD template the settings page shows must produce what the Argo CD adapter reads: rendered the way
// Argo CD's Go templates render it, its body is a deployment, with the receiver's URL and secret header.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { argoCdTemplate } from "@/lib/deployments/hook-setup";
import { ARGOCD_SECRET_HEADER, argocdDeploymentWebhooks } from "@/lib/integrations/argocd/deployment-webhooks";

const values: Record<string, string> = {
  ".app.metadata.name": "checkout",
  ".app.status.operationState.syncResult.revision": "4f2a9c1e8b7d",
  ".app.status.operationState.phase": "Succeeded",
  ".app.status.operationState.startedAt": "2026-12-01T10:00:00Z",
  ".app.status.operationState.finishedAt": "2026-12-01T10:04:00Z",
  ".context.argocdUrl": "https://argocd.example.com",
  ".app.status.operationState.operation.initiatedBy.username": "ana",
};

describe("the Argo CD template", () => {
  it("is YAML Argo CD reads, posting to the receiver with the secret header a body the adapter turns into a deployment", () => {
    const url = "https://portal.example.com/api/v1/deployments/hooks/abc123def456/deliveries";
    const config = parse(argoCdTemplate(url)) as Record<string, string>;
    const service = parse(config["service.webhook.portal"]) as { url: string; headers: { name: string; value: string }[] };
    expect(service.url).toBe(url);
    expect(service.headers).toContainEqual({ name: ARGOCD_SECRET_HEADER, value: "$portal-webhook-secret" });
    const template = parse(config["template.portal-deployment"]) as { webhook: { portal: { body: string } } };
    const body = template.webhook.portal.body.replace(/\{\{([^}]+)\}\}/g, (_, name: string) => values[name.trim()] ?? "");
    const reading = argocdDeploymentWebhooks.read(() => null, JSON.parse(body));
    expect(reading).toMatchObject({ kind: "deployment", deployment: { status: "SUCCEEDED", version: "4f2a9c1e8b7d", startedAt: "2026-12-01T10:00:00Z", finishedAt: "2026-12-01T10:04:00Z", triggeredBy: "ana" } });
    expect(Object.keys(config).filter((key) => key.startsWith("trigger."))).toEqual(["trigger.on-deployed", "trigger.on-sync-running", "trigger.on-sync-failed"]);
  });
});
