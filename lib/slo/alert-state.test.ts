import { describe, expect, it } from "vitest";
import { nextAlertState, observedLevel, RESOLVE_AFTER_CLEAR_MS, type AlertLevel, type StoredAlertState } from "@/lib/slo/alert-state";

const t0 = new Date("2026-12-04T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** Feeds one observed level per minute and collects what would be announced. */
function run(levels: AlertLevel[]) {
  let state: StoredAlertState | null = null;
  const announced: string[] = [];
  levels.forEach((level, minute) => {
    const next = nextAlertState(state, level, at(minute));
    state = next.state;
    for (const transition of next.transitions) announced.push(`${minute}:${transition.kind}:${transition.level}`);
  });
  return { announced, state: state as StoredAlertState | null };
}

describe("SLO alert hysteresis", () => {
  it("fires at once and resolves only after the condition stayed clear for 15 minutes", () => {
    const { announced } = run(["none", "page", "page", ...Array<AlertLevel>(16).fill("none")]);
    expect(announced).toEqual(["1:firing:page", "18:resolved:page"]);
    expect(RESOLVE_AFTER_CLEAR_MS).toBe(15 * 60_000);
  });

  it("announces a flapping burn rate once, not every time it crosses the threshold", () => {
    const flapping: AlertLevel[] = Array.from({ length: 60 }, (_, minute) => (minute % 3 === 0 ? "page" : "none"));
    expect(run(flapping).announced).toEqual(["0:firing:page"]);
  });

  it("escalates from ticket to page at once, and steps down through ticket after the hold", () => {
    const { announced, state } = run(["ticket", "ticket", "page", ...Array<AlertLevel>(16).fill("ticket")]);
    expect(announced).toEqual(["0:firing:ticket", "2:firing:page", "18:resolved:page", "18:firing:ticket"]);
    expect(state?.level).toBe("ticket");
  });

  it("starts from nothing when no state was stored and nothing fires", () => {
    expect(nextAlertState(null, "none", t0).transitions).toEqual([]);
  });

  it("reads the level from the report's firing alerts, page before ticket", () => {
    const alert = (severity: "page" | "ticket", firing: boolean) => ({ severity, firing }) as never;
    expect(observedLevel({ alerts: [alert("ticket", true), alert("page", true)] })).toBe("page");
    expect(observedLevel({ alerts: [alert("ticket", true), alert("page", false)] })).toBe("ticket");
    expect(observedLevel({ alerts: [alert("ticket", false)] })).toBe("none");
  });
});
