// Password hashing with bcrypt (bcryptjs: pure JavaScript, so it installs without native builds).
import bcrypt from "bcryptjs";
import { env } from "@/lib/env";

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) return false;
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check when the email is unknown, so timing does not reveal which emails exist. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password");
  await bcrypt.compare(password, await dummyHash);
  return false;
}
