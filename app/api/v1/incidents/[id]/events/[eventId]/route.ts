import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { updateEventSchema } from "@/lib/incidents/schema";
import { updateTimelineEvent } from "@/lib/incidents/incidents.server";

export const PATCH = apiRoute<{ id: string; eventId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, updateEventSchema);
  return NextResponse.json(await updateTimelineEvent(actor, params.id, params.eventId, input));
});
