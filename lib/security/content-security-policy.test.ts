import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";

describe("the pages' Content-Security-Policy", () => {
  it("allows scripts by nonce only, never 'unsafe-inline' or 'unsafe-eval' in production", () => {
    const policy = pageContentSecurityPolicy("abc123");
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src "))!;
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("lets the development server evaluate code and open its web socket", () => {
    const policy = pageContentSecurityPolicy("n", { development: true });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("connect-src 'self' ws:");
  });

  it("makes a different, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
