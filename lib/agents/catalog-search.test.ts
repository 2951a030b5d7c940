import { describe, expect, it } from "vitest";
import { roleMatches, searchExamples } from "./catalog-search";
import { roles } from "./registry";

const matching = (query: string) => roles.filter((role) => roleMatches(role, query)).map((role) => role.key);

describe("searching the role catalogue", () => {
  it("matches titles, missions and responsibilities, every word, ignoring case", () => {
    expect(matching("")).toHaveLength(10);
    expect(matching("kubernetes")).toContain("kubernetes-specialist");
    expect(matching("CANARY")).toEqual(["deployment-engineer"]);
    expect(matching("falco")).toEqual(["security-engineer"]);
    expect(matching("error budget")).toEqual(["sre-engineer"]);
    expect(matching("terraform zebra")).toEqual([]);
  });

  it("ignores accents and extra spaces", () => {
    const role = { key: "x", title: "Résumé checker", mission: "", responsibilities: [] };
    expect(roleMatches(role, "  resume   ")).toBe(true);
    expect(roleMatches(role, "RÉSUMÉ")).toBe(true);
  });
});

describe("the search box's examples", () => {
  it("each find at least one role", async () => {
    for (const example of searchExamples) expect(roles.filter((role) => roleMatches(role, example)).length, example).toBeGreaterThan(0);
  });
});
