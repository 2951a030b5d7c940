// The worker's queues, from the settings: each domain's queue with the adapters the registry wires into
// its port. The one place that knows every queue; scripts/worker.ts and the benchmarks start from here.
import { publicUrl, type Env } from "@/lib/env";
import { notificationChannels } from "@/lib/integrations/registry";
import { deliveryQueue } from "@/lib/notifications/delivery-queue";
import type { WorkQueue } from "@/lib/worker/worker";

export function workerQueues(settings: Env): WorkQueue<never>[] {
  return [
    deliveryQueue(notificationChannels, {
      concurrency: settings.WORKER_CONCURRENCY,
      timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
      allowPrivate: settings.WEBHOOK_ALLOW_PRIVATE,
      retryBaseMs: settings.OUTBOX_RETRY_BASE_MS,
      retryForMs: settings.OUTBOX_RETRY_FOR_MS,
      portalUrl: publicUrl(settings),
    }),
  ] as WorkQueue<never>[];
}
