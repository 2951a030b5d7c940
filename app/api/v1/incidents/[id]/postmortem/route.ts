import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { updatePostmortemSchema } from "@/lib/incidents/schema";
import { generatePostmortem, getPostmortem, updatePostmortem } from "@/lib/incidents/postmortems.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const postmortem = await getPostmortem(actor, params.id);
  if (!postmortem) throw new NotFoundError("Postmortem");
  return NextResponse.json(postmortem);
});

/** Generates the draft from the incident. */
export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await generatePostmortem(actor, params.id), { status: 201 });
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, updatePostmortemSchema);
  return NextResponse.json(await updatePostmortem(actor, params.id, input));
});
