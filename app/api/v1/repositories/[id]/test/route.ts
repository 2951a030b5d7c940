import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { testRepositoryConnection } from "@/lib/artifacts/repositories.server";
import { publisher } from "@/lib/integrations/registry";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await testRepositoryConnection(actor, params.id, publisher));
});
