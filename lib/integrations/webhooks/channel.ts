// The generic webhook adapter: the event as Standard Webhooks' envelope `{ type, timestamp, data }`, signed.
import { postJson } from "@/lib/integrations/http/outbound";
import { signWebhook } from "@/lib/integrations/webhooks/signing";
import type { NotificationChannel } from "@/lib/notifications/channel";

export const webhookChannel: NotificationChannel = {
  async deliver(target, event, context) {
    const body = JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });
    const headers = signWebhook(target.secrets, context.messageId, context.now, body);
    return postJson(target.url, body, { ...headers }, { timeoutMs: context.timeoutMs, allowPrivate: context.allowPrivate });
  },
};
