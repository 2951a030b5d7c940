// Secrets at rest (webhook signing secrets, Slack URLs, later Git credentials): AES-256-GCM with a random
// 96-bit IV per value, sealed as "v1:" + base64url(iv | tag | ciphertext). The key is PORTAL_ENCRYPTION_KEY
// (64 hex characters or base64 of 32 bytes) or, when unset, the one generated once into
// `$DATA_DIR/encryption-key` (npm start decides it before the web server and the worker start).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const VERSION = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

let cachedKey: Buffer | undefined;

/** Reads a key given as 64 hex characters or as base64 of 32 bytes. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes: 64 hex characters or base64");
  return key;
}

function loadKey(): Buffer {
  const settings = env();
  if (settings.PORTAL_ENCRYPTION_KEY) return parseKey(settings.PORTAL_ENCRYPTION_KEY);
  const file = path.join(settings.DATA_DIR, "encryption-key");
  if (existsSync(file)) return parseKey(readFileSync(file, "utf8"));
  mkdirSync(settings.DATA_DIR, { recursive: true });
  const generated = randomBytes(32).toString("hex");
  // `wx`: if another process wrote the file first, keep theirs.
  try {
    writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseKey(readFileSync(file, "utf8"));
}

function key(): Buffer {
  cachedKey ??= loadKey();
  return cachedKey;
}

/** Forgets the cached key (tests that change the environment). */
export function resetSecretBoxKey(): void {
  cachedKey = undefined;
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/** Opens a sealed value; throws when it was sealed with another key or was tampered with. */
export function decryptSecret(sealed: string): string {
  if (!sealed.startsWith(VERSION)) throw new Error("The stored secret is not in a known format");
  const bytes = Buffer.from(sealed.slice(VERSION.length), "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error("The stored secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("The stored secret does not decrypt with this encryption key (was PORTAL_ENCRYPTION_KEY changed?)");
  }
}
