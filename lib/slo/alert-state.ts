// The portal's own SLO alert announcements, with hysteresis: an alert fires as soon as a higher level's
// multiwindow condition holds, and resolves only once the condition has stayed below it for
// RESOLVE_AFTER_CLEAR_MS, so a burn rate flapping around a threshold announces once, not every minute. Pure.
import type { SloReport } from "@/lib/slo/math";

export type AlertLevel = "none" | "ticket" | "page";

const rank: Record<AlertLevel, number> = { none: 0, ticket: 1, page: 2 };

/** How long the condition must stay clear before "resolved" is announced. */
export const RESOLVE_AFTER_CLEAR_MS = 15 * 60_000;

export interface StoredAlertState {
  level: AlertLevel;
  since: Date;
  clearSince: Date | null;
}

export type AlertTransition = { kind: "firing"; level: "page" | "ticket" } | { kind: "resolved"; level: "page" | "ticket"; firedAt: Date };

/** The level a report's firing alerts amount to (exhaustion alone is no alert: the burn may have stopped). */
export function observedLevel(report: Pick<SloReport, "alerts">): AlertLevel {
  if (report.alerts.some((alert) => alert.firing && alert.severity === "page")) return "page";
  if (report.alerts.some((alert) => alert.firing && alert.severity === "ticket")) return "ticket";
  return "none";
}

export function nextAlertState(stored: StoredAlertState | null, observed: AlertLevel, now: Date): { state: StoredAlertState; transitions: AlertTransition[] } {
  const current = stored ?? { level: "none" as const, since: now, clearSince: null };
  if (rank[observed] > rank[current.level]) {
    return { state: { level: observed, since: now, clearSince: null }, transitions: [{ kind: "firing", level: observed as "page" | "ticket" }] };
  }
  if (observed === current.level) return { state: { ...current, clearSince: null }, transitions: [] };
  // Below the announced level: wait until it has stayed there long enough.
  const clearSince = current.clearSince ?? now;
  if (now.getTime() - clearSince.getTime() < RESOLVE_AFTER_CLEAR_MS) return { state: { ...current, clearSince }, transitions: [] };
  const transitions: AlertTransition[] = [{ kind: "resolved", level: current.level as "page" | "ticket", firedAt: current.since }];
  if (observed !== "none") transitions.push({ kind: "firing", level: observed });
  return { state: { level: observed, since: now, clearSince: null }, transitions };
}
