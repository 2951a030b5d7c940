import { parse as parseHcl } from "@cdktf/hcl2json";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { describeGeneratorContract, expectWellFormedArtifacts, hostileLabel } from "@/lib/agents/shared/generator-testing";
import { readFixture } from "@/lib/agents/shared/golden";
import { terraformEngineerGenerator } from "./generate";
import { terraformEngineerExample, terraformEngineerSchema } from "./schema";

describeGeneratorContract({
  roleDirectory: import.meta.dirname,
  generator: terraformEngineerGenerator,
  schema: terraformEngineerSchema,
  example: terraformEngineerExample,
  hostileInput: { ...terraformEngineerExample, notes: hostileLabel, mandatoryTags: [{ key: "owner", value: 'a"];x ${y}' }, { key: 'team"]', value: "payments" }] },
});

const generate = (input: unknown) => terraformEngineerGenerator.generate(terraformEngineerSchema.parse(input));
const file = (result: ReturnType<typeof generate>, path: string) => result.artifacts.find((artifact) => artifact.path === path)?.content;
const paths = (result: ReturnType<typeof generate>) => result.artifacts.map((artifact) => artifact.path);

describe("terraform-engineer generator", () => {
  it.each([
    ["aws", "eu-central-1", { stateBackend: "s3", stateBucket: "acme-state", stateLockTable: "locks", stateRegion: "eu-central-1" }],
    ["azure", "westeurope", { stateBackend: "azurerm", azureResourceGroup: "rg-state", azureStorageAccount: "acmestate", azureContainer: "tfstate" }],
    ["gcp", "europe-west1", { stateBackend: "gcs", stateBucket: "acme-state" }],
  ])("writes every module for %s as valid, fmt-clean HCL", async (provider, region, backend) => {
    const result = generate({
      ...terraformEngineerExample,
      ...backend,
      provider,
      modules: ["network", "compute-cluster", "database", "object-storage", "dns", "iam"],
      environments: [{ name: "prod", region }],
      mandatoryTags: [{ key: "owner", value: "platform" }],
    });
    expect(result.artifacts.filter((artifact) => artifact.path.startsWith("modules/"))).toHaveLength(30);
    await expectWellFormedArtifacts(result);
  }, 30_000);

  it("writes the five files of every module and the root files of every environment", () => {
    const result = generate(terraformEngineerExample);
    for (const moduleKey of ["network", "compute-cluster", "database", "iam"]) {
      for (const name of ["versions.tf", "providers.tf", "variables.tf", "main.tf", "outputs.tf"]) expect(paths(result)).toContain(`modules/${moduleKey}/${name}`);
      expect(file(result, `modules/${moduleKey}/variables.tf`)).toMatch(/validation \{/);
      // Child modules never configure a provider.
      expect(file(result, `modules/${moduleKey}/providers.tf`)).not.toMatch(/^provider /m);
    }
    for (const environment of ["staging", "production"]) {
      for (const name of ["versions.tf", "backend.tf", "providers.tf", "variables.tf", "main.tf", "outputs.tf", "terraform.tfvars"]) expect(paths(result)).toContain(`environments/${environment}/${name}`);
    }
  });

  it("configures the chosen backend with locking, one state per environment", async () => {
    const s3 = await parseHcl("backend.tf", file(generate(terraformEngineerExample), "environments/production/backend.tf")!);
    expect(s3.terraform[0].backend.s3[0]).toEqual({ bucket: "acme-payments-tfstate", key: "pay/production/terraform.tfstate", region: "eu-west-1", dynamodb_table: "terraform-locks", encrypt: true });
    const azure = generate(readFixture(import.meta.dirname, "azure-data-platform"));
    expect(file(azure, "environments/prod/backend.tf")).toContain('key                  = "data/prod/terraform.tfstate"');
    const cloud = await parseHcl("backend.tf", file(generate(readFixture(import.meta.dirname, "gcp-cluster-hcp-terraform")), "environments/staging/backend.tf")!);
    expect(cloud.terraform[0].cloud[0]).toEqual({ organization: "acme", workspaces: [{ name: "search-staging" }] });
  });

  it("wires the modules together in the root module and tags everything", async () => {
    const main = await parseHcl("main.tf", file(generate(terraformEngineerExample), "environments/production/main.tf")!);
    expect(main.module.compute_cluster[0].subnet_ids).toBe("${module.network.private_subnet_ids}");
    expect(main.module.iam[0].oidc_provider_arn).toBe("${module.compute_cluster.oidc_provider_arn}");
    expect(main.locals[0].tags).toEqual({ owner: "payments", "cost-center": "cc-1042", environment: "${var.environment}", "managed-by": "terraform" });
  });

  it("plans on pull requests and applies in order, production behind its environment", () => {
    const workflow = parse(file(generate(terraformEngineerExample), ".github/workflows/terraform.yml")!);
    expect(workflow.jobs.plan.strategy.matrix.environment).toEqual(["staging", "production"]);
    expect(workflow.jobs["apply-production"].needs).toEqual(["apply-staging"]);
    expect(workflow.jobs["apply-production"].environment).toEqual({ name: "production" });
    const steps = workflow.jobs.validate.steps.map((step: { name?: string }) => step.name);
    expect(steps).toContain("Checkov");
    expect(steps).toContain("Trivy (tfsec checks)");
    expect(workflow.jobs.plan.steps.map((step: { name?: string }) => step.name)).toContain("Require approval above $500 a month");
  });

  it("writes scanner configuration only for the scanners chosen, and drift detection on schedule", () => {
    const azure = generate(readFixture(import.meta.dirname, "azure-data-platform"));
    expect(paths(azure)).toContain("trivy.yaml");
    expect(paths(azure)).not.toContain(".checkov.yaml");
    expect(parse(file(azure, ".github/workflows/terraform-drift.yml")!).on.schedule).toEqual([{ cron: "0 6 * * 1" }]);
    const gcp = generate(readFixture(import.meta.dirname, "gcp-cluster-hcp-terraform"));
    expect(paths(gcp)).not.toContain(".github/workflows/terraform-drift.yml");
    expect(paths(gcp)).toContain(".tflint.hcl");
  });

  it("keeps hostile tag keys inside HCL strings, in expressions too", async () => {
    const result = generate({ ...terraformEngineerExample, mandatoryTags: [{ key: 'x"] ${file("/etc/passwd")}' }] });
    const main = file(result, "environments/staging/main.tf")!;
    expect(main).toContain('var.tag_values["x\\"] $${file(\\"/etc/passwd\\")}"]');
    await parseHcl("variables.tf", file(result, "environments/staging/variables.tf")!);
  });

  it("keeps hostile tag text inside HCL strings", async () => {
    const result = generate({ ...terraformEngineerExample, mandatoryTags: [{ key: "owner", value: 'a"];x ${y}' }] });
    const main = await parseHcl("main.tf", file(result, "environments/staging/main.tf")!);
    expect(main.locals[0].tags.owner).toBe('a"];x $${y}');
  });
});
