// One valid envelope per event type, each checked against its documented schema, for adapter tests.
// `text` fills every free-text field, so a test can pass long or hostile text through every message.
import { eventSchemas, eventTypes, type EventEnvelope, type EventType } from "@/lib/outbox/events";

export function sampleEvent(type: EventType, text = "Checkout is down"): EventEnvelope {
  const team = { slug: "payments", name: "Payments" };
  const actor = { name: "Ada Lovelace", email: "ada@example.com" };
  const incident = {
    id: "inc_1",
    reference: "INC-12",
    title: text,
    severity: "SEV2" as const,
    status: "INVESTIGATING",
    type: "OPERATIONAL",
    customerImpact: true,
    declaredAt: "2026-12-01T10:00:00.000Z",
    services: [{ slug: "checkout", name: "Checkout" }],
    commander: actor,
    url: "https://portal.example.com/incidents/inc_1",
  };
  const request = { id: "req_1", title: text, role: "sre-engineer", roleName: "SRE", status: "APPROVED", revision: 2, url: "https://portal.example.com/requests/req_1" };
  const slo = { id: "slo_1", name: text, slug: "checkout-availability", service: { slug: "checkout", name: "Checkout" }, objective: 99.9, windowDays: 30, url: "https://portal.example.com/slos/slo_1" };
  const meeting = { id: "mtg_1", title: text, scheduledAt: "2026-12-02T09:00:00.000Z", startedAt: "2026-12-02T09:01:00.000Z", endedAt: null, url: "https://portal.example.com/reviews/meetings/mtg_1" };
  const data: Record<EventType, unknown> = {
    "request.submitted": { team, actor, request },
    "request.approved": { team, actor, request },
    "request.changes_requested": { team, actor, request, comment: text },
    "request.closed": { team, actor, request, comment: null },
    "request.published": {
      team,
      actor,
      request,
      publication: {
        id: "pub_1",
        repository: { id: "repo_1", name: text },
        branch: "portal/checkout-network-k3x9q2",
        directory: "infra/sre-engineer/checkout-network-k3x9q2",
        commitSha: "0123456789abcdef0123456789abcdef01234567",
        pullRequestUrl: "https://github.example.com/acme/infra/pull/7",
        conflicts: ["infra/sre-engineer/checkout-network-k3x9q2/slo.yaml"],
        trigger: "approval",
      },
    },
    "incident.declared": { team, actor, incident, summary: text },
    "incident.status_changed": { team, actor, incident, from: "TRIAGE", to: "INVESTIGATING", note: text },
    "incident.role_assigned": { team, actor, incident, role: "COMMANDER", assignee: actor },
    "incident.resolved": { team, actor, incident, resolvedAt: "2026-12-01T11:30:00.000Z", durationMinutes: 90 },
    "postmortem.published": { team, actor, incident, postmortem: { id: "pm_1", publishedAt: "2026-12-03T10:00:00.000Z", url: "https://portal.example.com/incidents/inc_1/postmortem" } },
    "slo.alert.firing": { team, actor: null, slo, alert: { level: "page", burnRate: 16.2, shortBurnRate: 18.4, threshold: 14.4, windows: "1h/5m", budgetRemainingPercent: 61.5, since: "2026-12-01T10:00:00.000Z" } },
    "slo.alert.resolved": { team, actor: null, slo, alert: { level: "page", firedAt: "2026-12-01T10:00:00.000Z", resolvedAt: "2026-12-01T11:00:00.000Z", budgetRemainingPercent: 58 } },
    "meeting.started": { team, actor, meeting, agenda: [{ requestId: "req_1", title: text, timeboxMinutes: 15 }] },
    "meeting.minutes_ready": { team, actor, meeting, minutesUrl: "https://portal.example.com/reviews/meetings/mtg_1", decisions: 2, actionItems: 3 },
    "action_item.overdue": {
      team,
      actor: null,
      actionItem: { id: "ai_1", title: text, dueDate: "2026-11-30", status: "OPEN", owner: actor, url: "https://portal.example.com/incidents/inc_1/postmortem#ai_1" },
      incident: { id: "inc_1", reference: "INC-12", title: text },
    },
    "portal.test": { team, actor, message: text, endpoint: { id: "whe_1", name: "Ops channel" } },
  };
  return { type, timestamp: "2026-12-01T10:05:00.000Z", data: eventSchemas[type].parse(data[type]) } as EventEnvelope;
}

export const allSampleEvents = (text?: string) => eventTypes.map((type) => sampleEvent(type, text));
