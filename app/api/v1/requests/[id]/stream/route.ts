import { apiRoute, authenticate } from "@/lib/api/handler";
import { getRequest } from "@/lib/requests/requests.server";
import { liveTopic } from "@/lib/live/messages";
import { liveStreamResponse } from "@/lib/live/stream.server";

export const dynamic = "force-dynamic";

// The request page: each change names the part (detail, comments, approvals); viewers refetch that part.
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  await getRequest(await authenticate(request), params.id);
  return liveStreamResponse(request, liveTopic("request", params.id));
});
