import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createActionItemSchema } from "@/lib/incidents/schema";
import { createActionItem, listActionItems } from "@/lib/incidents/postmortems.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json({ actionItems: await listActionItems(actor, params.id) });
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, createActionItemSchema);
  return NextResponse.json(await createActionItem(actor, params.id, input), { status: 201 });
});
