import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { updateActionItemSchema } from "@/lib/incidents/schema";
import { updateActionItem } from "@/lib/incidents/postmortems.server";

export const PATCH = apiRoute<{ id: string; itemId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, updateActionItemSchema);
  return NextResponse.json(await updateActionItem(actor, params.id, params.itemId, input));
});
