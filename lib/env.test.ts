import { describe, expect, it } from "vitest";
import { demoMode, EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const settings = parseEnv({});
    expect(settings).toMatchObject({ PORT: 3000, DATA_DIR: ".data", EMBEDDED_DB_PORT: 54329, BCRYPT_COST: 12 });
    expect(demoMode(settings)).toBe(true);
  });

  it("turns demo mode off for an external database unless asked", () => {
    expect(demoMode(parseEnv({ DATABASE_URL: "postgresql://u@db:5432/portal" }))).toBe(false);
    expect(demoMode(parseEnv({ DATABASE_URL: "postgresql://u@db:5432/portal", DEMO_MODE: "true" }))).toBe(true);
  });

  it("explains each bad value in one readable line", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "abc" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(message).toContain("PORT: must be a port number from 1 to 65535");
  });

  it("ignores empty values, as shells often export them", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });
});
