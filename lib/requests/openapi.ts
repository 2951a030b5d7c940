// The requests endpoints of the OpenAPI document, built from the schemas the handlers validate with.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { errorBodySchema } from "@/lib/api/schemas";
import { requestStatuses } from "@/lib/requests/lifecycle";
import {
  commentBodySchema,
  commentPatchSchema,
  commentSchema,
  conflictDetailsSchema,
  createRequestSchema,
  requestDetailSchema,
  requestListSchema,
  requestSortKeys,
  revisionSchema,
  revisionSummarySchema,
  transitionRequestSchema,
  updateRequestSchema,
} from "@/lib/requests/schema";

const idParam = { name: "id", in: "path" as const, description: "The request's id", required: true };

const forbidden = { description: "The caller's team role does not allow this (e.g. a member starting a review, or a viewer changing anything)", schema: errorBodySchema };

const conflictSchema = z
  .object({ error: z.object({ code: z.literal("conflict"), message: z.string(), details: conflictDetailsSchema.optional() }) })
  .meta({ id: "RequestConflictError" });

const conflict = {
  description: "The edit starts from a stale revision or version: `details` holds the current answers so nothing is lost",
  schema: conflictSchema,
};

const listParams: NonNullable<Operation["params"]> = [
  { name: "team", in: "query", description: "Only this team (its slug); default: every team of the caller" },
  { name: "role", in: "query", description: "Only this role, e.g. network-engineer" },
  { name: "status", in: "query", description: "Only this status", schema: { type: "string", enum: [...requestStatuses] } },
  { name: "author", in: "query", description: "Only requests written by this user id, or `me`" },
  { name: "q", in: "query", description: "Words in the title (case-insensitive)" },
  { name: "sort", in: "query", description: "Sort key (default `updated`)", schema: { type: "string", enum: [...requestSortKeys] } },
  { name: "order", in: "query", description: "`asc` or `desc` (default: newest first; titles A–Z)", schema: { type: "string", enum: ["asc", "desc"] } },
  { name: "page", in: "query", description: "Page number, from 1", schema: { type: "integer", minimum: 1 } },
  { name: "pageSize", in: "query", description: "Requests per page, 1–100 (default 20)", schema: { type: "integer", minimum: 1, maximum: 100 } },
];

export const requestOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/requests",
    summary: "Requests of the caller's teams, filtered, sorted and paginated, with counts per status",
    tags: ["requests"],
    params: listParams,
    responses: { 200: { description: "One page of requests", schema: requestListSchema }, 422: { description: "A filter is invalid", schema: errorBodySchema } },
  },
  {
    method: "post",
    path: "/api/v1/requests",
    summary: "Create a request: a draft (answers unchecked), or submitted at once with `submit: true` (answers validated by the role's schema)",
    tags: ["requests"],
    body: createRequestSchema,
    responses: { 201: { description: "The new request", schema: requestDetailSchema }, 403: forbidden },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}",
    summary: "One request: current answers, draft, moves so far and what the caller may do",
    tags: ["requests"],
    params: [idParam],
    responses: { 200: { description: "The request", schema: requestDetailSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/requests/{id}",
    summary:
      "Autosave a draft (`{ draft, version }`, after submission with `baseRevision`; `draft: null` discards), save a new revision (`{ input, baseRevision }`), or rename (`{ title }`)",
    tags: ["requests"],
    params: [idParam],
    body: updateRequestSchema,
    responses: {
      200: { description: "The request after the change (`revisionCreated` says whether a revision was added)", schema: requestDetailSchema.extend({ revisionCreated: z.boolean().optional() }) },
      403: forbidden,
      409: conflict,
    },
  },
  {
    method: "post",
    path: "/api/v1/requests/{id}/transitions",
    summary: "Move a request through its lifecycle: submit, start review, resubmit, close, withdraw (approving and requesting changes go through POST /requests/{id}/approvals)",
    tags: ["requests"],
    params: [idParam],
    body: transitionRequestSchema,
    responses: {
      200: { description: "The request after the move", schema: requestDetailSchema },
      403: forbidden,
      409: { description: "The request changed since the caller loaded it (e.g. a newer revision than `revision`)", schema: conflictSchema },
      422: { description: "The lifecycle has no such move from the current status (code `invalid_transition`), a required comment is missing, or a draft's answers are invalid", schema: errorBodySchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}/revisions",
    summary: "The request's revisions, newest first, without their answers",
    tags: ["requests"],
    params: [idParam],
    responses: { 200: { description: "Revisions", schema: z.object({ revisions: z.array(revisionSummarySchema) }) } },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}/revisions/{number}",
    summary: "One revision with its answers",
    tags: ["requests"],
    params: [idParam, { name: "number", in: "path", description: "The revision number, from 1", required: true, schema: { type: "integer", minimum: 1 } }],
    responses: { 200: { description: "The revision", schema: revisionSchema } },
  },
  {
    method: "get",
    path: "/api/v1/requests/{id}/comments",
    summary: "The request's discussion, oldest first (Markdown bodies)",
    tags: ["requests"],
    params: [idParam],
    responses: { 200: { description: "Comments", schema: z.object({ comments: z.array(commentSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/requests/{id}/comments",
    summary: "Add a comment (members and up)",
    tags: ["requests"],
    params: [idParam],
    body: commentBodySchema,
    responses: { 201: { description: "The new comment", schema: commentSchema }, 403: forbidden },
  },
  {
    method: "patch",
    path: "/api/v1/requests/{id}/comments/{commentId}",
    summary:
      "Edit one's own comment (`body`), or resolve (`resolved: true`) / reopen (`resolved: false`) any comment of the request (members and up, audited; resolving a resolved comment changes nothing)",
    tags: ["requests"],
    params: [idParam, { name: "commentId", in: "path", description: "The comment's id", required: true }],
    body: commentPatchSchema,
    responses: {
      200: { description: "The comment as it now is", schema: commentSchema },
      403: forbidden,
      422: { description: "Neither `body` nor `resolved` (issues at both paths), or an empty body", schema: errorBodySchema },
    },
  },
];
