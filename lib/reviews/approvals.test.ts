import { describe, expect, it } from "vitest";
import { computeApprovalState, heldReviewerKinds, resolveRequirements, reviewEligibility, type ApprovalRecord } from "@/lib/reviews/approvals";

const person = (id: string) => ({ id, name: id, email: `${id}@example.test` });
let sequence = 0;
const answer = (reviewer: string, revision: number, kinds: string[], decision: ApprovalRecord["decision"] = "APPROVE"): ApprovalRecord => ({
  id: `a${++sequence}`,
  revision,
  reviewer: person(reviewer),
  decision,
  comment: null,
  kinds,
  at: new Date(Date.UTC(2026, 10, 1, 0, sequence)).toISOString(),
});

describe("resolveRequirements", () => {
  it("falls back to one maintainer or owner when the team configured nothing", () => {
    expect(resolveRequirements([])).toEqual({ rules: [{ reviewerKind: "maintainer", count: 1 }], usesDefault: true });
    expect(resolveRequirements([{ reviewerKind: "security", count: 2 }])).toEqual({ rules: [{ reviewerKind: "security", count: 2 }], usesDefault: false });
  });
});

describe("heldReviewerKinds", () => {
  it("adds maintainer for maintainers and owners only, and never takes it from a designation", () => {
    expect(heldReviewerKinds("OWNER", ["security"])).toEqual(["maintainer", "security"]);
    expect(heldReviewerKinds("MAINTAINER", [])).toEqual(["maintainer"]);
    expect(heldReviewerKinds("MEMBER", ["network", "maintainer", "network"])).toEqual(["network"]);
    expect(heldReviewerKinds("VIEWER", [])).toEqual([]);
  });
});

describe("computeApprovalState", () => {
  const rules = [
    { reviewerKind: "security", count: 1 },
    { reviewerKind: "network", count: 2 },
  ];

  it("is satisfied only when every kind has its count of different approvers on the current revision", () => {
    const one = computeApprovalState({ currentRevision: 1, rules, approvals: [answer("sam", 1, ["security"]), answer("nia", 1, ["network"])] });
    expect(one.satisfied).toBe(false);
    expect(one.required.map((rule) => [rule.reviewerKind, rule.met, rule.count])).toEqual([
      ["security", 1, 1],
      ["network", 1, 2],
    ]);
    const two = computeApprovalState({ currentRevision: 1, rules, approvals: [answer("sam", 1, ["security"]), answer("nia", 1, ["network"]), answer("ned", 1, ["network", "security"])] });
    expect(two.satisfied).toBe(true);
    expect(two.required[0].met).toBe(1);
    expect(two.required[0].approvers.map((approver) => approver.id).sort()).toEqual(["ned", "sam"]);
  });

  it("lets one approval count for every kind its reviewer held", () => {
    const state = computeApprovalState({ currentRevision: 1, rules: [{ reviewerKind: "security", count: 1 }, { reviewerKind: "network", count: 1 }], approvals: [answer("both", 1, ["network", "security"])] });
    expect(state.satisfied).toBe(true);
  });

  it("ignores requests for changes and answers on older revisions, which it lists as reset by the next revision", () => {
    const state = computeApprovalState({
      currentRevision: 3,
      rules: [{ reviewerKind: "maintainer", count: 1 }],
      approvals: [answer("old", 1, ["maintainer"]), answer("older", 2, ["maintainer"]), answer("now", 3, ["maintainer"], "REQUEST_CHANGES")],
    });
    expect(state.satisfied).toBe(false);
    expect(state.approvals.map((view) => [view.reviewer.id, view.resetByRevision])).toEqual([["now", null]]);
    expect(state.previous.map((view) => [view.reviewer.id, view.revision, view.resetByRevision])).toEqual([
      ["older", 2, 3],
      ["old", 1, 2],
    ]);
  });

  it("is never satisfied for a draft (revision 0)", () => {
    expect(computeApprovalState({ currentRevision: 0, rules: [{ reviewerKind: "maintainer", count: 1 }], approvals: [] }).satisfied).toBe(false);
  });
});

describe("reviewEligibility", () => {
  const base = { status: "IN_REVIEW" as const, role: "MAINTAINER" as const, kinds: ["maintainer"], isAuthor: false, isPerson: true };
  it("lets maintainers and designated reviewers review others' requests under review", () => {
    expect(reviewEligibility(base).ok).toBe(true);
    expect(reviewEligibility({ ...base, role: "MEMBER", kinds: ["security"] }).ok).toBe(true);
    expect(reviewEligibility({ ...base, status: "SUBMITTED" }).ok).toBe(true);
  });
  it("refuses authors, people without a kind, viewers, tokens, and requests not under review", () => {
    expect(reviewEligibility({ ...base, isAuthor: true })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(reviewEligibility({ ...base, role: "MEMBER", kinds: [] })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(reviewEligibility({ ...base, role: "VIEWER", kinds: ["security"] })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(reviewEligibility({ ...base, isPerson: false })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(reviewEligibility({ ...base, status: "APPROVED" })).toMatchObject({ ok: false, reason: "not_reviewable" });
  });
});
