import { NextResponse } from "next/server";
import { text } from "@/lib/validation/text";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createServiceSchema } from "@/lib/services/schema";
import { createService, listVisibleServices, resolveTargetTeam } from "@/lib/services/services.server";
import { toServiceJson } from "@/lib/slo/api-schemas";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  const team = request.nextUrl.searchParams.get("team") ?? undefined;
  const services = await listVisibleServices(actor, { teamSlug: team });
  return NextResponse.json({ services: services.map(toServiceJson) });
});

export const POST = apiRoute(async (request) => {
  const actor = await authenticate(request);
  const { team, ...input } = await readJson(request, createServiceSchema.extend({ team: text().trim().min(1).optional() }));
  const service = await createService(actor, await resolveTargetTeam(actor, team), input);
  return NextResponse.json({ service: toServiceJson(service) }, { status: 201 });
});
