import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { sliSource } from "@/lib/integrations/registry";
import { testDataSource } from "@/lib/slo/data-sources.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await testDataSource(actor, params.id, sliSource));
});
