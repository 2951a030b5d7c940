// The worker's queues and jobs, from the settings: each domain's queue with the adapters the registry wires
// into its port. The one place that knows every queue; scripts/worker.ts and the benchmarks start from here.
import { publicUrl, type Env } from "@/lib/env";
import { notificationChannels, publisher, sliSource } from "@/lib/integrations/registry";
import { pullSourceSlis } from "@/lib/slo/source-sync.server";
import { deliveryQueue, type DeliverySettings } from "@/lib/notifications/delivery-queue";
import { publicationQueue, pullRequestPollJob } from "@/lib/artifacts/publication-queue";
import { periodicJobs, type PeriodicJob } from "@/lib/worker/jobs";
import type { WorkQueue } from "@/lib/worker/worker";

/** `observe`: where the worker's metrics hear of each delivery attempt (scripts/worker.ts). */
export function workerQueues(settings: Env, hooks: { observeDelivery?: DeliverySettings["observe"] } = {}): WorkQueue<never>[] {
  return [
    deliveryQueue(notificationChannels, {
      concurrency: settings.WORKER_CONCURRENCY,
      timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
      allowPrivate: settings.WEBHOOK_ALLOW_PRIVATE,
      retryBaseMs: settings.OUTBOX_RETRY_BASE_MS,
      retryForMs: settings.OUTBOX_RETRY_FOR_MS,
      portalUrl: publicUrl(settings),
      observe: hooks.observeDelivery,
    }),
    publicationQueue(publisher, {
      concurrency: settings.PUBLISH_CONCURRENCY,
      timeoutMs: settings.GIT_TIMEOUT_MS,
      allowPrivate: settings.WEBHOOK_ALLOW_PRIVATE,
      retryBaseMs: settings.PUBLISH_RETRY_BASE_MS,
      retryForMs: settings.PUBLISH_RETRY_FOR_MS,
    }),
  ] as WorkQueue<never>[];
}

/** The periodic jobs, with the ones that need an adapter (polling pull requests without a provider webhook, pulling SLIs from data sources). */
export function workerJobs(settings: Env): PeriodicJob[] {
  return [
    ...periodicJobs,
    pullRequestPollJob(publisher, { intervalMs: settings.PUBLISH_POLL_INTERVAL_MS, timeoutMs: settings.GIT_TIMEOUT_MS, allowPrivate: settings.WEBHOOK_ALLOW_PRIVATE }),
    // Source SLOs: the backfill of new ones (progress in slo_source_syncs), then every minute the next
    // minutes from their data sources (lib/slo/source-sync.server.ts).
    { name: "sli-pull", intervalMs: 60_000, firstRunAfterMs: 15_000, run: (db, now) => pullSourceSlis(db, sliSource, now) },
  ];
}
