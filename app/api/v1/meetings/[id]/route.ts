import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { updateMeetingSchema } from "@/lib/reviews/meetings-schema";
import { getMeeting, updateMeeting } from "@/lib/reviews/meetings.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await getMeeting(actor, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, updateMeetingSchema);
  return NextResponse.json(await updateMeeting(actor, params.id, input));
});
