import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createMeetingActionSchema } from "@/lib/reviews/meetings-schema";
import { addMeetingAction } from "@/lib/reviews/meetings.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, createMeetingActionSchema);
  return NextResponse.json(await addMeetingAction(actor, params.id, input), { status: 201 });
});
