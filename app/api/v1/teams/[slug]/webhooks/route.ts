import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createEndpoint, listEndpoints } from "@/lib/notifications/endpoints.server";
import { createEndpointSchema } from "@/lib/notifications/schema";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { endpoints } = await listEndpoints(actor, params.slug);
  return NextResponse.json({ endpoints });
});

export const POST = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, createEndpointSchema, 16_000);
  return NextResponse.json(await createEndpoint(actor, params.slug, body), { status: 201 });
});
