import { NextResponse } from "next/server";
import { agentView } from "@/lib/agents/api-view";
import { roles } from "@/lib/agents/registry";
import { apiRoute, authenticate } from "@/lib/api/handler";

export const GET = apiRoute(async (request) => {
  await authenticate(request);
  return NextResponse.json({ agents: roles.map(agentView) });
});
