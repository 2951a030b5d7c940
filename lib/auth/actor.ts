// Who is acting: a signed-in user; a team-scoped API token (MEMBER rights in its team); or the
// operator at the admin CLI ("system"), who may do anything and is audited as such.
export type Actor =
  | { kind: "user"; userId: string }
  | { kind: "token"; tokenId: string; teamId: string; userId: string | null }
  | { kind: "system"; userId: null; label: string };

export const userActor = (userId: string): Actor => ({ kind: "user", userId });

export const systemActor = (label = "admin-cli"): Actor => ({ kind: "system", userId: null, label });

/** The user to record in audit logs: the token's creator for tokens, nobody for the CLI. */
export function auditActorId(actor: Actor): string | null {
  return actor.userId;
}
