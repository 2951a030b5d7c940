// The service catalog and SLO endpoints of the OpenAPI document (lib/openapi/document.ts appends them).
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { createServiceSchema, updateServiceSchema } from "@/lib/services/schema";
import { ingestResultSchema, serviceSchema, sloDefinitionSchema, sloListSchema, sloSeriesSchema, sloWithReportSchema } from "@/lib/slo/api-schemas";
import { exportFormats } from "@/lib/slo/exports";
import { samplesBodySchema } from "@/lib/slo/samples";
import { sloSpecSchema, updateSloSchema } from "@/lib/slo/schema";
import { adoptionResultSchema, adoptSlosSchema } from "@/lib/slo/adoption";

const idParam = (what: string) => ({ name: "id", in: "path" as const, description: `The ${what}'s id`, required: true });
const formatParam = {
  name: "format",
  in: "query" as const,
  required: true,
  description: "openslo (OpenSLO v1 documents), sloth (Sloth prometheus/v1 specs) prometheus (recording and multiwindow burn-rate alerting rules that pass `promtool check rules`) or promtool (a `promtool test rules` file for those rules: per alerting SLO, series burning at twice its fastest page threshold with the expected page and ticket alerts, and healthy series with none)",
  schema: { type: "string", enum: [...exportFormats] },
};
const yaml = { description: "YAML, as a download", schema: z.string(), contentType: "application/yaml" };

export const sloOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/requests/{id}/adopt-slos",
    summary:
      "Create the SLOs an SRE request's current revision describes (members and up), on the service the form names (created when missing) or the one given. SLOs adopted from an earlier revision of the same request (same slug on that service) are updated in place, keeping their samples; a slug the service uses for any other SLO is a 422. Idempotent per revision: adopting it again changes nothing and answers 200 with the SLOs as `unchanged`",
    tags: ["slos", "requests"],
    params: [idParam("request")],
    body: adoptSlosSchema,
    responses: {
      201: { description: "SLOs were created or updated (see `created` and `updated`)", schema: adoptionResultSchema },
      200: { description: "This revision was adopted before: its SLOs, unchanged", schema: adoptionResultSchema },
      403: { description: "Your role in the team is too low" },
      409: { description: "`revision` is not the request's current revision any more" },
    },
  },
  {
    method: "get",
    path: "/api/v1/services",
    summary: "Services of the caller's teams (a token: its team), by name",
    tags: ["services"],
    params: [{ name: "team", in: "query", description: "Only this team's services (its slug)" }],
    responses: { 200: { description: "Services", schema: z.object({ services: z.array(serviceSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/services",
    summary: "Create a service (members and up)",
    tags: ["services"],
    body: createServiceSchema.extend({ team: z.string().optional().describe("The team's slug; implied for a token, or a user in one team") }),
    responses: { 201: { description: "The new service", schema: z.object({ service: serviceSchema }) }, 403: { description: "Your role in the team is too low" } },
  },
  {
    method: "get",
    path: "/api/v1/services/{id}",
    summary: "One service",
    tags: ["services"],
    params: [idParam("service")],
    responses: { 200: { description: "The service", schema: z.object({ service: serviceSchema }) } },
  },
  {
    method: "patch",
    path: "/api/v1/services/{id}",
    summary: "Change a service; send `updatedAt` to be told (409) when someone changed it first",
    tags: ["services"],
    params: [idParam("service")],
    body: updateServiceSchema,
    responses: { 200: { description: "The changed service", schema: z.object({ service: serviceSchema }) }, 403: { description: "Your role in the team is too low" }, 409: { description: "Changed by someone else since `updatedAt`" } },
  },
  {
    method: "delete",
    path: "/api/v1/services/{id}",
    summary: "Delete a service with its SLOs and their data (maintainers and owners)",
    tags: ["services"],
    params: [idParam("service")],
    responses: { 204: { description: "Deleted" }, 403: { description: "Your role in the team is too low" } },
  },
  {
    method: "get",
    path: "/api/v1/services/{id}/slos",
    summary: "The service's SLOs with their current status, budget and burn rates, worst first",
    tags: ["slos"],
    params: [idParam("service")],
    responses: { 200: { description: "SLOs with reports", schema: sloListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/services/{id}/slos",
    summary: "Create an SLO on the service (members and up)",
    tags: ["slos"],
    params: [idParam("service")],
    body: sloSpecSchema,
    responses: { 201: { description: "The new SLO", schema: z.object({ slo: sloDefinitionSchema }) }, 403: { description: "Your role in the team is too low" } },
  },
  {
    method: "get",
    path: "/api/v1/services/{id}/export",
    summary: "The service's SLOs as OpenSLO, Sloth or Prometheus rules",
    tags: ["slos"],
    params: [idParam("service"), formatParam],
    responses: { 200: yaml },
  },
  {
    method: "get",
    path: "/api/v1/teams/{slug}/slos",
    summary: "The team's SLOs with their current status, budget and burn rates, worst first",
    tags: ["slos"],
    params: [{ name: "slug", in: "path", description: "The team's slug", required: true }],
    responses: { 200: { description: "SLOs with reports", schema: sloListSchema } },
  },
  {
    method: "get",
    path: "/api/v1/teams/{slug}/slos/export",
    summary: "All the team's SLOs as OpenSLO, Sloth or Prometheus rules",
    tags: ["slos"],
    params: [{ name: "slug", in: "path", description: "The team's slug", required: true }, formatParam],
    responses: { 200: yaml },
  },
  {
    method: "get",
    path: "/api/v1/slos/{id}",
    summary: "One SLO with its current report: attainment, budget, burn rate per window, alerts, time to exhaustion",
    tags: ["slos"],
    params: [idParam("SLO")],
    responses: { 200: { description: "The SLO and its report", schema: sloWithReportSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/slos/{id}",
    summary: "Change an SLO; send `updatedAt` to be told (409) when someone changed it first",
    tags: ["slos"],
    params: [idParam("SLO")],
    body: updateSloSchema,
    responses: { 200: { description: "The changed SLO", schema: z.object({ slo: sloDefinitionSchema }) }, 403: { description: "Your role in the team is too low" }, 409: { description: "Changed by someone else since `updatedAt`" } },
  },
  {
    method: "delete",
    path: "/api/v1/slos/{id}",
    summary: "Delete an SLO and its data (maintainers and owners)",
    tags: ["slos"],
    params: [idParam("SLO")],
    responses: { 204: { description: "Deleted" }, 403: { description: "Your role in the team is too low" } },
  },
  {
    method: "post",
    path: "/api/v1/slos/{id}/samples",
    summary:
      "Push SLI samples: one-minute {timestamp, good, total}, at most 10,000 per call. A minute sent again replaces the stored one. A batch with any bad item is rejected whole (422, each bad item's index and reason): good > total, a negative or fractional count, a time more than 5 minutes ahead or older than the SLO's window, two samples in one minute. 413 past 10,000 samples or 4 MB.",
    tags: ["slos"],
    params: [idParam("SLO")],
    body: samplesBodySchema,
    responses: {
      200: { description: "Stored", schema: ingestResultSchema },
      403: { description: "Your role in the team is too low (viewers)" },
      409: { description: "The SLO reads its SLI from a data source: the portal pulls its samples, pushed ones are refused" },
    },
  },
  {
    method: "get",
    path: "/api/v1/slos/{id}/series",
    summary: "Chart data, downsampled in the database: the SLI over a range (≤ 240 points) and the error-budget burndown over the window",
    tags: ["slos"],
    params: [idParam("SLO"), { name: "range", in: "query", description: "6h, 1d, 3d or window (default)", schema: { type: "string", enum: ["6h", "1d", "3d", "window"] } }],
    responses: { 200: { description: "Series", schema: sloSeriesSchema } },
  },
  {
    method: "get",
    path: "/api/v1/slos/{id}/export",
    summary: "The SLO as OpenSLO, Sloth or Prometheus rules",
    tags: ["slos"],
    params: [idParam("SLO"), formatParam],
    responses: { 200: yaml },
  },
];
