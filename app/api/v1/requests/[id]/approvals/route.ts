import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { getApprovalState, recordApproval } from "@/lib/reviews/approvals.server";
import { recordApprovalSchema } from "@/lib/reviews/schema";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await getApprovalState(actor, params.id));
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, recordApprovalSchema);
  return NextResponse.json(await recordApproval(actor, params.id, body));
});
