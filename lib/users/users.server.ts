// User accounts: creation and password resets (admin CLI, seed), profile reads for the signed-in user.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/audit.server";
import { isUniqueViolation } from "@/lib/db/errors";
import { InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { createUserSchema, passwordSchema, type CreateUserInput } from "@/lib/users/schema";
import { emailSchema } from "@/lib/teams/schema";

/** Creates a user with a password. System-level: used by the admin CLI and the demo seed. */
export async function createUser(input: CreateUserInput) {
  const data = parseOrThrow(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash } });
      await recordAudit(tx, null, { action: "user.created", teamId: null, targetType: "user", targetId: user.id, details: { email: user.email } });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw InvalidError.field(["email"], "A user with this email already exists");
    throw error;
  }
}

/** Sets a new password for a user found by email. System-level (admin CLI). */
export async function resetPassword(email: string, password: string) {
  const address = parseOrThrow(emailSchema, email);
  const secret = parseOrThrow(passwordSchema, password);
  const db = getDb();
  const passwordHash = await hashPassword(secret);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: address } });
    if (!user) throw new NotFoundError("User");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAudit(tx, null, { action: "user.password_reset", teamId: null, targetType: "user", targetId: user.id, details: { email: user.email } });
    return user;
  });
}

/** The acting user's own profile. Tokens see the user who created them. */
export async function getProfile(actor: Actor) {
  if (!actor.userId) return null;
  return getDb().user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true, name: true, image: true, createdAt: true } });
}
