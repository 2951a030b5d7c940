import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { listAutoPublishRules, setAutoPublishRules } from "@/lib/artifacts/repositories.server";
import { autoPublishSchema } from "@/lib/artifacts/repository-schema";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json({ rules: await listAutoPublishRules(actor, params.slug) });
});

export const PUT = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, autoPublishSchema, 32_000);
  return NextResponse.json({ rules: await setAutoPublishRules(actor, params.slug, body) });
});
