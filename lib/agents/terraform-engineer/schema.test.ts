import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { terraformEngineer } from "./definition";
import { terraformEngineerExample as example, terraformEngineerSchema as schema } from "./schema";

const field = (path: string) => terraformEngineer.fields.find((candidate) => candidate.path === path)!;
const base = { ...example, stateBucket: undefined, stateLockTable: undefined, stateRegion: undefined };

describe("terraform-engineer requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(terraformEngineer, {
      environments: [
        { name: "staging", region: "us-east-2" },
        { name: "production", region: "us-east-1" },
      ],
      stateBackend: "terraform-cloud",
      tfcOrganization: "acme",
      tfcWorkspacePrefix: "platform-",
      namingPrefix: "plat",
      providerVersion: "~> 5.80",
    });
  });

  it("requires the details of the chosen backend only", () => {
    expectIssue(schema, { ...example, stateLockTable: undefined }, ["stateLockTable"], "Enter the DynamoDB table that locks the state");
    expectIssue(schema, { ...base, stateBackend: "gcs" }, ["stateBucket"], "Enter the GCS bucket that holds the state");
    expectIssue(schema, { ...base, stateBackend: "azurerm" }, ["azureStorageAccount"], "Enter the storage account that holds the state");
    expectIssue(schema, { ...base, stateBackend: "terraform-cloud" }, ["tfcOrganization"], "Enter the HCP Terraform organization");
    expectValid(schema, { ...base, stateBackend: "azurerm", azureResourceGroup: "rg-tfstate", azureStorageAccount: "acmetfstate", azureContainer: "tfstate" });
    expectIssue(schema, { ...example, stateRegion: "europe-west1" }, ["stateRegion"], "europe-west1 is not an Amazon Web Services region");
    expectIssue(schema, { ...example, stateBucket: "Acme_State" }, ["stateBucket"], /Bucket names are 3–63 lowercase/);
    expectIssue(schema, { ...base, stateBackend: "azurerm", azureResourceGroup: "rg", azureStorageAccount: "Acme-State", azureContainer: "tfstate" }, ["azureStorageAccount"], /3–24 lowercase letters and digits/);
  });

  it("shows backend details only for their backend and defaults the backend from the cloud", () => {
    expect(field("stateLockTable").showWhen!({ stateBackend: "s3" })).toBe(true);
    expect(field("stateLockTable").showWhen!({ stateBackend: "gcs" })).toBe(false);
    expect(field("stateBucket").showWhen!({ stateBackend: "gcs" })).toBe(true);
    expect(field("tfcOrganization").showWhen!({ stateBackend: "azurerm" })).toBe(false);
    expect(field("stateBackend").computedDefault!({ provider: "gcp" })).toBe("gcs");
    expect(field("stateBackend").computedDefault!({ provider: "azure" })).toBe("azurerm");
  });

  it("checks environment regions against the cloud", () => {
    expectIssue(schema, { ...example, environments: [{ name: "production", region: "westeurope" }] }, ["environments", 0, "region"], "westeurope is not an Amazon Web Services region");
    expectIssue(schema, { ...example, environments: [example.environments[0], example.environments[0]] }, ["environments", 1, "name"], '"staging" is listed twice');
    const regions = field("environments").itemFields!.find((item) => item.path === "region")!.optionsFrom!({}, { provider: "gcp" }).map((option) => option.value);
    expect(regions).toContain("europe-west4");
    expect(regions).not.toContain("eu-west-1");
  });

  it("validates version constraints", () => {
    for (const good of ["~> 1.9", ">= 1.6, < 2.0", "1.9.8", "= 1.9.0"]) expectValid(schema, { ...example, terraformVersion: good });
    expectIssue(schema, { ...example, terraformVersion: "latest" }, ["terraformVersion"], /Write the Terraform version constraint as Terraform constraints/);
    expectIssue(schema, { ...example, providerVersion: "~> five" }, ["providerVersion"], /as Terraform constraints/);
  });

  it("checks tags: unique keys, and Google Cloud's label rules", () => {
    expectIssue(schema, { ...example, mandatoryTags: [{ key: "owner" }, { key: "Owner" }] }, ["mandatoryTags", 1, "key"], 'The tag "Owner" is listed twice');
    const gcp = { ...base, provider: "gcp", stateBackend: "gcs", stateBucket: "acme-tfstate", environments: [{ name: "production", region: "europe-west1" }], providerVersion: "~> 6.14" };
    expectValid(schema, gcp);
    expectIssue(schema, { ...gcp, mandatoryTags: [{ key: "CostCenter", value: "x" }] }, ["mandatoryTags", 0, "key"], /Google Cloud labels use lowercase/);
    expectIssue(schema, { ...gcp, mandatoryTags: [{ key: "team", value: "Payments" }] }, ["mandatoryTags", 0, "value"], /label values use lowercase/);
    expectIssue(schema, { ...example, mandatoryTags: [] }, ["mandatoryTags"], "Add at least one mandatory tag, e.g. owner");
  });

  it("needs a cost threshold with Infracost, and a network for a cluster", () => {
    expectIssue(schema, { ...example, costApprovalThresholdUsd: undefined }, ["costApprovalThresholdUsd"], /Enter the monthly cost increase/);
    expectValid(schema, { ...example, costEstimation: false, costApprovalThresholdUsd: undefined });
    expectIssue(schema, { ...example, modules: ["compute-cluster"] }, ["modules"], /A compute cluster needs a network/);
    expectIssue(schema, { ...example, modules: [] }, ["modules"], "Choose at least one module");
  });
});
