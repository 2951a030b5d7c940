import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { updateComment } from "@/lib/requests/requests.server";
import { commentPatchSchema } from "@/lib/requests/schema";

const COMMENT_BODY_LIMIT_BYTES = 64_000;

/** `{ body }` edits one's own comment; `{ resolved }` resolves or reopens any comment (members and up). */
export const PATCH = apiRoute<{ id: string; commentId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, commentPatchSchema, COMMENT_BODY_LIMIT_BYTES);
  return NextResponse.json(await updateComment(actor, params.id, params.commentId, body));
});
