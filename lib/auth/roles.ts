// Team roles and what each may do. OWNER and MAINTAINER manage; MEMBER creates and edits; VIEWER reads.
import type { TeamRole } from "@/lib/generated/prisma/browser";

export const teamRoles = ["OWNER", "MAINTAINER", "MEMBER", "VIEWER"] as const satisfies readonly TeamRole[];

const rank: Record<TeamRole, number> = { VIEWER: 0, MEMBER: 1, MAINTAINER: 2, OWNER: 3 };

export const roleLabels: Record<TeamRole, string> = {
  OWNER: "Owner",
  MAINTAINER: "Maintainer",
  MEMBER: "Member",
  VIEWER: "Viewer",
};

export const roleDescriptions: Record<TeamRole, string> = {
  OWNER: "Manages the team, its members and tokens, including other owners.",
  MAINTAINER: "Manages members and tokens, and moves requests through review.",
  MEMBER: "Creates and edits the team's requests, services and incidents.",
  VIEWER: "Reads everything the team owns; changes nothing.",
};

/** What an action needs, named after what it is for. */
export const permissions = {
  read: "VIEWER",
  edit: "MEMBER",
  manage: "MAINTAINER",
  own: "OWNER",
} as const satisfies Record<string, TeamRole>;

export type Permission = keyof typeof permissions;

export function roleAllows(role: TeamRole, permission: Permission): boolean {
  return rank[role] >= rank[permissions[permission]];
}

export function roleAtLeast(role: TeamRole, minimum: TeamRole): boolean {
  return rank[role] >= rank[minimum];
}
