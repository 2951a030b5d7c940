import { describe, expect, it } from "vitest";
import { answerText, describeAnswers, formatNumber, labelForPath } from "@/lib/requests/answers";
import { diffInputs } from "@/lib/requests/diff";
import { fixtureRole as role } from "@/lib/requests/testing/fixture-role";

const example = role.example as Record<string, unknown>;

describe("answers as people read them", () => {
  it("shows labels for choices, units after numbers and Yes/No for checkboxes, step by step", () => {
    const sections = describeAnswers(role, example);
    expect(sections.map((section) => section.step.title)).toEqual(["Basics", "Rollout", "Network", "Extras"]);
    const rows = Object.fromEntries(sections.flatMap((section) => section.rows).map((row) => [row.label, answerText(row.answer)]));
    expect(rows).toMatchObject({
      Environment: "Production",
      "Minimum replicas": "3 replicas",
      Strategy: "Canary release",
      "Canary share": "10%",
      Observability: "Metrics, Logs",
      "Production approvals": "Yes",
      Notes: "—",
    });
    expect(rows["Subnet tiers"]).toBe("#1: Tier name public; Hosts per subnet 50; Public Yes · #2: Tier name private; Hosts per subnet 500; Public No; NAT One NAT gateway per zone");
  });

  it("leaves hidden fields out of the answers", () => {
    const labels = describeAnswers(role, { ...example, strategy: "rolling" }).flatMap((section) => section.rows.map((row) => row.label));
    expect(labels).not.toContain("Canary share");
  });

  it("formats numbers and names paths", () => {
    expect(formatNumber(99.95, "%")).toBe("99.95%");
    expect(formatNumber(1500, "ms")).toBe("1,500 ms");
    expect(labelForPath(role, "tiers.1.hosts")).toBe("Subnet tiers › #2 › Hosts per subnet");
    expect(labelForPath(role, "canary.percent")).toBe("Canary share");
    expect(labelForPath(role, "tags.2")).toBe("Tags › #3");
    expect(labelForPath(role, "mystery.key")).toBe("mystery.key");
  });
});

describe("the revision diff", () => {
  it("is empty for equal inputs, whatever the key order", () => {
    const reordered = Object.fromEntries(Object.entries(example).reverse());
    expect(diffInputs(role, example, reordered)).toEqual([]);
  });

  it("lists changed fields with their labels and readable values", () => {
    const after = { ...example, environment: "staging", maxReplicas: 12, strategy: "rolling", canary: undefined, notes: "Needs a DBA" };
    expect(diffInputs(role, example, after)).toEqual([
      { key: "environment", label: "Environment", step: "Basics", change: "changed", before: "Production", after: "Staging" },
      { key: "maxReplicas", label: "Maximum replicas", step: "Basics", change: "changed", before: "10 replicas", after: "12 replicas" },
      { key: "strategy", label: "Strategy", step: "Rollout", change: "changed", before: "Canary release", after: "Rolling update" },
      { key: "canary.percent", label: "Canary share", step: "Network", change: "removed", before: "10%", after: "—" },
      { key: "notes", label: "Notes", step: "Extras", change: "added", before: "—", after: "Needs a DBA" },
    ]);
  });

  it("compares group items by position: a changed field inside an item, an added item, a removed item", () => {
    const tiers = example.tiers as Record<string, unknown>[];
    const changedItem = diffInputs(role, example, { ...example, tiers: [tiers[0], { ...tiers[1], hosts: 1000 }] });
    expect(changedItem).toEqual([
      { key: "tiers.1.hosts", label: "Subnet tiers › #2 › Hosts per subnet", step: "Network", change: "changed", before: "500", after: "1,000" },
    ]);
    const added = diffInputs(role, example, { ...example, tiers: [...tiers, { name: "data", hosts: 20, public: false, nat: "single" }] });
    expect(added).toEqual([
      {
        key: "tiers.2",
        label: "Subnet tiers › #3",
        step: "Network",
        change: "added",
        before: "—",
        after: "Tier name data; Hosts per subnet 20; Public No; NAT One shared NAT gateway",
      },
    ]);
    const removed = diffInputs(role, example, { ...example, tiers: [tiers[0]] });
    expect(removed).toMatchObject([{ key: "tiers.1", change: "removed", after: "—", before: expect.stringContaining("Tier name private") }]);
  });

  it("shows list answers as lists and keys no field describes by their name", () => {
    const entries = diffInputs(role, { ...example, legacy: 1 }, { ...example, features: ["tracing"], tags: [], legacy: 2 });
    expect(entries).toEqual([
      { key: "features", label: "Observability", step: "Extras", change: "changed", before: "Metrics, Logs", after: "Distributed tracing" },
      { key: "tags", label: "Tags", step: "Extras", change: "removed", before: "team:payments", after: "—" },
      { key: "legacy", label: "legacy", step: "", change: "changed", before: "1", after: "2" },
    ]);
  });
});
