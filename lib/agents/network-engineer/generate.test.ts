import path from "node:path";
import { describe, expect, it } from "vitest";
import { hostileLabel, mermaidProblems, parseHcl, terraformAvailable, terraformFmtDiff } from "@/lib/agents/shared/artifact-validity";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { describeGeneratorContract, nonEmpty } from "@/lib/agents/shared/generator-testing";
import { CidrPlanError, networkEngineerGenerator } from "./generate";
import { networkEngineerExample, networkEngineerSchema, type NetworkEngineerRequirements } from "./schema";

const roleDirectory = path.join(import.meta.dirname);
const fixtures = fixtureNames(roleDirectory);
const inputOf = (fixture: string): NetworkEngineerRequirements => networkEngineerSchema.parse(readFixture(roleDirectory, fixture));

describeGeneratorContract({
  roleDirectory,
  generator: networkEngineerGenerator,
  schema: networkEngineerSchema,
  example: networkEngineerExample,
  hostileInput: { ...networkEngineerExample, notes: hostileLabel },
});

describe("network-engineer generator", () => {


  it.each(fixtures)("is deterministic and leaves its input alone (%s)", (fixture) => {
    const input = inputOf(fixture);
    const before = structuredClone(input);
    const first = networkEngineerGenerator.generate(input);
    expect(input).toEqual(before);
    expect(networkEngineerGenerator.generate(structuredClone(input))).toEqual(first);
  });

  it.each(fixtures)("writes HCL that parses and is laid out as terraform fmt would, JSON and Mermaid that are well formed (%s)", { timeout: 30_000 }, async (fixture) => {
    const { artifacts } = networkEngineerGenerator.generate(inputOf(fixture));
    const hcl = artifacts.filter((artifact) => artifact.path.endsWith(".tf") || artifact.path.endsWith(".tfvars"));
    expect(hcl.length).toBeGreaterThanOrEqual(2);
    for (const artifact of hcl) await expect(parseHcl(artifact), artifact.path).resolves.toBeTypeOf("object");
    if (terraformAvailable) expect(terraformFmtDiff(hcl)).toBe("");
    for (const artifact of nonEmpty(artifacts.filter((item) => item.mediaType === "application/json"), "JSON artifact")) expect(() => JSON.parse(artifact.content)).not.toThrow();
    for (const artifact of nonEmpty(artifacts.filter((item) => item.kind === "diagram"), "diagram")) expect(mermaidProblems(artifact.content), artifact.path).toEqual([]);
  });

  it("writes every planned subnet into its environment's tfvars", async () => {
    const { artifacts } = networkEngineerGenerator.generate(inputOf("example"));
    const production = artifacts.find((artifact) => artifact.path === "terraform/environments/production.tfvars")!;
    const parsed = (await parseHcl(production)) as { subnets: Record<string, { cidr_block: string; availability_zone: string }>; network_cidr: string };
    expect(parsed.network_cidr).toBe("10.20.0.0/16");
    expect(Object.keys(parsed.subnets)).toHaveLength(9);
    expect(parsed.subnets["production-private-a"]).toMatchObject({ cidr_block: "10.20.0.0/20", availability_zone: "eu-west-1a" });
  });

  it("keeps hostile names inside their Mermaid labels and HCL strings", async () => {
    // Names are DNS labels after validation; this bypasses the schema to prove the escaping holds anyway.
    const input = structuredClone(inputOf("example"));
    input.environments[0].name = hostileLabel;
    input.connections[0].name = hostileLabel;
    input.tiers[0].name = `${hostileLabel} tier`;
    const { artifacts } = networkEngineerGenerator.generate(input);
    const diagram = artifacts.find((artifact) => artifact.kind === "diagram")!;
    expect(mermaidProblems(diagram.content)).toEqual([]);
    expect(diagram.content).not.toContain('a"];click');
    for (const artifact of nonEmpty(artifacts.filter((item) => item.path.endsWith(".tfvars")), ".tfvars artifact")) await expect(parseHcl(artifact)).resolves.toBeTypeOf("object");
  });

  it("throws a CidrPlanError saying by how much a base falls short (input the schema would refuse)", () => {
    const input = structuredClone(inputOf("example"));
    input.environments[1].baseCidr = "10.21.0.0/20";
    expect(() => networkEngineerGenerator.generate(input)).toThrow(CidrPlanError);
    expect(() => networkEngineerGenerator.generate(input)).toThrow("staging (10.21.0.0/20) is too small: 3 tier(s) × 3 zone(s) need 13,824 addresses but it offers 4,096; it falls short by 9,728 addresses: use a /18 or larger");
  });

  it("sums up the plan", () => {
    const { summary } = networkEngineerGenerator.generate(inputOf("example"));
    expect(summary.find((figure) => figure.key === "subnets")?.value).toBe(18);
    expect(summary.find((figure) => figure.key === "free-production")).toMatchObject({ value: 78.9, unit: "%" });
    expect(summary.find((figure) => figure.key === "smallest-base")?.value).toBe("/18");
  });
});
