import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { listTeams } from "@/lib/teams/teams.server";
import { getProfile } from "@/lib/users/users.server";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  const [user, teams] = await Promise.all([getProfile(actor), listTeams(actor)]);
  return NextResponse.json({
    user: user ? { id: user.id, email: user.email, name: user.name } : null,
    via: actor.kind === "token" ? "token" : "session",
    ...(actor.kind === "token" ? { token: { id: actor.tokenId, teamSlug: teams[0]?.slug } } : {}),
    teams,
  });
});
