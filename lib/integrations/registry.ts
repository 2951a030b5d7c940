// Wires the domains' ports to their adapters: notification channels, and the Git publisher with its pull
// request providers. Imported by the worker (lib/worker/queues.ts), the route handlers and server actions
// that run an adapter on a person's behalf (a repository's connection test), and tests.
import type { ChannelRegistry } from "@/lib/notifications/channel";
import type { Publisher } from "@/lib/artifacts/publisher";
import { createGitPublisher } from "@/lib/integrations/git/publisher";
import { githubPullRequests } from "@/lib/integrations/github/pull-requests";
import { gitlabMergeRequests } from "@/lib/integrations/gitlab/merge-requests";
import { giteaPullRequests } from "@/lib/integrations/gitea/pull-requests";
import { slackChannel } from "@/lib/integrations/slack/channel";
import { webhookChannel } from "@/lib/integrations/webhooks/channel";

export const notificationChannels: ChannelRegistry = { WEBHOOK: webhookChannel, SLACK: slackChannel };

export const publisher: Publisher = createGitPublisher({ GITHUB: githubPullRequests, GITLAB: gitlabMergeRequests, GITEA: giteaPullRequests });
