// Sign-in throttling: after 5 failed attempts in 15 minutes for one email, that email waits.
// Attempts are recorded for unknown emails too, so the answer never says whether an email exists.
import "server-only";
import { getDb } from "@/lib/db/client";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

/** When the email may try again, or undefined when it may try now. */
export async function signInBlockedUntil(email: string, now = new Date()): Promise<Date | undefined> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const db = getDb();
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.signInAttempt.findMany({
    where: { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return undefined;
  // The oldest of the last five failures leaves the window first.
  return new Date(failures[MAX_FAILURES - 1].createdAt.getTime() + WINDOW_MS);
}

export async function recordSignInAttempt(email: string, succeeded: boolean, now = new Date()): Promise<void> {
  await getDb().signInAttempt.create({ data: { email, succeeded, createdAt: now } });
}
