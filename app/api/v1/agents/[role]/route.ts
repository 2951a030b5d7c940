import { NextResponse } from "next/server";
import { agentView } from "@/lib/agents/api-view";
import { getRole } from "@/lib/agents/registry";
import { apiRoute, authenticate } from "@/lib/api/handler";

export const GET = apiRoute<{ role: string }>(async (request, { params }) => {
  await authenticate(request);
  return NextResponse.json({ agent: agentView(getRole(params.role)) });
});
