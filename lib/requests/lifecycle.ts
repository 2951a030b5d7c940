// The request lifecycle as a pure state machine: which moves exist, who may make each, and why not.
import type { RequestStatus, TeamRole } from "@/lib/generated/prisma/browser";
import { roleAtLeast } from "@/lib/auth/roles";

export const requestStatuses = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "CLOSED",
  "WITHDRAWN",
] as const satisfies readonly RequestStatus[];

export const statusLabels: Record<RequestStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  CLOSED: "Closed",
  WITHDRAWN: "Withdrawn",
};

export const statusDescriptions: Record<RequestStatus, string> = {
  DRAFT: "Being written; only the team sees it, and nothing is validated yet.",
  SUBMITTED: "Waiting for a maintainer to start the review.",
  IN_REVIEW: "Reviewers are reviewing the requirements; it is approved once every required approval is in.",
  CHANGES_REQUESTED: "A reviewer asked for changes; edit the requirements and resubmit.",
  APPROVED: "Every required approval is in; the specialist's deliverables can be produced.",
  CLOSED: "Done.",
  WITHDRAWN: "Withdrawn by the team; kept for the record.",
};

/** Statuses in which the request is still going somewhere. */
export const openStatuses: readonly RequestStatus[] = ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED"];

export function isOpen(status: RequestStatus): boolean {
  return openStatuses.includes(status);
}

/**
 * Statuses in which the answers may still change (a draft changes through its draft, not revisions). An
 * approved request may be revised too (day 2: a newer answer for what was delivered): the new revision
 * sends it back to review (see `revisionReopensReview`).
 */
export function inputsEditable(status: RequestStatus): boolean {
  return status === "DRAFT" || status === "SUBMITTED" || status === "IN_REVIEW" || status === "CHANGES_REQUESTED" || status === "APPROVED";
}

/** A new revision of an approved request resets its approvals, so the request waits for review again. */
export function revisionReopensReview(status: RequestStatus): boolean {
  return status === "APPROVED";
}

export type TransitionKey = "submit" | "start_review" | "resubmit" | "close" | "withdraw";

export interface TransitionRule {
  key: TransitionKey;
  from: RequestStatus;
  to: RequestStatus;
  /** The button's words. */
  label: string;
  /** The least team role that may make the move. */
  minimumRole: TeamRole;
  /** Whether the move needs a comment (the author must know what to change). */
  commentRequired: boolean;
  /** Moves that end or undo work ask for confirmation first. */
  destructive: boolean;
}

const rule = (
  key: TransitionKey,
  from: RequestStatus,
  to: RequestStatus,
  label: string,
  minimumRole: TeamRole,
  options: { commentRequired?: boolean; destructive?: boolean } = {},
): TransitionRule => ({ key, from, to, label, minimumRole, commentRequired: options.commentRequired ?? false, destructive: options.destructive ?? false });

/**
 * Every move a person makes by hand. MEMBER and up write, submit and withdraw their team's requests;
 * MAINTAINER and up start reviews and close. WITHDRAWN can be reached from every open status, CLOSED only
 * once approved. APPROVED and CHANGES_REQUESTED are not here: reviewers' answers move a request there
 * (lib/reviews/approvals.server.ts, ADR 012).
 */
export const transitionRules: readonly TransitionRule[] = [
  rule("submit", "DRAFT", "SUBMITTED", "Submit", "MEMBER"),
  rule("start_review", "SUBMITTED", "IN_REVIEW", "Start review", "MAINTAINER"),
  rule("resubmit", "CHANGES_REQUESTED", "SUBMITTED", "Resubmit", "MEMBER"),
  rule("close", "APPROVED", "CLOSED", "Close", "MAINTAINER", { destructive: true }),
  ...openStatuses.map((from) => rule("withdraw", from, "WITHDRAWN", "Withdraw", "MEMBER", { destructive: true })),
];

/** What the machine needs to know about the request and the person acting. */
export interface TransitionContext {
  status: RequestStatus;
  /** The actor's role in the request's team. */
  role: TeamRole;
  /** Whether the actor wrote the request (they may not review it). */
  isAuthor: boolean;
  /** For a resubmission: whether a revision was saved after changes were requested. */
  revisedSinceChangesRequested?: boolean;
}

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  /** `not_allowed`: the machine has no such move from here (422); `forbidden`: the move exists but not for this person (403). */
  | { ok: false; reason: "not_allowed" | "forbidden"; message: string };

export function findRule(from: RequestStatus, to: RequestStatus): TransitionRule | undefined {
  return transitionRules.find((candidate) => candidate.from === from && candidate.to === to);
}

/** Statuses only reviewers' answers lead to. */
export const approvalStatuses: readonly RequestStatus[] = ["APPROVED", "CHANGES_REQUESTED"];

export function checkTransition(context: TransitionContext, to: RequestStatus): TransitionCheck {
  const found = findRule(context.status, to);
  if (!found && approvalStatuses.includes(to) && (context.status === "SUBMITTED" || context.status === "IN_REVIEW")) {
    return {
      ok: false,
      reason: "not_allowed",
      message:
        to === "APPROVED"
          ? "A request is approved when its required approvals are in: approve it as a reviewer (POST /requests/{id}/approvals)"
          : "Reviewers request changes with their answer: POST /requests/{id}/approvals with REQUEST_CHANGES and a comment",
    };
  }
  if (!found) {
    const possible = transitionRules.filter((candidate) => candidate.from === context.status).map((candidate) => statusLabels[candidate.to].toLowerCase());
    return {
      ok: false,
      reason: "not_allowed",
      message:
        `A ${statusLabels[context.status].toLowerCase()} request cannot move to ${statusLabels[to].toLowerCase()}` +
        (possible.length ? ` (from here it can go to: ${possible.join(", ")})` : " (it is finished)"),
    };
  }
  if (!roleAtLeast(context.role, found.minimumRole)) {
    return {
      ok: false,
      reason: "forbidden",
      message:
        found.minimumRole === "MAINTAINER"
          ? `Only maintainers and owners may ${found.label.toLowerCase()}; your role is ${context.role.toLowerCase()}`
          : `Viewers cannot change requests; ask a member of the team`,
    };
  }
  if (found.key === "resubmit" && context.revisedSinceChangesRequested === false) {
    return { ok: false, reason: "not_allowed", message: "Edit the requirements before resubmitting: save a new revision that addresses the requested changes" };
  }
  return { ok: true, rule: found };
}

/** The moves this person may make now, in the order the buttons show. */
export function availableTransitions(context: TransitionContext): TransitionRule[] {
  return transitionRules.filter((candidate) => candidate.from === context.status && checkTransition(context, candidate.to).ok);
}

/** The colour a status shows in: the same everywhere (lists, badges, chips). */
export const statusTones: Record<RequestStatus, "neutral" | "info" | "healthy" | "warning" | "critical" | "nodata"> = {
  DRAFT: "nodata",
  SUBMITTED: "info",
  IN_REVIEW: "info",
  CHANGES_REQUESTED: "warning",
  APPROVED: "healthy",
  CLOSED: "neutral",
  WITHDRAWN: "nodata",
};
