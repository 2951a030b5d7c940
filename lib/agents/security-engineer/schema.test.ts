import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { securityEngineer } from "./definition";
import { securityEngineerExample as example, securityEngineerSchema as schema } from "./schema";

const field = (path: string) => securityEngineer.fields.find((candidate) => candidate.path === path)!;

describe("security-engineer requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(securityEngineer, {
      scope: "The internal admin tools.",
      secretRotationDays: 90,
      identityProvider: "entra-id",
      logRetentionDays: 365,
    });
  });

  it("matches the data classification to the frameworks", () => {
    expectIssue(schema, { ...example, dataClassification: "confidential", mfa: "push" }, ["dataClassification"], /classify it as restricted/);
    expectIssue(schema, { ...example, frameworks: ["hipaa"], dataClassification: "internal", logRetentionDays: 2190, scanning: ["sast", "containers"] }, ["dataClassification"], /HIPAA covers health data/);
  });

  it("requires MFA and SSO under any framework, phishing-resistant MFA for restricted data", () => {
    expectIssue(schema, { ...example, mfa: "none" }, ["mfa"], "PCI DSS and SOC 2 require multi-factor authentication");
    expectIssue(schema, { ...example, mfa: "totp" }, ["mfa"], "Access to restricted data needs phishing-resistant MFA (FIDO2 / WebAuthn)");
    expectIssue(schema, { ...example, ssoEnforced: false }, ["ssoEnforced"], /Enforce SSO/);
    expect(field("mfa").computedDefault!({ dataClassification: "restricted" })).toBe("phishing-resistant");
  });

  it("checks secrets, scanning and network against the data and frameworks", () => {
    expectIssue(schema, { ...example, secretsManager: "ci-variables" }, ["secretsManager"], /choose a secrets manager/);
    expectIssue(schema, { ...example, secretRotationDays: 400 }, ["secretRotationDays"], "PCI DSS requires keys and credentials to be rotated at least yearly");
    expectIssue(schema, { ...example, scanning: ["sast", "containers"] }, ["scanning"], "PCI DSS requires testing public web applications: add DAST");
    expectIssue(schema, { ...example, scanning: ["sast", "dast"] }, ["scanning"], "Falco watches containers: scan their images too");
    expectIssue(schema, { ...example, networkModel: "flat", mutualTls: undefined }, ["networkModel"], /cannot sit on a flat network/);
    expect(field("mutualTls").showWhen!({ networkModel: "segmented" })).toBe(false);
  });

  it("keeps logs as long as the strictest framework requires", () => {
    expectIssue(schema, { ...example, logRetentionDays: 90 }, ["logRetentionDays"], "PCI DSS requires keeping logs at least 365 days");
    expect(field("logRetentionDays").computedDefault!({ frameworks: ["hipaa", "pci-dss"] })).toBe(2190);
    expect(field("logRetentionDays").computedDefault!({ frameworks: [] })).toBe(365);
    expectValid(schema, { ...example, frameworks: ["soc2"], logRetentionDays: 365 });
  });
});
