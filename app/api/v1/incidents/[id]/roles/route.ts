import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { assignRoleSchema } from "@/lib/incidents/schema";
import { assignIncidentRole } from "@/lib/incidents/incidents.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, assignRoleSchema);
  return NextResponse.json(await assignIncidentRole(actor, params.id, input));
});
