import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { endMeeting } from "@/lib/reviews/meetings.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await endMeeting(actor, params.id));
});
