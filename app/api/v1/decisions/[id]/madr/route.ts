import { apiRoute, authenticate } from "@/lib/api/handler";
import { exportDecisionMadr } from "@/lib/reviews/decisions.server";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { fileName, markdown } = await exportDecisionMadr(actor, params.id);
  return new Response(markdown, {
    headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
});
