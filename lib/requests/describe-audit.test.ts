import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/activity/describe";

const actor = { name: "Morgan Maintainer", email: "maintainer@demo.local" };

describe("request audit events as sentences", () => {
  it("names the move, the revision and the request", () => {
    const say = (action: string, details: Record<string, unknown>) => describeAuditEvent({ action, details, actor });
    expect(say("request.transitioned", { title: "Core network", from: "IN_REVIEW", to: "APPROVED" })).toBe("Morgan Maintainer approved “Core network”");
    expect(say("request.transitioned", { title: "Core network", from: "CHANGES_REQUESTED", to: "SUBMITTED" })).toBe("Morgan Maintainer resubmitted “Core network”");
    expect(say("request.transitioned", { title: "Core network", from: "IN_REVIEW", to: "CHANGES_REQUESTED" })).toBe("Morgan Maintainer asked for changes to “Core network”");
    expect(say("request.revised", { title: "Core network", revision: 3 })).toBe("Morgan Maintainer saved revision 3 of “Core network”");
    expect(say("request.created", { title: "" })).toBe("Morgan Maintainer started a new request");
    expect(say("request.draft_saved", { saves: 4 })).toBe("Morgan Maintainer worked on a request's answers (4 autosaves)");
    expect(say("request.commented", { title: "Core network" })).toBe("Morgan Maintainer commented on “Core network”");
    expect(say("request.comment_resolved", { title: "Core network", commentId: "c1" })).toBe("Morgan Maintainer resolved a comment on “Core network”");
    expect(say("request.comment_reopened", { title: "Core network", commentId: "c1" })).toBe("Morgan Maintainer reopened a comment on “Core network”");
    expect(say("request.slos_adopted", { title: "Refund SLOs", service: "refunds-api", slos: ["availability", "latency"] })).toBe("Morgan Maintainer created 2 SLOs on refunds-api from “Refund SLOs”");
    expect(say("request.slos_adopted", { title: "Refund SLOs", service: "refunds-api", slos: ["availability"] })).toBe("Morgan Maintainer created an SLO on refunds-api from “Refund SLOs”");
  });
});
