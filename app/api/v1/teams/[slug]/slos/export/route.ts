import { apiRoute, authenticate } from "@/lib/api/handler";
import { exportResponse, exportSlosFor } from "@/lib/slo/exports.server";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return exportResponse(await exportSlosFor(actor, { teamSlug: params.slug }, request.nextUrl.searchParams.get("format")));
});
