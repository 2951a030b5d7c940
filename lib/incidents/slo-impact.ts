// The SLO link: the error budget each affected service's SLO lost during an incident, and the incident
// windows drawn on SLO charts. Pure: the sums come from PostgreSQL (lib/incidents/slo-impact.server.ts).
//
// The window is the one `impactDuration` in lib/incidents/times.ts reports: impact start (else detection)
// to mitigation (else resolution, else now while the incident is open). The budget it consumed is measured
// the way the SLO page's burndown measures it: bad events in the incident window ÷ (1 − objective) × all
// events of the SLO's rolling window ending when the incident's window ends (scaled to the whole window
// when samples cover only part of it). "Bad minutes" is that share
// of the window's allowed bad minutes ((1 − objective) × window length), the unit the SLO page uses for
// the budget left: 43.2 minutes for 99.9 % over 30 days (ADR 014).
import { errorBudgetOf, MINUTES_PER_DAY, type EventCounts } from "@/lib/slo/math";

export interface SloBudgetImpact {
  sloId: string;
  serviceName: string;
  sloName: string;
  objective: number;
  windowDays: number;
  /** Events during the incident window. */
  good: number;
  total: number;
  /** Percent of the SLO's error budget consumed during the incident window; null when the SLO has no data for it. */
  budgetConsumedPercent: number | null;
  /** The consumed budget as minutes of the window's allowed bad minutes; null without data. */
  badMinutes: number | null;
}

/** The statuses whose incidents had no impact to draw or measure (declared by mistake). */
const withoutImpact = new Set(["CANCELLED"]);

export interface IncidentTimesLike {
  status: string;
  declaredAt: Date;
  impactStartedAt: Date | null;
  detectedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * The incident's impact window: impact start (else detection, else declaration) to mitigation (else
 * resolution, else `now` while it is open). Null for a cancelled incident. `open` says the end is "now".
 */
export function incidentImpactWindow(incident: IncidentTimesLike, now: Date): { from: Date; to: Date; open: boolean } | null {
  if (withoutImpact.has(incident.status)) return null;
  const from = incident.impactStartedAt ?? incident.detectedAt ?? incident.declaredAt;
  const end = incident.mitigatedAt ?? incident.resolvedAt;
  const to = end ?? now;
  return { from, to: to.getTime() < from.getTime() ? from : to, open: end === null };
}

/** A half-open range of epoch minutes [from, to). */
export interface MinuteRange {
  from: number;
  to: number;
}

/** A range split into the pieces the rollups can answer: edge minutes, edge hours, whole days. */
export interface RangeParts {
  minutes: MinuteRange[];
  hours: MinuteRange[];
  days: MinuteRange[];
}

const ceilTo = (value: number, size: number) => Math.ceil(value / size) * size;
const floorTo = (value: number, size: number) => Math.floor(value / size) * size;

/**
 * Splits [from, to) into whole UTC days, the whole hours around them and the minutes around those, so a
 * sum reads at most 2 × 59 minute rows and 2 × 23 hour rows plus one row per day, however long the range.
 */
export function splitRange(range: MinuteRange): RangeParts {
  const parts: RangeParts = { minutes: [], hours: [], days: [] };
  const add = (list: MinuteRange[], from: number, to: number) => {
    if (to > from) list.push({ from, to });
  };
  if (range.to <= range.from) return parts;
  const hourFrom = ceilTo(range.from, 60);
  const hourTo = floorTo(range.to, 60);
  if (hourFrom >= hourTo) {
    add(parts.minutes, range.from, range.to);
    return parts;
  }
  add(parts.minutes, range.from, hourFrom);
  add(parts.minutes, hourTo, range.to);
  const dayFrom = ceilTo(hourFrom, MINUTES_PER_DAY);
  const dayTo = floorTo(hourTo, MINUTES_PER_DAY);
  if (dayFrom >= dayTo) {
    add(parts.hours, hourFrom, hourTo);
    return parts;
  }
  add(parts.hours, hourFrom, dayFrom);
  add(parts.hours, dayTo, hourTo);
  add(parts.days, dayFrom, dayTo);
  return parts;
}

/**
 * The epoch-minute ranges to sum for an incident window: the minutes it touches, and the SLO's rolling
 * window ending with the incident window's last minute.
 */
export function impactRanges(window: { from: Date; to: Date }, windowDays: number): { incident: MinuteRange; slo: MinuteRange } {
  const from = Math.floor(window.from.getTime() / 60_000);
  // A minute sample covers its minute: an end at 10:30:10 includes 10:30, an end at 10:30:00 does not.
  const to = Math.max(from + 1, Math.ceil(window.to.getTime() / 60_000));
  return { incident: { from, to }, slo: { from: to - windowDays * MINUTES_PER_DAY, to } };
}

/**
 * The budget an incident consumed from its window's counts and the SLO window's counts. `sloWindow.minutes`
 * is how many minutes of the SLO window have samples: when data covers only part of it (a new SLO, or
 * samples past retention), its events are scaled up to the whole window at the same rate, so a young SLO's
 * budget is not taken to be tiny.
 */
export function budgetImpactOf(
  definition: { objective: number; windowDays: number },
  incident: EventCounts,
  sloWindow: EventCounts & { minutes: number },
): { budgetConsumedPercent: number | null; badMinutes: number | null } {
  const budget = errorBudgetOf(definition.objective);
  if (incident.total <= 0 || sloWindow.total <= 0 || sloWindow.minutes <= 0 || budget <= 0) return { budgetConsumedPercent: null, badMinutes: null };
  const windowMinutes = definition.windowDays * MINUTES_PER_DAY;
  const windowEvents = sloWindow.total * (windowMinutes / Math.min(windowMinutes, sloWindow.minutes));
  const consumed = (incident.total - incident.good) / (budget * windowEvents);
  return { budgetConsumedPercent: consumed * 100, badMinutes: consumed * budget * windowMinutes };
}

/** An incident drawn on an SLO chart: its impact window and a label. */
export interface IncidentMarker {
  id: string;
  reference: string;
  title: string;
  severity: string;
  status: string;
  /** ISO times of the impact window; `to` is "now" while the incident is open. */
  from: string;
  to: string;
  open: boolean;
}

/** "SEV2 · Checkout API 5xx spike": a marker's label, shortened for the chart. */
export function markerLabel(marker: Pick<IncidentMarker, "severity" | "title">, max = 48): string {
  const text = `${marker.severity} · ${marker.title}`;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The incident page's SLO panel data (as JSON: the window's times as ISO strings). */
export interface IncidentSloImpactJson {
  window: { from: string; to: string; open: boolean } | null;
  slos: SloBudgetImpact[];
}
