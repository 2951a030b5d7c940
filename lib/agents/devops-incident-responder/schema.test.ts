import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { devopsIncidentResponder } from "./definition";
import { devopsIncidentResponderExample as example, devopsIncidentResponderSchema as schema } from "./schema";

const field = (path: string) => devopsIncidentResponder.fields.find((candidate) => candidate.path === path)!;
const latencyOff = { currentP99Ms: undefined, normalP99Ms: undefined };

describe("devops-incident-responder requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(devopsIncidentResponder, {
      service: "search",
      symptom: "outage",
      impact: "Search returns 503 for everyone.",
      startedAt: "2026-11-30 07:40",
    });
  });

  it("asks for the numbers of the chosen symptom only", () => {
    expect(field("currentP99Ms").showWhen!({ symptom: "latency" })).toBe(true);
    expect(field("currentP99Ms").showWhen!({ symptom: "errors" })).toBe(false);
    expect(field("errorRatePercent").showWhen!({ symptom: "errors" })).toBe(true);
    expectIssue(schema, { ...example, currentP99Ms: undefined }, ["currentP99Ms"], "Enter the current p99 latency");
    expectIssue(schema, { ...example, currentP99Ms: 500 }, ["currentP99Ms"], /is not above normal \(600 ms\)/);
    expectIssue(schema, { ...example, ...latencyOff, symptom: "errors" }, ["errorRatePercent"], "Enter the current error rate");
    expectIssue(schema, { ...example, ...latencyOff, symptom: "saturation" }, ["saturatedResource"], "Choose the saturated resource");
    expectValid(schema, { ...example, ...latencyOff, symptom: "errors", errorRatePercent: 8.5 });
  });

  it("refuses changes dated after the symptom started, comparing across time zones", () => {
    const late = { kind: "deploy", description: "hotfix", at: "2026-11-28 14:30 UTC" };
    expectIssue(schema, { ...example, recentChanges: [late] }, ["recentChanges", 0, "at"], /came after the symptom started/);
    // 15:00 in UTC+01:00 is 14:00 UTC, before the 14:05 UTC start.
    expectValid(schema, { ...example, recentChanges: [{ ...late, at: "2026-11-28 15:00 +01:00" }] });
    expectIssue(schema, { ...example, startedAt: "2026-11-28 25:00" }, ["startedAt"], /Write the start time as YYYY-MM-DD HH:MM/);
  });

  it("needs allowed actions for automatic remediation, backed by the listed changes", () => {
    expectIssue(schema, { ...example, allowedActions: [] }, ["allowedActions"], "Choose at least one action that may run automatically");
    expectIssue(schema, { ...example, recentChanges: [example.recentChanges[1]] }, ["allowedActions"], /no recent deployment to roll back/);
    expectIssue(schema, { ...example, allowedActions: ["toggle-flag"] }, ["allowedActions"], /no recent feature flag/);
    expectValid(schema, { ...example, autoRemediationAllowed: false, allowedActions: undefined });
    expect(field("allowedActions").showWhen!({ autoRemediationAllowed: false })).toBe(false);
  });

  it("checks dependencies and the dashboard address", () => {
    expectIssue(schema, { ...example, dependencies: [example.dependencies[0], example.dependencies[0]] }, ["dependencies", 1, "name"], '"orders-db" is listed twice');
    expectIssue(schema, { ...example, dashboardUrl: "javascript:alert(1)" }, ["dashboardUrl"], "Enter the dashboard's http(s) address");
  });
});
