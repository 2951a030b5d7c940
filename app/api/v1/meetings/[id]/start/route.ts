import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { startMeetingSchema } from "@/lib/reviews/meetings-schema";
import { startMeeting } from "@/lib/reviews/meetings.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, startMeetingSchema.optional());
  return NextResponse.json(await startMeeting(actor, params.id, input ?? {}));
});
