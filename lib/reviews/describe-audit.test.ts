import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/activity/describe";

const say = (action: string, details: Record<string, unknown>) => describeAuditEvent({ action, details, actor: { name: "Morgan Maintainer", email: "m@example.test" } });

describe("review audit sentences", () => {
  it("describes approvals, decisions and settings", () => {
    expect(say("request.approval_recorded", { title: "Core network", revision: 2, decision: "APPROVE" })).toBe("Morgan Maintainer approved revision 2 of “Core network”");
    expect(say("request.approval_recorded", { title: "Core network", revision: 1, decision: "REQUEST_CHANGES" })).toBe("Morgan Maintainer requested changes to revision 1 of “Core network”");
    expect(say("decision.created", { reference: "ADR-007", title: "Use PrivateLink" })).toBe("Morgan Maintainer recorded the decision ADR-007 “Use PrivateLink”");
    expect(say("decision.status_changed", { reference: "ADR-003", title: "Peer", to: "SUPERSEDED" })).toBe("Morgan Maintainer marked the decision ADR-003 “Peer” superseded");
    expect(say("reviews.reviewer_changed", { email: "sam@example.test", to: ["network", "security"] })).toBe("Morgan Maintainer made sam@example.test a reviewer of network, security");
    expect(say("reviews.requirements_changed", { role: "network-engineer", to: [] })).toBe("Morgan Maintainer reset the approvals network-engineer requests need to the default");
  });
});
