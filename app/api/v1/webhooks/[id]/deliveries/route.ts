import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/notifications/endpoints.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const query = Object.fromEntries([...request.nextUrl.searchParams.entries()].filter(([, value]) => value.trim() !== ""));
  return NextResponse.json(await listDeliveries(actor, params.id, query));
});
