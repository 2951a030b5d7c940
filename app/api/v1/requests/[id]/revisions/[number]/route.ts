import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { getRevision } from "@/lib/requests/requests.server";

export const GET = apiRoute<{ id: string; number: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  if (!/^\d+$/.test(params.number)) throw new NotFoundError("Revision");
  return NextResponse.json(await getRevision(actor, params.id, Number(params.number)));
});
