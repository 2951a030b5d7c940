import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createDeploymentHook, listDeploymentHooks } from "@/lib/deployments/hooks.server";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  return NextResponse.json(await listDeploymentHooks(actor, request.nextUrl.searchParams.get("team") ?? undefined));
});

export const POST = apiRoute(async (request) => {
  const actor = await authenticate(request);
  return NextResponse.json(await createDeploymentHook(actor, await readJson(request, z.unknown())), { status: 201 });
});
