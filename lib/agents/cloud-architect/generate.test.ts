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
    // Two such regions behind Route 53 (100%), both serving traffic: 1 − (1 − a)² = 99.99996…%.
    const twoTiers = [
      { name: "api", kind: "api" as const },
      { name: "db", kind: "relational-database" as const },
    ];
    const dual = generate({ tiers: twoTiers, topology: "active-active", rtoMinutes: 2, rpoMinutes: 0 });
    expect(figure(dual, "composite-availability").value).toBe("100");
  });

  // By hand: a = 0.9995 × 0.9999 = 0.99940005 per region; the primary's downtime
  // D = (1 − a) × 43,200 min = 0.00059995 × 43,200 = 25.91784 min a month.
  const twoTiers = [
    { name: "api", kind: "api" as const },
    { name: "db", kind: "relational-database" as const },
  ];
  it("does not count a pilot light whose failover outlasts the primary's downtime", () => {
    // RTO 2 h > 25.9 min, so c = 0 and A = a = 99.94%, not the 99.99996% of two parallel regions.
    const pilot = generate({ tiers: twoTiers, topology: "active-passive", rtoMinutes: 120, rpoMinutes: 15 });
    expect(figure(pilot, "dr-strategy").value).toBe("Pilot light");
    expect(figure(pilot, "composite-availability").value).toBe("99.94");
    const document = pilot.artifacts.find((artifact) => artifact.path === "availability.md")!.content;
    expect(document).toContain("c = max(0, 1 − RTO / D(p)) = max(0, 1 − 120 / 25.9) = 0.");
    expect(document).toContain("A = 1 × (0.9994 + (1 − 0.9994) × 0.9994 × 0) = **99.94%**");
    expect(document).toContain("the standby adds nothing to the monthly availability");
    expect(document).toContain("Counting the standby as parallel redundancy would claim 100%");
    const adr = pilot.artifacts.find((artifact) => artifact.path.startsWith("adr/"))!.content;
    expect(adr).toContain("c = max(0, 1 − RTO / D(p))");
  });

  it("counts a warm standby for the part of the primary's downtime after its failover", () => {
    // RTO 15 min: c = 1 − 15 / 25.91784 = 0.421248; A = 0.99940005 + 0.00059995 × 0.99940005 × 0.421248 = 0.99965263.
    const warm = generate({ tiers: twoTiers, topology: "active-passive", rtoMinutes: 15, rpoMinutes: 1 });
    expect(figure(warm, "dr-strategy").value).toBe("Warm standby");
    expect(figure(warm, "composite-availability").value).toBe("99.9653");
    const document = warm.artifacts.find((artifact) => artifact.path === "availability.md")!.content;
    expect(document).toContain("c = max(0, 1 − RTO / D(p)) = max(0, 1 − 15 / 25.9) = 0.421248");
    expect(document).toContain("D(p) = (1 − A(p)) × 43,200 min = 25.9 min a month");
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
