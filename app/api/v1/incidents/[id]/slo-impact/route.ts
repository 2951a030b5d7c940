import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { getIncidentSloImpact } from "@/lib/incidents/slo-impact.server";

/** The error budget each affected service's SLO lost in the incident's impact window, as of now. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await getIncidentSloImpact(actor, params.id));
});
