// Human sentences for audit events, for the home page and the audit views.
import { describeIncidentAuditEvent } from "@/lib/incidents/describe-audit";
import { describeRequestEvent } from "@/lib/requests/describe-audit";
import { describeMeetingEvent } from "@/lib/reviews/meetings-describe-audit";
import { describeReviewEvent } from "@/lib/reviews/describe-audit";

interface DescribableEvent {
  action: string;
  details: unknown;
  actor: { name: string | null; email: string } | null;
}

function detail(details: unknown, key: string): string {
  const value = (details as Record<string, unknown> | null)?.[key];
  return value === undefined || value === null ? "" : String(value);
}

export function describeAuditEvent(event: DescribableEvent): string {
  const who = event.actor?.name ?? event.actor?.email ?? (detail(event.details, "via") === "admin-cli" ? "An admin (CLI)" : "The system");
  const d = event.details;
  if (event.action.startsWith("request.")) return describeRequestEvent(who, event.action, d);
  if (event.action.startsWith("meeting.")) return describeMeetingEvent(who, event.action, d) ?? `${who}: ${event.action.replaceAll(".", " ").replaceAll("_", " ")}`;
  if (event.action.startsWith("decision.") || event.action.startsWith("reviews.")) return describeReviewEvent(who, event.action, d) ?? `${who}: ${event.action}`;
  switch (event.action) {
    case "team.created":
      return `${who} created the team ${detail(d, "name")}`;
    case "member.added":
      return `${who} added ${detail(d, "email")} as ${detail(d, "role").toLowerCase()}`;
    case "member.role_changed":
      return `${who} changed ${detail(d, "email")} from ${detail(d, "from").toLowerCase()} to ${detail(d, "to").toLowerCase()}`;
    case "member.removed":
      return `${who} removed ${detail(d, "email")}`;
    case "token.created":
      return `${who} created the API token “${detail(d, "name")}” (${detail(d, "prefix")}…)`;
    case "token.revoked":
      return `${who} revoked the API token “${detail(d, "name")}” (${detail(d, "prefix")}…)`;
    case "service.created":
      return `${who} added the service ${detail(d, "name")}`;
    case "service.updated":
      return `${who} changed the service ${detail(d, "slug")}`;
    case "service.deleted":
      return `${who} deleted the service ${detail(d, "name")} and its SLOs`;
    case "slo.created":
      return `${who} created the SLO “${detail(d, "name")}” on ${detail(d, "service")}${(d as { adoptedFrom?: unknown } | null)?.adoptedFrom ? " from an SRE request" : ""}`;
    case "slo.updated":
      return `${who} changed the SLO “${detail(d, "name")}” on ${detail(d, "service")}`;
    case "slo.deleted":
      return `${who} deleted the SLO “${detail(d, "name")}” on ${detail(d, "service")}`;
    case "demo.seeded":
      return "The demo organisation was created";
    default:
      return describeIncidentAuditEvent(event.action, d, who) ?? `${who}: ${event.action.replaceAll(".", " ").replaceAll("_", " ")}`;
  }
}
