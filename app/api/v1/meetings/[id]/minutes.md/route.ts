import { apiRoute, authenticate } from "@/lib/api/handler";
import { exportMinutes } from "@/lib/reviews/meetings.server";

/** The minutes as a Markdown file download (404 until the meeting has ended). */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { fileName, markdown } = await exportMinutes(actor, params.id);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
