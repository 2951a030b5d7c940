import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { toSloJson, toSloWithReportJson } from "@/lib/slo/api-schemas";
import { getSloReport } from "@/lib/slo/reports.server";
import { z } from "zod";
import { deleteSlo, updateSlo } from "@/lib/slo/slos.server";
import { sliSource } from "@/lib/integrations/registry";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const result = await getSloReport(actor, params.id);
  return NextResponse.json(toSloWithReportJson(result, result.asOf));
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  // Any JSON object: updateSlo merges it into the stored SLO and reports every field's problem at once.
  const input = await readJson(request, z.record(z.string(), z.unknown(), { error: "Send an object with the fields to change" }));
  return NextResponse.json({ slo: toSloJson(await updateSlo(actor, params.id, input, { sliSource })) });
});

export const DELETE = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await deleteSlo(actor, params.id);
  return new Response(null, { status: 204 });
});
