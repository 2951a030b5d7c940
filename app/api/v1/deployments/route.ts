import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { listDeployments, recordDeployments } from "@/lib/deployments/deployments.server";
import { DEPLOYMENT_BODY_LIMIT_BYTES } from "@/lib/deployments/api-schemas";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  return NextResponse.json(await listDeployments(actor, Object.fromEntries(request.nextUrl.searchParams)));
});

export const POST = apiRoute(async (request) => {
  const actor = await authenticate(request);
  // The body is validated once, by recordDeployments (a batch of 1,000 is not worth parsing twice).
  const body = await readJson(request, z.unknown(), DEPLOYMENT_BODY_LIMIT_BYTES);
  const result = await recordDeployments(actor, body);
  return NextResponse.json(result, { status: result.created > 0 ? 201 : 200 });
});
