// Teams and memberships: every function takes the acting user first and checks access through lib/auth.
import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import type { TeamRole } from "@/lib/generated/prisma/browser";
import type { Actor } from "@/lib/auth/actor";
import { TOKEN_ROLE, requireTeamPermission, teamAccess } from "@/lib/auth/authorize";
import { roleAtLeast } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import {
  addMemberSchema,
  changeMemberRoleSchema,
  createTeamSchema,
  removeMemberSchema,
  type AddMemberInput,
  type CreateTeamInput,
} from "@/lib/teams/schema";
import { isUniqueViolation } from "@/lib/db/errors";

export interface TeamSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  role: TeamRole;
}

/** The teams the actor belongs to, with the actor's role in each, by name. */
export async function listTeams(actor: Actor): Promise<TeamSummary[]> {
  const db = getDb();
  if (actor.kind === "token") {
    const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId } });
    return [{ id: team.id, slug: team.slug, name: team.name, description: team.description, role: TOKEN_ROLE }];
  }
  if (actor.kind === "system") {
    const teams = await db.team.findMany({ orderBy: { name: "asc" } });
    return teams.map((team) => ({ id: team.id, slug: team.slug, name: team.name, description: team.description, role: "OWNER" as const }));
  }
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    include: { team: true },
    orderBy: { team: { name: "asc" } },
  });
  return memberships.map(({ team, role }) => ({ id: team.id, slug: team.slug, name: team.name, description: team.description, role }));
}

/** One team the actor can see, with counts for the home page. */
export async function getTeam(actor: Actor, slug: string) {
  const db = getDb();
  const access = await teamAccess(db, actor, { slug });
  const [team, members, activeTokens] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: access.team.id } }),
    db.membership.count({ where: { teamId: access.team.id } }),
    db.apiToken.count({
      where: { teamId: access.team.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    }),
  ]);
  return { ...team, role: access.role, counts: { members, activeTokens } };
}

/** Creates a team; its creator (or, from the CLI, the named owner) becomes its owner. Tokens cannot. */
export async function createTeam(actor: Actor, input: CreateTeamInput, ownerId: string | null = actor.userId) {
  if (actor.kind === "token") throw new ForbiddenError("API tokens cannot create teams");
  const data = parseOrThrow(createTeamSchema, input);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({ data });
      if (ownerId) await tx.membership.create({ data: { teamId: team.id, userId: ownerId, role: "OWNER" } });
      await recordAudit(tx, actor, { action: "team.created", teamId: team.id, targetType: "team", targetId: team.id, details: { slug: team.slug, name: team.name } });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidError("That slug is taken", [{ path: ["slug"], message: "A team with this slug already exists" }]);
    throw error;
  }
}

/** The team's members with their roles, owners first. */
export async function listMembers(actor: Actor, slug: string) {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug });
  const memberships = await db.membership.findMany({
    where: { teamId: team.id },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  const order: Record<TeamRole, number> = { OWNER: 0, MAINTAINER: 1, MEMBER: 2, VIEWER: 3 };
  return memberships.sort((a, b) => order[a.role] - order[b.role] || a.user.email.localeCompare(b.user.email));
}

/** Adds an existing user, found by email, to the team. Only owners may add owners. */
export async function addMember(actor: Actor, slug: string, input: AddMemberInput) {
  const data = parseOrThrow(addMemberSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug }, "manage");
    if (data.role === "OWNER" && !roleAtLeast(access.role, "OWNER")) throw new ForbiddenError("Only owners can add owners");
    const user = await tx.user.findUnique({ where: { email: data.email }, select: { id: true, email: true } });
    if (!user) {
      throw InvalidError.field(["email"], "No user has this email. Ask them to sign in once, or an admin can create the account.");
    }
    const existing = await tx.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId: access.team.id } } });
    if (existing) throw InvalidError.field(["email"], `${user.email} is already a member of ${access.team.name}`);
    const membership = await tx.membership.create({ data: { userId: user.id, teamId: access.team.id, role: data.role } });
    await recordAudit(tx, actor, {
      action: "member.added",
      teamId: access.team.id,
      targetType: "membership",
      targetId: membership.id,
      details: { email: user.email, role: data.role },
    });
    return membership;
  });
}

async function ownerCount(tx: Tx, teamId: string) {
  return tx.membership.count({ where: { teamId, role: "OWNER" } });
}

/** Changes a member's role. Owners alone grant or take away ownership; the last owner stays an owner. */
export async function changeMemberRole(actor: Actor, slug: string, input: { membershipId: string; role: TeamRole }) {
  const data = parseOrThrow(changeMemberRoleSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug }, "manage");
    const membership = await tx.membership.findFirst({ where: { id: data.membershipId, teamId: access.team.id }, include: { user: true } });
    if (!membership) throw new NotFoundError("Member");
    const touchesOwner = membership.role === "OWNER" || data.role === "OWNER";
    if (touchesOwner && !roleAtLeast(access.role, "OWNER")) throw new ForbiddenError("Only owners can grant or take away ownership");
    if (membership.role === "OWNER" && data.role !== "OWNER" && (await ownerCount(tx, access.team.id)) <= 1) {
      throw new ConflictError("A team needs at least one owner: make someone else an owner first");
    }
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: data.role } });
    await recordAudit(tx, actor, {
      action: "member.role_changed",
      teamId: access.team.id,
      targetType: "membership",
      targetId: membership.id,
      details: { email: membership.user.email, from: membership.role, to: data.role },
    });
    return updated;
  });
}

/** Removes a member. The last owner cannot be removed. */
export async function removeMember(actor: Actor, slug: string, input: { membershipId: string }) {
  const data = parseOrThrow(removeMemberSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug }, "manage");
    const membership = await tx.membership.findFirst({ where: { id: data.membershipId, teamId: access.team.id }, include: { user: true } });
    if (!membership) throw new NotFoundError("Member");
    if (membership.role === "OWNER" && !roleAtLeast(access.role, "OWNER")) throw new ForbiddenError("Only owners can remove owners");
    if (membership.role === "OWNER" && (await ownerCount(tx, access.team.id)) <= 1) {
      throw new ConflictError("A team needs at least one owner: make someone else an owner first");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, actor, {
      action: "member.removed",
      teamId: access.team.id,
      targetType: "membership",
      targetId: membership.id,
      details: { email: membership.user.email, role: membership.role },
    });
  });
}

