import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { listDeliveryAttempts } from "@/lib/notifications/endpoints.server";

export const GET = apiRoute<{ id: string; deliveryId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json({ attempts: await listDeliveryAttempts(actor, params.id, params.deliveryId) });
});
