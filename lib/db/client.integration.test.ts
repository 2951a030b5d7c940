import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";

describe("the Prisma client", () => {
  it("writes and reads through the pg adapter, omitting secret columns by default", async () => {
    const email = `client-${crypto.randomUUID()}@example.test`;
    const created = await getDb().user.create({ data: { email, passwordHash: "secret-hash" } });
    expect(created).not.toHaveProperty("passwordHash");
    const withSecret = await getDb().user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(withSecret.passwordHash).toBe("secret-hash");
  });
});
