import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { listPublications, publishRequest } from "@/lib/artifacts/publications.server";
import { publishSchema } from "@/lib/artifacts/repository-schema";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await listPublications(actor, params.id));
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, publishSchema, 4_000);
  return NextResponse.json({ publication: await publishRequest(actor, params.id, body) }, { status: 202 });
});
