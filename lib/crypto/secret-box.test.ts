import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseKey, resetSecretBoxKey } from "@/lib/crypto/secret-box";
import { resetEnvCache } from "@/lib/env";

const saved = { key: process.env.PORTAL_ENCRYPTION_KEY, dataDir: process.env.DATA_DIR };

function useEnvironment(values: { key?: string; dataDir?: string }) {
  if (values.key === undefined) delete process.env.PORTAL_ENCRYPTION_KEY;
  else process.env.PORTAL_ENCRYPTION_KEY = values.key;
  if (values.dataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = values.dataDir;
  resetEnvCache();
  resetSecretBoxKey();
}

afterEach(() => useEnvironment(saved));

describe("secret box", () => {
  it("round-trips, with a fresh IV each time and nothing of the plaintext visible", () => {
    useEnvironment({ key: "ab".repeat(32) });
    const secret = "whsec_c2VjcmV0LXNpZ25pbmcta2V5LWZvci10ZXN0cw==";
    const first = encryptSecret(secret);
    const second = encryptSecret(secret);
    expect(first).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("c2VjcmV0");
    expect(decryptSecret(first)).toBe(secret);
    expect(decryptSecret(second)).toBe(secret);
    expect(decryptSecret(encryptSecret(""))).toBe("");
    expect(decryptSecret(encryptSecret("https://hooks.slack.com/services/T0/B0/ünïcødé"))).toBe("https://hooks.slack.com/services/T0/B0/ünïcødé");
  });

  it("refuses a value sealed with another key, or tampered with", () => {
    useEnvironment({ key: "ab".repeat(32) });
    const sealed = encryptSecret("top secret");
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    bytes[bytes.length - 1] ^= 1;
    expect(() => decryptSecret("v1:" + bytes.toString("base64url"))).toThrow(/does not decrypt/);
    expect(() => decryptSecret("plain text")).toThrow(/known format/);
    expect(() => decryptSecret("v1:AAAA")).toThrow(/truncated/);
    useEnvironment({ key: Buffer.alloc(32, 7).toString("base64") });
    expect(() => decryptSecret(sealed)).toThrow(/PORTAL_ENCRYPTION_KEY/);
  });

  it("generates a key once into the data directory when none is set, and keeps using it", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "secret-box-"));
    useEnvironment({ dataDir });
    const sealed = encryptSecret("kept");
    const file = path.join(dataDir, "encryption-key");
    expect(readFileSync(file, "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    resetSecretBoxKey();
    expect(decryptSecret(sealed)).toBe("kept");
  });

  it("parses hex and base64 keys and rejects other lengths", () => {
    expect(parseKey("00".repeat(32))).toHaveLength(32);
    expect(parseKey(Buffer.alloc(32, 1).toString("base64"))).toHaveLength(32);
    expect(() => parseKey("abcd")).toThrow(/32 bytes/);
  });
});
