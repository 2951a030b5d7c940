import { apiRoute, authenticate } from "@/lib/api/handler";
import { exportPostmortem } from "@/lib/incidents/postmortems.server";

/** The postmortem as a Markdown file download. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { fileName, markdown } = await exportPostmortem(actor, params.id);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
