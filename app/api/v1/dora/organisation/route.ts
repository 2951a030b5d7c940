import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { getOrganisationDora } from "@/lib/deployments/dora.server";

export const GET = apiRoute(async (request) => {
  const actor = await authenticate(request);
  return NextResponse.json(await getOrganisationDora(actor, Object.fromEntries(request.nextUrl.searchParams)));
});
