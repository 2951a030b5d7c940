import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatSpent, generateMinutes, minutesFileName, type MinutesInput } from "./minutes";

const fixture: MinutesInput = {
  title: "Architecture review #12",
  team: "Platform",
  scheduledAt: new Date("2026-11-30T14:00:00Z"),
  startedAt: new Date("2026-11-30T14:02:00Z"),
  endedAt: new Date("2026-11-30T14:41:30Z"),
  durationMinutes: 45,
  attendees: [
    { name: "Morgan Maintainer", email: "maintainer@demo.local" },
    { name: null, email: "guest@demo.local" },
    { name: "Alex Admin", email: "admin@demo.local" },
  ],
  items: [
    {
      position: 1,
      title: "EKS cluster for *checkout*",
      role: "Kubernetes specialist",
      revision: 2,
      timeboxMinutes: 15,
      spentSeconds: 1090,
      notes: "Node pools sized for peak.\n\n- keep spot for batch",
      decisions: [{ reference: "ADR-4", title: "Use managed node groups", status: "ACCEPTED" }],
      approvals: [{ reviewer: { name: "Alex Admin", email: "admin@demo.local" }, decision: "APPROVE", revision: 2, comment: "Looks good" }],
      actions: [{ text: "Write the autoscaling runbook", owner: { name: "Morgan Maintainer", email: "maintainer@demo.local" }, dueDate: "2026-12-07" }],
    },
    {
      position: 2,
      title: "VPC peering | payments",
      role: "Network engineer",
      revision: 1,
      timeboxMinutes: 10,
      spentSeconds: 420,
      notes: "",
      decisions: [],
      approvals: [{ reviewer: { name: "Morgan Maintainer", email: "maintainer@demo.local" }, decision: "REQUEST_CHANGES", revision: 1, comment: "CIDR overlaps\nwith staging" }],
      actions: [],
    },
    { position: 3, title: "Terraform state backend", role: "Terraform engineer", revision: 1, timeboxMinutes: 10, spentSeconds: 0, notes: "", decisions: [], approvals: [], actions: [] },
  ],
  generalActions: [{ text: "Book the next review", owner: null, dueDate: null }],
};

describe("generateMinutes", () => {
  it("writes the minutes of the fixture meeting (golden file)", () => {
    const goldenPath = join(import.meta.dirname, "minutes.golden.md");
    const markdown = generateMinutes(fixture);
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, markdown);
    expect(markdown).toBe(readFileSync(goldenPath, "utf8"));
  });

  it("lists attendees by name, decisions, approvals and actions under their item", () => {
    const markdown = generateMinutes(fixture);
    expect(markdown).toMatch(/## Attendees\n\n- Alex Admin\n- guest@demo.local\n- Morgan Maintainer\n/);
    const first = markdown.slice(markdown.indexOf("## 1."), markdown.indexOf("## 2."));
    expect(first).toContain("- ADR-4: Use managed node groups (accepted)");
    expect(first).toContain("- Approved by Alex Admin (revision 2): Looks good");
    expect(first).toContain("- [ ] Write the autoscaling runbook (owner: Morgan Maintainer, due 2026-12-07)");
    expect(first).toContain("Time: 18 min 10 s of 15 min.");
    expect(markdown).toContain("| 1 | EKS cluster for \\*checkout\\* | 15 min | 18 min 10 s | 3:10 over |");
    expect(markdown).toContain("| 3 | Terraform state backend | 10 min | 0 s | not discussed |");
  });

  it("escapes typed text so that it cannot become markup, and keeps comments on one line", () => {
    const markdown = generateMinutes(fixture);
    expect(markdown).toContain("VPC peering \\| payments");
    expect(markdown).toContain("Changes requested by Morgan Maintainer (revision 1): CIDR overlaps with staging");
  });

  it("says when a meeting ended without being started or had nothing on it", () => {
    const markdown = generateMinutes({ ...fixture, startedAt: null, items: [], attendees: [], generalActions: [] });
    expect(markdown).toContain("ended 2026-11-30 14:41 UTC without being started");
    expect(markdown).toContain("No attendees were listed.");
    expect(markdown).toContain("Nothing was on the agenda");
    expect(markdown).not.toContain("Other action items");
  });
});

describe("formatSpent / minutesFileName", () => {
  it("formats time spent", () => {
    expect(formatSpent(45)).toBe("45 s");
    expect(formatSpent(600)).toBe("10 min");
    expect(formatSpent(601.4)).toBe("10 min 1 s");
  });

  it("names the download after the team and the day", () => {
    expect(minutesFileName("platform", new Date("2026-11-30T14:00:00Z"))).toBe("minutes-platform-2026-11-30.md");
  });
});
