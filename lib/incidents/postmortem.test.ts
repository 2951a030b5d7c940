import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatePostmortemDraft, renderActionItems, withActionItemsSection, type PostmortemActionItem, type PostmortemSource } from "@/lib/incidents/postmortem";
import { impactDuration } from "@/lib/incidents/times";

const t = (text: string) => new Date(`2026-11-${text}:00Z`);

/** A resolved SEV2 with a handover, an alert, a deploy, actions, a communication and a pinned note. */
const fixture: PostmortemSource = {
  reference: "INC-42",
  title: "Checkout errors after payment-gateway v3.2.0 | EU only",
  summary: "Card payments failed for about 9 % of EU checkouts.\nThe gateway's new *connection pool* limit was too low.\n\nRolled back at 10:02.",
  severity: "SEV2",
  type: "OPERATIONAL",
  status: "RESOLVED",
  customerImpact: true,
  declaredAt: t("20T09:41"),
  declaredVia: "alertmanager",
  reopenCount: 0,
  teamName: "Payments",
  impactStartedAt: t("20T09:31"),
  detectedAt: t("20T09:38"),
  acknowledgedAt: t("20T09:44"),
  mitigatedAt: t("20T10:02"),
  resolvedAt: t("20T10:40"),
  services: [
    { slug: "checkout-api", name: "Checkout API" },
    { slug: "payment-gateway", name: "Payment gateway" },
  ],
  roles: [
    { role: "COMMANDER", name: "Mira Member", current: false },
    { role: "COMMANDER", name: "Alex Admin", current: true },
    { role: "SCRIBE", name: "Morgan Maintainer", current: true },
  ],
  events: [
    { type: "DEPLOY", body: "payment-gateway v3.2.0 rolled out to EU", occurredAt: t("20T09:30"), pinned: false, authorName: "Morgan Maintainer" },
    { type: "ALERT", body: "Firing: CheckoutErrorRate: 5xx above 5 %", occurredAt: t("20T09:38"), pinned: false, authorName: null },
    { type: "DECLARED", body: "Declared SEV2: Checkout errors after payment-gateway v3.2.0 | EU only", occurredAt: t("20T09:41"), pinned: false, authorName: null },
    { type: "ROLE_CHANGE", body: "Mira Member is now incident commander", occurredAt: t("20T09:44"), pinned: false, authorName: "Mira Member" },
    { type: "STATUS_CHANGE", body: "Triage → Investigating", occurredAt: t("20T09:44"), pinned: false, authorName: "Mira Member" },
    { type: "NOTE", body: "Only EU card payments fail; PayPal fine", occurredAt: t("20T09:50"), pinned: true, authorName: "Mira Member" },
    { type: "NOTE", body: "Looking at gateway logs", occurredAt: t("20T09:52"), pinned: false, authorName: "Mira Member" },
    { type: "COMMUNICATION", body: "Status page: investigating failed card payments in the EU", occurredAt: t("20T09:55"), pinned: false, authorName: "Alex Admin" },
    { type: "ACTION", body: "Rolled back payment-gateway to v3.1.4", occurredAt: t("20T10:00"), pinned: false, authorName: "Morgan Maintainer" },
    { type: "STATUS_CHANGE", body: "Investigating → Monitoring", occurredAt: t("20T10:02"), pinned: false, authorName: "Alex Admin" },
    { type: "STATUS_CHANGE", body: "Monitoring → Resolved", occurredAt: t("20T10:40"), pinned: false, authorName: "Alex Admin" },
  ],
};

const items: PostmortemActionItem[] = [
  { title: "Load-test connection pool limits before rollout", ownerName: "Morgan Maintainer", dueDate: t("27T00:00"), status: "OPEN" },
  { title: "Alert on card-payment failure ratio per region", ownerName: null, dueDate: null, status: "IN_PROGRESS" },
];

const goldenPath = path.join(import.meta.dirname, "postmortem.golden.md");

describe("the postmortem draft", () => {
  const draft = generatePostmortemDraft(fixture, items, null);

  it("matches the golden file", () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, draft);
    expect(draft).toBe(readFileSync(goldenPath, "utf8"));
  });

  it("has every section, in order", () => {
    const headings = draft.split("\n").filter((line) => line.startsWith("#"));
    expect(headings).toEqual([
      "# Postmortem: INC-42 Checkout errors after payment-gateway v3.2.0 \\| EU only",
      "## Summary",
      "## Impact",
      "## Timeline",
      "## Contributing factors",
      "## Mitigators",
      "## What went well",
      "## What went poorly",
      "## Action items",
    ]);
  });

  it("gives the impact: duration, customers, and the SLO budget as not measured when none is given", () => {
    expect(draft).toContain("- **Duration:** 31 min (impact started → mitigated).");
    expect(draft).toContain("- **Customers:** customers were affected.");
    expect(draft).toContain("- **SLO error budget burned:** not measured for this draft.");
  });

  it("shows the budget per SLO once they are linked", () => {
    const linked = generatePostmortemDraft(fixture, items, [{ serviceName: "Checkout API", sloName: "Availability 99.9 %", budgetConsumedPercent: 12.345 }]);
    expect(linked).toContain("  - Checkout API, Availability 99.9 %: 12.3 % of the error budget\n");
    const withMinutes = generatePostmortemDraft(fixture, items, [{ serviceName: "Checkout API", sloName: "Availability", budgetConsumedPercent: 50, badMinutes: 21.6 }]);
    expect(withMinutes).toContain("  - Checkout API, Availability: 50.0 % of the error budget (21.6 bad minutes)");
    expect(generatePostmortemDraft(fixture, items, [])).toContain("the affected services have no SLOs");
  });

  it("puts pinned and key events on the timeline and leaves the rest out", () => {
    expect(draft).toContain("| 2026-11-20 09:50 UTC | Note, pinned | Only EU card payments fail; PayPal fine (Mira Member) |");
    expect(draft).toContain("| 2026-11-20 10:00 UTC | Action taken | Rolled back payment-gateway to v3.1.4 (Morgan Maintainer) |");
    expect(draft).not.toContain("Looking at gateway logs");
    expect(draft).not.toContain("is now incident commander |");
  });

  it("escapes what people typed", () => {
    expect(draft).toContain("The gateway's new \\*connection pool\\* limit was too low.");
    expect(draft).toContain("v3.2.0 \\| EU only |");
    expect(draft).not.toMatch(/v3\.2\.0 \| EU/);
  });

  it("draws facts for the discussion from the record", () => {
    expect(draft).toContain("- Monitoring caught it: an alert fired before or as the incident was declared.");
    expect(draft).toContain("- Acknowledged 6 min after detection.");
    expect(draft).toContain("- Mira Member took command, with 1 handover.");
    expect(draft).toContain("- 2026-11-20 09:30 UTC: payment-gateway v3.2.0 rolled out to EU");
  });

  it("says what is missing instead of inventing it", () => {
    const bare = generatePostmortemDraft({ ...fixture, summary: "", impactStartedAt: null, detectedAt: null, mitigatedAt: null, resolvedAt: null, events: [], roles: [], customerImpact: false, declaredVia: "portal" }, [], null);
    expect(bare).toContain("_What happened, to whom, and how it was resolved, in two or three sentences._");
    expect(bare).toContain("- **Duration:** not known: record when impact started and when it was mitigated.");
    expect(bare).toContain("| Impact started | Not recorded |");
    expect(bare).toContain("- Nobody was recorded as incident commander.");
    expect(bare).toContain("- No alert fired before the incident was declared");
    expect(bare).toContain("_No action items yet.");
  });
});

describe("the action items section", () => {
  it("renders the tracked items as a table", () => {
    expect(renderActionItems(items)).toBe(
      [
        "| Action | Owner | Due | Status |",
        "| --- | --- | --- | --- |",
        "| Load-test connection pool limits before rollout | Morgan Maintainer | 2026-11-27 | Open |",
        "| Alert on card-payment failure ratio per region | Unassigned | No date | In progress |",
      ].join("\n"),
    );
  });

  it("replaces the section's content with the current items, keeping what follows", () => {
    const markdown = "# P\n\n## Action items\n\nold list\n\n## Appendix\n\nlogs";
    expect(withActionItemsSection(markdown, [{ ...items[0], status: "DONE" }])).toBe(
      "# P\n\n## Action items\n\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n| Load-test connection pool limits before rollout | Morgan Maintainer | 2026-11-27 | Done |\n\n## Appendix\n\nlogs",
    );
  });

  it("appends the section when the author removed its heading, and is stable when applied twice", () => {
    const once = withActionItemsSection("# P\n\nText\n", items);
    expect(once).toMatch(/Text\n\n## Action items\n\n\| Action/);
    expect(withActionItemsSection(once, items)).toBe(once);
  });
});

describe("impact duration", () => {
  it("falls back from impact start to detection and from mitigation to resolution", () => {
    expect(impactDuration({ ...fixture, impactStartedAt: null, mitigatedAt: null })).toEqual({ minutes: 62, basis: "detected → resolved" });
  });

  it("runs up to now while the impact goes on, and is unknown when it ended unrecorded", () => {
    const open = { ...fixture, mitigatedAt: null, resolvedAt: null };
    expect(impactDuration(open, new Date("2026-11-20T10:11:00Z"))).toEqual({ minutes: 40, basis: "impact started → now" });
    expect(impactDuration(open).minutes).toBeNull();
  });
});
