import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { transitionSchema } from "@/lib/incidents/schema";
import { transitionIncident } from "@/lib/incidents/incidents.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, transitionSchema);
  return NextResponse.json(await transitionIncident(actor, params.id, input));
});
