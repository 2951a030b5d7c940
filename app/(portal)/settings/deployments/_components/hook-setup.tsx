// What to paste into the provider for one receiver: its URL, where the secret goes, and for Argo CD the
// notifications template. Shown with the secret once, and on each receiver's card (without the secret).
import { argoCdSubscriptions, argoCdTemplate, hookSecretHelp } from "@/lib/deployments/hook-setup";
import type { DeploymentHookProvider } from "@/lib/deployments/webhook-format";

export function ArgoCdTemplate({ url }: { url: string }) {
  return (
    <details className="rounded-md border border-border p-3" data-testid="argocd-template">
      <summary className="cursor-pointer font-medium">Argo CD template to paste</summary>
      <p className="mt-2 text-sm text-fg-muted">Into the argocd-notifications-cm ConfigMap:</p>
      <pre tabIndex={0} aria-label="Argo CD notifications template" className="mt-1 overflow-x-auto rounded bg-surface-muted p-3 font-mono text-sm">
        {argoCdTemplate(url)}
      </pre>
      <p className="mt-2 text-sm text-fg-muted">Then subscribe the application with these annotations:</p>
      <pre tabIndex={0} aria-label="Argo CD application annotations" className="mt-1 overflow-x-auto rounded bg-surface-muted p-3 font-mono text-sm">
        {argoCdSubscriptions}
      </pre>
    </details>
  );
}

export function HookSetup({ provider, url }: { provider: DeploymentHookProvider; url: string }) {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium">Receiver URL</span>
        <code className="break-all rounded bg-surface-muted px-2 py-1 font-mono text-sm" data-testid="hook-url">
          {url}
        </code>
      </div>
      <p className="text-sm">{hookSecretHelp[provider]}</p>
      {provider === "argocd" && <ArgoCdTemplate url={url} />}
    </div>
  );
}
