import { apiRoute, authenticate } from "@/lib/api/handler";
import { unlinkIncidentCause } from "@/lib/deployments/incident-changes.server";

export const DELETE = apiRoute<{ id: string; deploymentId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await unlinkIncidentCause(actor, params.id, params.deploymentId);
  return new Response(null, { status: 204 });
});
