// The postmortem draft, generated from an incident by a pure function, and the action-items section that
// the preview and the Markdown export keep in step with the tracked action items.
import type { ActionItemStatus, IncidentEventType, IncidentRole, IncidentSeverity, IncidentStatus, IncidentType, PostmortemStatus } from "@/lib/generated/prisma/browser";
import { eventTypeLabels, keyEventTypes } from "@/lib/incidents/event-types";
import { incidentRoleLabels, incidentRoles } from "@/lib/incidents/incident-roles";
import { markdownCell, markdownParagraphs, escapeMarkdown } from "@/lib/markdown/escape";
import { metricDefinitions, metricKeys } from "@/lib/incidents/metrics";
import { severityDefinitions } from "@/lib/incidents/severity";
import type { SloBudgetImpact } from "@/lib/incidents/slo-impact";
import { statusLabels } from "@/lib/incidents/status";
import { formatDuration, impactDuration, keyTimeFields, keyTimeLabels, minutesBetween, type KeyTimes } from "@/lib/incidents/times";

export const postmortemStatusLabels: Record<PostmortemStatus, string> = { DRAFT: "Draft", IN_REVIEW: "In review", PUBLISHED: "Published" };

/** draft → in review → published; a review can send it back to draft. Published is final. */
export const postmortemTransitions: Record<PostmortemStatus, readonly PostmortemStatus[]> = {
  DRAFT: ["IN_REVIEW"],
  IN_REVIEW: ["DRAFT", "PUBLISHED"],
  PUBLISHED: [],
};

export const actionItemStatusLabels: Record<ActionItemStatus, string> = { OPEN: "Open", IN_PROGRESS: "In progress", DONE: "Done", WONT_DO: "Won't do" };

export interface PostmortemSource extends KeyTimes {
  reference: string;
  title: string;
  summary: string;
  severity: IncidentSeverity;
  type: IncidentType;
  status: IncidentStatus;
  customerImpact: boolean;
  declaredAt: Date;
  declaredVia: string;
  reopenCount: number;
  teamName: string;
  services: { slug: string; name: string }[];
  /** Everyone who held a role, in the order they took it. */
  roles: { role: IncidentRole; name: string; current: boolean }[];
  events: { type: IncidentEventType; body: string; occurredAt: Date; pinned: boolean; authorName: string | null }[];
}

export interface PostmortemActionItem {
  title: string;
  ownerName: string | null;
  dueDate: Date | null;
  status: ActionItemStatus;
}

const utc = (value: Date) => `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const day = (value: Date) => value.toISOString().slice(0, 10);

export const ACTION_ITEMS_HEADING = "## Action items";

/** The body of the action-items section: a table of the tracked items. */
export function renderActionItems(items: PostmortemActionItem[]): string {
  if (items.length === 0) return "_No action items yet. Track each follow-up in the portal with an owner, a due date and a status._";
  const rows = items.map((item) =>
    `| ${markdownCell(item.title)} | ${item.ownerName ? markdownCell(item.ownerName) : "Unassigned"} | ${item.dueDate ? day(item.dueDate) : "No date"} | ${actionItemStatusLabels[item.status]} |`,
  );
  return ["| Action | Owner | Due | Status |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/**
 * The Markdown with its "## Action items" section replaced by the tracked items (appended when the author
 * removed the heading), so the preview and the export never show a stale list.
 */
export function withActionItemsSection(markdown: string, items: PostmortemActionItem[]): string {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const start = lines.findIndex((line) => line.trim().toLowerCase() === ACTION_ITEMS_HEADING.toLowerCase());
  const section = [ACTION_ITEMS_HEADING, "", renderActionItems(items)];
  if (start === -1) return `${markdown.replace(/\s+$/, "")}\n\n${section.join("\n")}\n`;
  let end = lines.findIndex((line, index) => index > start && /^#{1,2}\s/.test(line));
  if (end === -1) end = lines.length;
  const after = lines.slice(end);
  return [...lines.slice(0, start), ...section, ...(after.length ? ["", ...after] : [""])].join("\n");
}

function prompt(text: string): string {
  return `_${text}_`;
}

/** Facts from the record that answer "what went well" and "what went poorly", for the author to keep or cut. */
function observations(source: PostmortemSource): { well: string[]; poorly: string[] } {
  const well: string[] = [];
  const poorly: string[] = [];
  const alertFirst = source.declaredVia === "alertmanager" || source.events.some((event) => event.type === "ALERT" && event.occurredAt <= source.declaredAt);
  if (alertFirst) well.push("Monitoring caught it: an alert fired before or as the incident was declared.");
  else poorly.push("No alert fired before the incident was declared: check whether monitoring covers this failure.");
  const acknowledge = minutesBetween(source.detectedAt, source.acknowledgedAt);
  if (acknowledge !== null && acknowledge <= 15) well.push(`Acknowledged ${formatDuration(acknowledge)} after detection.`);
  if (acknowledge !== null && acknowledge > 30) poorly.push(`Acknowledgement took ${formatDuration(acknowledge)} after detection.`);
  const detect = minutesBetween(source.impactStartedAt, source.detectedAt);
  if (detect !== null && detect > 30) poorly.push(`Impact went undetected for ${formatDuration(detect)}.`);
  const commanders = source.roles.filter((role) => role.role === "COMMANDER");
  if (commanders.length === 0) poorly.push("Nobody was recorded as incident commander.");
  else well.push(`${escapeMarkdown(commanders[0].name)} took command${commanders.length > 1 ? `, with ${commanders.length - 1} handover${commanders.length > 2 ? "s" : ""}` : ""}.`);
  if (source.events.some((event) => event.type === "COMMUNICATION")) well.push("Updates were communicated during the incident.");
  else if (source.customerImpact) poorly.push("Customers were affected but no communication is recorded on the timeline.");
  if (source.reopenCount > 0) poorly.push(`The incident was reopened ${source.reopenCount === 1 ? "once" : `${source.reopenCount} times`}: the first resolution did not hold.`);
  return { well, poorly };
}

function bullets(lines: string[]): string[] {
  return lines.map((line) => `- ${line}`);
}

/** What the impact section says of one SLO: the budget it lost during the incident window. */
export type PostmortemSloImpact = Pick<SloBudgetImpact, "serviceName" | "sloName" | "budgetConsumedPercent"> & { badMinutes?: number | null };

/** The draft postmortem of an incident. `sloImpact` null says the figure is not available (not measured). */
export function generatePostmortemDraft(source: PostmortemSource, actionItems: PostmortemActionItem[], sloImpact: PostmortemSloImpact[] | null): string {
  const severity = severityDefinitions[source.severity];
  const lines: string[] = [];
  lines.push(`# Postmortem: ${source.reference} ${escapeMarkdown(source.title)}`, "");
  lines.push(`| Incident | ${source.reference} |`, "| --- | --- |");
  lines.push(`| Team | ${markdownCell(source.teamName)} |`);
  lines.push(`| Severity | ${severity.label}: ${severity.name}${severity.major ? " (major incident)" : ""} |`);
  lines.push(`| Type | ${source.type === "SECURITY" ? "Security" : "Operational"} |`);
  lines.push(`| Status | ${statusLabels[source.status]} |`);
  lines.push(`| Affected services | ${source.services.length ? source.services.map((service) => `${markdownCell(service.name)} (${markdownCell(service.slug)})`).join(", ") : "None recorded"} |`);
  for (const role of incidentRoles) {
    const holders = source.roles.filter((held) => held.role === role);
    if (holders.length) lines.push(`| ${incidentRoleLabels[role]} | ${holders.map((held) => markdownCell(held.name)).join(" → ")} |`);
  }
  lines.push("");

  lines.push("## Summary", "");
  lines.push(source.summary.trim() ? markdownParagraphs(source.summary) : prompt("What happened, to whom, and how it was resolved, in two or three sentences."), "");

  lines.push("## Impact", "");
  const duration = impactDuration(source);
  lines.push(
    duration.minutes === null
      ? "- **Duration:** not known: record when impact started and when it was mitigated."
      : `- **Duration:** ${formatDuration(duration.minutes)} (${duration.basis}).`,
  );
  lines.push(`- **Customers:** ${source.customerImpact ? "customers were affected." : "no customer impact was recorded."} ${prompt("Say who and how many, and what they saw.")}`);
  if (sloImpact === null) {
    lines.push("- **SLO error budget burned:** not measured for this draft.");
  } else if (sloImpact.length === 0) {
    lines.push("- **SLO error budget burned:** the affected services have no SLOs.");
  } else {
    lines.push("- **SLO error budget burned:**");
    for (const slo of sloImpact) {
      const minutes = slo.badMinutes === null || slo.badMinutes === undefined ? "" : ` (${slo.badMinutes.toFixed(1)} bad minutes)`;
      lines.push(`  - ${markdownCell(slo.serviceName)}, ${markdownCell(slo.sloName)}: ${slo.budgetConsumedPercent === null ? "no data for the incident window" : `${slo.budgetConsumedPercent.toFixed(1)} % of the error budget${minutes}`}`);
    }
  }
  lines.push("", "| Key time | UTC |", "| --- | --- |");
  for (const field of keyTimeFields) lines.push(`| ${keyTimeLabels[field]} | ${source[field] ? utc(source[field]) : "Not recorded"} |`);
  lines.push("");
  const measured = metricKeys
    .map((key) => ({ key, minutes: minutesBetween(source[metricDefinitions[key].from], source[metricDefinitions[key].to]) }))
    .filter((entry) => entry.minutes !== null && entry.minutes >= 0);
  if (measured.length) {
    lines.push(measured.map((entry) => `Time to ${metricDefinitions[entry.key].name.replace(/^Mean time to /, "")}: ${formatDuration(entry.minutes)}.`).join(" "), "");
  }

  lines.push("## Timeline", "", "Pinned and key events, in UTC.", "");
  const timeline = source.events
    .filter((event) => event.pinned || keyEventTypes.includes(event.type) || event.type === "ALERT")
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  if (timeline.length === 0) {
    lines.push(prompt("No key events were recorded. Reconstruct the timeline from chat logs, dashboards and deploy history."));
  } else {
    lines.push("| Time | Event | What happened |", "| --- | --- | --- |");
    for (const event of timeline) {
      const who = event.authorName ? ` (${markdownCell(event.authorName)})` : "";
      lines.push(`| ${utc(event.occurredAt)} | ${eventTypeLabels[event.type]}${event.pinned ? ", pinned" : ""} | ${markdownCell(event.body)}${who} |`);
    }
  }
  lines.push("");

  const changes = source.events.filter((event) => event.type === "DEPLOY");
  lines.push("## Contributing factors", "");
  if (changes.length) {
    lines.push("Changes recorded on the timeline, to check as possible triggers:", "", ...bullets(changes.map((event) => `${utc(event.occurredAt)}: ${markdownCell(event.body)}`)), "");
  }
  lines.push(prompt("Which conditions made this possible? Look past the trigger to the gaps in design, tests, alerting and process. Blameless: systems, not people."), "");

  const actions = source.events.filter((event) => event.type === "ACTION");
  lines.push("## Mitigators", "");
  if (actions.length) lines.push("Actions taken during the incident:", "", ...bullets(actions.map((event) => `${utc(event.occurredAt)}: ${markdownCell(event.body)}`)), "");
  lines.push(prompt("What limited the impact or sped up recovery: a feature flag, a fast rollback, a good runbook?"), "");

  const { well, poorly } = observations(source);
  lines.push("## What went well", "");
  if (well.length) lines.push(...bullets(well), "");
  lines.push(prompt("Add what the responders would do the same way next time."), "");
  lines.push("## What went poorly", "");
  if (poorly.length) lines.push(...bullets(poorly), "");
  lines.push(prompt("Add what slowed the response or made it harder."), "");

  lines.push(ACTION_ITEMS_HEADING, "", renderActionItems(actionItems), "");
  return lines.join("\n");
}

/** The file name of an exported postmortem. */
export function postmortemFileName(reference: string): string {
  return `${reference.toLowerCase()}-postmortem.md`;
}
