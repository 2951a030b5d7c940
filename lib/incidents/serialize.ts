// Rows to the JSON shapes in api-schemas.ts, shared by the API routes, the pages' first render and the
// live polling, so all three show the same thing.
import type { ActionItemStatus, IncidentRole, IncidentSeverity, IncidentStatus, IncidentType, PostmortemStatus, IncidentEventType } from "@/lib/generated/prisma/browser";
import type { ActionItemJson, IncidentDetailJson, IncidentEventJson, IncidentSummaryJson, PersonJson } from "@/lib/incidents/api-schemas";
import { allowedTransitions } from "@/lib/incidents/status";
import type { KeyTimes } from "@/lib/incidents/times";

export const incidentReference = (number: number) => `INC-${number}`;

/** The key times of an incident's JSON as Dates, for the pure time rules. */
export function keyTimesOf(times: IncidentSummaryJson["times"]): KeyTimes {
  return Object.fromEntries(Object.entries(times).map(([field, value]) => [field, value ? new Date(value) : null])) as KeyTimes;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

type PersonRow = { id: string; name: string | null; email: string };
const person = (row: PersonRow | null): PersonJson | null => (row ? { id: row.id, name: row.name, email: row.email } : null);

export interface IncidentSummaryRow {
  id: string;
  number: number;
  title: string;
  severity: IncidentSeverity;
  type: IncidentType;
  status: IncidentStatus;
  customerImpact: boolean;
  declaredAt: Date;
  impactStartedAt: Date | null;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  team: { slug: string; name: string };
  services: { service: { id: string; slug: string; name: string } }[];
  roles: { role: IncidentRole; user: PersonRow; assignedAt: Date; endedAt: Date | null }[];
}

export interface IncidentDetailRow extends IncidentSummaryRow {
  summary: string;
  closedAt: Date | null;
  reopenCount: number;
  declaredBy: PersonRow | null;
  declaredVia: string;
  version: number;
  sourceRequestId: string | null;
  runbookMarkdown: string | null;
  alerts: { fingerprint: string; alertName: string; status: string; startsAt: Date; endsAt: Date | null; lastReceivedAt: Date }[];
  postmortem: { status: PostmortemStatus } | null;
}

export function toIncidentSummary(row: IncidentSummaryRow): IncidentSummaryJson {
  const commander = row.roles.find((assignment) => assignment.role === "COMMANDER" && assignment.endedAt === null);
  return {
    id: row.id,
    number: row.number,
    reference: incidentReference(row.number),
    team: { slug: row.team.slug, name: row.team.name },
    title: row.title,
    severity: row.severity,
    type: row.type,
    status: row.status,
    customerImpact: row.customerImpact,
    declaredAt: row.declaredAt.toISOString(),
    times: {
      impactStartedAt: iso(row.impactStartedAt),
      detectedAt: iso(row.detectedAt),
      acknowledgedAt: iso(row.acknowledgedAt),
      mitigatedAt: iso(row.mitigatedAt),
      resolvedAt: iso(row.resolvedAt),
    },
    services: row.services.map(({ service }) => ({ id: service.id, slug: service.slug, name: service.name })),
    commander: commander ? person(commander.user) : null,
  };
}

export function toIncidentDetail(row: IncidentDetailRow): IncidentDetailJson {
  const assignment = (entry: IncidentSummaryRow["roles"][number]) => ({ role: entry.role, user: person(entry.user)!, assignedAt: entry.assignedAt.toISOString(), endedAt: iso(entry.endedAt) });
  return {
    ...toIncidentSummary(row),
    summary: row.summary,
    closedAt: iso(row.closedAt),
    reopenCount: row.reopenCount,
    declaredBy: person(row.declaredBy),
    declaredVia: row.declaredVia,
    version: row.version,
    allowedTransitions: [...allowedTransitions(row.status)],
    roles: row.roles.filter((entry) => entry.endedAt === null).map(assignment),
    roleHistory: row.roles
      .filter((entry) => entry.endedAt !== null)
      .sort((a, b) => b.endedAt!.getTime() - a.endedAt!.getTime())
      .map(assignment),
    alerts: row.alerts.map((alert) => ({
      fingerprint: alert.fingerprint,
      alertName: alert.alertName,
      status: alert.status === "resolved" ? "resolved" : "firing",
      startsAt: alert.startsAt.toISOString(),
      endsAt: iso(alert.endsAt),
      lastReceivedAt: alert.lastReceivedAt.toISOString(),
    })),
    source: row.sourceRequestId ? { requestId: row.sourceRequestId, runbookMarkdown: row.runbookMarkdown } : null,
    postmortem: row.postmortem ? { status: row.postmortem.status } : null,
  };
}

export interface IncidentEventRow {
  id: string;
  type: IncidentEventType;
  body: string;
  data: unknown;
  occurredAt: Date;
  pinned: boolean;
  author: PersonRow | null;
  source: string;
  timeEditedAt: Date | null;
  createdAt: Date;
}

export function toIncidentEvent(row: IncidentEventRow): IncidentEventJson {
  return {
    id: row.id,
    type: row.type,
    body: row.body,
    data: row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {},
    occurredAt: row.occurredAt.toISOString(),
    pinned: row.pinned,
    author: person(row.author),
    source: row.source,
    timeEditedAt: iso(row.timeEditedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Overdue: an open or in-progress item whose due date is before today (UTC). */
export function isActionItemOverdue(item: { dueDate: Date | null; status: ActionItemStatus }, now: Date): boolean {
  if (!item.dueDate || item.status === "DONE" || item.status === "WONT_DO") return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return item.dueDate.getTime() < today;
}

export interface ActionItemRow {
  id: string;
  incidentId: string;
  title: string;
  owner: PersonRow | null;
  dueDate: Date | null;
  status: ActionItemStatus;
  completedAt: Date | null;
  createdAt: Date;
}

export function toActionItem(row: ActionItemRow, now: Date): ActionItemJson {
  return {
    id: row.id,
    incidentId: row.incidentId,
    title: row.title,
    owner: person(row.owner),
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    status: row.status,
    overdue: isActionItemOverdue(row, now),
    completedAt: iso(row.completedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A person as the UI names them. */
export function personName(row: { name: string | null; email: string } | null): string {
  return row ? (row.name ?? row.email) : "Someone";
}
