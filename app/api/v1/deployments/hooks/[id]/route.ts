import { apiRoute, authenticate } from "@/lib/api/handler";
import { deleteDeploymentHook } from "@/lib/deployments/hooks.server";

export const DELETE = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await deleteDeploymentHook(actor, params.id);
  return new Response(null, { status: 204 });
});
