import { describe, expect, it } from "vitest";
import type { RequestStatus, TeamRole } from "@/lib/generated/prisma/browser";
import { availableTransitions, checkTransition, requestStatuses, type TransitionContext } from "@/lib/requests/lifecycle";

const roles: TeamRole[] = ["VIEWER", "MEMBER", "MAINTAINER", "OWNER"];

/**
 * The lifecycle written out by hand, independently of the rules table: each allowed move and the least
 * role that may make it.
 */
const allowed: Record<string, TeamRole> = {
  "DRAFT>SUBMITTED": "MEMBER",
  "SUBMITTED>IN_REVIEW": "MAINTAINER",
  "CHANGES_REQUESTED>SUBMITTED": "MEMBER",
  "APPROVED>CLOSED": "MAINTAINER",
  "DRAFT>WITHDRAWN": "MEMBER",
  "SUBMITTED>WITHDRAWN": "MEMBER",
  "IN_REVIEW>WITHDRAWN": "MEMBER",
  "CHANGES_REQUESTED>WITHDRAWN": "MEMBER",
  "APPROVED>WITHDRAWN": "MEMBER",
};

const rank: Record<TeamRole, number> = { VIEWER: 0, MEMBER: 1, MAINTAINER: 2, OWNER: 3 };

const context = (status: RequestStatus, role: TeamRole, extra: Partial<TransitionContext> = {}): TransitionContext => ({
  status,
  role,
  isAuthor: false,
  revisedSinceChangesRequested: true,
  ...extra,
});

describe("the request lifecycle", () => {
  const cases = requestStatuses.flatMap((from) => requestStatuses.flatMap((to) => roles.map((role) => [from, to, role] as const)));

  it.each(cases)("%s → %s as %s", (from, to, role) => {
    const minimum = allowed[`${from}>${to}`];
    const result = checkTransition(context(from, role), to);
    if (!minimum) {
      expect(result).toMatchObject({ ok: false, reason: "not_allowed" });
    } else if (rank[role] < rank[minimum]) {
      expect(result).toMatchObject({ ok: false, reason: "forbidden" });
    } else {
      expect(result).toMatchObject({ ok: true, rule: { from, to } });
    }
  });

  it("leaves approving and requesting changes to reviewers' answers (lib/reviews), with a message saying so", () => {
    for (const from of ["SUBMITTED", "IN_REVIEW"] as const) {
      expect(checkTransition(context(from, "OWNER"), "APPROVED")).toMatchObject({ ok: false, reason: "not_allowed", message: expect.stringContaining("approvals") });
      expect(checkTransition(context(from, "OWNER"), "CHANGES_REQUESTED")).toMatchObject({ ok: false, reason: "not_allowed", message: expect.stringContaining("REQUEST_CHANGES") });
    }
    // The author may still start the review of their own request; the approvals refuse them (ADR 012).
    expect(checkTransition(context("SUBMITTED", "MAINTAINER", { isAuthor: true }), "IN_REVIEW").ok).toBe(true);
  });

  it("asks for an edit before a request with changes requested is resubmitted", () => {
    const result = checkTransition(context("CHANGES_REQUESTED", "MEMBER", { revisedSinceChangesRequested: false }), "SUBMITTED");
    expect(result).toMatchObject({ ok: false, reason: "not_allowed", message: expect.stringContaining("new revision") });
    expect(checkTransition(context("CHANGES_REQUESTED", "MEMBER", { revisedSinceChangesRequested: false }), "WITHDRAWN").ok).toBe(true);
  });

  it("finishes at closed and withdrawn: nothing leaves them", () => {
    for (const status of ["CLOSED", "WITHDRAWN"] as const) {
      expect(availableTransitions(context(status, "OWNER"))).toEqual([]);
      const result = checkTransition(context(status, "OWNER"), "SUBMITTED");
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining("finished") });
    }
  });

  it("offers each person exactly the moves they may make", () => {
    const keys = (ctx: TransitionContext) => availableTransitions(ctx).map((rule) => rule.key);
    expect(keys(context("SUBMITTED", "VIEWER"))).toEqual([]);
    expect(keys(context("SUBMITTED", "MEMBER"))).toEqual(["withdraw"]);
    expect(keys(context("SUBMITTED", "MAINTAINER"))).toEqual(["start_review", "withdraw"]);
    expect(keys(context("IN_REVIEW", "MAINTAINER"))).toEqual(["withdraw"]);
    expect(keys(context("IN_REVIEW", "OWNER", { isAuthor: true }))).toEqual(["withdraw"]);
    expect(keys(context("APPROVED", "MAINTAINER"))).toEqual(["close", "withdraw"]);
  });

  it("explains a refusal in words a person understands", () => {
    expect(checkTransition(context("DRAFT", "OWNER"), "APPROVED")).toMatchObject({
      message: "A draft request cannot move to approved (from here it can go to: submitted, withdrawn)",
    });
    expect(checkTransition(context("SUBMITTED", "MEMBER"), "IN_REVIEW")).toMatchObject({
      message: expect.stringContaining("Only maintainers and owners may start review"),
    });
  });
});
