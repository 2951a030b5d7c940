import { describe, expect, it } from "vitest";
import { decisionToMadr, madrFileName, type MadrDecision } from "@/lib/reviews/madr";

const decision: MadrDecision = {
  number: 7,
  title: "Use a transit gateway\nfor shared services",
  status: "SUPERSEDED",
  context: "Two VPCs need to talk.\n",
  decision: "We use **one** transit gateway.",
  consequences: "- One more thing to run.",
  team: { slug: "payments", name: "Payments" },
  request: { id: "req_1", title: "Payments network", role: { title: "Network engineer" } },
  revision: 2,
  author: { name: 'Alex "the" Admin', email: "admin@example.test" },
  supersededBy: { number: 9, title: "Use PrivateLink" },
  supersedes: [{ number: 3, title: "Peer the VPCs" }],
  decidedAt: "2026-11-20T10:00:00.000Z",
  createdAt: "2026-11-18T10:00:00.000Z",
};

describe("decisionToMadr", () => {
  it("writes MADR front matter and sections, in a stable layout", () => {
    expect(decisionToMadr(decision)).toBe(
      [
        "---",
        'status: "superseded by ADR-009"',
        "date: 2026-11-20",
        'decision-makers: "Alex \\"the\\" Admin <admin@example.test>"',
        'team: "payments"',
        "---",
        "",
        "# ADR-007: Use a transit gateway for shared services",
        "",
        "## Context and Problem Statement",
        "",
        "Two VPCs need to talk.",
        "",
        "## Decision Outcome",
        "",
        "We use **one** transit gateway.",
        "",
        "### Consequences",
        "",
        "- One more thing to run.",
        "",
        "## More Information",
        "",
        "- Request: Payments network (Network engineer, revision 2), id `req_1`",
        "- Supersedes ADR-003: Peer the VPCs",
        "- Superseded by ADR-009: Use PrivateLink",
        "",
      ].join("\n"),
    );
  });

  it("uses the creation date and a plain status for an undecided decision without links", () => {
    const markdown = decisionToMadr({ ...decision, status: "PROPOSED", decidedAt: null, supersededBy: null, supersedes: [], request: null, author: null });
    expect(markdown).toContain('status: "proposed"\ndate: 2026-11-18\nteam: "payments"\n---');
    expect(markdown).not.toContain("More Information");
    expect(markdown).not.toContain("decision-makers");
  });
});

describe("madrFileName", () => {
  it("numbers with four digits and kebab-cases the title", () => {
    expect(madrFileName(decision)).toBe("0007-use-a-transit-gateway-for-shared-services.md");
    expect(madrFileName({ number: 12, title: "Café / Ünïcode!!" })).toBe("0012-cafe-unicode.md");
    expect(madrFileName({ number: 1, title: "???" })).toBe("0001-decision.md");
  });
});
