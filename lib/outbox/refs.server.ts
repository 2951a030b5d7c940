// The parts every event's data shares: the team and who acted, read in the event's own transaction.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

export interface EventPerson {
  name: string | null;
  email: string | null;
}

/** The acting person (a token acts for its creator); null for the portal itself and the admin CLI. */
export async function eventActor(tx: Tx, actor: Actor | null): Promise<EventPerson | null> {
  if (!actor?.userId) return null;
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } });
  return user ? { name: user.name, email: user.email } : null;
}

export async function eventTeam(tx: Tx | Db, teamId: string): Promise<{ slug: string; name: string }> {
  return tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { slug: true, name: true } });
}
