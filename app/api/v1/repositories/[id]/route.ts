import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { deleteRepository, getRepository, updateRepository } from "@/lib/artifacts/repositories.server";
import { updateRepositorySchema } from "@/lib/artifacts/repository-schema";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { repository } = await getRepository(actor, params.id);
  return NextResponse.json({ repository });
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, updateRepositorySchema, 32_000);
  return NextResponse.json({ repository: await updateRepository(actor, params.id, body) });
});

export const DELETE = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await deleteRepository(actor, params.id);
  return new Response(null, { status: 204 });
});
