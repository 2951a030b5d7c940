import { describe, expect, it } from "vitest";
import { elapsedAt, formatClock, switchFocus, timerState } from "./timer";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 29, 10, 0, seconds));

describe("timerState", () => {
  it("counts the stored seconds plus the running stretch", () => {
    const state = timerState({ timeboxMinutes: 10, elapsedSeconds: 120, runningSince: at(0) }, at(30));
    expect(state).toMatchObject({ elapsedSeconds: 150, timeboxSeconds: 600, remainingSeconds: 450, level: "ok", running: true });
  });

  it("does not move while paused", () => {
    expect(timerState({ timeboxMinutes: 5, elapsedSeconds: 100, runningSince: null }, at(500)).elapsedSeconds).toBe(100);
  });

  it("turns amber at 20% of the time box left, but no earlier than a minute before the end", () => {
    // 10 min box: 20% is 120 s, capped at 60 s.
    expect(timerState({ timeboxMinutes: 10, elapsedSeconds: 539, runningSince: null }, at(0)).level).toBe("ok");
    expect(timerState({ timeboxMinutes: 10, elapsedSeconds: 540, runningSince: null }, at(0)).level).toBe("near");
    // 2 min box: 20% is 24 s.
    expect(timerState({ timeboxMinutes: 2, elapsedSeconds: 95, runningSince: null }, at(0)).level).toBe("ok");
    expect(timerState({ timeboxMinutes: 2, elapsedSeconds: 96, runningSince: null }, at(0)).level).toBe("near");
  });

  it("is amber exactly at the end and red one second past it", () => {
    expect(timerState({ timeboxMinutes: 1, elapsedSeconds: 60, runningSince: null }, at(0))).toMatchObject({ remainingSeconds: 0, level: "near" });
    expect(timerState({ timeboxMinutes: 1, elapsedSeconds: 61, runningSince: null }, at(0))).toMatchObject({ remainingSeconds: -1, level: "over" });
  });

  it("never counts a clock that runs behind as negative time", () => {
    expect(elapsedAt({ elapsedSeconds: 10, runningSince: at(30) }, at(0))).toBe(10);
  });
});

describe("formatClock", () => {
  it("shows minutes and seconds, hours when needed, and a sign when over", () => {
    expect(formatClock(245)).toBe("4:05");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(-90)).toBe("-1:30");
    expect(formatClock(3723)).toBe("1:02:03");
  });
});

describe("switchFocus", () => {
  const items = [
    { id: "a", elapsedSeconds: 30, runningSince: at(0), startedAt: at(0) },
    { id: "b", elapsedSeconds: 0, runningSince: null, startedAt: null },
    { id: "c", elapsedSeconds: 50, runningSince: null, startedAt: at(-100) },
  ];

  it("banks the running item's stretch and starts the target", () => {
    expect(switchFocus(items, "b", at(40))).toEqual([
      { id: "a", elapsedSeconds: 70, runningSince: null, endedAt: at(40) },
      { id: "b", elapsedSeconds: 0, runningSince: at(40), startedAt: at(40) },
    ]);
  });

  it("keeps the first start of an item shown again", () => {
    expect(switchFocus(items, "c", at(10))[1]).toEqual({ id: "c", elapsedSeconds: 50, runningSince: at(10) });
  });

  it("changes nothing when the target is already on screen, and pauses everything with null", () => {
    expect(switchFocus(items, "a", at(10))).toEqual([]);
    expect(switchFocus(items, null, at(10))).toEqual([{ id: "a", elapsedSeconds: 40, runningSince: null, endedAt: at(10) }]);
  });
});
