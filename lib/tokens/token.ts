// API token secrets: random, shown once, stored only as a sha256 digest; lists show a short prefix.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "ppt_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

/** A new secret: "ppt_" and 40 base62 characters (≈238 bits). */
export function generateTokenSecret(): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const bytes = randomBytes(64);
  let body = "";
  for (const byte of bytes) {
    // Rejection sampling keeps every character equally likely (248 = 4 × 62).
    if (byte < 248) body += alphabet[byte % 62];
    if (body.length === 40) break;
  }
  if (body.length < 40) return generateTokenSecret();
  return TOKEN_PREFIX + body;
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function tokenDisplayPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

/** Whether a string has the shape of one of our tokens (cheap rejection before a database look-up). */
export function looksLikeToken(value: string): boolean {
  return /^ppt_[0-9A-Za-z]{40}$/.test(value);
}
