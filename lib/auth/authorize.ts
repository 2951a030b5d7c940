// The one authorization module. Every data-access function calls it with the acting user first.
// A caller outside the team gets NotFound (existence does not leak); a member whose role is too low
// gets Forbidden.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { TeamRole } from "@/lib/generated/prisma/browser";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { roleAllows, type Permission } from "@/lib/auth/roles";

export interface TeamAccess {
  team: { id: string; slug: string; name: string };
  role: TeamRole;
}

/** The role a token acts with inside its own team. */
export const TOKEN_ROLE: TeamRole = "MEMBER";

type TeamRef = { slug: string } | { id: string };

/** Resolves the actor's access to a team, or throws NotFound when the actor is not in it. */
export async function teamAccess(db: Db | Tx, actor: Actor, ref: TeamRef, what = "Team"): Promise<TeamAccess> {
  const team = await db.team.findUnique({ where: ref, select: { id: true, slug: true, name: true } });
  if (!team) throw new NotFoundError(what);
  if (actor.kind === "system") return { team, role: "OWNER" };
  if (actor.kind === "token") {
    if (actor.teamId !== team.id) throw new NotFoundError(what);
    return { team, role: TOKEN_ROLE };
  }
  const membership = await db.membership.findUnique({
    where: { userId_teamId: { userId: actor.userId, teamId: team.id } },
    select: { role: true },
  });
  if (!membership) throw new NotFoundError(what);
  return { team, role: membership.role };
}

/** Like teamAccess, and also demands a permission. */
export async function requireTeamPermission(
  db: Db | Tx,
  actor: Actor,
  ref: TeamRef,
  permission: Permission,
  what = "Team",
): Promise<TeamAccess> {
  const access = await teamAccess(db, actor, ref, what);
  assertPermission(access, permission);
  return access;
}

export function assertPermission(access: TeamAccess, permission: Permission): void {
  if (!roleAllows(access.role, permission)) {
    throw new ForbiddenError(`Your role in ${access.team.name} (${access.role.toLowerCase()}) does not allow this action`);
  }
}

/** The ids of the teams the actor can read: the filter every list query starts from. */
export async function visibleTeamIds(db: Db | Tx, actor: Actor): Promise<string[]> {
  if (actor.kind === "token") return [actor.teamId];
  if (actor.kind === "system") return (await db.team.findMany({ select: { id: true } })).map((team) => team.id);
  const memberships = await db.membership.findMany({ where: { userId: actor.userId }, select: { teamId: true } });
  return memberships.map((membership) => membership.teamId);
}
