// The registry of deployment webhook formats: the one place that knows every adapter. Routes look a format
// up here and hand it to the deployments domain, which knows only the port (lib/deployments/webhook-format.ts).
import type { DeploymentHookProvider, DeploymentWebhookFormat } from "@/lib/deployments/webhook-format";
import { argocdDeploymentWebhooks } from "@/lib/integrations/argocd/deployment-webhooks";
import { githubDeploymentWebhooks } from "@/lib/integrations/github/deployment-webhooks";
import { gitlabDeploymentWebhooks } from "@/lib/integrations/gitlab/deployment-webhooks";

export const deploymentWebhookFormats: Record<DeploymentHookProvider, DeploymentWebhookFormat> = {
  github: githubDeploymentWebhooks,
  gitlab: gitlabDeploymentWebhooks,
  argocd: argocdDeploymentWebhooks,
};
