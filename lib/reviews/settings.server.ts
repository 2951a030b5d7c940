// Review settings of a team: who reviews what (designations) and how many approvals of which kind each
// role's requests need. Everyone in the team reads them; maintainers and owners change them, audited.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess } from "@/lib/auth/authorize";
import { roleAllows, roleAtLeast } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { isRoleKey, roles } from "@/lib/agents/registry";
import { resolveRequirements, heldReviewerKinds } from "@/lib/reviews/approvals";
import {
  setRequiredApprovalsSchema,
  setReviewerKindsSchema,
  type ReviewSettings,
  type SetRequiredApprovalsInput,
  type SetReviewerKindsInput,
} from "@/lib/reviews/schema";

const personSelect = { id: true, name: true, email: true } as const;

export async function getReviewSettings(actor: Actor, teamSlug: string): Promise<ReviewSettings> {
  const db = getDb();
  const access = await teamAccess(db, actor, { slug: teamSlug });
  const [memberships, designations, requirements] = await Promise.all([
    db.membership.findMany({ where: { teamId: access.team.id }, include: { user: { select: personSelect } }, orderBy: { user: { email: "asc" } } }),
    db.reviewerDesignation.findMany({ where: { teamId: access.team.id } }),
    db.approvalRequirement.findMany({ where: { teamId: access.team.id }, orderBy: { reviewerKind: "asc" } }),
  ]);
  return {
    team: { slug: access.team.slug, name: access.team.name },
    canManage: roleAllows(access.role, "manage"),
    members: memberships.map((membership) => ({
      person: membership.user,
      role: membership.role,
      kinds: heldReviewerKinds(membership.role, designations.filter((row) => row.userId === membership.userId).map((row) => row.kind)),
    })),
    requirements: roles.map((role) => {
      const { rules, usesDefault } = resolveRequirements(requirements.filter((row) => row.roleKey === role.key));
      return { role: { key: role.key, title: role.title }, rules, usesDefault };
    }),
  };
}

/** Sets the reviewer kinds of one member (replacing theirs). Viewers cannot be reviewers. */
export async function setReviewerKinds(actor: Actor, teamSlug: string, input: SetReviewerKindsInput, now = new Date()): Promise<ReviewSettings> {
  const data = parseOrThrow(setReviewerKindsSchema, input);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    const membership = await tx.membership.findUnique({ where: { userId_teamId: { userId: data.userId, teamId: access.team.id } }, include: { user: { select: personSelect } } });
    if (!membership) throw new NotFoundError("Member");
    if (data.kinds.length > 0 && !roleAtLeast(membership.role, "MEMBER")) {
      throw InvalidError.field(["kinds"], `${membership.user.email} is a viewer; make them a member first to let them review`);
    }
    const before = (await tx.reviewerDesignation.findMany({ where: { teamId: access.team.id, userId: data.userId } })).map((row) => row.kind).sort();
    const after = [...data.kinds].sort();
    if (before.join() === after.join()) return;
    await tx.reviewerDesignation.deleteMany({ where: { teamId: access.team.id, userId: data.userId, kind: { notIn: after } } });
    await tx.reviewerDesignation.createMany({
      data: after.filter((kind) => !before.includes(kind)).map((kind) => ({ teamId: access.team.id, userId: data.userId, kind, createdAt: now })),
    });
    await recordAudit(tx, actor, {
      action: "reviews.reviewer_changed",
      teamId: access.team.id,
      targetType: "member",
      targetId: data.userId,
      details: { email: membership.user.email, from: before, to: after },
    });
  });
  return getReviewSettings(actor, teamSlug);
}

/** Replaces the approvals one role's requests need in the team; no rules brings back the default. */
export async function setRequiredApprovals(actor: Actor, teamSlug: string, input: SetRequiredApprovalsInput, now = new Date()): Promise<ReviewSettings> {
  const data = parseOrThrow(setRequiredApprovalsSchema, input);
  if (!isRoleKey(data.role)) throw InvalidError.field(["role"], `There is no role "${data.role}"`);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    const existing = await tx.approvalRequirement.findMany({ where: { teamId: access.team.id, roleKey: data.role }, orderBy: { reviewerKind: "asc" } });
    const describe = (rules: { reviewerKind: string; count: number }[]) =>
      [...rules].sort((a, b) => a.reviewerKind.localeCompare(b.reviewerKind)).map((rule) => `${rule.count} ${rule.reviewerKind}`);
    const before = describe(existing);
    const after = describe(data.rules);
    if (before.join() === after.join()) return;
    await tx.approvalRequirement.deleteMany({ where: { teamId: access.team.id, roleKey: data.role } });
    await tx.approvalRequirement.createMany({
      data: data.rules.map((rule) => ({ teamId: access.team.id, roleKey: data.role, reviewerKind: rule.reviewerKind, count: rule.count, createdAt: now, updatedAt: now })),
    });
    await recordAudit(tx, actor, {
      action: "reviews.requirements_changed",
      teamId: access.team.id,
      targetType: "role",
      targetId: data.role,
      details: { role: data.role, from: before, to: after },
    });
  });
  return getReviewSettings(actor, teamSlug);
}
