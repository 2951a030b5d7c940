import { apiRoute, authenticate } from "@/lib/api/handler";
import { redeliver } from "@/lib/notifications/endpoints.server";

export const POST = apiRoute<{ id: string; deliveryId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await redeliver(actor, params.id, params.deliveryId);
  return new Response(null, { status: 202 });
});
