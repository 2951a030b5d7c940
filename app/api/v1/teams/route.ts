import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { listTeams } from "@/lib/teams/teams.server";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  return NextResponse.json({ teams: await listTeams(actor) });
});
