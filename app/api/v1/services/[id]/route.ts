import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { updateServiceSchema } from "@/lib/services/schema";
import { deleteService, getService, updateService } from "@/lib/services/services.server";
import { toServiceJson } from "@/lib/slo/api-schemas";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json({ service: toServiceJson(await getService(actor, params.id)) });
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, updateServiceSchema);
  return NextResponse.json({ service: toServiceJson(await updateService(actor, params.id, input)) });
});

export const DELETE = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await deleteService(actor, params.id);
  return new Response(null, { status: 204 });
});
