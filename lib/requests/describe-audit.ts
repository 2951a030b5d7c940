// Human sentences for the requests' audit events (the home page's activity and the audit views).
import type { RequestStatus } from "@/lib/generated/prisma/browser";
import { statusLabels } from "@/lib/requests/lifecycle";

const verbs: Partial<Record<RequestStatus, string>> = {
  SUBMITTED: "submitted",
  IN_REVIEW: "started reviewing",
  APPROVED: "approved",
  CHANGES_REQUESTED: "asked for changes to",
  CLOSED: "closed",
  WITHDRAWN: "withdrew",
};

export function describeRequestEvent(who: string, action: string, details: unknown): string {
  const detail = (key: string) => {
    const value = (details as Record<string, unknown> | null)?.[key];
    return value === undefined || value === null ? "" : String(value);
  };
  const title = detail("title") ? `“${detail("title")}”` : "a request";
  switch (action) {
    case "request.created":
      return `${who} started ${detail("title") ? title : "a new request"}`;
    case "request.draft_saved": {
      const saves = Number(detail("saves") || 1);
      return `${who} worked on a request's answers${saves > 1 ? ` (${saves} autosaves)` : ""}`;
    }
    case "request.draft_discarded":
      return `${who} discarded unsaved edits of a request`;
    case "request.revised":
      return `${who} saved revision ${detail("revision")} of ${title}`;
    case "request.renamed":
      return `${who} renamed a request to ${title}`;
    case "request.transitioned": {
      const to = detail("to") as RequestStatus;
      if (to === "SUBMITTED" && detail("from") === "CHANGES_REQUESTED") return `${who} resubmitted ${title}`;
      return verbs[to] ? `${who} ${verbs[to]} ${title}` : `${who} moved ${title} to ${statusLabels[to]?.toLowerCase() ?? to}`;
    }
    case "request.approval_recorded":
      return detail("decision") === "REQUEST_CHANGES"
        ? `${who} requested changes to revision ${detail("revision")} of ${title}`
        : `${who} approved revision ${detail("revision")} of ${title}`;
    case "request.commented":
      return `${who} commented on ${title}`;
    case "request.comment_edited":
      return `${who} edited a comment on ${title}`;
    case "request.comment_resolved":
      return `${who} resolved a comment on ${title}`;
    case "request.comment_reopened":
      return `${who} reopened a comment on ${title}`;
    case "request.slos_adopted": {
      const count = Array.isArray((details as { slos?: unknown } | null)?.slos) ? (details as { slos: unknown[] }).slos.length : 0;
      return `${who} created ${count === 1 ? "an SLO" : `${count} SLOs`} on ${detail("service")} from ${title}`;
    }
    default:
      return `${who}: ${action.replaceAll(".", " ").replaceAll("_", " ")}`;
  }
}
