// Human sentences for the reviews' audit events: decisions, reviewer designations and required approvals.
import { decisionStatusLabels, reviewerKindLabel, type DecisionStatus } from "@/lib/reviews/schema";

export function describeReviewEvent(who: string, action: string, details: unknown): string | undefined {
  const record = (details ?? {}) as Record<string, unknown>;
  const text = (key: string) => (record[key] === undefined || record[key] === null ? "" : String(record[key]));
  const list = (key: string) => (Array.isArray(record[key]) ? (record[key] as unknown[]).map(String) : []);
  const reference = text("reference") ? `${text("reference")} ` : "";
  switch (action) {
    case "decision.created":
      return `${who} recorded the decision ${reference}“${text("title")}”`;
    case "decision.updated":
      return `${who} edited the decision ${reference}“${text("title")}”`;
    case "decision.status_changed": {
      const to = decisionStatusLabels[text("to") as DecisionStatus]?.toLowerCase() ?? text("to").toLowerCase();
      return `${who} marked the decision ${reference}“${text("title")}” ${to}`;
    }
    case "reviews.reviewer_changed": {
      const kinds = list("to");
      return kinds.length
        ? `${who} made ${text("email")} a reviewer of ${kinds.map((kind) => reviewerKindLabel(kind).replace(/ reviewer$/, "").toLowerCase()).join(", ")}`
        : `${who} removed ${text("email")}'s reviewer designations`;
    }
    case "reviews.requirements_changed": {
      const rules = list("to");
      return rules.length ? `${who} set the approvals ${text("role")} requests need: ${rules.join(", ")}` : `${who} reset the approvals ${text("role")} requests need to the default`;
    }
    default:
      return undefined;
  }
}
