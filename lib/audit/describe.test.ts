import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/activity/describe";

const actor = { name: "Alex Admin", email: "admin@demo.local" };

describe("describeAuditEvent", () => {
  it("reads each known action as a sentence", () => {
    expect(describeAuditEvent({ action: "member.added", details: { email: "mira@x.test", role: "MEMBER" }, actor })).toBe("Alex Admin added mira@x.test as member");
    expect(describeAuditEvent({ action: "member.role_changed", details: { email: "m@x.test", from: "MEMBER", to: "VIEWER" }, actor })).toBe(
      "Alex Admin changed m@x.test from member to viewer",
    );
    expect(describeAuditEvent({ action: "token.revoked", details: { name: "ci", prefix: "ppt_abcd1234" }, actor })).toBe("Alex Admin revoked the API token “ci” (ppt_abcd1234…)");
  });

  it("reads service and SLO changes", () => {
    expect(describeAuditEvent({ action: "service.created", details: { slug: "checkout-api", name: "Checkout API" }, actor })).toBe("Alex Admin added the service Checkout API");
    expect(describeAuditEvent({ action: "slo.created", details: { name: "Availability", service: "checkout-api" }, actor })).toBe("Alex Admin created the SLO “Availability” on checkout-api");
    expect(describeAuditEvent({ action: "slo.created", details: { name: "Latency", service: "checkout-api", adoptedFrom: { kind: "request", id: "r1" } }, actor })).toBe(
      "Alex Admin created the SLO “Latency” on checkout-api from an SRE request",
    );
    expect(describeAuditEvent({ action: "slo.deleted", details: { name: "Latency", service: "checkout-api" }, actor: null })).toBe("The system deleted the SLO “Latency” on checkout-api");
  });

  it("names the CLI and the system when there is no user", () => {
    expect(describeAuditEvent({ action: "token.created", details: { via: "admin-cli", name: "ci", prefix: "ppt_x" }, actor: null })).toMatch(/^An admin \(CLI\) created/);
    expect(describeAuditEvent({ action: "something.else_happened", details: {}, actor: null })).toBe("The system: something else happened");
  });
});
