// The demo reviews: reviewers and requirements in both teams, decisions with one superseded, every
// approved demo request has the approvals it needs, and seeding twice adds nothing.
import { describe, expect, it } from "vitest";
import { userActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { getApprovalState } from "@/lib/reviews/approvals.server";
import { listDecisions } from "@/lib/reviews/decisions.server";
import { getReviewSettings } from "@/lib/reviews/settings.server";

describe("the demo reviews", () => {
  it("configure reviewers and requirements, record decisions, and give approved requests their approvals", async () => {
    await seedDemo();
    const db = getDb();
    const admin = userActor((await db.user.findUniqueOrThrow({ where: { email: "admin@demo.local" } })).id);

    const platform = await getReviewSettings(admin, "platform");
    expect(platform.members.find((member) => member.person.email === "maintainer@demo.local")?.kinds).toEqual(["maintainer", "network", "security"]);
    for (const slug of ["platform", "payments"]) {
      const settings = await getReviewSettings(admin, slug);
      expect(settings.requirements.find((entry) => entry.role.key === "security-engineer")).toMatchObject({ usesDefault: false, rules: [{ reviewerKind: "security", count: 1 }] });
      expect(settings.requirements.find((entry) => entry.role.key === "network-engineer")).toMatchObject({ usesDefault: false, rules: [{ reviewerKind: "network", count: 1 }] });
    }

    const payments = await listDecisions(admin, "payments");
    expect(payments.counts).toMatchObject({ ACCEPTED: 2, PROPOSED: 1, SUPERSEDED: 1 });
    const superseded = payments.decisions.find((decision) => decision.status === "SUPERSEDED")!;
    expect(superseded.supersededBy?.title).toContain("PrivateLink");
    expect(payments.decisions.map((decision) => decision.number).sort()).toEqual([1, 2, 3, 4]);

    for (const request of await db.request.findMany({ where: { id: { startsWith: "demo-request-" }, status: { in: ["APPROVED", "CLOSED"] } } })) {
      const state = await getApprovalState(admin, request.id);
      expect(state.satisfied, request.id).toBe(true);
    }

    const before = await db.decision.count();
    expect((await seedDemo()).created).toBe(0);
    expect(await db.decision.count()).toBe(before);
  });
});
