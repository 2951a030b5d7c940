import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { transitionRequest } from "@/lib/requests/requests.server";
import { transitionRequestSchema } from "@/lib/requests/schema";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, transitionRequestSchema);
  return NextResponse.json(await transitionRequest(actor, params.id, body));
});
