// The per-item timer of meeting mode: time spent on an agenda item against its time box. Pure, so that
// the server (which stores it) and the screen (which ticks it) agree.

/** Below this share of the time box left, the timer turns amber. */
export const NEAR_SHARE = 0.2;
/** …or below this many seconds, whichever comes first: a 2-minute item still gets a warning. */
export const NEAR_SECONDS = 60;

export interface TimerSource {
  timeboxMinutes: number;
  /** Seconds counted before the current stretch on screen. */
  elapsedSeconds: number;
  /** When the item came on screen, while it is there; null when paused. */
  runningSince: string | Date | null;
}

export type TimerLevel = "ok" | "near" | "over";

export interface TimerState {
  elapsedSeconds: number;
  timeboxSeconds: number;
  /** Negative once over the time box. */
  remainingSeconds: number;
  level: TimerLevel;
  running: boolean;
}

const toMs = (value: string | Date) => (value instanceof Date ? value.getTime() : Date.parse(value));

/** Seconds spent on an item at `now`: the stored seconds plus the running stretch (never negative). */
export function elapsedAt(source: Pick<TimerSource, "elapsedSeconds" | "runningSince">, now: Date): number {
  const running = source.runningSince ? Math.max(0, Math.floor((now.getTime() - toMs(source.runningSince)) / 1000)) : 0;
  return source.elapsedSeconds + running;
}

export function timerState(source: TimerSource, now: Date): TimerState {
  const elapsedSeconds = elapsedAt(source, now);
  const timeboxSeconds = source.timeboxMinutes * 60;
  const remainingSeconds = timeboxSeconds - elapsedSeconds;
  const nearAt = Math.min(timeboxSeconds * NEAR_SHARE, NEAR_SECONDS);
  const level: TimerLevel = remainingSeconds < 0 ? "over" : remainingSeconds <= Math.max(nearAt, 0) ? "near" : "ok";
  return { elapsedSeconds, timeboxSeconds, remainingSeconds, level, running: source.runningSince !== null };
}

/** "4:05", "-1:30", "1:02:03": what the big timer shows (remaining time; negative once over). */
export function formatClock(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? "-" : "";
  const seconds = Math.abs(Math.trunc(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${sign}${minutes}:${rest}`;
}

export interface FocusChange {
  id: string;
  elapsedSeconds: number;
  runningSince: Date | null;
  /** Set when the item is shown for the first time. */
  startedAt?: Date;
  /** Updated whenever the item leaves the screen. */
  endedAt?: Date;
}

/**
 * Moves the screen to `targetId` (or nowhere, when null): the item that was running banks its stretch and
 * pauses, the target starts running. Returns only the items that change.
 */
export function switchFocus(
  items: ({ id: string; startedAt: string | Date | null } & Pick<TimerSource, "elapsedSeconds" | "runningSince">)[],
  targetId: string | null,
  now: Date,
): FocusChange[] {
  const changes: FocusChange[] = [];
  for (const item of items) {
    if (item.id === targetId) {
      if (item.runningSince) continue; // already on screen
      changes.push({ id: item.id, elapsedSeconds: item.elapsedSeconds, runningSince: now, ...(item.startedAt ? {} : { startedAt: now }) });
    } else if (item.runningSince) {
      changes.push({ id: item.id, elapsedSeconds: elapsedAt(item, now), runningSince: null, endedAt: now });
    }
  }
  return changes;
}
