// The key times of an incident and their rule: impact started ≤ detected ≤ acknowledged ≤ mitigated ≤
// resolved, none in the future. Pure; a violation is an InvalidError naming the times that conflict.
import { InvalidError, type Issue } from "@/lib/errors";

export const keyTimeFields = ["impactStartedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const;
export type KeyTimeField = (typeof keyTimeFields)[number];
export type KeyTimes = Record<KeyTimeField, Date | null>;

export const keyTimeLabels: Record<KeyTimeField, string> = {
  impactStartedAt: "Impact started",
  detectedAt: "Detected",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
};

/** Clocks differ a little between people's machines and the server: a time this far ahead still counts as now. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

function formatTime(value: Date): string {
  return `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * The problems with a set of key times, each on the later field of a conflicting pair. Missing times are
 * skipped: each present time is compared with the nearest present time before it in the chain, which is
 * enough because the order is transitive.
 */
export function keyTimeIssues(times: Partial<KeyTimes>, now: Date): Issue[] {
  const issues: Issue[] = [];
  let previous: { field: KeyTimeField; value: Date } | undefined;
  for (const field of keyTimeFields) {
    const value = times[field];
    if (!value) continue;
    if (value.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      issues.push({ path: [field], message: `${keyTimeLabels[field]} (${formatTime(value)}) is in the future`, code: "future_time" });
    }
    if (previous && value.getTime() < previous.value.getTime()) {
      issues.push({
        path: [field],
        message: `${keyTimeLabels[field]} (${formatTime(value)}) is before ${keyTimeLabels[previous.field].toLowerCase()} (${formatTime(previous.value)})`,
        code: "times_out_of_order",
      });
    }
    // Compare the next time with the latest one seen, so one early time does not hide a later conflict.
    if (!previous || value.getTime() >= previous.value.getTime()) previous = { field, value };
  }
  return issues;
}

/** Throws a 422 naming the conflicting times when the key times are out of order or in the future. */
export function assertKeyTimesInOrder(times: Partial<KeyTimes>, now: Date): void {
  const issues = keyTimeIssues(times, now);
  if (issues.length === 0) return;
  const message = issues.length === 1 ? `The key times conflict: ${issues[0].message}.` : `The key times conflict: ${issues.map((issue) => issue.message).join("; ")}.`;
  throw new InvalidError(message, issues);
}

/** Minutes between two times, or null when either is missing. */
export function minutesBetween(from: Date | null | undefined, to: Date | null | undefined): number | null {
  if (!from || !to) return null;
  return (to.getTime() - from.getTime()) / 60_000;
}

/**
 * How long customers were affected: from impact start (else detection) to mitigation (else resolution).
 * While neither happened yet, up to `ongoingUntil` (now, for an incident still being worked).
 */
export function impactDuration(times: Partial<KeyTimes>, ongoingUntil: Date | null = null): { minutes: number | null; basis: string } {
  const from = times.impactStartedAt ? "impactStartedAt" : "detectedAt";
  const to = times.mitigatedAt ? "mitigatedAt" : times.resolvedAt || !ongoingUntil ? "resolvedAt" : null;
  const minutes = minutesBetween(times[from], to ? times[to] : ongoingUntil);
  return { minutes, basis: `${keyTimeLabels[from].toLowerCase()} → ${to ? keyTimeLabels[to].toLowerCase() : "now"}` };
}

/** "1 h 25 min", "3 d 4 h", "12 min": durations as people say them. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return "—";
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return `${total} min`;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}
