import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { toSloWithReportJson } from "@/lib/slo/api-schemas";
import { listTeamSloReports } from "@/lib/slo/reports.server";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { slos, asOf } = await listTeamSloReports(actor, params.slug);
  return NextResponse.json({ asOf, slos: slos.map((entry) => toSloWithReportJson(entry, asOf)) });
});
