// Wires the notification port to its adapters. Only the worker (scripts/worker.ts) and tests import this.
import type { ChannelRegistry } from "@/lib/notifications/channel";
import { slackChannel } from "@/lib/integrations/slack/channel";
import { webhookChannel } from "@/lib/integrations/webhooks/channel";

export const notificationChannels: ChannelRegistry = { WEBHOOK: webhookChannel, SLACK: slackChannel };
