import { describe, expect, it } from "vitest";
import { decideRetry, MAX_RETRY_DELAY_MS, retryDelayMs } from "@/lib/notifications/backoff";

describe("retry backoff", () => {
  it("doubles the delay with each attempt, jittered within [delay/2, delay)", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 5_000, 0))).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 5_000, 0.999_999))).toEqual([5_000, 10_000, 20_000, 40_000]);
    const mid = retryDelayMs(3, 5_000, 0.5);
    expect(mid).toBeGreaterThan(10_000);
    expect(mid).toBeLessThan(20_000);
  });

  it("never waits more than an hour between attempts", () => {
    expect(retryDelayMs(40, 5_000, 0.999_999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(40, 5_000, 0.999_999)).toBeGreaterThan(MAX_RETRY_DELAY_MS - 10);
    expect(retryDelayMs(40, 5_000, 0)).toBe(MAX_RETRY_DELAY_MS / 2);
  });

  it("gives up after 24 hours, and at once when retrying cannot help", () => {
    const createdAt = new Date("2026-12-01T00:00:00Z");
    const base = { attempt: 30, createdAt, baseMs: 5_000, retryForMs: 86_400_000, random: 0.5 };
    expect(decideRetry({ ...base, retryable: true, now: new Date("2026-12-01T10:00:00Z") })).toMatchObject({ retry: true });
    expect(decideRetry({ ...base, retryable: true, now: new Date("2026-12-01T23:30:00Z") })).toEqual({ retry: false });
    expect(decideRetry({ ...base, attempt: 1, retryable: false, now: createdAt })).toEqual({ retry: false });
  });

  it("covers a day with a few dozen attempts at the default base of 5 s", () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 86_400_000) elapsed += retryDelayMs(++attempts, 5_000, 0.999_999);
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(40);
  });
});
