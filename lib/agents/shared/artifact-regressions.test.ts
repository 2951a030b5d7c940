// Regression tests for the examples of issue 15 that are not about YAML or Kubernetes names (those live in
// yaml-artifact.test.ts and kubernetes-names.test.ts): each artifact goes through the real tool or parser.
import { describe, expect, it } from "vitest";
import { deploymentEngineerGenerator } from "@/lib/agents/deployment-engineer/generate";
import { deploymentEngineerExample, deploymentEngineerSchema } from "@/lib/agents/deployment-engineer/schema";
import { devopsEngineerGenerator } from "@/lib/agents/devops-engineer/generate";
import { devopsEngineerExample, devopsEngineerSchema } from "@/lib/agents/devops-engineer/schema";
import { incidentResponderGenerator } from "@/lib/agents/incident-responder/generate";
import { incidentResponderExample, incidentResponderSchema } from "@/lib/agents/incident-responder/schema";
import { networkEngineerGenerator } from "@/lib/agents/network-engineer/generate";
import { networkEngineerExample, networkEngineerSchema } from "@/lib/agents/network-engineer/schema";
import { gitlabCiSchemaProblems, markdownTableProblems, parseYamlDocuments, promtoolCheckConfig, promtoolCheckRules, terraformReferenceProblems } from "@/lib/agents/shared/artifact-validity";
import { terraformEngineerGenerator } from "@/lib/agents/terraform-engineer/generate";
import { terraformEngineerExample, terraformEngineerSchema } from "@/lib/agents/terraform-engineer/schema";
import { escapedCell, trustedTable } from "@/lib/agents/shared/yaml-artifact";
import { sreEngineerGenerator } from "@/lib/agents/sre-engineer/generate";
import { sreEngineerExample, sreEngineerSchema } from "@/lib/agents/sre-engineer/schema";

describe("issue 15 regressions", () => {
  it("Prometheus: a {{ typed into an alert label passes promtool", () => {
    const input = sreEngineerSchema.parse({ ...sreEngineerExample, pageTarget: "PAY {{", ticketTarget: "ops {{ .x" });
    const rules = sreEngineerGenerator.generate(input).artifacts.find((artifact) => artifact.path.startsWith("prometheus/"))!;
    expect(promtoolCheckRules(rules.content)).toMatch(/SUCCESS/);
  });

  it("Markdown: a | in a cell is escaped once, so every row keeps its columns", async () => {
    expect(await markdownTableProblems(trustedTable(["a", "b", "c"], [[escapedCell("x|y"), "1", escapedCell("z\\|w")]]))).toEqual([]);
    const input = incidentResponderSchema.parse({ ...incidentResponderExample, affectedSystems: ["pay|ments", "ledger"] });
    for (const artifact of incidentResponderGenerator.generate(input).artifacts.filter((item) => item.mediaType === "text/markdown")) {
      expect(await markdownTableProblems(artifact.content), artifact.path).toEqual([]);
    }
  });

  it("GitLab CI: no job is named after a global keyword, and every need names a job", () => {
    const input = deploymentEngineerSchema.parse({ ...deploymentEngineerExample, ciPlatform: "gitlab-ci", securityScans: ["sast", "container", "dast"] });
    const pipeline = deploymentEngineerGenerator.generate(input).artifacts.find((artifact) => artifact.path === ".gitlab-ci.yml")!;
    const document = parseYamlDocuments(pipeline)[0] as Record<string, { needs?: string[] }>;
    const keywords = ["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script"];
    const jobs = Object.keys(document).filter((key) => !keywords.includes(key));
    expect(Object.keys(document)).not.toContain("image");
    for (const job of jobs) for (const need of document[job].needs ?? []) expect(jobs, `${job} needs ${need}`).toContain(need);
  });

  it("Mermaid: two tiers whose names differ only in punctuation stay two nodes", () => {
    const base = networkEngineerSchema.parse(networkEngineerExample);
    const tier = base.tiers[0];
    const input = networkEngineerSchema.parse({ ...networkEngineerExample, tiers: [...networkEngineerExample.tiers, { ...tier, name: "public--b" }, { ...tier, name: "public-b" }] });
    const diagram = networkEngineerGenerator.generate(input).artifacts.find((artifact) => artifact.mediaType === "text/vnd.mermaid")!;
    const ids = [...diagram.content.matchAll(/^\s+(\w+)\[/gm)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.includes("public")).length).toBeGreaterThanOrEqual(2 * input.availabilityZones);
  });

  it("Mermaid: two staging environments with DAST get a DAST node each (found by the Chromium rendering)", () => {
    const environments = [
      { name: "qa", kind: "staging", autoDeploy: true },
      { name: "staging", kind: "staging", autoDeploy: true },
      { name: "production", kind: "production", autoDeploy: false },
    ];
    const input = deploymentEngineerSchema.parse({ ...deploymentEngineerExample, environments, securityScans: ["sast", "dast"] });
    const diagram = deploymentEngineerGenerator.generate(input).artifacts.find((artifact) => artifact.mediaType === "text/vnd.mermaid")!;
    const dastNodes = new Set([...diagram.content.matchAll(/\b(dast\w*)\[/g)].map((match) => match[1]));
    expect(dastNodes.size).toBe(2);
  });
});

describe("issue 15: GitLab's own CI schema", () => {
  it("accepts the generated .gitlab-ci.yml", async () => {
    for (const securityScans of [["secrets"], ["sast", "dependencies", "secrets", "container", "iac", "dast"]]) {
      const input = deploymentEngineerSchema.parse({ ...deploymentEngineerExample, ciPlatform: "gitlab-ci", securityScans });
      const pipeline = deploymentEngineerGenerator.generate(input).artifacts.find((artifact) => artifact.path === ".gitlab-ci.yml")!;
      expect(await gitlabCiSchemaProblems(pipeline.content)).toEqual([]);
    }
  }, 60_000);
});

describe("issue 15: zones that exist", () => {
  const zonesOf = (overrides: Record<string, unknown>) => {
    const input = networkEngineerSchema.parse({ ...networkEngineerExample, ...overrides });
    const plan = networkEngineerGenerator.generate(input).artifacts.map((artifact) => artifact.content).join("\n");
    return [...new Set([...plan.matchAll(/"zone": "([^"]+)"/g)].map((match) => match[1]))].sort();
  };

  it("writes the region's real zone names", () => {
    expect(zonesOf({ provider: "gcp", region: "europe-west1", availabilityZones: 3 })).toEqual(["europe-west1-b", "europe-west1-c", "europe-west1-d"]);
    expect(zonesOf({ provider: "azure", region: "westeurope", availabilityZones: 3 })).toEqual(["1", "2", "3"]);
    expect(zonesOf({ provider: "aws", region: "eu-west-1", availabilityZones: 3 })).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
  });

  it("refuses more zones than the region has, and regions whose zone names are not known", () => {
    const paths = (overrides: Record<string, unknown>) => networkEngineerSchema.safeParse({ ...networkEngineerExample, ...overrides }).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ provider: "aws", region: "eu-west-1", availabilityZones: 4 })).toContain("availabilityZones");
    expect(paths({ provider: "aws", region: "us-west-1", availabilityZones: 2 })).toContain("region");
  });
});

describe("issue 15: Prometheus config for ECS", () => {
  it("names the region of its EC2 discovery, so promtool check config passes off an EC2 host", () => {
    const input = devopsEngineerSchema.parse({ ...devopsEngineerExample, containerPlatform: "ecs", awsRegion: "eu-west-1" });
    const files = devopsEngineerGenerator.generate(input).artifacts;
    const config = files.find((artifact) => artifact.path === "monitoring/prometheus.yaml")!.content;
    expect(config).toContain("region: eu-west-1");
    expect(promtoolCheckConfig(config, { "alerts.yaml": files.find((artifact) => artifact.path === "monitoring/alerts.yaml")!.content })).toMatch(/SUCCESS/);
  });

  it("refuses ECS without a region (422 on awsRegion)", () => {
    const result = devopsEngineerSchema.safeParse({ ...devopsEngineerExample, containerPlatform: "ecs" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("awsRegion");
  });
});

describe("issue 15: Terraform module combinations", () => {
  it.each([["network", "iam"], ["database"], ["iam"], ["compute-cluster", "network"]])("wires or sets every required variable for %s", async (...modules) => {
    for (const provider of ["aws", "azure", "gcp"] as const) {
      const region = { aws: "eu-west-1", azure: "westeurope", gcp: "europe-west1" }[provider];
      const raw = { ...terraformEngineerExample, provider, modules, environments: terraformEngineerExample.environments.map((environment) => ({ ...environment, region })) };
      const parsed = terraformEngineerSchema.safeParse(raw);
      if (!parsed.success) continue;
      const artifacts = terraformEngineerGenerator.generate(parsed.data).artifacts;
      expect(await terraformReferenceProblems(artifacts), `${provider} ${modules.join("+")}`).toEqual([]);
    }
  }, 120_000);
});
