// Whether anyone can approve a role's requests in a team: for each approval the role needs, the people who
// could give it, leaving out the author (nobody reviews their own request). Pure, so the form, the request
// page and the tests agree; the rules are the same as reviewEligibility's (ADR 021).
import type { TeamRole } from "@/lib/generated/prisma/browser";
import { roleAtLeast } from "@/lib/auth/roles";
import { reviewerKindLabel, type RequirementRule } from "@/lib/reviews/schema";

export interface CoverageMember {
  userId: string;
  role: TeamRole;
  /** The reviewer kinds the member holds (heldReviewerKinds). */
  kinds: readonly string[];
}

export interface CoverageGap {
  reviewerKind: string;
  label: string;
  /** Approvals of this kind the role's requests need. */
  needed: number;
  /** People other than the author who could give one. */
  available: number;
}

/** The requirements that cannot be met because too few people besides the author may give them. */
export function approvalGaps(rules: readonly RequirementRule[], members: readonly CoverageMember[], authorId: string | null): CoverageGap[] {
  const reviewers = members.filter((member) => member.userId !== authorId && roleAtLeast(member.role, "MEMBER"));
  return rules
    .map((rule) => ({
      reviewerKind: rule.reviewerKind,
      label: reviewerKindLabel(rule.reviewerKind),
      needed: rule.count,
      available: reviewers.filter((member) => member.kinds.includes(rule.reviewerKind)).length,
    }))
    .filter((gap) => gap.available < gap.needed);
}

/** One sentence for the people who will read it, e.g. "needs 1 security reviewer, and nobody besides you is one". */
export function describeGap(gap: CoverageGap, authorIsReader: boolean): string {
  const who = authorIsReader ? "besides you" : "besides the author";
  const kind = gap.label.toLowerCase();
  const have = gap.available === 0 ? `nobody ${who} is one` : `only ${gap.available} ${who} ${gap.available === 1 ? "is one" : "are"}`;
  return `needs ${gap.needed === 1 ? "an approval" : `${gap.needed} approvals`} from a ${kind}, and ${have}`;
}
