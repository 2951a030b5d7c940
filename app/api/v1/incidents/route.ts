import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { declareIncidentSchema } from "@/lib/incidents/schema";
import { declareIncident, listIncidents } from "@/lib/incidents/incidents.server";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  return NextResponse.json(await listIncidents(actor, Object.fromEntries(request.nextUrl.searchParams)));
});

export const POST = apiRoute(async (request) => {
  const actor = await authenticate(request);
  const input = await readJson(request, declareIncidentSchema);
  return NextResponse.json(await declareIncident(actor, input), { status: 201 });
});
