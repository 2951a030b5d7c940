// Request input and output shapes: the API bodies, the list query, and the JSON the API answers. One set
// of schemas for the route handlers, the client and the OpenAPI document.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { requestStatuses } from "@/lib/requests/lifecycle";

export const requestStatusSchema = z.enum(requestStatuses, {
  error: `Use one of ${requestStatuses.join(", ")}`,
});

/** A role's form values: an object whose shape the role's schema checks (drafts are not checked). */
export const formValuesSchema = z.record(z.string(), z.unknown(), { error: "Send the answers as a JSON object" }).meta({ id: "FormValues" });

export const requestTitleSchema = text().trim().max(200, "Keep the title under 200 characters");

const revisionNumberSchema = z.number({ error: "Send the revision number you edited" }).int().min(1);
const versionSchema = z.number({ error: "Send the version you edited" }).int().min(1);

export const createRequestSchema = z.object({
  team: text({ error: "Name the team (its slug)" }).trim().min(1, "Name the team (its slug)"),
  role: text({ error: "Name the role" }).trim().min(1, "Name the role"),
  title: requestTitleSchema.optional(),
  /** The answers: saved as the draft, or validated and saved as revision 1 when `submit` is true. */
  input: formValuesSchema.optional(),
  submit: z.boolean().default(false),
  /** The request this one copies (any request the caller can see). */
  clonedFrom: text().min(1).optional(),
});
export type CreateRequestInput = z.input<typeof createRequestSchema>;

/**
 * PATCH /requests/{id}: one of
 * - `{ draft, version }`: autosave unvalidated answers (after submission also `baseRevision`); `draft: null` discards them;
 * - `{ input, baseRevision }`: save validated answers as a new revision (after submission);
 * - `{ title }`: rename (may come with either of the above).
 */
export const updateRequestSchema = z
  .object({
    title: requestTitleSchema.optional(),
    draft: formValuesSchema.nullable().optional(),
    input: formValuesSchema.optional(),
    baseRevision: revisionNumberSchema.optional(),
    version: versionSchema.optional(),
  })
  .superRefine((value, context) => {
    if (value.draft !== undefined && value.input !== undefined) {
      context.addIssue({ code: "custom", path: ["input"], message: "Send either a draft or an input, not both" });
    }
    if (value.input !== undefined && value.baseRevision === undefined) {
      context.addIssue({ code: "custom", path: ["baseRevision"], message: "Send the revision number your edit starts from" });
    }
    if (value.draft === undefined && value.input === undefined && value.title === undefined) {
      context.addIssue({ code: "custom", path: [], message: "Send a draft, an input or a title" });
    }
  });
export type UpdateRequestInput = z.input<typeof updateRequestSchema>;

export const transitionRequestSchema = z.object({
  to: requestStatusSchema,
  comment: z
    .string()
    .trim()
    .max(10_000, "Keep the comment under 10,000 characters")
    .optional()
    .transform((value) => (value ? value : undefined)),
  /** The revision the person acting looked at: a newer one answers 409, so nobody approves what they did not see. */
  revision: revisionNumberSchema.optional(),
});
export type TransitionRequestInput = z.input<typeof transitionRequestSchema>;

export const commentBodySchema = z.object({
  body: text({ error: "Write a comment" }).trim().min(1, "Write a comment").max(10_000, "Keep the comment under 10,000 characters"),
});
export type CommentInput = z.input<typeof commentBodySchema>;

/** A change to one comment: its text (the author only), whether it is resolved (members and up), or both. */
export const commentPatchSchema = z
  .object({
    body: commentBodySchema.shape.body.optional(),
    resolved: z.boolean({ error: "Say true to resolve the comment or false to reopen it" }).optional(),
  })
  .superRefine((value, context) => {
    if (value.body === undefined && value.resolved === undefined) {
      context.addIssue({ code: "custom", path: ["body"], message: "Send a new body, or resolved" });
      context.addIssue({ code: "custom", path: ["resolved"], message: "Send resolved (true or false), or a new body" });
    }
  });
export type CommentPatchInput = z.input<typeof commentPatchSchema>;

export const requestSortKeys = ["updated", "created", "title", "status", "role"] as const;
export type RequestSortKey = (typeof requestSortKeys)[number];

/** The list's filters, as they come from a query string (every value a string). */
export const listRequestsQuerySchema = z.object({
  team: text().trim().min(1).optional(),
  role: text().trim().min(1).optional(),
  status: requestStatusSchema.optional(),
  /** A user id, or "me". */
  author: text().trim().min(1).optional(),
  q: text().trim().max(200, "Search with at most 200 characters").optional(),
  sort: z.enum(requestSortKeys, { error: `Sort by one of ${requestSortKeys.join(", ")}` }).default("updated"),
  order: z.enum(["asc", "desc"], { error: "Order asc or desc" }).optional(),
  page: z.coerce.number({ error: "The page is a number" }).int().min(1, "Pages start at 1").default(1),
  pageSize: z.coerce.number({ error: "The page size is a number" }).int().min(1).max(100, "At most 100 per page").default(20),
});
export type ListRequestsQuery = z.input<typeof listRequestsQuerySchema>;

/** Reads the list filters from URL search params, dropping empty ones. */
export function listQueryFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const);
  const keys = new Set(Object.keys(listRequestsQuerySchema.shape));
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => keys.has(entry[0]) && typeof entry[1] === "string" && entry[1].trim() !== ""));
}

// ---- Responses -------------------------------------------------------------------------------------

export const personSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }).meta({ id: "Person" });

export const requestSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    draftTitle: z.string().nullable().describe("While a draft has no title: what its answers suggest (the workload's name), else null"),
    role: z.object({ key: z.string(), title: z.string() }),
    status: requestStatusSchema,
    team: z.object({ slug: z.string(), name: z.string() }),
    author: personSchema.nullable(),
    currentRevision: z.number().int().describe("0 while the request is a draft"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "RequestSummary" });

export const requestListSchema = z
  .object({
    requests: z.array(requestSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    pageCount: z.number().int(),
    counts: z.record(requestStatusSchema, z.number().int()).describe("Requests per status under the same filters, ignoring the status filter"),
  })
  .meta({ id: "RequestList" });

export const transitionRecordSchema = z
  .object({
    id: z.string(),
    from: requestStatusSchema,
    to: requestStatusSchema,
    actor: personSchema.nullable(),
    comment: z.string().nullable(),
    revision: z.number().int(),
    at: z.iso.datetime(),
  })
  .meta({ id: "RequestTransition" });

export const availableTransitionSchema = z.object({
  to: requestStatusSchema,
  label: z.string(),
  commentRequired: z.boolean(),
  destructive: z.boolean(),
});

export const requestDetailSchema = requestSummarySchema
  .extend({
    version: z.number().int().describe("Grows with every change; send it back with draft saves"),
    input: formValuesSchema.nullable().describe("The answers of the current revision; null for a draft"),
    draft: formValuesSchema.nullable().describe("Autosaved, unvalidated answers: the whole form of a draft, or unsaved edits after submission"),
    draftBaseRevision: z.number().int().nullable(),
    draftUpdatedAt: z.iso.datetime().nullable(),
    draftUpdatedBy: personSchema.nullable(),
    clonedFrom: z.object({ id: z.string(), title: z.string() }).nullable(),
    transitions: z.array(transitionRecordSchema),
    permissions: z.object({
      role: z.string().describe("The caller's role in the request's team"),
      canEdit: z.boolean(),
      canComment: z.boolean(),
      transitions: z.array(availableTransitionSchema).describe("The moves the caller may make now"),
    }),
  })
  .meta({ id: "Request" });

export const revisionSummarySchema = z
  .object({ number: z.number().int(), title: z.string(), author: personSchema.nullable(), createdAt: z.iso.datetime() })
  .meta({ id: "RequestRevisionSummary" });

export const revisionSchema = revisionSummarySchema.extend({ input: formValuesSchema }).meta({ id: "RequestRevision" });

export const commentSchema = z
  .object({
    id: z.string(),
    body: z.string().describe("Markdown (GitHub flavoured); rendered without raw HTML"),
    author: personSchema.nullable(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    resolvedAt: z.iso.datetime().nullable().describe("When the comment was resolved; null while it is open"),
    resolvedBy: personSchema.nullable().describe("Who resolved it (null while open, or if they have left)"),
  })
  .meta({ id: "RequestComment" });

export const conflictDetailsSchema = z
  .object({
    reason: z.enum(["stale_revision", "stale_version"]),
    currentRevision: z.number().int(),
    version: z.number().int(),
    status: requestStatusSchema,
    title: z.string(),
    input: formValuesSchema.nullable().describe("The current revision's answers"),
    draft: formValuesSchema.nullable().describe("The autosaved answers now on the server"),
    updatedBy: personSchema.nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "RequestConflict" });

export type RequestSummary = z.infer<typeof requestSummarySchema>;
export type RequestList = z.infer<typeof requestListSchema>;
export type RequestDetail = z.infer<typeof requestDetailSchema>;
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type RequestCommentView = z.infer<typeof commentSchema>;
export type TransitionRecord = z.infer<typeof transitionRecordSchema>;
export type ConflictDetails = z.infer<typeof conflictDetailsSchema>;
export type Person = z.infer<typeof personSchema>;
