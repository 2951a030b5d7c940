import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { SAMPLES_BODY_LIMIT_BYTES } from "@/lib/slo/samples";
import { ingestSamples } from "@/lib/slo/samples.server";

/** The body is checked item by item by ingestSamples (every bad item's index and reason), not here. */
const anyJson = z.unknown();

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, anyJson, SAMPLES_BODY_LIMIT_BYTES);
  return NextResponse.json(await ingestSamples(actor, params.id, body));
});
