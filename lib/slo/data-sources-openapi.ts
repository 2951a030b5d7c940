// The SLI data source operations of the OpenAPI document (gathered by lib/openapi/document.ts).
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { errorBodySchema } from "@/lib/api/schemas";
import { createDataSourceSchema, dataSourceAuthKinds, updateDataSourceSchema } from "@/lib/slo/data-source-schema";

export const dataSourceViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["PROMETHEUS"]).describe("A Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics)"),
    url: z.string().describe("The base URL; the portal adds /api/v1/…"),
    auth: z.object({ kind: z.enum(dataSourceAuthKinds), username: z.string().nullable(), hasSecret: z.boolean().describe("Whether a token or password is stored; it is never returned") }),
    tlsVerify: z.boolean(),
    timeoutMs: z.number().int(),
    lastCheckedAt: z.string().nullable(),
    lastCheckOk: z.boolean().nullable(),
    lastCheckDetail: z.string().nullable(),
    serverVersion: z.string().nullable().describe("What the last test's buildinfo reported"),
    sloCount: z.number().int().describe("SLOs taking their SLI from this source"),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "DataSource" });

export const sourceTestReportSchema = z
  .object({ ok: z.boolean(), version: z.string().nullable(), checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })), checkedAt: z.string() })
  .meta({ id: "DataSourceTestReport" });

const slugParam = { name: "slug", in: "path" as const, description: "The team's slug", required: true };
const idParam = { name: "id", in: "path" as const, description: "The data source's id", required: true };
const forbidden = { 403: { description: "Only maintainers and owners manage data sources (API tokens act as members)", schema: errorBodySchema } };

export const dataSourceOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/teams/{slug}/data-sources",
    summary: "The team's SLI data sources (credentials are never returned)",
    tags: ["slos"],
    params: [slugParam],
    responses: { 200: { description: "Data sources", schema: z.object({ dataSources: z.array(dataSourceViewSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/teams/{slug}/data-sources",
    summary: "Add a Prometheus-compatible data source: base URL (checked against the outbound address policy), optional bearer or basic sign-in (encrypted at rest), TLS verification, time limit",
    tags: ["slos"],
    params: [slugParam],
    body: createDataSourceSchema,
    responses: { 201: { description: "The data source", schema: z.object({ dataSource: dataSourceViewSchema }) }, ...forbidden },
  },
  {
    method: "get",
    path: "/api/v1/data-sources/{id}",
    summary: "One data source",
    tags: ["slos"],
    params: [idParam],
    responses: { 200: { description: "The data source", schema: z.object({ dataSource: dataSourceViewSchema }) } },
  },
  {
    method: "patch",
    path: "/api/v1/data-sources/{id}",
    summary: "Change a data source; omitted credentials stay as they are. Send the `version` you read",
    tags: ["slos"],
    params: [idParam],
    body: updateDataSourceSchema,
    responses: { 200: { description: "The data source", schema: z.object({ dataSource: dataSourceViewSchema }) }, 409: { description: "The data source changed since `version`", schema: errorBodySchema }, ...forbidden },
  },
  {
    method: "delete",
    path: "/api/v1/data-sources/{id}",
    summary: "Delete a data source no SLO reads from",
    tags: ["slos"],
    params: [idParam],
    responses: { 204: { description: "Deleted" }, 409: { description: "SLOs take their SLI from it", schema: errorBodySchema }, ...forbidden },
  },
  {
    method: "post",
    path: "/api/v1/data-sources/{id}/test",
    summary: "Test the data source: runs the query `up` and asks /api/v1/status/buildinfo for the version",
    tags: ["slos"],
    params: [idParam],
    responses: { 200: { description: "Each check with its result", schema: sourceTestReportSchema }, ...forbidden },
  },
];
