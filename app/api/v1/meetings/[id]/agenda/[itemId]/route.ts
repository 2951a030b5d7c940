import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { agendaNotesSchema } from "@/lib/reviews/meetings-schema";
import { saveAgendaNotes } from "@/lib/reviews/meetings.server";

export const PATCH = apiRoute<{ id: string; itemId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, agendaNotesSchema);
  return NextResponse.json(await saveAgendaNotes(actor, params.id, params.itemId, input));
});
