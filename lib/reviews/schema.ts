// Architecture reviews: reviewer kinds, required approvals, approvals and decisions (ADRs). The zod schemas
// of every body and answer, shared by the forms, the server, the API and the OpenAPI document. Client-safe.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { personSchema, requestStatusSchema, type Person } from "@/lib/requests/schema";
import type { RequestStatus } from "@/lib/generated/prisma/browser";

/**
 * The kinds of reviewer a team can designate. "maintainer" is not designated: every maintainer and owner
 * of the team holds it, and it is what a role needs when the team configured nothing (see ADR 012).
 */
export const designatedReviewerKinds = ["architecture", "security", "network", "reliability", "data", "cost"] as const;
export const reviewerKinds = ["maintainer", ...designatedReviewerKinds] as const;
export type DesignatedReviewerKind = (typeof designatedReviewerKinds)[number];
export type ReviewerKind = (typeof reviewerKinds)[number];

export const reviewerKindLabels: Record<ReviewerKind, string> = {
  maintainer: "Maintainer or owner",
  architecture: "Architecture reviewer",
  security: "Security reviewer",
  network: "Network reviewer",
  reliability: "Reliability reviewer",
  data: "Data reviewer",
  cost: "Cost reviewer",
};

export const reviewerKindDescriptions: Record<ReviewerKind, string> = {
  maintainer: "Any maintainer or owner of the team (not designated; follows the team role).",
  architecture: "Checks the overall design: boundaries, dependencies, fit with the platform.",
  security: "Checks threat model, identities, secrets, encryption and exposure.",
  network: "Checks addressing, routing, segmentation and connectivity.",
  reliability: "Checks SLOs, failure modes, capacity and operability.",
  data: "Checks storage, retention, backups and data protection.",
  cost: "Checks the spend and its growth.",
};

export function reviewerKindLabel(kind: string): string {
  return (reviewerKindLabels as Record<string, string>)[kind] ?? kind;
}

/** What a role needs when its team configured nothing: one approval by a maintainer or owner. */
export const defaultRequirement = [{ reviewerKind: "maintainer", count: 1 }] as const;

export const MAX_REQUIRED_PER_KIND = 5;

// ---- Settings --------------------------------------------------------------------------------------

export const reviewerKindSchema = z.enum(reviewerKinds, { error: `Use one of ${reviewerKinds.join(", ")}` });
export const designatedReviewerKindSchema = z.enum(designatedReviewerKinds, { error: `Use one of ${designatedReviewerKinds.join(", ")}` });

export const setReviewerKindsSchema = z.object({
  userId: text({ error: "Name the member" }).trim().min(1, "Name the member"),
  kinds: z.array(designatedReviewerKindSchema).max(designatedReviewerKinds.length).transform((kinds) => [...new Set(kinds)]),
});
export type SetReviewerKindsInput = z.input<typeof setReviewerKindsSchema>;

export const requirementRuleSchema = z.object({
  reviewerKind: reviewerKindSchema,
  count: z
    .number({ error: "Say how many approvals" })
    .int("A whole number of approvals")
    .min(1, "At least one approval (remove the line to need none of this kind)")
    .max(MAX_REQUIRED_PER_KIND, `At most ${MAX_REQUIRED_PER_KIND} approvals of one kind`),
});

export const setRequiredApprovalsSchema = z
  .object({
    role: text({ error: "Name the role" }).trim().min(1, "Name the role"),
    /** Empty: back to the default (one maintainer or owner). */
    rules: z.array(requirementRuleSchema).max(reviewerKinds.length),
  })
  .superRefine((value, context) => {
    const seen = new Set<string>();
    value.rules.forEach((rule, index) => {
      if (seen.has(rule.reviewerKind)) context.addIssue({ code: "custom", path: ["rules", index, "reviewerKind"], message: "This kind is listed twice" });
      seen.add(rule.reviewerKind);
    });
  });
export type SetRequiredApprovalsInput = z.input<typeof setRequiredApprovalsSchema>;

export interface RequirementRule {
  reviewerKind: string;
  count: number;
}

export interface ReviewSettings {
  team: { slug: string; name: string };
  canManage: boolean;
  members: { person: Person; role: string; kinds: string[] }[];
  requirements: { role: { key: string; title: string }; rules: RequirementRule[]; usesDefault: boolean }[];
}

// ---- Approvals -------------------------------------------------------------------------------------

export const approvalDecisions = ["APPROVE", "REQUEST_CHANGES"] as const;
export type ApprovalDecision = (typeof approvalDecisions)[number];

export const recordApprovalSchema = z
  .object({
    revision: z.number({ error: "Send the revision number you reviewed" }).int("Send the revision number you reviewed").min(1, "Send the revision number you reviewed"),
    decision: z.enum(approvalDecisions, { error: "Decide APPROVE or REQUEST_CHANGES" }),
    comment: z
      .string()
      .trim()
      .max(10_000, "Keep the comment under 10,000 characters")
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .superRefine((value, context) => {
    if (value.decision === "REQUEST_CHANGES" && !value.comment) {
      context.addIssue({ code: "custom", path: ["comment"], message: "Say what needs to change, so the author knows what to edit" });
    }
  });
export type RecordApprovalInput = z.input<typeof recordApprovalSchema>;

export const approvalViewSchema = z
  .object({
    id: z.string(),
    revision: z.number().int(),
    reviewer: personSchema,
    decision: z.enum(approvalDecisions),
    comment: z.string().nullable(),
    kinds: z.array(z.string()).describe("The reviewer kinds the reviewer held when answering: what the approval counts for"),
    at: z.iso.datetime(),
    resetByRevision: z.number().int().nullable().describe("For an answer on an older revision: the revision that reset it"),
  })
  .meta({ id: "Approval" });
export type ApprovalView = z.infer<typeof approvalViewSchema>;

export const approvalStateSchema = z
  .object({
    revision: z.number().int().describe("The request's current revision"),
    required: z.array(
      z.object({
        reviewerKind: z.string(),
        label: z.string(),
        count: z.number().int(),
        met: z.number().int(),
        approvers: z.array(personSchema),
      }),
    ),
    usesDefault: z.boolean().describe("True when the team configured nothing for the role: one maintainer or owner"),
    approvals: z.array(approvalViewSchema).describe("Answers on the current revision"),
    previous: z.array(approvalViewSchema).describe("Answers on earlier revisions, reset by a newer one"),
    satisfied: z.boolean(),
    status: requestStatusSchema,
    permissions: z.object({
      canReview: z.boolean().describe("Whether the caller may approve or request changes now"),
      reason: z.string().nullable().describe("Why not, when they may not"),
      kinds: z.array(z.string()).describe("The reviewer kinds the caller holds in the team"),
    }),
  })
  .meta({ id: "ApprovalState" });

export interface ApprovalState {
  revision: number;
  required: { reviewerKind: string; label: string; count: number; met: number; approvers: Person[] }[];
  usesDefault: boolean;
  approvals: ApprovalView[];
  previous: ApprovalView[];
  satisfied: boolean;
  status: RequestStatus;
  permissions: { canReview: boolean; reason: string | null; kinds: string[] };
}

// ---- Decisions -------------------------------------------------------------------------------------

export const decisionStatuses = ["PROPOSED", "ACCEPTED", "REJECTED", "SUPERSEDED"] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];
export const decisionStatusSchema = z.enum(decisionStatuses, { error: `Use one of ${decisionStatuses.join(", ")}` });

export const decisionStatusLabels: Record<DecisionStatus, string> = {
  PROPOSED: "Proposed",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  SUPERSEDED: "Superseded",
};

export const decisionStatusTones: Record<DecisionStatus, "info" | "healthy" | "critical" | "nodata"> = {
  PROPOSED: "info",
  ACCEPTED: "healthy",
  REJECTED: "critical",
  SUPERSEDED: "nodata",
};

/** "ADR-007": the team's number, zero-padded to three digits. */
export function decisionReference(number: number): string {
  return `ADR-${String(number).padStart(3, "0")}`;
}

const markdownField = (what: string) =>
  z
    .string({ error: `Write the ${what}` })
    .trim()
    .min(1, `Write the ${what}`)
    .max(50_000, `Keep the ${what} under 50,000 characters`);

const decisionTitleSchema = text({ error: "Give the decision a title" }).trim().min(1, "Give the decision a title").max(200, "Keep the title under 200 characters");

/** The fields of a new decision, as POST /teams/{slug}/decisions takes them (the team is in the path). */
const decisionFieldsSchema = z.object({
  requestId: text().trim().min(1).optional().describe("The request the decision was taken on (of the same team)"),
  revision: z.number({ error: "The revision is a number" }).int("The revision is a whole number").min(1, "Revisions start at 1").optional().describe("Default: the request's current revision"),
  title: decisionTitleSchema,
  status: decisionStatusSchema.optional().describe("Default PROPOSED; ACCEPTED and REJECTED need a maintainer or owner"),
  context: markdownField("context"),
  decision: markdownField("decision"),
  consequences: markdownField("consequences"),
  meetingItemId: text().trim().min(1).optional().describe("The review meeting's agenda item it was taken in"),
});

type DecisionFields = z.infer<typeof decisionFieldsSchema> & { team?: string };

function checkDecisionFields(value: DecisionFields, context: z.core.$RefinementCtx<DecisionFields>) {
  if (!value.team && !value.requestId) context.addIssue({ code: "custom", path: ["requestId"], message: "Name the request (or the team) the decision belongs to" });
  if (value.revision !== undefined && !value.requestId) context.addIssue({ code: "custom", path: ["revision"], message: "A revision belongs to a request: name the request too" });
  if (value.status === "SUPERSEDED") context.addIssue({ code: "custom", path: ["status"], message: "A new decision cannot start superseded; supersede it later with another decision" });
}

export const createTeamDecisionSchema = decisionFieldsSchema.superRefine((value, context) => checkDecisionFields({ ...value, team: "(path)" }, context as never));

export const createDecisionSchema = decisionFieldsSchema
  .extend({ team: text().trim().min(1).optional().describe("The team's slug; taken from the request when a request is named") })
  .superRefine(checkDecisionFields);
export type CreateDecisionInput = z.input<typeof createDecisionSchema>;

export const updateDecisionSchema = z
  .object({
    version: z.number({ error: "Send the version you edited" }).int().min(1),
    title: decisionTitleSchema.optional(),
    status: decisionStatusSchema.optional(),
    context: markdownField("context").optional(),
    decision: markdownField("decision").optional(),
    consequences: markdownField("consequences").optional(),
    /** With status SUPERSEDED: the decision (same team) that replaces this one. */
    supersededById: text().trim().min(1).optional(),
  })
  .superRefine((value, context) => {
    if (value.status === "SUPERSEDED" && !value.supersededById) context.addIssue({ code: "custom", path: ["supersededById"], message: "Pick the decision that supersedes this one" });
    if (value.supersededById && value.status !== "SUPERSEDED") context.addIssue({ code: "custom", path: ["status"], message: "Set the status to SUPERSEDED when naming a superseding decision" });
  });
export type UpdateDecisionInput = z.input<typeof updateDecisionSchema>;

export const listDecisionsQuerySchema = z.object({
  status: decisionStatusSchema.optional(),
  role: text().trim().min(1).optional(),
  q: text().trim().max(200, "Search with at most 200 characters").optional(),
  requestId: text().trim().min(1).optional(),
});
export type ListDecisionsQuery = z.input<typeof listDecisionsQuerySchema>;

const decisionLinkSchema = z.object({ id: z.string(), number: z.number().int(), reference: z.string(), title: z.string(), status: decisionStatusSchema });

export const decisionViewSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    reference: z.string().describe('"ADR-007"'),
    title: z.string(),
    status: decisionStatusSchema,
    context: z.string().describe("Markdown"),
    decision: z.string().describe("Markdown"),
    consequences: z.string().describe("Markdown"),
    team: z.object({ slug: z.string(), name: z.string() }),
    request: z.object({ id: z.string(), title: z.string(), role: z.object({ key: z.string(), title: z.string() }) }).nullable(),
    revision: z.number().int().nullable(),
    meetingItemId: z.string().nullable(),
    author: personSchema.nullable(),
    supersededBy: decisionLinkSchema.nullable(),
    supersedes: z.array(decisionLinkSchema),
    decidedAt: z.iso.datetime().nullable().describe("When it was accepted or rejected"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().describe("Send it back with PATCH"),
    permissions: z.object({ canEdit: z.boolean(), canDecide: z.boolean().describe("May accept, reject or supersede (maintainers and owners)") }),
  })
  .meta({ id: "Decision" });
export type DecisionView = z.infer<typeof decisionViewSchema>;
export type DecisionLink = z.infer<typeof decisionLinkSchema>;

export const decisionListSchema = z
  .object({ decisions: z.array(decisionViewSchema.omit({ context: true, decision: true, consequences: true })), counts: z.record(decisionStatusSchema, z.number().int()) })
  .meta({ id: "DecisionList" });
export type DecisionList = z.infer<typeof decisionListSchema>;
export type DecisionSummary = DecisionList["decisions"][number];
