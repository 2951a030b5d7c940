import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { focusAgendaItemSchema } from "@/lib/reviews/meetings-schema";
import { focusAgendaItem } from "@/lib/reviews/meetings.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, focusAgendaItemSchema);
  return NextResponse.json(await focusAgendaItem(actor, params.id, input));
});
