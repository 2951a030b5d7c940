import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { updateIncidentSchema } from "@/lib/incidents/schema";
import { getIncident, updateIncident } from "@/lib/incidents/incidents.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await getIncident(actor, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, updateIncidentSchema);
  return NextResponse.json(await updateIncident(actor, params.id, input));
});
