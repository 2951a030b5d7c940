import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { addComment, listComments } from "@/lib/requests/requests.server";
import { commentBodySchema } from "@/lib/requests/schema";

/** Comments are short: a smaller body limit than the default. */
const COMMENT_BODY_LIMIT_BYTES = 64_000;

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json({ comments: await listComments(actor, params.id) });
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, commentBodySchema, COMMENT_BODY_LIMIT_BYTES);
  return NextResponse.json(await addComment(actor, params.id, body), { status: 201 });
});
