// The inbound side of pull request states: a provider's webhook delivery for one repository, verified with
// the repository's webhook secret (401 and nothing stored when it does not verify), then handed to the
// artifacts domain like a route handler would.
import "server-only";
import { getDb } from "@/lib/db/client";
import { InvalidError, NotFoundError, TooLargeError, UnauthenticatedError } from "@/lib/errors";
import { providerWebhookContext } from "@/lib/artifacts/repositories.server";
import { recordPullRequestState } from "@/lib/artifacts/publications.server";
import { readPullRequestEvent, verifyProviderSignature } from "@/lib/integrations/git/webhook-signatures";

/** Provider payloads for pull requests are well under this. */
export const PROVIDER_WEBHOOK_LIMIT_BYTES = 5_000_000;

export async function receiveProviderWebhook(repositoryId: string, request: Request): Promise<{ updated: number; event: string | null }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > PROVIDER_WEBHOOK_LIMIT_BYTES) throw new TooLargeError(`The body is larger than ${PROVIDER_WEBHOOK_LIMIT_BYTES} bytes`);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > PROVIDER_WEBHOOK_LIMIT_BYTES) throw new TooLargeError(`The body is larger than ${PROVIDER_WEBHOOK_LIMIT_BYTES} bytes`);
  const context = await providerWebhookContext(repositoryId);
  // An unknown repository and one without a secret answer alike: nothing to verify against.
  if (!context) throw new NotFoundError("Repository");
  const header = (name: string) => request.headers.get(name);
  if (!verifyProviderSignature(context.provider, context.secret, header, body)) throw new UnauthenticatedError("The webhook signature does not verify with this repository's secret");
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    throw new InvalidError("The body is not JSON");
  }
  const event = readPullRequestEvent(context.provider, header, payload);
  if (!event) return { updated: 0, event: null };
  const updated = await recordPullRequestState(getDb(), repositoryId, event, `${context.provider.toLowerCase()}-webhook`);
  return { updated, event: event.state };
}
