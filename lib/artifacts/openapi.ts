// The artifacts endpoints of the OpenAPI document: the live preview and a revision's artifacts (JSON, zip).
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { roleKeys } from "@/lib/agents/types";
import { errorBodySchema } from "@/lib/api/schemas";
import { previewBodySchema, previewResponseSchema, revisionArtifactsSchema } from "@/lib/artifacts/api-schema";

const idParam = { name: "id", in: "path" as const, description: "The request's id", required: true };
const revisionParam = {
  name: "revision",
  in: "query" as const,
  description: "A revision number (default: the current one); not a positive integer → 422, not a revision of the request → 404",
  schema: { type: "integer", minimum: 1 },
};

export const artifactOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/agents/{role}/preview",
    summary: "Generate a role's artifacts and key figures from form answers, without saving anything (the live preview)",
    tags: ["artifacts"],
    params: [{ name: "role", in: "path", description: "The role's key", required: true, schema: { type: "string", enum: [...roleKeys] } }],
    body: previewBodySchema,
    responses: { 200: { description: "What the role would deliver for these answers", schema: previewResponseSchema } },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}/artifacts",
    summary: "A request revision's artifacts with their sha256 and size, its key figures and the generator version",
    tags: ["artifacts"],
    params: [idParam, revisionParam],
    responses: {
      200: { description: "The revision's artifacts", schema: revisionArtifactsSchema },
      422: { description: "The revision parameter is not a positive integer", schema: errorBodySchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}/artifacts.zip",
    summary: "A request revision's artifacts as a zip: every file at its path under one folder `<request-slug>-r<n>/`",
    tags: ["artifacts"],
    params: [idParam, revisionParam],
    responses: {
      200: { description: "The zip (Content-Disposition names it `<request-slug>-r<n>.zip`; fixed file dates, so the same revision gives the same bytes)", schema: z.string().meta({ format: "binary" }), contentType: "application/zip" },
      422: { description: "The revision parameter is not a positive integer", schema: errorBodySchema },
    },
  },
];
