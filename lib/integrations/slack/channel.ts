// The Slack adapter: a Block Kit message to an incoming-webhook URL (Slack, Mattermost and other
// Slack-compatible receivers). Slack answers 200 "ok", or a status with an error word such as
// "no_service" (404, the webhook was removed) or "invalid_payload" (400), which the log shows.
import { postJson } from "@/lib/integrations/http/outbound";
import { slackMessage } from "@/lib/integrations/slack/block-kit";
import type { NotificationChannel } from "@/lib/notifications/channel";

export const slackChannel: NotificationChannel = {
  async deliver(target, event, context) {
    const outcome = await postJson(target.url, JSON.stringify(slackMessage(event)), {}, { timeoutMs: context.timeoutMs, allowPrivate: context.allowPrivate });
    if (!outcome.ok && outcome.statusCode !== null) {
      const word = outcome.responseExcerpt.trim().split(/\s/)[0];
      return { ...outcome, error: `Slack answered ${outcome.statusCode}${word ? `: ${word.slice(0, 100)}` : ""}` };
    }
    return outcome;
  },
};
