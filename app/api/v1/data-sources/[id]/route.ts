import { NextResponse } from "next/server";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { deleteDataSource, getDataSource, updateDataSource } from "@/lib/slo/data-sources.server";
import { updateDataSourceSchema } from "@/lib/slo/data-source-schema";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  return NextResponse.json({ dataSource: await getDataSource(actor, params.id) });
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const body = await readJson(request, updateDataSourceSchema, 32_000);
  return NextResponse.json({ dataSource: await updateDataSource(actor, params.id, body) });
});

export const DELETE = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  await deleteDataSource(actor, params.id);
  return new Response(null, { status: 204 });
});
