import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/activity/describe";

const alex = { name: "Alex Admin", email: "admin@demo.local" };

describe("sentences for incident audit events", () => {
  it.each([
    ["incident.declared", { reference: "INC-6", title: "Checkout down", severity: "SEV2", via: "portal" }, "Alex Admin declared INC-6 “Checkout down” (SEV2)"],
    ["incident.declared", { reference: "INC-7", title: "Disk full", severity: "SEV4", via: "alertmanager" }, "Alertmanager declared INC-7 “Disk full” (SEV4)"],
    ["incident.status_changed", { reference: "INC-6", from: "INVESTIGATING", to: "MONITORING" }, "Alex Admin moved INC-6 from investigating to monitoring"],
    ["incident.role_assigned", { reference: "INC-6", role: "COMMANDER", to: "member@demo.local" }, "Alex Admin made member@demo.local incident commander of INC-6"],
    ["incident.role_assigned", { reference: "INC-6", role: "SCRIBE", to: null }, "Alex Admin unassigned the scribe of INC-6"],
    ["incident.event_time_edited", { from: "2026-11-28T10:05:00.000Z", to: "2026-11-28T09:58:00.000Z" }, "Alex Admin moved a timeline event from 10:05 to 09:58 UTC"],
    ["action_item.updated", { title: "Add alert", from: "OPEN", to: "WONT_DO" }, "Alex Admin marked “Add alert” won't do"],
  ])("%s", (action, details, sentence) => {
    expect(describeAuditEvent({ action, details, actor: alex })).toBe(sentence);
  });

  it("leaves other domains' events to the general description", () => {
    expect(describeAuditEvent({ action: "token.created", details: { name: "ci", prefix: "ppt_abc" }, actor: alex })).toBe("Alex Admin created the API token “ci” (ppt_abc…)");
  });
});
