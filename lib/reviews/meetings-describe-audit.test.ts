import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/activity/describe";

describe("meeting audit sentences", () => {
  it("reads as sentences, counting coalesced moves", () => {
    const actor = { name: "Alex", email: "alex@example.test" };
    expect(describeAuditEvent({ action: "meeting.scheduled", details: { title: "Weekly review" }, actor })).toBe("Alex scheduled the review meeting “Weekly review”");
    expect(describeAuditEvent({ action: "meeting.item_focused", details: { title: "Weekly review", moves: 4 }, actor })).toBe("Alex moved through the agenda of “Weekly review” (4 moves)");
    expect(describeAuditEvent({ action: "meeting.ended", details: { title: "Weekly review" }, actor })).toBe("Alex ended the review meeting “Weekly review” and wrote its minutes");
  });
});
