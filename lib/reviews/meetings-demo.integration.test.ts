// The demo meetings: an upcoming meeting per demo team with its requests waiting for review, an ended one
// whose minutes hold the decision and the approval recorded in it, and seeding twice adds nothing.
import { describe, expect, it } from "vitest";
import { userActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { getMeeting, listMeetings } from "@/lib/reviews/meetings.server";

describe("the demo meetings", () => {
  it("schedule a review per team and keep the minutes of an ended one", async () => {
    await seedDemo();
    const db = getDb();
    const admin = userActor((await db.user.findUniqueOrThrow({ where: { email: "admin@demo.local" } })).id);
    for (const slug of ["platform", "payments"]) {
      const upcoming = (await listMeetings(admin, slug)).find((meeting) => meeting.id === `demo-meeting-${slug}-upcoming`)!;
      expect(upcoming.status).toBe("SCHEDULED");
      const detail = await getMeeting(admin, upcoming.id);
      expect(detail.agenda.length).toBeGreaterThanOrEqual(2);
      expect(detail.agenda.length).toBeLessThanOrEqual(3);
      for (const item of detail.agenda) expect(["SUBMITTED", "IN_REVIEW"]).toContain(item.request.status);
    }
    const ended = await getMeeting(admin, "demo-meeting-payments-ended");
    expect(ended.status).toBe("ENDED");
    expect(ended.minutes).toContain("## 1. ");
    expect(ended.minutes).toMatch(/- ADR-\d+: One \/16 per environment for the payments VPCs \(accepted\)/);
    expect(ended.minutes).toMatch(/- Approved by Alex Admin \(revision 2\)/);
    expect(ended.minutes).toContain("Publish the payments address plan in the network runbook (owner: Alex Admin, due ");

    const before = await db.meeting.count();
    await seedDemo();
    expect(await db.meeting.count()).toBe(before);
  });
});
