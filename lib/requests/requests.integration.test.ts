// Requests against real PostgreSQL: the lifecycle end to end, who may do what, revisions, 409 on stale
// edits, and team isolation.
import { describe, expect, it } from "vitest";
import { caught } from "@/lib/testing/caught";
import { getRole } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import {
  addComment,
  createRequest,
  editComment,
  getRequest,
  getRevision,
  listComments,
  listRequestAuthors,
  listRequests,
  listRevisions,
  countRequestsByStatus,
  updateComment,
  saveDraft,
  transitionRequest,
  updateRequest,
  updateRequestInputs,
  InvalidTransitionError,
} from "@/lib/requests/requests.server";
import { recordApproval } from "@/lib/reviews/approvals.server";
import { makeTeam } from "@/lib/testing/factories";
import { createToken, authenticateToken } from "@/lib/tokens/tokens.server";

const network = getRole("network-engineer");
const example = structuredClone(network.example) as Record<string, unknown> & { environments: { name: string; baseCidr: string }[] };

/** A team with a maintainer, a member and a viewer besides its owner. */
async function team() {
  const made = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  return { ...made, maintainer: made.members.MAINTAINER!, member: made.members.MEMBER!, viewer: made.members.VIEWER! };
}

/** A submitted request written by the team's member. */
async function submitted(t: Awaited<ReturnType<typeof team>>, title = "Core network") {
  return createRequest(t.member.actor, { team: t.slug, role: "network-engineer", title, input: example, submit: true });
}

describe("the request lifecycle", () => {
  it("goes draft → submitted → in review → approved → closed, recording who, when and why, with audit rows", async () => {
    const t = await team();
    const draft = await createRequest(t.member.actor, { team: t.slug, role: "network-engineer", input: { provider: "aws" } });
    expect(draft).toMatchObject({ status: "DRAFT", currentRevision: 0, title: "", draft: { provider: "aws" }, author: { id: t.member.id } });

    // Autosave a half-filled form without validation; it comes back intact.
    const half = { ...example, environments: [{ name: "production", baseCidr: "10.0.0.0/33" }] };
    const saved = await saveDraft(t.member.actor, draft.id, { draft: half, version: draft.version });
    expect(saved.version).toBe(draft.version + 1);
    expect((await getRequest(t.member.actor, draft.id)).draft).toEqual(half);

    // Submitting validates the draft with the role's schema, paths under "draft"; nothing changes.
    const invalid = await caught(transitionRequest(t.member.actor, draft.id, { to: "SUBMITTED" }));
    expect(invalid).toBeInstanceOf(InvalidError);
    expect((invalid as InvalidError).issues).toContainEqual(expect.objectContaining({ path: ["draft", "environments", 0, "baseCidr"] }));
    expect((await getRequest(t.member.actor, draft.id)).status).toBe("DRAFT");

    await saveDraft(t.member.actor, draft.id, { draft: example, version: saved.version });
    const submittedRequest = await transitionRequest(t.member.actor, draft.id, { to: "SUBMITTED" });
    expect(submittedRequest).toMatchObject({ status: "SUBMITTED", currentRevision: 1, draft: null, title: network.defaultTitle(network.schema.parse(example)) });
    expect(submittedRequest.input).toEqual(network.schema.parse(example));

    await transitionRequest(t.maintainer.actor, draft.id, { to: "IN_REVIEW", comment: "Looking at it today" });
    // With nothing configured, one maintainer's approval approves it (lib/reviews, ADR 012).
    await recordApproval(t.maintainer.actor, draft.id, { revision: 1, decision: "APPROVE" });
    const closed = await transitionRequest(t.owner.actor, draft.id, { to: "CLOSED", comment: "Delivered" });
    expect(closed.status).toBe("CLOSED");
    expect(closed.transitions.map((move) => [move.from, move.to, move.actor?.id, move.comment])).toEqual([
      ["DRAFT", "SUBMITTED", t.member.id, null],
      ["SUBMITTED", "IN_REVIEW", t.maintainer.id, "Looking at it today"],
      ["IN_REVIEW", "APPROVED", t.maintainer.id, null],
      ["APPROVED", "CLOSED", t.owner.id, "Delivered"],
    ]);
    expect(closed.permissions.transitions).toEqual([]);

    const audit = await getDb().auditLog.findMany({ where: { targetId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual([
      "request.created",
      "request.draft_saved",
      "request.transitioned",
      "request.transitioned",
      "request.approval_recorded",
      "request.transitioned",
      "request.transitioned",
    ]);
    // Two autosaves in a row share one audit row.
    expect(audit[1].details).toMatchObject({ saves: 2 });
  });

  it("sends a request back for changes and takes it again only after a new revision", async () => {
    const t = await team();
    const request = await submitted(t);
    await transitionRequest(t.maintainer.actor, request.id, { to: "IN_REVIEW" });
    await expect(recordApproval(t.maintainer.actor, request.id, { revision: 1, decision: "REQUEST_CHANGES" })).rejects.toMatchObject({
      issues: [{ path: ["comment"], message: expect.stringContaining("Say what needs to change") }],
    });
    await recordApproval(t.maintainer.actor, request.id, { revision: 1, decision: "REQUEST_CHANGES", comment: "Add a staging environment" });
    await expect(transitionRequest(t.member.actor, request.id, { to: "SUBMITTED" })).rejects.toBeInstanceOf(InvalidTransitionError);

    const edited = { ...example, environments: [...example.environments, { name: "staging-extra", baseCidr: "10.250.0.0/16" }] };
    await updateRequestInputs(t.member.actor, request.id, { input: edited, baseRevision: 1 });
    const resubmitted = await transitionRequest(t.member.actor, request.id, { to: "SUBMITTED" });
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", currentRevision: 2 });
  });

  it("lets a request be withdrawn from any open status, and nothing leaves a finished one", async () => {
    const t = await team();
    const request = await submitted(t);
    const withdrawn = await transitionRequest(t.member.actor, request.id, { to: "WITHDRAWN", comment: "Merged into another request" });
    expect(withdrawn.status).toBe("WITHDRAWN");
    const error = await caught(transitionRequest(t.owner.actor, request.id, { to: "SUBMITTED" }));
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).code).toBe("invalid_transition");
    await expect(updateRequestInputs(t.member.actor, request.id, { input: example, baseRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("who may do what", () => {
  it("lets viewers read but not write, members write but not review, and nobody approve their own request", async () => {
    const t = await team();
    await expect(createRequest(t.viewer.actor, { team: t.slug, role: "network-engineer" })).rejects.toBeInstanceOf(ForbiddenError);
    const request = await submitted(t);
    expect((await getRequest(t.viewer.actor, request.id)).permissions).toMatchObject({ canEdit: false, canComment: false, transitions: [] });
    await expect(addComment(t.viewer.actor, request.id, { body: "hi" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(transitionRequest(t.viewer.actor, request.id, { to: "WITHDRAWN" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveDraft(t.viewer.actor, request.id, { draft: example, baseRevision: 1 })).rejects.toBeInstanceOf(ForbiddenError);

    expect((await getRequest(t.member.actor, request.id)).permissions.transitions.map((move) => move.to)).toEqual(["WITHDRAWN"]);
    await expect(transitionRequest(t.member.actor, request.id, { to: "IN_REVIEW" })).rejects.toBeInstanceOf(ForbiddenError);

    // The maintainer writes their own request: they can start its review, but someone else reviews it.
    const own = await createRequest(t.maintainer.actor, { team: t.slug, role: "network-engineer", input: example, submit: true });
    await transitionRequest(t.maintainer.actor, own.id, { to: "IN_REVIEW" });
    const view = await getRequest(t.maintainer.actor, own.id);
    expect(view.permissions.transitions.map((move) => move.to)).toEqual(["WITHDRAWN"]);
    const refused = await caught(recordApproval(t.maintainer.actor, own.id, { revision: 1, decision: "APPROVE" }));
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as Error).message).toContain("someone else must review");
    expect((await recordApproval(t.owner.actor, own.id, { revision: 1, decision: "APPROVE" })).status).toBe("APPROVED");
  });

  it("gives a team token member rights: it writes requests but does not review them", async () => {
    const t = await team();
    const { secret } = await createToken(t.owner.actor, t.slug, { name: "ci" });
    const actor = (await authenticateToken(secret))!;
    const request = await createRequest(actor, { team: t.slug, role: "network-engineer", input: example, submit: true });
    expect(request.status).toBe("SUBMITTED");
    await expect(transitionRequest(actor, request.id, { to: "IN_REVIEW" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("revisions", () => {
  it("numbers every save after submission, skips saves that change nothing, and keeps old revisions intact", async () => {
    const t = await team();
    const request = await submitted(t);
    const second = { ...example, environments: [{ name: "production", baseCidr: "10.40.0.0/16" }] };
    const afterSecond = await updateRequestInputs(t.member.actor, request.id, { input: second, baseRevision: 1 });
    expect(afterSecond).toMatchObject({ currentRevision: 2, revisionCreated: true });
    const unchanged = await updateRequestInputs(t.member.actor, request.id, { input: second, baseRevision: 2 });
    expect(unchanged).toMatchObject({ currentRevision: 2, revisionCreated: false });
    await updateRequestInputs(t.maintainer.actor, request.id, { input: example, baseRevision: 2, title: "Core network v3" });

    const revisions = await listRevisions(t.viewer.actor, request.id);
    expect(revisions.map((revision) => [revision.number, revision.author?.id])).toEqual([
      [3, t.maintainer.id],
      [2, t.member.id],
      [1, t.member.id],
    ]);
    expect(revisions[0].title).toBe("Core network v3");
    expect((await getRevision(t.viewer.actor, request.id, 2)).input).toMatchObject({ environments: [{ name: "production", baseCidr: "10.40.0.0/16" }] });
    expect((await getRevision(t.viewer.actor, request.id, 1)).input).toEqual(network.schema.parse(example));
    await expect(getRevision(t.viewer.actor, request.id, 4)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses invalid answers with the field's path and changes nothing", async () => {
    const t = await team();
    const request = await submitted(t);
    const bad = { ...example, environments: [{ name: "production", baseCidr: "10.0.0.1/16" }] };
    const error = await caught(updateRequestInputs(t.member.actor, request.id, { input: bad, baseRevision: 1 }));
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues).toEqual([expect.objectContaining({ path: ["input", "environments", 0, "baseCidr"] })]);
    expect((await getRequest(t.member.actor, request.id)).currentRevision).toBe(1);
  });

  it("answers 409 with the current answers when an edit starts from a stale revision, and loses nothing", async () => {
    const t = await team();
    const request = await submitted(t);
    const mine = { ...example, environments: [{ name: "production", baseCidr: "10.60.0.0/16" }] };
    const theirs = { ...example, environments: [{ name: "production", baseCidr: "10.70.0.0/16" }] };
    await updateRequestInputs(t.maintainer.actor, request.id, { input: theirs, baseRevision: 1 });

    const error = await caught(updateRequestInputs(t.member.actor, request.id, { input: mine, baseRevision: 1 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toMatchObject({
      reason: "stale_revision",
      currentRevision: 2,
      input: { environments: [{ name: "production", baseCidr: "10.70.0.0/16" }] },
      updatedBy: { id: t.maintainer.id },
    });
    expect((await listRevisions(t.member.actor, request.id)).length).toBe(2);

    // Re-applying on top of the current revision works.
    expect((await updateRequestInputs(t.member.actor, request.id, { input: mine, baseRevision: 2 })).currentRevision).toBe(3);
    // Autosaved edits from the stale base are refused the same way.
    await expect(saveDraft(t.member.actor, request.id, { draft: mine, baseRevision: 2 })).rejects.toMatchObject({ details: { reason: "stale_revision", currentRevision: 3 } });
    // A reviewer approving what they did not see is refused too.
    await transitionRequest(t.maintainer.actor, request.id, { to: "IN_REVIEW" });
    await expect(recordApproval(t.owner.actor, request.id, { revision: 2, decision: "APPROVE" })).rejects.toBeInstanceOf(ConflictError);
    await expect(transitionRequest(t.owner.actor, request.id, { to: "WITHDRAWN", revision: 2 })).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps autosaved edits after submission apart from the revisions, and refuses a save from an old version", async () => {
    const t = await team();
    const request = await submitted(t);
    const edits = { ...example, notes: "Work in progress" };
    const saved = await saveDraft(t.member.actor, request.id, { draft: edits, baseRevision: 1, version: request.version });
    expect(saved).toMatchObject({ draft: edits, draftBaseRevision: 1, currentRevision: 1, draftUpdatedBy: { id: t.member.id } });
    expect(saved.input).not.toMatchObject({ notes: "Work in progress" });

    const stale = await caught(saveDraft(t.maintainer.actor, request.id, { draft: example, baseRevision: 1, version: request.version }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).details).toMatchObject({ reason: "stale_version", draft: edits, updatedBy: { id: t.member.id } });

    const discarded = await updateRequest(t.member.actor, request.id, { draft: null });
    expect(discarded).toMatchObject({ draft: null, draftBaseRevision: null });
  });
});

describe("team isolation", () => {
  it("keeps team B's requests invisible and unchangeable to a member of team A", async () => {
    const a = await team();
    const b = await team();
    const theirs = await submitted(b, "Team B network");
    const outsider = a.owner.actor;
    await expect(getRequest(outsider, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRevisions(outsider, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRevision(outsider, theirs.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listComments(outsider, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(outsider, theirs.id, { body: "hello" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveDraft(outsider, theirs.id, { draft: {}, baseRevision: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRequestInputs(outsider, theirs.id, { input: example, baseRevision: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionRequest(outsider, theirs.id, { to: "WITHDRAWN" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionRequest(outsider, theirs.id, { to: "IN_REVIEW" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRequests(outsider, { team: b.slug })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createRequest(outsider, { team: b.slug, role: "network-engineer" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createRequest(outsider, { team: a.slug, role: "network-engineer", clonedFrom: theirs.id })).rejects.toMatchObject({
      issues: [{ path: ["clonedFrom"] }],
    });
    expect((await listRequests(outsider)).requests.map((request) => request.id)).not.toContain(theirs.id);
    expect((await listRequestAuthors(outsider)).map((person) => person.id)).not.toContain(b.member.id);

    const untouched = await getRequest(b.owner.actor, theirs.id);
    expect(untouched).toMatchObject({ status: "SUBMITTED", currentRevision: 1, version: theirs.version, transitions: [expect.anything()] });
    expect(await listComments(b.owner.actor, theirs.id)).toEqual([]);
  });
});

describe("the list", () => {
  it("filters by team, role, status, author and title, sorts, paginates and counts per status", async () => {
    const t = await team();
    const other = await team();
    await getDb().membership.create({ data: { teamId: other.id, userId: t.member.id, role: "MEMBER" } });
    const alpha = await submitted(t, "Alpha network");
    const beta = await submitted(t, "Beta network");
    const gamma = await createRequest(t.maintainer.actor, { team: t.slug, role: "network-engineer", title: "Gamma draft" });
    const elsewhere = await createRequest(t.member.actor, { team: other.slug, role: "network-engineer", title: "Alpha elsewhere" });
    await transitionRequest(t.maintainer.actor, beta.id, { to: "IN_REVIEW" });

    const ids = (list: { requests: { id: string }[] }) => list.requests.map((request) => request.id);
    expect(new Set(ids(await listRequests(t.member.actor)))).toEqual(new Set([alpha.id, beta.id, gamma.id, elsewhere.id]));
    expect(ids(await listRequests(t.member.actor, { team: t.slug, sort: "title", order: "asc" }))).toEqual([alpha.id, beta.id, gamma.id]);
    expect(ids(await listRequests(t.member.actor, { q: "ALPHA", sort: "title" }))).toEqual([elsewhere.id, alpha.id]);
    expect(ids(await listRequests(t.member.actor, { team: t.slug, author: "me", sort: "title" }))).toEqual([alpha.id, beta.id]);
    expect(ids(await listRequests(t.member.actor, { author: t.maintainer.id }))).toEqual([gamma.id]);
    expect(ids(await listRequests(t.member.actor, { team: t.slug, status: "IN_REVIEW" }))).toEqual([beta.id]);
    expect(ids(await listRequests(t.member.actor, { role: "kubernetes-specialist" }))).toEqual([]);

    const page = await listRequests(t.member.actor, { team: t.slug, status: "SUBMITTED", sort: "title", pageSize: 1, page: 1 });
    expect(page).toMatchObject({ total: 1, pageCount: 1, counts: { DRAFT: 1, SUBMITTED: 1, IN_REVIEW: 1, APPROVED: 0 } });
    const second = await listRequests(t.member.actor, { team: t.slug, sort: "title", order: "desc", pageSize: 2, page: 2 });
    expect(second).toMatchObject({ total: 3, pageCount: 2, page: 2 });
    expect(ids(second)).toEqual([alpha.id]);
    expect(await countRequestsByStatus(t.member.actor, { team: t.slug })).toMatchObject({ DRAFT: 1, SUBMITTED: 1, IN_REVIEW: 1 });
    await expect(listRequests(t.member.actor, { pageSize: 1000 })).rejects.toMatchObject({ issues: [{ path: ["pageSize"] }] });

    // A draft without a title is named by its answers on save, and found by that name.
    const unnamed = await createRequest(t.member.actor, { team: t.slug, role: "network-engineer", input: { provider: "aws" } });
    const listed = async () => (await listRequests(t.member.actor, { team: t.slug })).requests.find((request) => request.id === unnamed.id)!;
    expect(await listed()).toMatchObject({ title: "", draftTitle: null });
    await saveDraft(t.member.actor, unnamed.id, { draft: { provider: "aws", networkName: "ledger-core" }, version: unnamed.version });
    expect(await listed()).toMatchObject({ title: "", draftTitle: "ledger-core (draft)" });
    expect(ids(await listRequests(t.member.actor, { q: "LEDGER-CORE" }))).toEqual([unnamed.id]);
    await saveDraft(t.member.actor, unnamed.id, { draft: { ...example, networkName: "ledger-core" } });
    const submittedUnnamed = await transitionRequest(t.member.actor, unnamed.id, { to: "SUBMITTED" });
    expect(submittedUnnamed).toMatchObject({ title: network.defaultTitle(network.schema.parse({ ...example, networkName: "ledger-core" })), draftTitle: null });
  });
});

describe("the discussion", () => {
  it("keeps a thread members write and viewers read; only the author edits a comment", async () => {
    const t = await team();
    const request = await submitted(t);
    const first = await addComment(t.member.actor, request.id, { body: "Do we need **IPv6**?" });
    await addComment(t.maintainer.actor, request.id, { body: "Not yet." });
    await expect(addComment(t.member.actor, request.id, { body: "   " })).rejects.toMatchObject({ issues: [{ path: ["body"] }] });
    expect((await listComments(t.viewer.actor, request.id)).map((comment) => comment.body)).toEqual(["Do we need **IPv6**?", "Not yet."]);
    await expect(editComment(t.maintainer.actor, request.id, first.id, { body: "hijacked" })).rejects.toBeInstanceOf(ForbiddenError);
    const edited = await editComment(t.member.actor, request.id, first.id, { body: "Do we need IPv6 now?" });
    expect(edited).toMatchObject({ body: "Do we need IPv6 now?", editedAt: expect.any(String) });
  });

  it("lets any member resolve and reopen any comment, audited; viewers may not (403), other teams see nothing (404)", async () => {
    const t = await team();
    const other = await team();
    const request = await submitted(t);
    const question = await addComment(t.maintainer.actor, request.id, { body: "Why a /16?" });
    await addComment(t.member.actor, request.id, { body: "Room to grow." });
    expect(question).toMatchObject({ resolvedAt: null, resolvedBy: null });

    const resolvedAt = new Date("2026-12-01T10:00:00Z");
    const resolved = await updateComment(t.member.actor, request.id, question.id, { resolved: true }, resolvedAt);
    expect(resolved).toMatchObject({ body: "Why a /16?", resolvedAt: resolvedAt.toISOString(), resolvedBy: { id: t.member.id } });
    // Resolving it again changes nothing: still resolved by the first, and no second audit row.
    const again = await updateComment(t.maintainer.actor, request.id, question.id, { resolved: true }, new Date("2026-12-01T10:05:00Z"));
    expect(again).toMatchObject({ resolvedAt: resolvedAt.toISOString(), resolvedBy: { id: t.member.id } });
    expect((await listComments(t.viewer.actor, request.id)).map((comment) => [comment.body, comment.resolvedBy?.id ?? null])).toEqual([
      ["Why a /16?", t.member.id],
      ["Room to grow.", null],
    ]);

    const reopened = await updateComment(t.maintainer.actor, request.id, question.id, { resolved: false });
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null });
    const audit = await getDb().auditLog.findMany({ where: { targetId: request.id, action: { in: ["request.comment_resolved", "request.comment_reopened"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId, (row.details as { commentId?: string }).commentId])).toEqual([
      ["request.comment_resolved", t.member.id, question.id],
      ["request.comment_reopened", t.maintainer.id, question.id],
    ]);

    await expect(updateComment(t.viewer.actor, request.id, question.id, { resolved: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateComment(other.owner.actor, request.id, question.id, { resolved: true })).rejects.toBeInstanceOf(NotFoundError);
    // A comment of another request is not found through this one.
    const elsewhere = await submitted(t, "Elsewhere");
    await expect(updateComment(t.member.actor, elsewhere.id, question.id, { resolved: true })).rejects.toBeInstanceOf(NotFoundError);
    const empty = await caught(updateComment(t.member.actor, request.id, question.id, {}));
    expect(empty).toBeInstanceOf(InvalidError);
    expect((empty as InvalidError).issues.map((issue) => issue.path)).toEqual([["body"], ["resolved"]]);
    // Nothing was written by the refused attempts.
    expect((await listComments(t.member.actor, request.id))[0]).toMatchObject({ resolvedAt: null });
    expect(await getDb().auditLog.count({ where: { targetId: request.id, action: "request.comment_resolved" } })).toBe(1);
  });
});
