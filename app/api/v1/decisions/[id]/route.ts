import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { getDecision, updateDecision } from "@/lib/reviews/decisions.server";
import { updateDecisionSchema } from "@/lib/reviews/schema";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await getDecision(actor, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, updateDecisionSchema);
  return NextResponse.json(await updateDecision(actor, params.id, body));
});
