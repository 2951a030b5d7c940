import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { revisionQuerySchema } from "@/lib/artifacts/api-schema";
import { getRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { parseOrThrow } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { revision } = parseOrThrow(revisionQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await getRevisionArtifacts(actor, params.id, revision));
});
