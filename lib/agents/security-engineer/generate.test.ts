import path from "node:path";
import { hostileLabel } from "@/lib/agents/shared/artifact-validity";
import { describe, expect, it } from "vitest";
import { parseHcl, parseYamlDocuments, terraformAvailable, terraformFmtDiff } from "@/lib/agents/shared/artifact-validity";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { describeGeneratorContract } from "@/lib/agents/shared/generator-testing";
import { terraformFmtProblems } from "@/lib/agents/shared/hcl-testing";
import { securityEngineerGenerator } from "./generate";
import { securityEngineerExample, securityEngineerSchema, type SecurityEngineerRequirements } from "./schema";

const roleDirectory = path.join(import.meta.dirname);
const fixtures = fixtureNames(roleDirectory);
const inputOf = (fixture: string): SecurityEngineerRequirements => securityEngineerSchema.parse(readFixture(roleDirectory, fixture));
const artifact = (input: SecurityEngineerRequirements, artifactPath: string) => securityEngineerGenerator.generate(input).artifacts.find((item) => item.path === artifactPath)!;

type FalcoEntry = { rule?: string; list?: string; macro?: string; condition?: string; output?: string; priority?: string; items?: unknown[] };

describeGeneratorContract({
  roleDirectory,
  generator: securityEngineerGenerator,
  schema: securityEngineerSchema,
  example: securityEngineerExample,
  hostileInput: { ...securityEngineerExample, scope: hostileLabel, notes: hostileLabel },
});

describe("security-engineer generator", () => {
  it.each(fixtures)("is deterministic, leaves its input alone, writes valid YAML, JSON and HCL (%s)", async (fixture) => {
    const input = inputOf(fixture);
    const before = structuredClone(input);
    const first = securityEngineerGenerator.generate(input);
    expect(input).toEqual(before);
    expect(securityEngineerGenerator.generate(structuredClone(input))).toEqual(first);
    for (const item of first.artifacts) {
      if (item.mediaType === "application/yaml") expect(() => parseYamlDocuments(item), item.path).not.toThrow();
      if (item.mediaType === "application/json") expect(() => JSON.parse(item.content), item.path).not.toThrow();
      if (item.path.endsWith(".hcl")) {
        await expect(parseHcl(item), item.path).resolves.toBeTypeOf("object");
        expect(terraformFmtProblems(item.content), item.path).toEqual([]);
      }
    }
  });

  it("maps every control of each chosen framework to requirement, how it is met, evidence and status", () => {
    const controls = artifact(inputOf("example"), "security/controls.md").content;
    expect(controls).toContain("## PCI DSS");
    expect(controls).toContain("## SOC 2");
    expect(controls).toMatch(/\| Multi-factor authentication \| 8\.4\.2: MFA for all access into the CDE \| .+ \| .+ \| ✅ met \|/);
    const baseline = artifact(inputOf("baseline-aws-segmented"), "security/controls.md").content;
    expect(baseline).toContain("## CIS Controls v8 (baseline)");
    expect(baseline).toMatch(/\| Runtime threat detection \| .+ \| No runtime detection.+ \| ❌ gap \|/);
  });

  it("models the six STRIDE categories for every component", () => {
    const model = artifact(inputOf("example"), "security/threat-model.md").content;
    const sections = model.split("\n## ").slice(1, -1);
    expect(sections.length).toBeGreaterThanOrEqual(6);
    for (const section of sections) {
      for (const category of ["Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service", "Elevation of privilege"]) expect(section).toContain(`| ${category} |`);
    }
  });

  it("writes one scanning job per chosen scan", () => {
    const [workflow] = parseYamlDocuments(artifact(inputOf("example"), ".github/workflows/security-scan.yml")) as [{ jobs: Record<string, unknown> }];
    expect(Object.keys(workflow.jobs)).toEqual(["secret-detection", "sast", "dependencies", "iac", "container-image", "dast"]);
    const [partial] = parseYamlDocuments(artifact(inputOf("baseline-aws-segmented"), ".github/workflows/security-scan.yml")) as [{ jobs: Record<string, unknown> }];
    expect(Object.keys(partial.jobs)).toEqual(["secret-detection", "dependencies"]);
  });

  it("writes templated Vault policies for Vault, and the manager's own layout otherwise", async () => {
    const vault = securityEngineerGenerator.generate(inputOf("example")).artifacts.map((item) => item.path);
    expect(vault).toEqual(expect.arrayContaining(["vault/secret-paths.md", "vault/policies/app-runtime.hcl", "vault/policies/ci-deployer.hcl", "vault/policies/security-admin.hcl"]));
    const parsed = (await parseHcl(artifact(inputOf("example"), "vault/policies/app-runtime.hcl"))) as { path: Record<string, { capabilities: string[] }[]> };
    expect(parsed.path["kv/data/apps/{{identity.entity.metadata.app}}/{{identity.entity.metadata.environment}}/*"][0].capabilities).toEqual(["read"]);
    const aws = securityEngineerGenerator.generate(inputOf("baseline-aws-segmented")).artifacts.map((item) => item.path);
    expect(aws).toEqual(expect.arrayContaining(["secrets/secret-paths.md", "secrets/iam-policy-app-runtime.json"]));
    expect(aws.some((item) => item.startsWith("vault/"))).toBe(false);
  });

  it("writes Falco rules whose macros and lists are defined in the file", () => {
    const entries = parseYamlDocuments(artifact(inputOf("example"), "falco/rules.yaml"))[0] as FalcoEntry[];
    const rules = entries.filter((entry) => entry.rule);
    expect(rules.length).toBeGreaterThanOrEqual(7);
    const defined = new Set(entries.flatMap((entry) => [entry.list, entry.macro]).filter(Boolean));
    for (const rule of rules) {
      expect(rule.output, rule.rule).toMatch(/\S/);
      expect(["EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFORMATIONAL", "DEBUG"]).toContain(rule.priority);
      for (const name of rule.condition!.match(/\bstarter_\w+/g) ?? []) expect(defined.has(name), `${rule.rule} uses ${name}`).toBe(true);
    }
  });

  it.skipIf(!terraformAvailable)("keeps user text out of HCL (Vault policies use only generated paths), and terraform fmt accepts the policies", () => {
    const input = securityEngineerSchema.parse({ ...securityEngineerExample, scope: 'a"];click A call alert(1) ${var.x}' });
    const policies = securityEngineerGenerator.generate(input).artifacts.filter((entry) => entry.path.endsWith(".hcl"));
    expect(policies.map((entry) => entry.path)).toEqual(expect.arrayContaining(["vault/policies/app-runtime.hcl", "vault/policies/ci-deployer.hcl"]));
    for (const item of policies) expect(item.content, item.path).not.toContain("alert(1)");
    // terraform itself reads them: fmt parses each file as HCL and reports any layout it would change.
    expect(terraformFmtDiff(policies)).toBe("");
    expect(artifact(input, "security/controls.md").content).toContain("a\"\\];click A call alert(1) ${var.x}");
  });
});
