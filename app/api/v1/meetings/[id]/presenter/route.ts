import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { takeOverMeeting } from "@/lib/reviews/meetings.server";

// Take over meeting mode: the caller becomes the presenter everyone follows (audited).
export const POST = apiRoute<{ id: string }>(async (request, { params }) => NextResponse.json(await takeOverMeeting(await authenticate(request), params.id)));
