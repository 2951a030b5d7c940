// "Changing a generator changes its version." Each role's record lists every (version, digest) it has
// shipped, where the digest covers the generator's output for all its golden fixtures. Output that changes
// under an old version number fails here: bump the generator's `version`, then add the new pair to
// generator-versions.json (the failure message prints it).
import { createHash } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGenerator } from "@/lib/agents/generators";
import { getRole } from "@/lib/agents/registry";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { roleKeys, type RoleKey } from "@/lib/agents/types";
import { validateRoleInput } from "@/lib/agents/form-logic";
import record from "./generator-versions.json";

const history = record as Record<string, { version: string; digest: string }[]>;

function outputDigest(role: RoleKey): string {
  const directory = path.join(import.meta.dirname, role);
  const hash = createHash("sha256");
  for (const name of fixtureNames(directory)) {
    const validation = validateRoleInput(getRole(role), readFixture(directory, name) as Record<string, unknown>);
    if (!validation.success) throw new Error(`${role}/${name}: ${JSON.stringify(validation.issues)}`);
    hash.update(name).update("\0").update(JSON.stringify(getGenerator(role).generate(validation.data))).update("\0");
  }
  return hash.digest("hex");
}

describe("generator versions", () => {
  it.each(roleKeys)("%s: its output for the golden fixtures is recorded under its current version", (role) => {
    const current = { version: getGenerator(role).version, digest: outputDigest(role) };
    const entries = history[role] ?? [];
    const sameVersion = entries.find((entry) => entry.version === current.version);
    expect(
      sameVersion?.digest,
      sameVersion
        ? `The output of ${role} changed but its version is still ${current.version}: bump the version in its generate.ts, then record { "version": "<the new version>", "digest": "${current.digest}" }`
        : `Record ${JSON.stringify(current)} for ${role} in lib/agents/generator-versions.json`,
    ).toBe(current.digest);
  });

  it("never records two outputs under one version, or one output under two versions", () => {
    for (const [role, entries] of Object.entries(history)) {
      expect(new Set(entries.map((entry) => entry.version)).size, role).toBe(entries.length);
      expect(new Set(entries.map((entry) => entry.digest)).size, role).toBe(entries.length);
    }
  });
});
