import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { sendTestEvent } from "@/lib/notifications/endpoints.server";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json(await sendTestEvent(actor, params.id), { status: 202 });
});
