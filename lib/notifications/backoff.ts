// When a failed delivery is tried again: exponential backoff with "equal jitter" (half the delay fixed,
// half random), so that many deliveries failing together do not retry in lockstep. Pure.

/** The longest gap between two attempts. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * The delay before attempt `attempt + 1`, after `attempt` failed attempts (1 → base, 2 → 2 × base, …,
 * capped at an hour), with `random` in [0, 1) choosing where in [delay / 2, delay) it lands.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: number): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_RETRY_DELAY_MS);
  return Math.round(exponential / 2 + (exponential / 2) * Math.min(Math.max(random, 0), 0.999_999));
}

export type RetryDecision = { retry: true; nextAttemptAt: Date } | { retry: false };

/**
 * After a failed attempt: retry at the next backoff step while that is still within `retryForMs` of the
 * delivery's creation (24 h by default) and retrying can help; otherwise give up (the delivery fails).
 */
export function decideRetry(input: { attempt: number; retryable: boolean; createdAt: Date; now: Date; baseMs: number; retryForMs: number; random: number }): RetryDecision {
  if (!input.retryable) return { retry: false };
  const next = input.now.getTime() + retryDelayMs(input.attempt, input.baseMs, input.random);
  if (next > input.createdAt.getTime() + input.retryForMs) return { retry: false };
  return { retry: true, nextAttemptAt: new Date(next) };
}
