import { apiRoute, authenticate } from "@/lib/api/handler";
import { getMeeting } from "@/lib/reviews/meetings.server";
import { liveTopic } from "@/lib/live/messages";
import { liveStreamResponse } from "@/lib/live/stream.server";

export const dynamic = "force-dynamic";

// Meeting mode follows the presenter: each change says "state"; viewers fetch the meeting (it carries their own permissions).
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  await getMeeting(await authenticate(request), params.id);
  return liveStreamResponse(request, liveTopic("meeting", params.id));
});
