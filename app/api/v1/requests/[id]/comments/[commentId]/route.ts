import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { editComment } from "@/lib/requests/requests.server";
import { commentBodySchema } from "@/lib/requests/schema";

const COMMENT_BODY_LIMIT_BYTES = 64_000;

export const PATCH = apiRoute<{ id: string; commentId: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, commentBodySchema, COMMENT_BODY_LIMIT_BYTES);
  return NextResponse.json(await editComment(actor, params.id, params.commentId, body));
});
