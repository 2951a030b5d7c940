// Human sentences for audit events, for the home page's recent activity. An aggregator like
// lib/openapi/document.ts: it imports each domain's describer; no domain imports it.
import { describePublishingEvent } from "@/lib/artifacts/describe-audit";
import { describeDeploymentEvent } from "@/lib/deployments/describe-audit";
import { describeIncidentAuditEvent } from "@/lib/incidents/describe-audit";
import { describeNotificationEvent } from "@/lib/notifications/describe-audit";
import { describeRequestEvent } from "@/lib/requests/describe-audit";
import { describeMeetingEvent } from "@/lib/reviews/meetings-describe-audit";
import { describeReviewEvent } from "@/lib/reviews/describe-audit";
import { describeSloEvent } from "@/lib/slo/describe-audit";
import { describeTeamEvent } from "@/lib/teams/describe-audit";

interface DescribableEvent {
  action: string;
  details: unknown;
  actor: { name: string | null; email: string } | null;
}

type Describer = (who: string, action: string, details: unknown) => string | undefined;

/** Each domain's describer, by the prefix of the actions it writes. */
const describers: [prefixes: string[], describe: Describer][] = [
  [["repository.", "request.publication", "request.published"], describePublishingEvent],
  [["request."], describeRequestEvent],
  [["deployment.", "dora."], describeDeploymentEvent],
  [["meeting."], describeMeetingEvent],
  [["decision.", "reviews."], describeReviewEvent],
  [["webhook."], describeNotificationEvent],
  [["service.", "slo.", "data_source."], describeSloEvent],
  [["team.", "member.", "token.", "demo."], describeTeamEvent],
];

export function describeAuditEvent(event: DescribableEvent): string {
  const via = (event.details as { via?: unknown } | null)?.via;
  const who = event.actor?.name ?? event.actor?.email ?? (via === "admin-cli" ? "An admin (CLI)" : "The system");
  const found = describers.find(([prefixes]) => prefixes.some((prefix) => event.action.startsWith(prefix)));
  const sentence = found ? found[1](who, event.action, event.details) : describeIncidentAuditEvent(event.action, event.details, who);
  return sentence ?? `${who}: ${event.action.replaceAll(".", " ").replaceAll("_", " ")}`;
}
