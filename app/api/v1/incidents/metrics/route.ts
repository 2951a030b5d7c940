import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { getIncidentMetrics } from "@/lib/incidents/metrics.server";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  const query = request.nextUrl.searchParams;
  return NextResponse.json(await getIncidentMetrics(actor, query.get("team") ?? undefined, { period: query.get("period") ?? undefined }));
});
