// The incident page's live stream: access checked once when it opens, then each announced change with its
// data, loaded once per replica for every viewer (a timeline event, or the incident itself). ADR 019.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { incidentAccess, loadDetail, loadTimelineEvent } from "@/lib/incidents/incidents.server";
import type { LiveLoader } from "@/lib/live/hub.server";
import { liveStreamResponse } from "@/lib/live/stream.server";
import { liveTopic } from "@/lib/live/messages";

export async function incidentStream(actor: Actor, incidentId: string, request: Request): Promise<Response> {
  await incidentAccess(getDb(), actor, incidentId, "read");
  const load: LiveLoader = async (change) => {
    if (change.part === "timeline" && change.rowId) return loadTimelineEvent(getDb(), incidentId, change.rowId);
    if (change.part === "detail") return loadDetail(getDb(), incidentId);
    return undefined;
  };
  return liveStreamResponse(request, liveTopic("incident", incidentId), { load });
}
