import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createDecision, listDecisions } from "@/lib/reviews/decisions.server";
import { createTeamDecisionSchema } from "@/lib/reviews/schema";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const query = Object.fromEntries([...request.nextUrl.searchParams.entries()].filter(([, value]) => value.trim() !== ""));
  return NextResponse.json(await listDecisions(actor, params.slug, query));
});

export const POST = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, createTeamDecisionSchema);
  return NextResponse.json(await createDecision(actor, { ...body, team: params.slug }), { status: 201 });
});
