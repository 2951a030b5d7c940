// Reviews against real PostgreSQL: required approvals per role, approvals per revision and the automatic
// move to APPROVED, who may review, decision numbering under concurrency, and team isolation.
import { describe, expect, it } from "vitest";
import { caught } from "@/lib/testing/caught";
import { getRole } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { createRequest, getRequest, transitionRequest, updateRequestInputs } from "@/lib/requests/requests.server";
import { getApprovalState, recordApproval } from "@/lib/reviews/approvals.server";
import { createDecision, exportDecisionMadr, getDecision, listDecisions, updateDecision } from "@/lib/reviews/decisions.server";
import { getReviewSettings, setRequiredApprovals, setReviewerKinds } from "@/lib/reviews/settings.server";
import { approvalSummary, getReviewBoard } from "@/lib/reviews/board.server";
import { makeTeam, makeUser } from "@/lib/testing/factories";

const network = getRole("network-engineer");
const example = structuredClone(network.example) as Record<string, unknown> & { environments: { name: string; baseCidr: string }[] };

async function team() {
  const made = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  return { ...made, maintainer: made.members.MAINTAINER!, member: made.members.MEMBER!, viewer: made.members.VIEWER! };
}

async function addMember(teamId: string, role: "MEMBER" | "MAINTAINER" = "MEMBER") {
  const user = await makeUser();
  await getDb().membership.create({ data: { teamId, userId: user.id, role } });
  return user;
}

const submitted = (t: Awaited<ReturnType<typeof team>>, title = "Core network") =>
  createRequest(t.member.actor, { team: t.slug, role: "network-engineer", title, input: example, submit: true });

describe("required approvals", () => {
  it("defaults to one maintainer or owner, and the author may not approve their own request", async () => {
    const t = await team();
    const own = await createRequest(t.maintainer.actor, { team: t.slug, role: "network-engineer", input: example, submit: true });
    const state = await getApprovalState(t.maintainer.actor, own.id);
    expect(state).toMatchObject({ usesDefault: true, satisfied: false, status: "SUBMITTED", required: [{ reviewerKind: "maintainer", count: 1, met: 0 }] });
    expect(state.permissions).toMatchObject({ canReview: false, reason: expect.stringContaining("someone else") });

    const refused = await caught(recordApproval(t.maintainer.actor, own.id, { revision: 1, decision: "APPROVE" }));
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((await getRequest(t.owner.actor, own.id)).status).toBe("SUBMITTED");

    // A member holds no reviewer kind: 403.
    await expect(recordApproval(t.member.actor, own.id, { revision: 1, decision: "APPROVE" })).rejects.toBeInstanceOf(ForbiddenError);

    const approved = await recordApproval(t.owner.actor, own.id, { revision: 1, decision: "APPROVE", comment: "Fine" });
    expect(approved).toMatchObject({ satisfied: true, status: "APPROVED", required: [{ met: 1, approvers: [{ id: t.owner.id }] }] });
    const request = await getRequest(t.owner.actor, own.id);
    expect(request.transitions.at(-1)).toMatchObject({ from: "SUBMITTED", to: "APPROVED", actor: { id: t.owner.id }, comment: "Fine", revision: 1 });
    const audit = await getDb().auditLog.findMany({ where: { targetId: own.id, action: { in: ["request.approval_recorded", "request.transitioned"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["request.approval_recorded", "request.transitioned"]));
  });

  it("keeps a request in review until every required kind has approved, then approves it in the same transaction", async () => {
    const t = await team();
    const security = await addMember(t.id);
    const networkReviewer = await addMember(t.id);
    await setReviewerKinds(t.owner.actor, t.slug, { userId: security.id, kinds: ["security"] });
    await setReviewerKinds(t.maintainer.actor, t.slug, { userId: networkReviewer.id, kinds: ["network"] });
    const settings = await setRequiredApprovals(t.owner.actor, t.slug, {
      role: "network-engineer",
      rules: [
        { reviewerKind: "security", count: 1 },
        { reviewerKind: "network", count: 1 },
      ],
    });
    expect(settings.requirements.find((entry) => entry.role.key === "network-engineer")).toMatchObject({ usesDefault: false, rules: [{ reviewerKind: "network" }, { reviewerKind: "security" }] });
    const request = await submitted(t);

    const afterOne = await recordApproval(security.actor, request.id, { revision: 1, decision: "APPROVE" });
    expect(afterOne).toMatchObject({ satisfied: false, status: "IN_REVIEW" });
    expect(afterOne.required.find((rule) => rule.reviewerKind === "security")).toMatchObject({ met: 1, approvers: [{ id: security.id }] });
    expect(afterOne.required.find((rule) => rule.reviewerKind === "network")).toMatchObject({ met: 0, approvers: [] });

    // A maintainer holds "maintainer" only: their approval counts for nothing required here.
    const maintainerApproved = await recordApproval(t.maintainer.actor, request.id, { revision: 1, decision: "APPROVE" });
    expect(maintainerApproved).toMatchObject({ satisfied: false, status: "IN_REVIEW" });

    const afterBoth = await recordApproval(networkReviewer.actor, request.id, { revision: 1, decision: "APPROVE" });
    expect(afterBoth).toMatchObject({ satisfied: true, status: "APPROVED" });
    expect((await getRequest(t.member.actor, request.id)).transitions.map((move) => move.to)).toEqual(["SUBMITTED", "IN_REVIEW", "APPROVED"]);
    // Approved is final for reviewers: a late answer is a conflict.
    await expect(recordApproval(t.owner.actor, request.id, { revision: 1, decision: "APPROVE" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("resets approvals with a new revision, refuses answers on the old one (409), and shows them as reset", async () => {
    const t = await team();
    const security = await addMember(t.id);
    await setReviewerKinds(t.owner.actor, t.slug, { userId: security.id, kinds: ["security"] });
    await setRequiredApprovals(t.owner.actor, t.slug, { role: "network-engineer", rules: [{ reviewerKind: "security", count: 1 }, { reviewerKind: "maintainer", count: 1 }] });
    const request = await submitted(t);
    await recordApproval(security.actor, request.id, { revision: 1, decision: "APPROVE" });

    const revised = await updateRequestInputs(t.member.actor, request.id, { input: { ...example, environments: [{ name: "production", baseCidr: "10.90.0.0/16" }] }, baseRevision: 1 });
    expect(revised.currentRevision).toBe(2);
    const reset = await getApprovalState(t.maintainer.actor, request.id);
    expect(reset).toMatchObject({ revision: 2, approvals: [], previous: [{ reviewer: { id: security.id }, revision: 1, resetByRevision: 2 }] });
    expect(reset.required.every((rule) => rule.met === 0)).toBe(true);

    const stale = await caught(recordApproval(t.maintainer.actor, request.id, { revision: 1, decision: "APPROVE" }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).details).toMatchObject({ reason: "stale_revision", currentRevision: 2 });

    expect(await recordApproval(t.maintainer.actor, request.id, { revision: 2, decision: "APPROVE" })).toMatchObject({ status: "IN_REVIEW", satisfied: false });
    expect(await recordApproval(security.actor, request.id, { revision: 2, decision: "APPROVE" })).toMatchObject({ status: "APPROVED", satisfied: true });
  });

  it("shows on the review board the same approvals as on each request, per team rules and current revision only", async () => {
    const t = await team();
    const security = await addMember(t.id);
    await setReviewerKinds(t.owner.actor, t.slug, { userId: security.id, kinds: ["security"] });
    await setRequiredApprovals(t.owner.actor, t.slug, { role: "network-engineer", rules: [{ reviewerKind: "security", count: 1 }, { reviewerKind: "maintainer", count: 2 }] });
    const halfway = await submitted(t, "Halfway");
    await recordApproval(security.actor, halfway.id, { revision: 1, decision: "APPROVE" });
    await recordApproval(t.maintainer.actor, halfway.id, { revision: 1, decision: "APPROVE" });
    const revised = await submitted(t, "Revised");
    await recordApproval(security.actor, revised.id, { revision: 1, decision: "APPROVE" });
    await updateRequestInputs(t.member.actor, revised.id, { input: { ...example, environments: [{ name: "production", baseCidr: "10.91.0.0/16" }] }, baseRevision: 1 });
    // Another team without rules of its own: the default (one maintainer or owner) applies there.
    const other = await team();
    const elsewhere = await submitted(other, "Elsewhere");
    await recordApproval(other.owner.actor, elsewhere.id, { revision: 1, decision: "APPROVE" });
    const pending = await submitted(other, "Pending");
    await getDb().membership.create({ data: { teamId: other.id, userId: t.owner.id, role: "MAINTAINER" } });

    const board = await getReviewBoard(t.owner.actor);
    const cards = new Map([...board.unscheduled, ...board.changesRequested].map((card) => [card.title, card.approvals]));
    expect(Object.fromEntries(cards)).toMatchObject({
      Halfway: { met: 2, needed: 3, satisfied: false },
      Revised: { met: 0, needed: 3, satisfied: false },
      Pending: { met: 0, needed: 1, satisfied: false },
    });
    expect(cards.has("Elsewhere")).toBe(false); // approved: off the board
    for (const request of [halfway, revised, pending]) {
      const state = await getApprovalState(t.owner.actor, request.id);
      expect(cards.get(request.title!)).toEqual(approvalSummary(state.required, state.satisfied));
    }
  });

  it("moves to changes requested with a comment (422 without), and back through resubmission", async () => {
    const t = await team();
    const request = await submitted(t);
    const invalid = await caught(recordApproval(t.maintainer.actor, request.id, { revision: 1, decision: "REQUEST_CHANGES" }));
    expect(invalid).toBeInstanceOf(InvalidError);
    expect((invalid as InvalidError).issues).toEqual([expect.objectContaining({ path: ["comment"] })]);
    const bad = await caught(recordApproval(t.maintainer.actor, request.id, { revision: 0, decision: "MAYBE" } as never));
    expect((bad as InvalidError).issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([["revision"], ["decision"]]));

    const sentBack = await recordApproval(t.maintainer.actor, request.id, { revision: 1, decision: "REQUEST_CHANGES", comment: "Add a data tier" });
    expect(sentBack).toMatchObject({ status: "CHANGES_REQUESTED", approvals: [{ decision: "REQUEST_CHANGES", comment: "Add a data tier" }] });
    await updateRequestInputs(t.member.actor, request.id, { input: { ...example, notes: "Data tier added" }, baseRevision: 1 });
    await transitionRequest(t.member.actor, request.id, { to: "SUBMITTED" });
    expect(await recordApproval(t.owner.actor, request.id, { revision: 2, decision: "APPROVE" })).toMatchObject({ status: "APPROVED" });
    // The manual move to approved no longer exists.
    const other = await submitted(t, "Second");
    await transitionRequest(t.maintainer.actor, other.id, { to: "IN_REVIEW" });
    await expect(transitionRequest(t.maintainer.actor, other.id, { to: "APPROVED" })).rejects.toMatchObject({ code: "invalid_transition" });
  });

  it("answers 404 to another team's member and 403 to a viewer", async () => {
    const t = await team();
    const other = await team();
    const request = await submitted(t);
    await expect(getApprovalState(other.owner.actor, request.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordApproval(other.owner.actor, request.id, { revision: 1, decision: "APPROVE" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordApproval(t.viewer.actor, request.id, { revision: 1, decision: "APPROVE" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setRequiredApprovals(t.member.actor, t.slug, { role: "network-engineer", rules: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setReviewerKinds(other.owner.actor, t.slug, { userId: t.member.id, kinds: ["security"] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setReviewerKinds(t.owner.actor, t.slug, { userId: t.viewer.id, kinds: ["security"] })).rejects.toBeInstanceOf(InvalidError);
    const invalid = await caught(setRequiredApprovals(t.owner.actor, t.slug, { role: "network-engineer", rules: [{ reviewerKind: "wizard", count: 0 }] } as never));
    expect((invalid as InvalidError).issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([["rules", 0, "reviewerKind"], ["rules", 0, "count"]]));
    // Everyone in the team reads the settings; only maintainers and owners may change them.
    expect(await getReviewSettings(t.viewer.actor, t.slug)).toMatchObject({ canManage: false });
  });
});

describe("decisions", () => {
  const body = { title: "Use a transit gateway", context: "Two VPCs need to talk.", decision: "We use **one** transit gateway.", consequences: "One more thing to run." };

  it("numbers a team's decisions 1..n without gaps or duplicates under concurrent creation", async () => {
    const t = await team();
    const other = await team();
    const request = await submitted(t);
    await createDecision(other.owner.actor, { ...body, team: other.slug });
    const created = await Promise.all(Array.from({ length: 20 }, (_, index) => createDecision(t.maintainer.actor, { ...body, requestId: request.id, title: `Decision ${index}` })));
    expect(created.map((decision) => decision.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(created.every((decision) => decision.revision === 1 && decision.team.slug === t.slug && decision.request?.id === request.id)).toBe(true);
    expect((await createDecision(other.owner.actor, { ...body, team: other.slug })).reference).toBe("ADR-002");
    const list = await listDecisions(t.member.actor, t.slug, { role: "network-engineer" });
    expect(list.decisions).toHaveLength(20);
    expect(list.decisions[0].reference).toBe("ADR-020");
  });

  it("lets members propose and maintainers accept and supersede, with version checks, audit rows and a MADR export", async () => {
    const t = await team();
    const request = await submitted(t);
    const first = await createDecision(t.member.actor, { ...body, requestId: request.id });
    expect(first).toMatchObject({ number: 1, status: "PROPOSED", author: { id: t.member.id }, permissions: { canEdit: true, canDecide: false } });
    await expect(updateDecision(t.member.actor, first.id, { version: first.version, status: "ACCEPTED" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createDecision(t.viewer.actor, { ...body, requestId: request.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createDecision(t.member.actor, { ...body, requestId: request.id, status: "ACCEPTED" })).rejects.toBeInstanceOf(ForbiddenError);

    const accepted = await updateDecision(t.maintainer.actor, first.id, { version: first.version, status: "ACCEPTED" });
    expect(accepted).toMatchObject({ status: "ACCEPTED", version: first.version + 1, decidedAt: expect.any(String) });
    await expect(updateDecision(t.maintainer.actor, first.id, { version: first.version, title: "Old" })).rejects.toBeInstanceOf(ConflictError);

    const second = await createDecision(t.maintainer.actor, { ...body, requestId: request.id, title: "Use cloud WAN", status: "ACCEPTED" });
    const missing = await caught(updateDecision(t.maintainer.actor, first.id, { version: accepted.version, status: "SUPERSEDED" }));
    expect((missing as InvalidError).issues[0].path).toEqual(["supersededById"]);
    const other = await team();
    const foreign = await createDecision(other.owner.actor, { ...body, team: other.slug });
    const refused = await caught(updateDecision(t.maintainer.actor, first.id, { version: accepted.version, status: "SUPERSEDED", supersededById: foreign.id }));
    expect((refused as InvalidError).issues[0].path).toEqual(["supersededById"]);
    const superseded = await updateDecision(t.maintainer.actor, first.id, { version: accepted.version, status: "SUPERSEDED", supersededById: second.id });
    expect(superseded).toMatchObject({ status: "SUPERSEDED", supersededBy: { id: second.id, reference: "ADR-002" } });
    expect((await getDecision(t.viewer.actor, second.id)).supersedes).toEqual([expect.objectContaining({ id: first.id })]);

    const audit = await getDb().auditLog.findMany({ where: { targetType: "decision", targetId: first.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["decision.created", "decision.status_changed", "decision.status_changed"]);

    const madr = await exportDecisionMadr(t.viewer.actor, first.id);
    expect(madr.fileName).toBe("0001-use-a-transit-gateway.md");
    expect(madr.markdown).toContain('status: "superseded by ADR-002"');
    expect(madr.markdown).toContain("# ADR-001: Use a transit gateway");
  });

  it("answers 404 across teams and 422 with paths for bad input", async () => {
    const t = await team();
    const other = await team();
    const request = await submitted(t);
    const decision = await createDecision(t.member.actor, { ...body, requestId: request.id });
    await expect(getDecision(other.owner.actor, decision.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createDecision(other.owner.actor, { ...body, requestId: request.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listDecisions(other.owner.actor, t.slug)).rejects.toBeInstanceOf(NotFoundError);
    const invalid = await caught(createDecision(t.member.actor, { requestId: request.id, title: "", context: "", decision: "x", consequences: "y", revision: 5 }));
    expect((invalid as InvalidError).issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([["title"], ["context"]]));
    const tooFar = await caught(createDecision(t.member.actor, { ...body, requestId: request.id, revision: 5 }));
    expect((tooFar as InvalidError).issues[0].path).toEqual(["revision"]);
  });
});
