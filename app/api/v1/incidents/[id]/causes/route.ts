import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { linkIncidentCause } from "@/lib/deployments/incident-changes.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const result = await linkIncidentCause(actor, params.id, await readJson(request, z.unknown()));
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
