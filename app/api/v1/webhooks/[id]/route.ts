import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/lib/notifications/endpoints.server";
import { updateEndpointSchema } from "@/lib/notifications/schema";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { endpoint } = await getEndpoint(actor, params.id);
  return NextResponse.json({ endpoint });
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, updateEndpointSchema, 16_000);
  return NextResponse.json({ endpoint: await updateEndpoint(actor, params.id, body) });
});

export const DELETE = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await deleteEndpoint(actor, params.id);
  return new Response(null, { status: 204 });
});
