import { apiRoute, authenticate } from "@/lib/api/handler";
import { exportResponse, exportSlosFor } from "@/lib/slo/exports.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return exportResponse(await exportSlosFor(actor, { sloId: params.id }, request.nextUrl.searchParams.get("format")));
});
