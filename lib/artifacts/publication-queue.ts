// Publications as a work queue of the worker: claim due publications (FOR UPDATE SKIP LOCKED with a lease),
// build the commit's inputs from the stored artifacts, push through the Publisher port (adapters wired by
// lib/integrations/registry.ts), and record the outcome, the retry or the failure. Plus the periodic poll of
// pull requests whose repository has no provider webhook.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { PeriodicJob } from "@/lib/worker/jobs";
import type { WorkQueue } from "@/lib/worker/worker";
import { PublishError, type ConnectionSettings, type Publisher } from "@/lib/artifacts/publisher";
import { commitMessage, pullRequestBody, pullRequestTitle, requestManifest } from "@/lib/artifacts/publication-content";
import {
  claimPollCandidates,
  claimPublications,
  completePublication,
  failPublication,
  loadPublicationJob,
  recordPullRequestState,
  releasePublications,
  type ClaimedPublication,
} from "@/lib/artifacts/publications.server";
import { loadRepositoryRow, repositorySecrets, repositoryTarget } from "@/lib/artifacts/repositories.server";
import { scrubSecrets } from "@/lib/artifacts/scrub";

export interface PublicationSettings {
  concurrency: number;
  timeoutMs: number;
  allowPrivate: boolean;
  retryBaseMs: number;
  retryForMs: number;
}

/** A publication makes a handful of requests, each bounded by the timeout: the lease outlasts them all. */
export const publicationLeaseMs = (timeoutMs: number) => timeoutMs * 10 + 30_000;

export const COMMITTER = { name: "Platform Portal", email: "portal@users.noreply.platform-portal" };

export function publicationQueue(publisher: Publisher, settings: PublicationSettings): WorkQueue<ClaimedPublication> {
  const counters = { published: 0, publishRetried: 0, publishFailed: 0, publishSuperseded: 0 };
  const connection: ConnectionSettings = { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate };

  async function attempt(db: Db, claimed: ClaimedPublication, workerId: string) {
    const job = await loadPublicationJob(db, claimed.id);
    if (!job) return "superseded" as const;
    const repository = await loadRepositoryRow(db, job.publication.repositoryId);
    if (!repository) return failPublication(db, claimed, workerId, { message: "The repository was deleted", retryable: false }, settings);
    let secrets: string[] = [];
    try {
      secrets = repositorySecrets(repository);
      const target = repositoryTarget(repository);
      const manifest = requestManifest(job.subject, job.files);
      const result = await publisher.publish(
        {
          publicationId: claimed.id,
          target,
          branch: job.publication.branch,
          directory: job.publication.directory,
          files: job.files,
          ownedFiles: [manifest],
          previous: job.previous,
          commit: { message: commitMessage(job.subject), authorName: COMMITTER.name, authorEmail: COMMITTER.email, time: new Date() },
          pullRequest: { title: pullRequestTitle(job.subject), body: (outcome) => pullRequestBody(job.subject, job.publication.directory, outcome) },
        },
        connection,
      );
      return completePublication(db, claimed, workerId, job, { commitSha: result.commitSha, pullRequest: result.pullRequest, outcome: result.outcome });
    } catch (error) {
      const failure =
        error instanceof PublishError
          ? { message: error.message, retryable: error.retryable }
          : // A secret that no longer decrypts (the key changed), or a bug: retrying will not help.
            { message: `Not published: ${(error as Error).message}`, retryable: false };
      return failPublication(db, claimed, workerId, { ...failure, message: scrubSecrets(failure.message, secrets, [repository.username]) }, settings);
    }
  }

  return {
    name: "publications",
    concurrency: settings.concurrency,
    claim: (db, workerId, limit) => claimPublications(db, workerId, limit, publicationLeaseMs(settings.timeoutMs)),
    async run(db, claimed, workerId) {
      const result = await attempt(db, claimed, workerId);
      if (result === "published") counters.published++;
      else if (result === "retry") counters.publishRetried++;
      else if (result === "failed") counters.publishFailed++;
      else counters.publishSuperseded++;
    },
    async release(db, workerId) {
      await releasePublications(db, workerId);
    },
    stats: () => ({ ...counters }),
  };
}

/**
 * Polls the pull requests of repositories that have a provider API but no webhook secret, at most every
 * `intervalMs` each: the candidates are claimed in a short transaction (the worker runs the job under its
 * advisory lock), the API calls run after it, and each state change is recorded in its own.
 */
export function pullRequestPollJob(publisher: Publisher, settings: { intervalMs: number; timeoutMs: number; allowPrivate: boolean }): PeriodicJob {
  return {
    name: "publication-poll",
    intervalMs: Math.min(settings.intervalMs, 60_000),
    firstRunAfterMs: 15_000,
    async run(db, now) {
      // The engine runs this under the job's advisory lock; the claim itself is one short transaction.
      const candidates = await db.$transaction((tx) => claimPollCandidates(tx, now, settings.intervalMs));
      for (const candidate of candidates) {
        const repository = await loadRepositoryRow(db, candidate.repositoryId);
        if (!repository) continue;
        try {
          const state = await publisher.pullRequestState(repositoryTarget(repository), candidate.pullRequestNumber, { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
          if (state !== "open") await recordPullRequestState(db, candidate.repositoryId, { number: candidate.pullRequestNumber, branch: null, state }, "polling");
        } catch {
          // The provider is down or the token lost access: the next round tries again; the publication stays open.
        }
      }
    },
  };
}
