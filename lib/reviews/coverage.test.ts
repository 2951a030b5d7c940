import { describe, expect, it } from "vitest";
import { approvalGaps, describeGap } from "@/lib/reviews/coverage";

const owner = { userId: "owner", role: "OWNER" as const, kinds: ["maintainer"] };
const member = { userId: "member", role: "MEMBER" as const, kinds: [] };
const security = { userId: "sec", role: "MEMBER" as const, kinds: ["security"] };
const viewer = { userId: "viewer", role: "VIEWER" as const, kinds: ["security"] };

describe("approvalGaps", () => {
  it("leaves the author out: an owner alone cannot approve their own request", () => {
    expect(approvalGaps([{ reviewerKind: "maintainer", count: 1 }], [owner, member], "owner")).toEqual([{ reviewerKind: "maintainer", label: "Maintainer or owner", needed: 1, available: 0 }]);
    expect(approvalGaps([{ reviewerKind: "maintainer", count: 1 }], [owner, member], "member")).toEqual([]);
  });

  it("counts distinct people per kind and ignores viewers", () => {
    const rules = [
      { reviewerKind: "maintainer", count: 1 },
      { reviewerKind: "security", count: 2 },
    ];
    expect(approvalGaps(rules, [owner, security, viewer], "member")).toEqual([{ reviewerKind: "security", label: "Security reviewer", needed: 2, available: 1 }]);
    expect(approvalGaps(rules, [owner, security, { ...security, userId: "sec2" }], "member")).toEqual([]);
  });

  it("says it in words", () => {
    expect(describeGap({ reviewerKind: "maintainer", label: "Maintainer or owner", needed: 1, available: 0 }, true)).toBe("needs an approval from a maintainer or owner, and nobody besides you is one");
    expect(describeGap({ reviewerKind: "security", label: "Security reviewer", needed: 2, available: 1 }, false)).toBe("needs 2 approvals from a security reviewer, and only 1 besides the author is one");
  });
});
