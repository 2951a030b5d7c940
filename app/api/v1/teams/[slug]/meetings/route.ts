import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createMeetingSchema } from "@/lib/reviews/meetings-schema";
import { createMeeting, listMeetings } from "@/lib/reviews/meetings.server";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const status = request.nextUrl.searchParams.get("status") ?? undefined;
  return NextResponse.json({ meetings: await listMeetings(actor, params.slug, { status }) });
});

export const POST = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, createMeetingSchema);
  return NextResponse.json(await createMeeting(actor, params.slug, input), { status: 201 });
});
