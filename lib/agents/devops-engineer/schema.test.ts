import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { devopsEngineer } from "./definition";
import { devopsEngineerExample as example, devopsEngineerSchema as schema } from "./schema";

const field = (path: string) => devopsEngineer.fields.find((candidate) => candidate.path === path)!;

describe("devops-engineer requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(devopsEngineer, {
      services: [{ name: "billing", language: "python", runtime: "container" }],
      deploysPerWeek: 2,
      containerPlatform: "ecs",
      awsRegion: "eu-west-1",
      secretsManagement: "vault",
    });
  });

  it("needs a container platform when services run in containers", () => {
    expectIssue(schema, { ...example, containerPlatform: "none" }, ["containerPlatform"], "2 services run in containers: choose the platform that runs them");
    expectValid(schema, { ...example, containerPlatform: "none", services: [{ name: "resizer", language: "go", runtime: "serverless" }] });
  });

  it("matches managed platforms, IaC tools and secret stores to the hosting", () => {
    expectIssue(schema, { ...example, containerPlatform: "gke" }, ["containerPlatform"], "Google Kubernetes Engine runs only on Google Cloud");
    expectIssue(schema, { ...example, iacTool: "bicep" }, ["iacTool"], "Azure Bicep manages only Microsoft Azure");
    expectIssue(schema, { ...example, hosting: "gcp", containerPlatform: "gke" }, ["secretsManagement"], /AWS Secrets Manager is part of Amazon Web Services/);
    const platforms = field("containerPlatform").optionsFrom!({ hosting: "azure" }).map((option) => option.value);
    expect(platforms).toContain("aks");
    expect(platforms).toContain("self-managed-kubernetes");
    expect(platforms).not.toContain("eks");
  });

  it("keeps service names unique and the plan realistic", () => {
    expectIssue(schema, { ...example, services: [example.services[0], example.services[0]] }, ["services", 1, "name"], '"storefront" is listed twice');
    expectIssue(schema, { ...example, services: [] }, ["services"], "Add at least one service");
    expectIssue(schema, { ...example, pipelineMaturity: "manual", targetDeploysPerDay: 20, timelineWeeks: 6 }, ["timelineWeeks"], /takes more than 12 weeks/);
    expectIssue(schema, { ...example, deliveryGoals: [] }, ["deliveryGoals"], "Choose at least one delivery goal");
  });
});
