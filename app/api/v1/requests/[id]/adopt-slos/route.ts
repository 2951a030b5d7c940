import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { adoptSlosSchema } from "@/lib/slo/adoption";
import { adoptSlosFromRequest } from "@/lib/slo/adoption.server";

/** 201 with the new SLOs; 200 with the earlier ones when this revision was adopted before. */
export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, adoptSlosSchema.optional());
  const result = await adoptSlosFromRequest(actor, params.id, body ?? {});
  return NextResponse.json(result, { status: result.alreadyAdopted ? 200 : 201 });
});
