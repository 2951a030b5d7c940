// Session helpers for pages, layouts and server actions. The session, the actor and the actor's teams are
// read once per page render (React's `cache`): the layout and the page both ask for them.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { userActor, type Actor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { UnauthenticatedError } from "@/lib/errors";
import { listTeams, type TeamSummary } from "@/lib/teams/teams.server";

export const CURRENT_TEAM_COOKIE = "portal-team";

/** The signed-in user as an actor, or null. A session whose user was deleted counts as signed out. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const exists = await getDb().user.findUnique({ where: { id: userId }, select: { id: true } });
  return exists ? userActor(userId) : null;
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For server actions: the actor, or an Unauthenticated error. */
export async function requireActionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new UnauthenticatedError("Your session has ended: sign in again");
  return actor;
}

/** The actor's teams, read once per render (the shell's switcher and `currentTeam` both need them). */
export const listMyTeams = cache((actor: Actor): Promise<TeamSummary[]> => listTeams(actor));

/** The team the shell shows: the one the switcher remembered, else the first. */
export const currentTeam = cache(async (actor: Actor): Promise<TeamSummary | undefined> => {
  const remembered = (await cookies()).get(CURRENT_TEAM_COOKIE)?.value;
  const teams = await listMyTeams(actor);
  return teams.find((team) => team.slug === remembered) ?? teams[0];
});
