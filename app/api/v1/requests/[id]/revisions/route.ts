import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { listRevisions } from "@/lib/requests/requests.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json({ revisions: await listRevisions(actor, params.id) });
});
