// Email-and-password sign-in: throttled per email, constant-time against unknown emails.
import "server-only";
import { getDb } from "@/lib/db/client";
import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import { recordSignInAttempt, signInBlockedUntil } from "@/lib/auth/throttle.server";
import { signInSchema } from "@/lib/users/schema";

export const INVALID_CREDENTIALS = "Invalid email or password";

export class SignInThrottledError extends Error {
  constructor(readonly retryAt: Date, now = new Date()) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
    super(`Too many failed sign-ins for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

export type SignInResult = { ok: true; user: { id: string; email: string; name: string | null } } | { ok: false; message: string };

/** Checks an email and password. Never says whether the email exists. */
export async function checkCredentials(input: unknown, now = new Date()): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_CREDENTIALS };
  const { email, password } = parsed.data;
  const blockedUntil = await signInBlockedUntil(email, now);
  if (blockedUntil) return { ok: false, message: new SignInThrottledError(blockedUntil, now).message };
  const user = await getDb().user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
  await recordSignInAttempt(email, valid, now);
  if (!user || !valid) return { ok: false, message: INVALID_CREDENTIALS };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
