import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { createDataSource, listDataSources } from "@/lib/slo/data-sources.server";
import { createDataSourceSchema } from "@/lib/slo/data-source-schema";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { dataSources } = await listDataSources(actor, params.slug);
  return NextResponse.json({ dataSources });
});

export const POST = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, createDataSourceSchema, 32_000);
  return NextResponse.json({ dataSource: await createDataSource(actor, params.slug, body) }, { status: 201 });
});
