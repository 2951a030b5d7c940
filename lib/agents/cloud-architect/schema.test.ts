import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { cloudArchitect } from "./definition";
import { cloudArchitectExample as example, cloudArchitectSchema as schema } from "./schema";

const field = (path: string) => cloudArchitect.fields.find((candidate) => candidate.path === path)!;
const regionsField = field("regions");
const itemField = (path: string) => regionsField.itemFields!.find((candidate) => candidate.path === path)!;

describe("cloud-architect requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(cloudArchitect, {
      workloadName: "catalogue",
      description: "Product catalogue for the shop.",
      targetAvailability: 99.95,
      regions: [
        { provider: "aws", region: "us-east-1", role: "primary" },
        { provider: "aws", region: "us-west-2", role: "secondary" },
      ],
      rtoMinutes: 60,
      rpoMinutes: 15,
      peakRequestsPerSecond: 800,
      dataVolumeGb: 200,
      monthlyBudgetUsd: 9000,
      identityProvider: "entra-id",
    });
  });

  it("keeps the availability target in 99.0–99.999%", () => {
    expectIssue(schema, { ...example, targetAvailability: 98 }, ["targetAvailability"], "The target availability must be at least 99%");
    expectIssue(schema, { ...example, targetAvailability: 99.9999 }, ["targetAvailability"], "The target availability must be at most 99.999%");
    expectIssue(schema, { ...example, targetAvailability: 99.5 }, ["targetAvailability"], "A mission-critical workload needs at least 99.9% availability");
  });

  it("requires RPO ≤ RTO", () => {
    expectIssue(schema, { ...example, rtoMinutes: 15, rpoMinutes: 30 }, ["rpoMinutes"], /The RPO \(30 min\) must not exceed the RTO \(15 min\)/);
    expectValid(schema, { ...example, rtoMinutes: 15, rpoMinutes: 15 });
  });

  it("matches the topology to the regions and the target", () => {
    expectIssue(schema, { ...example, topology: "single-region" }, ["regions"], /exactly one region/);
    expectIssue(schema, { ...example, topology: "single-region", regions: [example.regions[0]] }, ["topology"], /A single region cannot reliably reach 99.99%/);
    expectIssue(schema, { ...example, regions: [example.regions[0]] }, ["regions"], "Active-passive needs a secondary region");
    expectIssue(schema, { ...example, regions: [example.regions[0], { ...example.regions[1], role: "primary" }] }, ["regions", 1, "role"], "Only one region can be primary");
    expectIssue(schema, { ...example, regions: example.regions.map((region) => ({ ...region, role: "secondary" })) }, ["regions"], "Mark one region as primary");
    expectIssue(schema, { ...example, topology: "active-active", rpoMinutes: 30, rtoMinutes: 60 }, ["rpoMinutes"], /Active-active replicates continuously/);
  });

  it("checks each region belongs to its cloud, to the chosen clouds, and to the residency zone", () => {
    expectIssue(schema, { ...example, regions: [example.regions[0], { provider: "aws", region: "westeurope", role: "secondary" }] }, ["regions", 1, "region"], "westeurope is not an Amazon Web Services region");
    expectIssue(
      schema,
      { ...example, providers: ["aws", "azure"], regions: [example.regions[0], { provider: "azure", region: "eastus", role: "secondary" }] },
      ["regions", 1, "region"],
      "eastus is outside European Economic Area (GDPR), where the data must stay",
    );
    expectIssue(schema, { ...example, regions: [example.regions[0], { provider: "azure", region: "westeurope", role: "secondary" }] }, ["regions", 1, "provider"], "Microsoft Azure is not one of the chosen clouds");
    expectIssue(schema, { ...example, providers: ["aws", "gcp"] }, ["providers"], "No region uses Google Cloud: add one or remove it");
    expectIssue(schema, { ...example, regions: [example.regions[0], { ...example.regions[0], role: "secondary" }] }, ["regions", 1, "region"], "eu-west-1 is listed twice");
    expectValid(schema, { ...example, providers: ["aws", "azure"], regions: [example.regions[0], { provider: "azure", region: "westeurope", role: "secondary" }] });
  });

  it("offers each region item the regions of its own cloud, and only the chosen clouds", () => {
    const options = itemField("region").optionsFrom!({ provider: "azure" }, { providers: ["azure"] }).map((option) => option.value);
    expect(options).toContain("westeurope");
    expect(options).not.toContain("eu-west-1");
    expect(itemField("provider").optionsFrom!({}, { providers: ["gcp"] }).map((option) => option.value)).toEqual(["gcp"]);
  });

  it("defaults the availability target from the criticality tier", () => {
    expect(field("targetAvailability").computedDefault!({ criticality: "tier-0" })).toBe(99.99);
    expect(field("targetAvailability").computedDefault!({ criticality: "tier-3" })).toBe(99.5);
  });

  it("rejects duplicate tier names and out-of-range numbers", () => {
    expectIssue(schema, { ...example, tiers: [...example.tiers, { name: "edge", kind: "web" }] }, ["tiers", 5, "name"], 'The tier "edge" is listed twice');
    expectIssue(schema, { ...example, monthlyBudgetUsd: 10 }, ["monthlyBudgetUsd"], "The monthly budget must be at least 100");
    expectIssue(schema, { ...example, providers: [] }, ["providers"], "Choose at least one cloud");
  });
});
