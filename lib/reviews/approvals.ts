// The approval state of a request, computed from its requirements and its reviewers' answers: pure, so
// the data layer, the UI and the tests all agree on when a request is approved (ADR 012).
import type { RequestStatus, TeamRole } from "@/lib/generated/prisma/browser";
import { roleAtLeast } from "@/lib/auth/roles";
import type { Person } from "@/lib/requests/schema";
import { defaultRequirement, reviewerKindLabel, type ApprovalDecision, type ApprovalView, type RequirementRule } from "@/lib/reviews/schema";

/** One stored answer, as the computation needs it. */
export interface ApprovalRecord {
  id: string;
  revision: number;
  reviewer: Person;
  decision: ApprovalDecision;
  comment: string | null;
  kinds: string[];
  at: string;
}

/** The team's configured rules for a role, or the default when there are none. */
export function resolveRequirements(configured: readonly RequirementRule[]): { rules: RequirementRule[]; usesDefault: boolean } {
  if (configured.length === 0) return { rules: defaultRequirement.map((rule) => ({ ...rule })), usesDefault: true };
  return { rules: configured.map((rule) => ({ reviewerKind: rule.reviewerKind, count: rule.count })), usesDefault: false };
}

/** The reviewer kinds a person holds: their designations, plus "maintainer" for maintainers and owners. */
export function heldReviewerKinds(role: TeamRole, designated: readonly string[]): string[] {
  const kinds = new Set(designated.filter((kind) => kind !== "maintainer"));
  const ordered = [...kinds].sort();
  return roleAtLeast(role, "MAINTAINER") ? ["maintainer", ...ordered] : ordered;
}

/** Statuses in which reviewers answer: a submitted request (the first answer starts the review) or one in review. */
export const reviewableStatuses: readonly RequestStatus[] = ["SUBMITTED", "IN_REVIEW"];

/**
 * Who may approve or request changes: someone who holds a reviewer kind (a maintainer or owner, or a
 * designated reviewer who can still edit in the team), on a request under review, that they did not write.
 */
export function reviewEligibility(input: { status: RequestStatus; role: TeamRole; kinds: readonly string[]; isAuthor: boolean; isPerson: boolean }): { ok: true } | { ok: false; reason: "forbidden" | "not_reviewable"; message: string } {
  if (!reviewableStatuses.includes(input.status)) {
    return { ok: false, reason: "not_reviewable", message: "Only a submitted request or one in review can be approved or sent back" };
  }
  if (!input.isPerson) return { ok: false, reason: "forbidden", message: "Approvals are given by people: sign in to review" };
  if (input.kinds.length === 0 || !roleAtLeast(input.role, "MEMBER")) {
    return { ok: false, reason: "forbidden", message: "Only maintainers, owners and designated reviewers of the team may review requests" };
  }
  if (input.isAuthor) return { ok: false, reason: "forbidden", message: "You wrote this request, so someone else must review it" };
  return { ok: true };
}

export interface ComputedApprovalState {
  revision: number;
  required: { reviewerKind: string; label: string; count: number; met: number; approvers: Person[] }[];
  approvals: ApprovalView[];
  previous: ApprovalView[];
  satisfied: boolean;
}

const toView = (record: ApprovalRecord, resetByRevision: number | null): ApprovalView => ({ ...record, resetByRevision });

/**
 * Only APPROVE answers on the current revision count. An approval counts for every kind its reviewer held
 * when answering (one person who is both security and network reviewer covers both); a requirement of N
 * approvals of a kind needs N different people. The request is satisfied when every requirement is met.
 */
export function computeApprovalState(input: { currentRevision: number; rules: readonly RequirementRule[]; approvals: readonly ApprovalRecord[] }): ComputedApprovalState {
  const byNewest = [...input.approvals].sort((a, b) => b.revision - a.revision || b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
  const current = byNewest.filter((record) => record.revision === input.currentRevision);
  const previous = byNewest.filter((record) => record.revision < input.currentRevision);
  const approving = current.filter((record) => record.decision === "APPROVE");
  const required = input.rules.map((rule) => {
    const approvers = approving.filter((record) => record.kinds.includes(rule.reviewerKind)).map((record) => record.reviewer);
    return { reviewerKind: rule.reviewerKind, label: reviewerKindLabel(rule.reviewerKind), count: rule.count, met: Math.min(rule.count, approvers.length), approvers };
  });
  return {
    revision: input.currentRevision,
    required,
    approvals: current.map((record) => toView(record, null)),
    // An answer on revision N was reset by revision N + 1, the first one saved after it.
    previous: previous.map((record) => toView(record, record.revision + 1)),
    satisfied: input.currentRevision > 0 && required.length > 0 && required.every((rule) => rule.met >= rule.count),
  };
}
