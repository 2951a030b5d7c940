// Standard Webhooks signing, by the `standardwebhooks` package: HMAC-SHA256 over `id.timestamp.body` with
// each of the endpoint's secrets. During a rotation both the new and the previous secret sign, space-separated
// in one `webhook-signature` header, so receivers that still hold the old secret keep verifying for 24 h.
import { Webhook } from "standardwebhooks";

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export function signWebhook(secrets: string[], messageId: string, timestamp: Date, body: string): SignedHeaders {
  if (secrets.length === 0) throw new Error("The endpoint has no signing secret");
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body));
  return {
    "webhook-id": messageId,
    "webhook-timestamp": Math.floor(timestamp.getTime() / 1000).toString(),
    "webhook-signature": signatures.join(" "),
  };
}
