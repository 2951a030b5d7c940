import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { parseOrThrow } from "@/lib/errors";
import { getSloSeries, seriesRanges } from "@/lib/slo/reports.server";

const querySchema = z.object({ range: z.enum(seriesRanges, { error: "Choose range=6h, 1d, 3d or window" }).default("window") });

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { range } = parseOrThrow(querySchema, { range: request.nextUrl.searchParams.get("range") ?? undefined });
  return NextResponse.json(await getSloSeries(actor, params.id, range));
});
