import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createRepository, listRepositories } from "@/lib/artifacts/repositories.server";
import { createRepositorySchema } from "@/lib/artifacts/repository-schema";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { repositories } = await listRepositories(actor, params.slug);
  return NextResponse.json({ repositories });
});

export const POST = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, createRepositorySchema, 32_000);
  return NextResponse.json({ repository: await createRepository(actor, params.slug, body) }, { status: 201 });
});
