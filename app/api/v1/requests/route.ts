import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createRequest, listRequests } from "@/lib/requests/requests.server";
import { createRequestSchema, listQueryFromSearchParams } from "@/lib/requests/schema";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  return NextResponse.json(await listRequests(actor, listQueryFromSearchParams(request.nextUrl.searchParams)));
});

export const POST = apiRoute(async (request) => {
  const actor = await authenticate(request);
  const body = await readJson(request, createRequestSchema);
  const created = await createRequest(actor, body);
  return NextResponse.json(created, { status: 201, headers: { Location: `/api/v1/requests/${created.id}` } });
});
