import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { parseOrThrow } from "@/lib/errors";
import { incidentEventTypes } from "@/lib/incidents/event-types";
import { addEventSchema } from "@/lib/incidents/schema";
import { addTimelineEvent, listTimeline } from "@/lib/incidents/incidents.server";

const typesSchema = z.array(z.enum(incidentEventTypes, { error: `Event types are ${incidentEventTypes.join(", ")}` }));

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const type = request.nextUrl.searchParams.get("type");
  const types = type ? parseOrThrow(typesSchema, type.split(",").map((value) => value.trim()).filter(Boolean)) : undefined;
  return NextResponse.json({ events: await listTimeline(actor, params.id, { types }) });
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, addEventSchema);
  return NextResponse.json(await addTimelineEvent(actor, params.id, input), { status: 201 });
});
