import { describe, expect, it } from "vitest";
import { describeGeneratorContract, hostileLabel } from "@/lib/agents/shared/generator-testing";
import { chooseDrStrategy, cloudArchitectGenerator } from "./generate";
import { cloudArchitectExample, cloudArchitectSchema } from "./schema";

describeGeneratorContract({
  roleDirectory: import.meta.dirname,
  generator: cloudArchitectGenerator,
  schema: cloudArchitectSchema,
  example: cloudArchitectExample,
  hostileInput: { ...cloudArchitectExample, description: hostileLabel, notes: hostileLabel },
});

const generate = (overrides: Partial<typeof cloudArchitectExample>) => cloudArchitectGenerator.generate(cloudArchitectSchema.parse({ ...cloudArchitectExample, ...overrides }));
const figure = (result: ReturnType<typeof generate>, key: string) => result.summary.find((entry) => entry.key === key)!;

describe("cloud-architect generator", () => {
  const regions = cloudArchitectSchema.parse(cloudArchitectExample).regions;
  it("chooses the DR strategy from the RTO and RPO", () => {
    expect(chooseDrStrategy({ rtoMinutes: 2, rpoMinutes: 0, topology: "active-active", regions }).strategy).toBe("multi-site");
    expect(chooseDrStrategy({ rtoMinutes: 15, rpoMinutes: 1, topology: "active-passive", regions }).strategy).toBe("warm-standby");
    expect(chooseDrStrategy({ rtoMinutes: 120, rpoMinutes: 15, topology: "active-passive", regions }).strategy).toBe("pilot-light");
    expect(chooseDrStrategy({ rtoMinutes: 1440, rpoMinutes: 240, topology: "single-region", regions }).strategy).toBe("backup-restore");
    // Backups copied across regions cannot give an RPO under an hour.
    expect(chooseDrStrategy({ rtoMinutes: 1440, rpoMinutes: 15, topology: "active-passive", regions }).strategy).toBe("pilot-light");
    // An active-active topology is multi-site whatever the objectives.
    expect(chooseDrStrategy({ rtoMinutes: 600, rpoMinutes: 10, topology: "active-active", regions }).strategy).toBe("multi-site");
    expect(chooseDrStrategy({ rtoMinutes: 15, rpoMinutes: 5, topology: "single-region", regions }).warnings.join(" ")).toMatch(/single-region topology cannot deliver warm standby/);
  });

  it("multiplies serial components and combines redundant regions", () => {
    // Single region, API + relational database on AWS containers: 0.9995 × 0.9999.
    const single = generate({
      criticality: "tier-2",
      targetAvailability: 99.9,
      topology: "single-region",
      regions: [{ provider: "aws", region: "eu-west-1", role: "primary" }],
      tiers: [
        { name: "api", kind: "api" },
        { name: "db", kind: "relational-database" },
        { name: "jobs", kind: "worker" },
      ],
      rtoMinutes: 600,
      rpoMinutes: 60,
    });
    expect(figure(single, "composite-availability").value).toBe(String(Number((0.9995 * 0.9999 * 100).toFixed(4))));
    // Two such regions behind Route 53 (100%): 1 − (1 − a)².
    const dual = generate({
      tiers: [
        { name: "api", kind: "api" },
        { name: "db", kind: "relational-database" },
      ],
    });
    const region = 0.9995 * 0.9999;
    expect(figure(dual, "composite-availability").value).toBe(String(Number(((1 - (1 - region) ** 2) * 100).toFixed(4))));
  });

  it("shows the standby region and the replication in the diagram", () => {
    const diagram = generate({}).artifacts.find((artifact) => artifact.path === "architecture.mmd")!.content;
    expect(diagram).toContain("class r1 standby");
    expect(diagram).toMatch(/r0_t3 -\.->\|"async replication"\| r1_t3/);
    // The edge is global: one node in front of both regions.
    expect(diagram).toContain('edge_entry(["edge · Amazon CloudFront + AWS WAF · failover routing"])');
    expect(diagram).toContain('edge_entry -->|"on failover"| r1_t1');
    const withoutEdge = generate({ tiers: cloudArchitectExample.tiers.filter((tier) => tier.kind !== "edge") }).artifacts[0].content;
    expect(withoutEdge).toContain('routing{{"Amazon Route 53 health-checked routing: failover routing"}}');
  });

  it("states the cost assumptions and compares the estimate with the budget", () => {
    const result = generate({ monthlyBudgetUsd: 100 });
    const cost = result.artifacts.find((artifact) => artifact.path === "cost-estimate.md")!.content;
    expect(cost).toContain("## Assumptions");
    expect(cost).toMatch(/over budget by \$[\d,]+\./);
    expect(figure(result, "budget-use").value).toBeGreaterThan(100);
  });

  it("writes the ADR in MADR form", () => {
    const adr = generate({}).artifacts.find((artifact) => artifact.path.startsWith("adr/"))!;
    expect(adr.path).toBe("adr/0001-checkout-architecture.md");
    for (const heading of ["## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome", "### Consequences", "## Pros and Cons of the Options"]) {
      expect(adr.content).toContain(heading);
    }
    expect(adr.content).toContain('Chosen option: "Active-passive"');
  });
});
