import { describe, expect, it } from "vitest";
import { checkCredentials, INVALID_CREDENTIALS } from "@/lib/auth/credentials.server";
import { makeUser, TEST_PASSWORD } from "@/lib/testing/factories";

describe("email and password sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await makeUser();
    const result = await checkCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
  });

  it("says the same thing for a wrong password and an unknown email", async () => {
    const user = await makeUser();
    expect(await checkCredentials({ email: user.email, password: "wrong password" })).toEqual({ ok: false, message: INVALID_CREDENTIALS });
    expect(await checkCredentials({ email: `ghost-${user.id}@example.test`, password: "wrong password" })).toEqual({ ok: false, message: INVALID_CREDENTIALS });
    expect(await checkCredentials({ email: "not an email", password: "" })).toEqual({ ok: false, message: INVALID_CREDENTIALS });
  });

  it("throttles an email after 5 failures in 15 minutes, even with the right password, then lets it in again", async () => {
    const user = await makeUser();
    const now = new Date();
    for (let i = 0; i < 5; i++) await checkCredentials({ email: user.email, password: "wrong" }, now);
    const blocked = await checkCredentials({ email: user.email, password: TEST_PASSWORD }, now);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.message).toMatch(/Too many failed sign-ins for this email\. Try again in 15 minutes\./);
    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await checkCredentials({ email: user.email, password: TEST_PASSWORD }, later)).ok).toBe(true);
  });

  it("throttles unknown emails the same way, so throttling reveals nothing", async () => {
    const email = `ghost-${crypto.randomUUID()}@example.test`;
    for (let i = 0; i < 5; i++) await checkCredentials({ email, password: "wrong" });
    const result = await checkCredentials({ email, password: "wrong" });
    expect(!result.ok && result.message).toMatch(/Too many failed sign-ins/);
  });
});
