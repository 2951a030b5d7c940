import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { incidentResponder } from "./definition";
import { incidentResponderExample as example, incidentResponderSchema as schema, strictestDeadlineHours } from "./schema";

const field = (path: string) => incidentResponder.fields.find((candidate) => candidate.path === path)!;
const operational = {
  ...example,
  incidentType: "operational",
  dataAffected: ["none"],
  containmentOptions: ["failover", "rollback"],
  evidencePreservation: ["timeline"],
  audiences: ["internal", "customers"],
  regulatoryRegimes: undefined,
  regulatoryDeadlineHours: undefined,
};

describe("incident-responder requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(incidentResponder, {
      summary: "Phishing led to a mailbox takeover.",
      detectionSource: "employee",
      detectedAt: "2026-11-30 09:12",
      affectedSystems: ["mail"],
      containmentOptions: ["disable-accounts", "revoke-credentials"],
      evidencePreservation: ["log-hold", "timeline"],
      updateCadenceMinutes: 60,
    });
    expectValid(schema, operational);
  });

  it("asks for the regulator deadline only when regulators are an audience, defaulting to the strictest regime", () => {
    expect(field("regulatoryDeadlineHours").showWhen!({ audiences: ["internal", "regulators"] })).toBe(true);
    expect(field("regulatoryDeadlineHours").showWhen!({ audiences: ["internal"] })).toBe(false);
    expect(field("regulatoryDeadlineHours").computedDefault!({ regulatoryRegimes: ["gdpr", "nis2"] })).toBe(24);
    expect(strictestDeadlineHours(["hipaa", "gdpr"])).toBe(72);
    expect(strictestDeadlineHours(["other"])).toBeUndefined();
    expectIssue(schema, { ...example, regulatoryDeadlineHours: undefined }, ["regulatoryDeadlineHours"], "Enter the notification deadline in hours");
    expectIssue(schema, { ...example, regulatoryRegimes: [] }, ["regulatoryRegimes"], "Choose the regulatory regimes that apply");
    expectIssue(schema, { ...example, regulatoryDeadlineHours: 96 }, ["regulatoryDeadlineHours"], "The strictest regime chosen requires notice within 72 hours");
  });

  it("offers and accepts only the containment options of the incident's type", () => {
    expect(field("containmentOptions").optionsFrom!({ incidentType: "operational" }).map((option) => option.value)).toEqual(["take-offline", "failover", "rollback", "feature-flag", "rate-limit"]);
    expectIssue(schema, { ...operational, containmentOptions: ["isolate-hosts"] }, ["containmentOptions"], "“Isolate affected hosts from the network” does not fit an operational incident");
  });

  it("guards the evidence of a security incident", () => {
    expectIssue(schema, { ...example, evidencePreservation: [] }, ["evidencePreservation"], /needs evidence preserved/);
    expectIssue(
      schema,
      { ...example, containmentOptions: ["rebuild-hosts"], evidencePreservation: ["timeline"] },
      ["evidencePreservation"],
      "Rebuilding hosts destroys evidence: snapshot the disks first",
    );
    expectIssue(schema, { ...example, evidencePreservation: ["disk-snapshots", "timeline"] }, ["evidencePreservation"], /Capture memory before isolating hosts/);
    expect(field("evidencePreservation").computedDefault!({ incidentType: "operational" })).toEqual(["timeline"]);
  });

  it("validates times, data categories and audiences", () => {
    expectIssue(schema, { ...example, detectedAt: "yesterday afternoon" }, ["detectedAt"], /Write the detection time as YYYY-MM-DD HH:MM/);
    expectIssue(schema, { ...example, dataAffected: ["none", "personal"] }, ["dataAffected"], "“No data involved” cannot be combined with other data");
    expectIssue(schema, { ...example, audiences: ["customers"], regulatoryRegimes: undefined, regulatoryDeadlineHours: undefined }, ["audiences"], /reported internally/);
    expectIssue(schema, { ...example, affectedSystems: [] }, ["affectedSystems"], "Add at least one affected system");
  });

  it("defaults the update cadence from the severity", () => {
    expect(field("updateCadenceMinutes").computedDefault!({ severity: "sev1" })).toBe(30);
    expect(field("updateCadenceMinutes").computedDefault!({ severity: "sev3" })).toBe(240);
  });
});
