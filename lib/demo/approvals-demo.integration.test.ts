// The demo's first ten minutes: the demo owner (the account the README signs in with) submits a request in
// each demo team, for a role with the default requirement and for one with a designated-reviewer
// requirement, and another demo user approves it. No role in a demo team is left without a reviewer.
import { describe, expect, it } from "vitest";
import { userActor } from "@/lib/auth/actor";
import { getRole, roles } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { demoTeams, seedDemo } from "@/lib/demo/seed";
import { createRequest, getRequest } from "@/lib/requests/requests.server";
import { recordApproval } from "@/lib/reviews/approvals.server";
import { getApprovalCoverage } from "@/lib/reviews/coverage.server";
import { listMeetingsOverview } from "@/lib/reviews/meetings-overview.server";

describe("the demo organisation", () => {
  it("lets a fresh demo owner's request be approved by another demo user, in every team and for every role", async () => {
    await seedDemo();
    const db = getDb();
    const user = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
    const adminId = await user("admin@demo.local");
    const admin = userActor(adminId);
    const maintainer = userActor(await user("maintainer@demo.local"));

    for (const team of demoTeams) {
      for (const role of roles) {
        const coverage = await getApprovalCoverage(admin, { slug: team.slug }, role.key, adminId);
        expect(coverage.gaps, `${team.slug} / ${role.key}`).toEqual([]);
      }
      for (const roleKey of ["cloud-architect", "security-engineer"]) {
        const request = await createRequest(admin, { team: team.slug, role: roleKey, title: `First ${roleKey} request`, input: structuredClone(getRole(roleKey).example) as Record<string, unknown>, submit: true });
        expect(request.status).toBe("SUBMITTED");
        const state = await recordApproval(maintainer, request.id, { revision: 1, decision: "APPROVE" });
        expect(state.satisfied, `${team.slug} / ${roleKey}`).toBe(true);
        expect((await getRequest(admin, request.id)).status).toBe("APPROVED");
      }
    }
    expect((await seedDemo()).created).toBe(0);
  }, 240_000);

  it("lists the meetings of one's own teams, upcoming and past, with the decisions taken in them", async () => {
    await seedDemo();
    const db = getDb();
    const admin = userActor((await db.user.findUniqueOrThrow({ where: { email: "admin@demo.local" } })).id);
    const member = userActor((await db.user.findUniqueOrThrow({ where: { email: "member@demo.local" } })).id);

    const all = await listMeetingsOverview(admin);
    expect(all.upcoming.map((meeting) => meeting.id)).toEqual(expect.arrayContaining(["demo-meeting-platform-upcoming", "demo-meeting-payments-upcoming"]));
    const ended = all.past.find((meeting) => meeting.id === "demo-meeting-payments-ended")!;
    expect(ended.decisions.map((decision) => decision.id)).toContain("demo-decision-payments-cidr");
    expect(all.past.every((meeting) => meeting.status === "ENDED")).toBe(true);

    // Mira is only in Payments: the Platform meeting is not hers to see.
    const hers = await listMeetingsOverview(member);
    expect(hers.upcoming.map((meeting) => meeting.team.slug)).not.toContain("platform");
    expect(hers.past.map((meeting) => meeting.id)).toContain("demo-meeting-payments-ended");
  }, 240_000);
});
