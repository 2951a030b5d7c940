// A Slack-compatible incoming-webhook message for every event: a one-line `text` (notifications and
// clients without blocks) and Block Kit blocks a reader takes in at a glance — what happened, severity,
// status, who, and for SLO alerts the burn rate and the budget left — with a button back to the portal.
// Pure: the same event gives the same message.
import type { EventData, EventEnvelope, EventType } from "@/lib/outbox/events";

type Block = Record<string, unknown>;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's mrkdwn control characters. */
export const escapeMrkdwn = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

type Person = { name: string | null; email: string | null } | null;
const who = (person: Person) => escapeMrkdwn(person?.name ?? person?.email ?? "the portal");
const link = (url: string, label: string) => `<${url.replace(/[|<>]/g, encodeURIComponent)}|${escapeMrkdwn(label)}>`;
const percent = (value: number | null) => (value === null ? "unknown" : `${Number(value.toFixed(1))}%`);
const humanize = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replaceAll("_", " ");

const severityMark: Record<string, string> = { SEV1: ":red_circle:", SEV2: ":large_orange_circle:", SEV3: ":large_yellow_circle:", SEV4: ":large_blue_circle:", SEV5: ":white_circle:" };

interface Parts {
  /** One line, plain text (escaped), also used as the notification text. */
  headline: string;
  /** A short mrkdwn paragraph under it. */
  body?: string;
  fields: [string, string][];
  url: string;
  button: string;
}

function incidentFields(incident: EventData<"incident.declared">["incident"]): [string, string][] {
  return [
    ["Severity", `${severityMark[incident.severity] ?? ""} ${incident.severity}`.trim()],
    ["Status", humanize(incident.status)],
    ["Commander", incident.commander ? who(incident.commander) : "Unassigned"],
    ["Services", incident.services.length ? escapeMrkdwn(incident.services.map((service) => service.name).join(", ")) : "None linked"],
  ];
}

const incidentName = (incident: { reference: string; title: string }) => `${incident.reference}: ${incident.title}`;

function parts(event: EventEnvelope): Parts {
  const data = event.data as EventData<EventType>;
  switch (event.type) {
    case "request.submitted":
    case "request.approved":
    case "request.changes_requested":
    case "request.closed": {
      const { request, actor, comment } = data as EventData<"request.changes_requested">;
      const verb = { "request.submitted": "submitted for review", "request.approved": "approved", "request.changes_requested": "sent back for changes", "request.closed": "closed" }[event.type];
      return {
        headline: `${request.roleName} request "${request.title}" ${verb}`,
        body: comment ? `> ${escapeMrkdwn(comment).replaceAll("\n", "\n> ")}` : undefined,
        fields: [
          ["Status", humanize(request.status)],
          ["Revision", `r${request.revision}`],
          ["By", who(actor)],
          ["Role", escapeMrkdwn(request.roleName)],
        ],
        url: request.url,
        button: "Open the request",
      };
    }
    case "request.published": {
      const { request, publication, actor } = data as EventData<"request.published">;
      const conflicts = publication.conflicts.length;
      return {
        headline: `${request.roleName} request "${request.title}" r${request.revision} published to ${publication.repository.name}${conflicts ? ` with ${conflicts} conflict${conflicts === 1 ? "" : "s"}` : ""}`,
        body: conflicts ? `Conflicts to resolve on \`${escapeMrkdwn(publication.branch)}\`: ${publication.conflicts.slice(0, 5).map((path) => `\`${escapeMrkdwn(path)}\``).join(", ")}` : undefined,
        fields: [
          ["Branch", `\`${escapeMrkdwn(publication.branch)}\``],
          ["Commit", `\`${publication.commitSha.slice(0, 12)}\``],
          ["Pull request", publication.pullRequestUrl ? link(publication.pullRequestUrl, "Open") : "None (no provider API)"],
          ["By", publication.trigger === "approval" ? "Publish on approval" : who(actor)],
        ],
        url: request.url,
        button: "Open the request",
      };
    }
    case "incident.declared": {
      const { incident, summary, actor } = data as EventData<"incident.declared">;
      return {
        headline: `Incident declared — ${incidentName(incident)}`,
        body: summary ? escapeMrkdwn(summary) : undefined,
        fields: [...incidentFields(incident), ["Declared by", who(actor)], ["Customer impact", incident.customerImpact ? "Yes" : "No"]],
        url: incident.url,
        button: "Open the incident",
      };
    }
    case "incident.status_changed": {
      const { incident, from, to, note, actor } = data as EventData<"incident.status_changed">;
      return {
        headline: `${incidentName(incident)} is now ${humanize(to).toLowerCase()}`,
        body: note ? escapeMrkdwn(note) : undefined,
        fields: [...incidentFields(incident), ["Changed", `${humanize(from)} → ${humanize(to)}`], ["By", who(actor)]],
        url: incident.url,
        button: "Open the incident",
      };
    }
    case "incident.role_assigned": {
      const { incident, role, assignee, actor } = data as EventData<"incident.role_assigned">;
      return {
        headline: `${assignee.name ?? assignee.email ?? "Someone"} is ${role.toLowerCase().replaceAll("_", " ")} on ${incidentName(incident)}`,
        fields: [...incidentFields(incident), ["Role", humanize(role)], ["Assigned by", who(actor)]],
        url: incident.url,
        button: "Open the incident",
      };
    }
    case "incident.resolved": {
      const { incident, durationMinutes, actor } = data as EventData<"incident.resolved">;
      const duration = durationMinutes === null ? "unknown" : durationMinutes < 60 ? `${durationMinutes} min` : `${Math.floor(durationMinutes / 60)} h ${durationMinutes % 60} min`;
      return {
        headline: `Resolved — ${incidentName(incident)}`,
        fields: [...incidentFields(incident), ["Duration", duration], ["Resolved by", who(actor)]],
        url: incident.url,
        button: "Open the incident",
      };
    }
    case "postmortem.published": {
      const { incident, postmortem, actor } = data as EventData<"postmortem.published">;
      return {
        headline: `Postmortem published for ${incidentName(incident)}`,
        fields: [
          ["Severity", `${severityMark[incident.severity] ?? ""} ${incident.severity}`.trim()],
          ["Published by", who(actor)],
        ],
        url: postmortem.url,
        button: "Read the postmortem",
      };
    }
    case "slo.alert.firing": {
      const { slo, alert } = data as EventData<"slo.alert.firing">;
      return {
        headline: `${alert.level === "page" ? "PAGE" : "Ticket"}: ${slo.name} is burning its error budget at ${Number(alert.burnRate.toFixed(1))}×`,
        body: `${escapeMrkdwn(slo.service.name)} · objective ${slo.objective}% over ${slo.windowDays} days`,
        fields: [
          ["Level", alert.level === "page" ? ":rotating_light: Page" : ":ticket: Ticket"],
          ["Burn rate", `${Number(alert.burnRate.toFixed(2))}× (${escapeMrkdwn(alert.windows)}, threshold ${alert.threshold}×)`],
          ["Budget left", percent(alert.budgetRemainingPercent)],
          ["Short window", `${Number(alert.shortBurnRate.toFixed(2))}×`],
        ],
        url: slo.url,
        button: "Open the SLO",
      };
    }
    case "slo.alert.resolved": {
      const { slo, alert } = data as EventData<"slo.alert.resolved">;
      return {
        headline: `Resolved: ${slo.name} ${alert.level} alert`,
        body: `${escapeMrkdwn(slo.service.name)} · objective ${slo.objective}% over ${slo.windowDays} days`,
        fields: [
          ["Level", humanize(alert.level)],
          ["Budget left", percent(alert.budgetRemainingPercent)],
        ],
        url: slo.url,
        button: "Open the SLO",
      };
    }
    case "meeting.started": {
      const { meeting, agenda, actor } = data as EventData<"meeting.started">;
      return {
        headline: `Architecture review started: ${meeting.title}`,
        body: agenda.length ? agenda.map((item, index) => `${index + 1}. ${escapeMrkdwn(item.title)} (${item.timeboxMinutes} min)`).join("\n") : undefined,
        fields: [
          ["Chair", who(actor)],
          ["Agenda", `${agenda.length} item${agenda.length === 1 ? "" : "s"}`],
        ],
        url: meeting.url,
        button: "Join the meeting",
      };
    }
    case "meeting.minutes_ready": {
      const { meeting, minutesUrl, decisions, actionItems } = data as EventData<"meeting.minutes_ready">;
      return {
        headline: `Minutes ready: ${meeting.title}`,
        fields: [
          ["Decisions", String(decisions)],
          ["Action items", String(actionItems)],
        ],
        url: minutesUrl,
        button: "Read the minutes",
      };
    }
    case "action_item.overdue": {
      const { actionItem, incident } = data as EventData<"action_item.overdue">;
      return {
        headline: `Overdue action item: ${actionItem.title}`,
        fields: [
          ["Owner", actionItem.owner ? who(actionItem.owner) : "Unassigned"],
          ["Due", actionItem.dueDate],
          ["Incident", escapeMrkdwn(incidentName(incident))],
          ["Status", humanize(actionItem.status)],
        ],
        url: actionItem.url,
        button: "Open the action item",
      };
    }
    case "portal.test": {
      const { message, endpoint, actor } = data as EventData<"portal.test">;
      return {
        headline: `Test notification for "${endpoint.name}"`,
        body: escapeMrkdwn(message),
        fields: [["Sent by", who(actor)]],
        url: "",
        button: "",
      };
    }
  }
}

/**
 * Slack's documented Block Kit limits (api.slack.com/reference/block-kit): a section's text at most 3,000
 * characters, at most 10 fields of 2,000 each, a context element's text 3,000. Slack refuses the whole
 * message (400 invalid_blocks) past them, so long user text is cut here instead.
 */
export const SLACK_LIMITS = { sectionText: 3_000, fields: 10, fieldText: 2_000, contextText: 3_000, buttonText: 75, url: 3_000, blocks: 50 } as const;

/** Cuts mrkdwn to `max` characters with an ellipsis, never inside an entity (`&amp;`) or a link (`<url|label>`). */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const entity = /&[a-z]*$/.exec(cut);
  if (entity) cut = cut.slice(0, entity.index);
  if (cut.lastIndexOf("<") > cut.lastIndexOf(">")) cut = cut.slice(0, cut.lastIndexOf("<"));
  return `${cut}…`;
}

export function slackMessage(event: EventEnvelope): SlackMessage {
  const { headline, body, fields, url, button } = parts(event);
  const team = (event.data as { team: { name: string } }).team;
  // The link back is dropped rather than cut when it alone would not fit (the button still carries it).
  const title = url && url.length + headline.length < SLACK_LIMITS.sectionText / 2 ? link(url, headline) : escapeMrkdwn(headline);
  const blocks: Block[] = [{ type: "section", text: { type: "mrkdwn", text: clipMrkdwn(`*${title}*${body ? `\n${body}` : ""}`, SLACK_LIMITS.sectionText) } }];
  if (fields.length) {
    blocks.push({ type: "section", fields: fields.slice(0, SLACK_LIMITS.fields).map(([label, value]) => ({ type: "mrkdwn", text: clipMrkdwn(`*${label}*\n${value}`, SLACK_LIMITS.fieldText) })) });
  }
  if (url && url.length <= SLACK_LIMITS.url) blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: button }, url, action_id: "open_in_portal" }] });
  const context = `${escapeMrkdwn(team.name)} · Platform Portal · ${event.timestamp.slice(0, 16).replace("T", " ")} UTC`;
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clipMrkdwn(context, SLACK_LIMITS.contextText) }] });
  return { text: clipMrkdwn(escapeMrkdwn(headline), SLACK_LIMITS.sectionText), blocks };
}
