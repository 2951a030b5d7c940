// Wires the domains' ports to their adapters: notification channels, the Git publisher with its pull
// request providers, and the SLI source (Prometheus-compatible APIs). Imported by the worker
// (lib/worker/queues.ts), the route handlers and server actions that run an adapter on a person's behalf (a
// repository's connection test, a data source's test), and tests.
import type { ChannelRegistry } from "@/lib/notifications/channel";
import type { Publisher } from "@/lib/artifacts/publisher";
import { createGitPublisher } from "@/lib/integrations/git/publisher";
import { githubPullRequests } from "@/lib/integrations/github/pull-requests";
import { gitlabMergeRequests } from "@/lib/integrations/gitlab/merge-requests";
import { giteaPullRequests } from "@/lib/integrations/gitea/pull-requests";
import { slackChannel } from "@/lib/integrations/slack/channel";
import { webhookChannel } from "@/lib/integrations/webhooks/channel";
import type { SliSource } from "@/lib/slo/sli-source";
import { prometheusSource } from "@/lib/integrations/prometheus/source";

export const notificationChannels: ChannelRegistry = { WEBHOOK: webhookChannel, SLACK: slackChannel };

export const publisher: Publisher = createGitPublisher({ GITHUB: githubPullRequests, GITLAB: gitlabMergeRequests, GITEA: giteaPullRequests });

/** Where source SLOs read their SLI: every data source kind today is a Prometheus-compatible HTTP API. */
export const sliSource: SliSource = prometheusSource;
