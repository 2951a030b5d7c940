import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { toSloJson, toSloWithReportJson } from "@/lib/slo/api-schemas";
import { listServiceSloReports } from "@/lib/slo/reports.server";
import { sloSpecSchema } from "@/lib/slo/schema";
import { createSlo } from "@/lib/slo/slos.server";
import { sliSource } from "@/lib/integrations/registry";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { slos, asOf } = await listServiceSloReports(actor, params.id);
  return NextResponse.json({ asOf, slos: slos.map((entry) => toSloWithReportJson(entry, asOf)) });
});

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const input = await readJson(request, sloSpecSchema);
  const slo = await createSlo(actor, { ...input, serviceId: params.id }, { sliSource });
  return NextResponse.json({ slo: toSloJson(slo) }, { status: 201 });
});
