// Whether a team can approve a role's requests, as the request form and the request page ask it before
// anything is submitted. Read-only; scoped to the caller's teams (another team's is a 404).
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { teamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { heldReviewerKinds, resolveRequirements } from "@/lib/reviews/approvals";
import { configuredRules } from "@/lib/reviews/approvals.server";
import { approvalGaps, type CoverageGap } from "@/lib/reviews/coverage";

export interface ApprovalCoverage {
  team: { slug: string; name: string };
  gaps: CoverageGap[];
  /** The caller may change the team's review settings. */
  canManage: boolean;
}

/** The approvals a role's requests need in the team that too few people besides `authorId` can give. */
export async function getApprovalCoverage(actor: Actor, team: { slug: string } | { id: string }, roleKey: string, authorId: string | null): Promise<ApprovalCoverage> {
  const db = getDb();
  const access = await teamAccess(db, actor, team);
  const [configured, memberships, designations] = await Promise.all([
    configuredRules(db, access.team.id, roleKey),
    db.membership.findMany({ where: { teamId: access.team.id }, select: { userId: true, role: true } }),
    db.reviewerDesignation.findMany({ where: { teamId: access.team.id }, select: { userId: true, kind: true } }),
  ]);
  const members = memberships.map((membership) => ({
    userId: membership.userId,
    role: membership.role,
    kinds: heldReviewerKinds(
      membership.role,
      designations.filter((row) => row.userId === membership.userId).map((row) => row.kind),
    ),
  }));
  return {
    team: { slug: access.team.slug, name: access.team.name },
    gaps: approvalGaps(resolveRequirements(configured).rules, members, authorId),
    canManage: roleAllows(access.role, "manage"),
  };
}
