// What a team pastes into GitHub, GitLab or Argo CD to send deployments to one receiver. Pure: the receiver's
// URL is given. The Argo CD template is the one the argocd adapter reads (README, "Deployments and DORA").
import type { DeploymentHookProvider } from "@/lib/deployments/webhook-format";

export const hookProviderLabels: Record<DeploymentHookProvider, string> = { github: "GitHub", gitlab: "GitLab", argocd: "Argo CD" };

/** Where each provider's secret goes, in one sentence. */
export const hookSecretHelp: Record<DeploymentHookProvider, string> = {
  github: "Repository → Settings → Webhooks → Add webhook: this URL, content type application/json, this secret, events “Deployment statuses” and “Pushes”.",
  gitlab: "Project → Settings → Webhooks → Add new webhook: this URL, this secret as the secret token, triggers “Deployment events” and “Pipeline events”.",
  argocd: "Put the secret into argocd-notifications-secret as portal-webhook-secret, paste the template below into argocd-notifications-cm, and subscribe the application.",
};

/** The argocd-notifications-cm entries for a receiver at `url` (the secret stays in argocd-notifications-secret). */
export function argoCdTemplate(url: string): string {
  return `service.webhook.portal: |
  url: ${url}
  headers:
  - name: Content-Type
    value: application/json
  - name: X-Portal-Webhook-Secret
    value: $portal-webhook-secret
template.portal-deployment: |
  webhook:
    portal:
      method: POST
      body: |
        {"app": "{{.app.metadata.name}}", "revision": "{{.app.status.operationState.syncResult.revision}}",
         "phase": "{{.app.status.operationState.phase}}", "startedAt": "{{.app.status.operationState.startedAt}}",
         "finishedAt": "{{.app.status.operationState.finishedAt}}", "environment": "production",
         "url": "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",
         "syncedBy": "{{.app.status.operationState.operation.initiatedBy.username}}"}
trigger.on-deployed: |
  - when: app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy'
    send: [portal-deployment]
trigger.on-sync-running: |
  - when: app.status.operationState.phase in ['Running']
    send: [portal-deployment]
trigger.on-sync-failed: |
  - when: app.status.operationState.phase in ['Error', 'Failed']
    send: [portal-deployment]
`;
}

/** The annotations that subscribe an Argo CD application to the three triggers. */
export const argoCdSubscriptions = `notifications.argoproj.io/subscribe.on-deployed.portal: ""
notifications.argoproj.io/subscribe.on-sync-running.portal: ""
notifications.argoproj.io/subscribe.on-sync-failed.portal: ""`;
