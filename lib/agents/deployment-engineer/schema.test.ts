import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { deploymentEngineer } from "./definition";
import { deploymentEngineerExample as example, deploymentEngineerSchema as schema } from "./schema";

const field = (path: string) => deploymentEngineer.fields.find((candidate) => candidate.path === path)!;

const rolling = { ...example, strategy: "rolling", canarySteps: undefined, maxSurgePercent: 25, maxUnavailablePercent: 0 };
const blueGreen = { ...example, strategy: "blue-green", canarySteps: undefined, blueGreenVerifyMinutes: 15, blueGreenAutoPromote: true, blueGreenKeepOldMinutes: 60 };

describe("deployment-engineer requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(deploymentEngineer, {
      repository: "acme/orders",
      language: "go",
      buildTool: "go-modules",
      artifactRegistry: "ecr",
      maxSurgePercent: 25,
      maxUnavailablePercent: 0,
    });
    expectValid(schema, rolling);
    expectValid(schema, blueGreen);
  });

  it("shows canary steps only for canary, blue-green settings only for blue-green, rolling settings only for rolling", () => {
    expect(field("canarySteps").showWhen!({ strategy: "canary" })).toBe(true);
    expect(field("canarySteps").showWhen!({ strategy: "blue-green" })).toBe(false);
    expect(field("blueGreenVerifyMinutes").showWhen!({ strategy: "blue-green" })).toBe(true);
    expect(field("blueGreenVerifyMinutes").showWhen!({ strategy: "canary" })).toBe(false);
    expect(field("maxSurgePercent").showWhen!({ strategy: "rolling" })).toBe(true);
    // The strategy is chosen on an earlier step than its settings: a condition across steps.
    expect(field("strategy").step).not.toBe(field("canarySteps").step);
  });

  it("requires canary steps for canary, with rising weights and pauses that cover the analysis window", () => {
    expectIssue(schema, { ...example, canarySteps: undefined }, ["canarySteps"], "Add at least one canary step");
    expectIssue(
      schema,
      { ...example, canarySteps: [{ weight: 20, pauseMinutes: 10 }, { weight: 10, pauseMinutes: 10 }] },
      ["canarySteps", 1, "weight"],
      "Each step must send more traffic than the one before (20%)",
    );
    expectIssue(schema, { ...example, canarySteps: [{ weight: 100, pauseMinutes: 5 }] }, ["canarySteps", 0, "weight"], "The traffic weight must be at most 99");
    expectIssue(schema, { ...example, canarySteps: [{ weight: 10, pauseMinutes: 5 }] }, ["canarySteps"], /add up to 5 minutes, shorter than the 10-minute analysis window/);
  });

  it("requires the blue-green and rolling settings of the chosen strategy", () => {
    expectIssue(schema, { ...blueGreen, blueGreenVerifyMinutes: undefined }, ["blueGreenVerifyMinutes"], "Enter how long to verify the new version before switching");
    expectIssue(schema, { ...blueGreen, blueGreenKeepOldMinutes: undefined }, ["blueGreenKeepOldMinutes"], "Enter how long to keep the old version for instant rollback");
    expectIssue(schema, { ...rolling, maxSurgePercent: undefined }, ["maxSurgePercent"], "Enter the maximum surge");
    expectIssue(schema, { ...rolling, maxSurgePercent: 0, maxUnavailablePercent: 0 }, ["maxUnavailablePercent"], /cannot both be 0%/);
  });

  it("matches the build tool to the language, and offers only matching tools", () => {
    expectIssue(schema, { ...example, language: "java", buildTool: "pnpm" }, ["buildTool"], "pnpm does not build Java / Kotlin");
    expect(field("buildTool").optionsFrom!({ language: "java" }).map((option) => option.value)).toEqual(["maven", "gradle"]);
  });

  it("keeps production last and single in the promotion order", () => {
    const environments = [
      { name: "production", kind: "production", autoDeploy: false },
      { name: "staging", kind: "staging", autoDeploy: true },
    ];
    expectIssue(schema, { ...example, environments }, ["environments", 0, "kind"], "Production must come last in the promotion order");
    expectIssue(
      schema,
      { ...example, environments: [...example.environments, { name: "production-eu", kind: "production", autoDeploy: false }] },
      ["environments", 3, "kind"],
      "Only one environment can be production",
    );
    expectIssue(schema, { ...example, environments: [...example.environments, { name: "dev", kind: "development", autoDeploy: true }] }, ["environments", 3, "name"], '"dev" is listed twice');
  });

  it("needs an approver when production deploys automatically", () => {
    const environments = example.environments.map((environment) => ({ ...environment, autoDeploy: true }));
    expectIssue(schema, { ...example, environments, productionApprovers: 0 }, ["productionApprovers"], /require at least one approver/);
    expectValid(schema, { ...example, environments, productionApprovers: 2 });
  });

  it("checks thresholds, scans and targets are in range", () => {
    expectIssue(schema, { ...example, rollbackErrorRatePercent: 80 }, ["rollbackErrorRatePercent"], "The error-rate threshold must be at most 50%");
    expectIssue(schema, { ...example, securityScans: [] }, ["securityScans"], "Choose at least one security scan");
    expectIssue(schema, { ...example, targetChangeFailureRatePercent: 120 }, ["targetChangeFailureRatePercent"], "The change failure rate must be at most 100%");
    expectIssue(schema, { ...example, repository: "checkout api" }, ["repository"], "Write the repository as owner/name, e.g. acme/checkout-api");
  });

  it("starts from the seed's DORA targets", () => {
    expect(deploymentEngineer.initialValues).toMatchObject({ targetDeploysPerDay: 10, targetChangeFailureRatePercent: 5, targetMttrMinutes: 30 });
    expect(deploymentEngineer.targets.map((target) => target.value)).toEqual(["> 10 per day", "< 5%", "< 30 minutes"]);
  });
});
