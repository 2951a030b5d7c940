// The reviews endpoints of the OpenAPI document: approvals on requests, decisions (ADRs) and their MADR export.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { errorBodySchema } from "@/lib/api/schemas";
import {
  approvalStateSchema,
  createTeamDecisionSchema,
  decisionListSchema,
  decisionStatuses,
  decisionViewSchema,
  recordApprovalSchema,
  updateDecisionSchema,
} from "@/lib/reviews/schema";

const requestIdParam = { name: "id", in: "path" as const, description: "The request's id", required: true };
const decisionIdParam = { name: "id", in: "path" as const, description: "The decision's id", required: true };
const slugParam = { name: "slug", in: "path" as const, description: "The team's slug", required: true };

export const reviewOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/requests/{id}/approvals",
    summary: "The approvals a request needs (per reviewer kind), the answers on its current revision, earlier answers reset by newer revisions, and whether the caller may review",
    tags: ["reviews"],
    params: [requestIdParam],
    responses: { 200: { description: "The approval state", schema: approvalStateSchema } },
  },
  {
    method: "post",
    path: "/api/v1/requests/{id}/approvals",
    summary:
      "Approve or request changes on the current revision (signed-in reviewers: maintainers, owners and designated reviewers, never the author; API tokens cannot review). The request becomes APPROVED when every required approval is in, CHANGES_REQUESTED on a request for changes (comment required)",
    tags: ["reviews"],
    params: [requestIdParam],
    body: recordApprovalSchema,
    responses: {
      200: { description: "The approval state after the answer", schema: approvalStateSchema },
      403: { description: "The caller is not a reviewer of the team, is the request's author, or is an API token", schema: errorBodySchema },
      409: { description: "`revision` is not the current one (a newer revision reset the approvals), or the request is not under review", schema: errorBodySchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/teams/{slug}/decisions",
    summary: "The team's architecture decisions, newest number first, with counts per status",
    tags: ["reviews"],
    params: [
      slugParam,
      { name: "status", in: "query", description: "Only this status", schema: { type: "string", enum: [...decisionStatuses] } },
      { name: "role", in: "query", description: "Only decisions on requests for this role, e.g. network-engineer" },
      { name: "requestId", in: "query", description: "Only decisions on this request" },
      { name: "q", in: "query", description: "Words in the title (case-insensitive)" },
    ],
    responses: { 200: { description: "Decisions (without their Markdown bodies)", schema: decisionListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/teams/{slug}/decisions",
    summary: "Record a decision (members and up; accepting or rejecting at once needs a maintainer or owner). It gets the team's next number (ADR-007)",
    tags: ["reviews"],
    params: [slugParam],
    body: createTeamDecisionSchema,
    responses: { 201: { description: "The new decision", schema: decisionViewSchema }, 403: { description: "A viewer, or a member setting a settled status", schema: errorBodySchema } },
  },
  {
    method: "get",
    path: "/api/v1/decisions/{id}",
    summary: "One decision with its Markdown sections and its supersession links",
    tags: ["reviews"],
    params: [decisionIdParam],
    responses: { 200: { description: "The decision", schema: decisionViewSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/decisions/{id}",
    summary: "Edit a decision's text (members and up) or status (maintainers and owners; SUPERSEDED names the superseding decision of the same team). Send the `version` you edited",
    tags: ["reviews"],
    params: [decisionIdParam],
    body: updateDecisionSchema,
    responses: {
      200: { description: "The decision after the change", schema: decisionViewSchema },
      403: { description: "The caller's role does not allow the change", schema: errorBodySchema },
      409: { description: "Someone changed the decision after `version`", schema: errorBodySchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/decisions/{id}/madr",
    summary: "The decision as a MADR Markdown file (download)",
    tags: ["reviews"],
    params: [decisionIdParam],
    responses: { 200: { description: "MADR Markdown", schema: z.string(), contentType: "text/markdown" } },
  },
];
