import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { getRequest, updateRequest } from "@/lib/requests/requests.server";
import { updateRequestSchema } from "@/lib/requests/schema";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await getRequest(actor, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, updateRequestSchema);
  return NextResponse.json(await updateRequest(actor, params.id, body));
});
