// The port the deployment webhook adapters implement (lib/integrations/{github,gitlab,argocd}/): verify a
// delivery with the hook's secret over the exact bytes received, and read it as a deployment, as commits
// that a later deployment ships, or as nothing we record. The domain owns this shape; it imports no adapter.
import type { z } from "zod";
import type { deploymentInputSchema } from "@/lib/deployments/schema";

export type HeaderReader = (name: string) => string | null;

/** A deployment as the API takes it (before validation: the domain validates it like any API input). */
export type DeploymentPayload = Omit<z.input<typeof deploymentInputSchema>, "service" | "commits">;

export interface PushedCommitPayload {
  sha: string;
  authoredAt: string;
  message: string;
}

export type WebhookReading =
  | { kind: "deployment"; deployment: DeploymentPayload }
  | { kind: "commits"; headSha: string; commits: PushedCommitPayload[] }
  | { kind: "ignored"; reason: string };

export interface DeploymentWebhookFormat {
  provider: "github" | "gitlab" | "argocd";
  /** The header that carries the signature or secret, for the README and error messages. */
  signatureHeader: string;
  verify(secret: string, header: HeaderReader, body: Buffer): boolean;
  /** Reads a verified delivery; throws InvalidError (422 with paths) when it is not shaped as documented. */
  read(header: HeaderReader, payload: unknown): WebhookReading;
}

export const deploymentHookProviders = ["github", "gitlab", "argocd"] as const;
export type DeploymentHookProvider = (typeof deploymentHookProviders)[number];
