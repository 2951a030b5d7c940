import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alertFactor,
  alertFactors,
  alertRules,
  budgetExhausted,
  burnExceeds,
  burnRateOf,
  burnWindows,
  compareWorstFirst,
  errorBudgetOf,
  evaluateSlo,
  noEvents,
  sliOf,
  timeToExhaustionHours,
  windowCountsFromSamples,
  type BurnWindow,
  type EventCounts,
  type WindowCounts,
} from "@/lib/slo/math";

/** Counts with `errorRatio` of `total` bad. */
const withErrors = (total: number, bad: number): EventCounts => ({ good: total - bad, total });

/** Window counts where every burn window has the given counts unless overridden. */
function counts(window: EventCounts, burn: Partial<Record<BurnWindow, EventCounts>> = {}, fallback: EventCounts = withErrors(1_000_000, 0)): WindowCounts {
  return { window, burn: Object.fromEntries(burnWindows.map((entry) => [entry.key, burn[entry.key] ?? fallback])) as Record<BurnWindow, EventCounts> };
}

const rule = (key: string) => alertRules.find((candidate) => candidate.key === key)!;

describe("the error budget", () => {
  it("is 1 − objective, exact for objectives with up to three decimals", () => {
    expect(errorBudgetOf(99.9)).toBe(0.001);
    expect(errorBudgetOf(99)).toBe(0.01);
    expect(errorBudgetOf(99.999)).toBe(0.00001);
    expect(errorBudgetOf(50)).toBe(0.5);
    expect(errorBudgetOf(99.95)).toBe(0.0005);
  });

  it("reads SLI 99.95 % against 99.9 % over 30 days as half the budget: 21.6 of 43.2 bad minutes left", () => {
    // 1,000,000 events, 500 bad: SLI 0.9995; consumed = 0.0005 ÷ 0.001 = 0.5.
    const report = evaluateSlo({ objective: 99.9, windowDays: 30 }, counts(withErrors(1_000_000, 500)));
    expect(report.sli).toBe(0.9995);
    expect(report.budgetConsumed).toBeCloseTo(0.5, 12);
    expect(report.budgetRemaining).toBeCloseTo(0.5, 12);
    expect(report.allowedBadMinutes).toBeCloseTo(43.2, 12); // 0.001 × 43,200 minutes
    expect(report.remainingBadMinutes).toBeCloseTo(21.6, 9);
    expect(report.status).toBe("healthy");
  });

  it("allows 100.8 bad minutes for 99 % over 7 days and 403.2 for 99 % over 28 days", () => {
    expect(evaluateSlo({ objective: 99, windowDays: 7 }, counts(noEvents)).allowedBadMinutes).toBeCloseTo(100.8, 10);
    expect(evaluateSlo({ objective: 99, windowDays: 28 }, counts(noEvents)).allowedBadMinutes).toBeCloseTo(403.2, 10);
  });

  it("goes negative once exhausted: 3,000 bad of 1,000,000 against 99.9 % is 300 % consumed, −200 % left", () => {
    const report = evaluateSlo({ objective: 99.9, windowDays: 30 }, counts(withErrors(1_000_000, 3_000)));
    expect(report.budgetConsumed).toBeCloseTo(3, 10);
    expect(report.budgetRemaining).toBeCloseTo(-2, 10);
    expect(report.remainingBadMinutes).toBeCloseTo(-86.4, 8);
    expect(report.status).toBe("exhausted");
    expect(report.timeToExhaustionHours).toBe(0);
  });

  it("is exhausted at exactly 100 % consumed, not a hair before", () => {
    expect(budgetExhausted(withErrors(1_000_000, 1_000), 99.9)).toBe(true);
    expect(budgetExhausted(withErrors(1_000_000, 999), 99.9)).toBe(false);
    const atTheEdge = evaluateSlo({ objective: 99.9, windowDays: 30 }, counts(withErrors(1_000_000, 1_000)));
    expect(atTheEdge.status).toBe("exhausted");
    expect(atTheEdge.budgetRemaining).toBeLessThanOrEqual(0);
  });
});

describe("burn rates", () => {
  it("divide the error ratio by the budget", () => {
    expect(burnRateOf(withErrors(100_000, 2_000), 99.9)).toBeCloseTo(20, 10); // 2 % ÷ 0.1 %
    expect(burnRateOf(withErrors(10_000, 100), 99)).toBeCloseTo(1, 10); // 1 % ÷ 1 %
    expect(burnRateOf(withErrors(10_000, 0), 99)).toBe(0);
  });

  it("are null, not zero, for a window without events", () => {
    expect(burnRateOf(noEvents, 99.9)).toBeNull();
    expect(sliOf(noEvents)).toBeNull();
  });
});

describe("alert factors Fᵢ = share × period hours ÷ long-window hours", () => {
  it("are 14.4 / 6 / 3 / 1 for 30 days", () => {
    const factors = alertFactors(30);
    expect(factors["page-fast"]).toBeCloseTo(14.4, 12); // 2 % × 720 h ÷ 1 h
    expect(factors["page-slow"]).toBeCloseTo(6, 12); // 5 % × 720 h ÷ 6 h
    expect(factors["ticket-fast"]).toBeCloseTo(3, 12); // 10 % × 720 h ÷ 24 h
    expect(factors["ticket-slow"]).toBeCloseTo(1, 12); // 10 % × 720 h ÷ 72 h
  });

  it("are 13.44 / 5.6 / 2.8 / 0.933 for 28 days", () => {
    const factors = alertFactors(28);
    expect(factors["page-fast"]).toBeCloseTo(13.44, 12); // 2 % × 672 h
    expect(factors["page-slow"]).toBeCloseTo(5.6, 12);
    expect(factors["ticket-fast"]).toBeCloseTo(2.8, 12);
    expect(factors["ticket-slow"]).toBeCloseTo(0.9333333333, 9); // 67.2 ÷ 72
  });

  it("are 3.36 / 1.4 / 0.7 / 0.233 for 7 days", () => {
    const factors = alertFactors(7);
    expect(factors["page-fast"]).toBeCloseTo(3.36, 12); // 2 % × 168 h
    expect(factors["page-slow"]).toBeCloseTo(1.4, 12); // 5 % × 168 ÷ 6
    expect(factors["ticket-fast"]).toBeCloseTo(0.7, 12); // 10 % × 168 ÷ 24
    expect(factors["ticket-slow"]).toBeCloseTo(0.2333333333, 9); // 16.8 ÷ 72
  });

  it("pair the windows as the SRE workbook does", () => {
    expect(alertRules.map((entry) => [entry.severity, entry.longWindow, entry.shortWindow, entry.budgetSharePercent])).toEqual([
      ["page", "1h", "5m", 2],
      ["page", "6h", "30m", 5],
      ["ticket", "1d", "2h", 10],
      ["ticket", "3d", "6h", 10],
    ]);
    expect(alertFactor({ budgetSharePercent: 2, longWindow: "1h" }, 30)).toBeCloseTo(14.4, 12);
  });

  it("fire strictly above the factor, decided exactly at the boundary", () => {
    // 30 days, 99.9 %: F₁ = 14.4 ⇔ error ratio 1.44 %. 144 bad of 10,000 is exactly 14.4: not above.
    expect(burnExceeds(withErrors(10_000, 144), 99.9, rule("page-fast"), 30)).toBe(false);
    expect(burnExceeds(withErrors(10_000, 145), 99.9, rule("page-fast"), 30)).toBe(true);
    // 28 days, 99 %: F₄ = 0.9333… ⇔ error ratio 0.9333 %. 28 bad of 3,000 is exactly that.
    expect(burnExceeds(withErrors(3_000, 28), 99, rule("ticket-slow"), 28)).toBe(false);
    expect(burnExceeds(withErrors(3_000, 29), 99, rule("ticket-slow"), 28)).toBe(true);
    expect(burnExceeds(noEvents, 99, rule("ticket-slow"), 28)).toBe(false);
  });
});

describe("the status", () => {
  const quiet = withErrors(1_000_000, 0);

  it("pages when the 1 h and 5 m windows both burn above 14.4 (30 days)", () => {
    const report = evaluateSlo(
      { objective: 99.9, windowDays: 30 },
      counts(withErrors(1_000_000, 500), { "1h": withErrors(100_000, 2_000), "5m": withErrors(10_000, 200) }, quiet),
    );
    expect(report.alerts.find((alert) => alert.key === "page-fast")).toMatchObject({ firing: true, longBurnRate: expect.closeTo(20, 10), shortBurnRate: expect.closeTo(20, 10) });
    expect(report.status).toBe("page");
    // Half the budget left at burn 20: 0.5 × 720 h ÷ 20 = 18 h.
    expect(report.currentBurnRate).toBeCloseTo(20, 10);
    expect(report.timeToExhaustionHours).toBeCloseTo(18, 10);
  });

  it("does not page when only the long window burns: the short window shows the burn has stopped", () => {
    const report = evaluateSlo({ objective: 99.9, windowDays: 30 }, counts(withErrors(1_000_000, 500), { "1h": withErrors(100_000, 2_000), "5m": quiet }, quiet));
    expect(report.alerts.every((alert) => !alert.firing)).toBe(true);
    expect(report.status).toBe("healthy");
  });

  it("pages on the 6 h and 30 m pair above 6", () => {
    const report = evaluateSlo(
      { objective: 99.9, windowDays: 30 },
      counts(withErrors(1_000_000, 100), { "6h": withErrors(600_000, 4_200), "30m": withErrors(50_000, 350) }, quiet),
    );
    expect(report.alerts.filter((alert) => alert.firing).map((alert) => alert.key)).toEqual(["page-slow"]);
    expect(report.status).toBe("page");
  });

  it("opens a ticket on the 1 d and 2 h pair above 3, without paging", () => {
    const report = evaluateSlo(
      { objective: 99.9, windowDays: 30 },
      counts(withErrors(1_000_000, 100), { "1d": withErrors(1_000_000, 3_500), "2h": withErrors(100_000, 400) }, quiet),
    );
    expect(report.alerts.filter((alert) => alert.firing).map((alert) => alert.key)).toEqual(["ticket-fast"]);
    expect(report.status).toBe("ticket");
  });

  it("opens a ticket on the 3 d and 6 h pair above 0.933 for a 28-day 99 % SLO", () => {
    const report = evaluateSlo(
      { objective: 99, windowDays: 28 },
      counts(withErrors(10_000_000, 20_000), { "3d": withErrors(3_000_000, 30_000), "6h": withErrors(300_000, 3_000) }, quiet),
    );
    expect(report.alerts.find((alert) => alert.key === "ticket-slow")).toMatchObject({ firing: true, factor: expect.closeTo(0.9333, 4) });
    expect(report.status).toBe("ticket");
  });

  it("uses the 7-day factors: burn 1.5 on 6 h and 30 m pages a 7-day SLO (F₂ = 1.4) but not a 30-day one (F₂ = 6)", () => {
    const burning = counts(withErrors(1_000_000, 100), { "6h": withErrors(100_000, 150), "30m": withErrors(10_000, 15) }, quiet);
    expect(evaluateSlo({ objective: 99.9, windowDays: 7 }, burning).status).toBe("page");
    expect(evaluateSlo({ objective: 99.9, windowDays: 30 }, burning).status).toBe("healthy");
  });

  it("reads no data when the window has no events, never 100 %", () => {
    const report = evaluateSlo({ objective: 99.9, windowDays: 30 }, counts(noEvents, {}, noEvents));
    expect(report.status).toBe("nodata");
    expect(report.sli).toBeNull();
    expect(report.budgetRemaining).toBeNull();
    expect(report.remainingBadMinutes).toBeNull();
    expect(report.timeToExhaustionHours).toBeNull();
    expect(report.burnRates.every((row) => row.burnRate === null && row.errorRatio === null)).toBe(true);
    expect(report.alerts.every((alert) => !alert.firing)).toBe(true);
  });

  it("does not fire an alert whose short window has no data, though the long window burns", () => {
    const report = evaluateSlo({ objective: 99.9, windowDays: 30 }, counts(withErrors(1_000_000, 500), { "1h": withErrors(100_000, 5_000), "5m": noEvents }, quiet));
    expect(report.burnRates.find((row) => row.window === "5m")!.burnRate).toBeNull();
    expect(report.status).toBe("healthy");
  });

  it("says exhausted before page: a spent budget is the worse news", () => {
    const report = evaluateSlo({ objective: 99.9, windowDays: 30 }, counts(withErrors(1_000_000, 2_000), { "1h": withErrors(100_000, 2_000), "5m": withErrors(10_000, 200) }, quiet));
    expect(report.alerts.find((alert) => alert.key === "page-fast")!.firing).toBe(true);
    expect(report.status).toBe("exhausted");
  });
});

describe("time to exhaustion", () => {
  it("is remaining × period hours ÷ burn rate", () => {
    expect(timeToExhaustionHours(1, 1, 30)).toBe(720); // burn 1 spends the budget in exactly the window
    expect(timeToExhaustionHours(1, 14.4, 30)).toBeCloseTo(50, 10); // the workbook's "2 % per hour"
    expect(timeToExhaustionHours(0.25, 2, 7)).toBeCloseTo(21, 10); // 0.25 × 168 ÷ 2
  });

  it("is 0 once exhausted and null when nothing burns or nothing is known", () => {
    expect(timeToExhaustionHours(-0.5, 3, 30)).toBe(0);
    expect(timeToExhaustionHours(0.5, 0, 30)).toBeNull();
    expect(timeToExhaustionHours(0.5, null, 30)).toBeNull();
    expect(timeToExhaustionHours(null, 5, 30)).toBeNull();
  });
});

describe("window counts from minute samples", () => {
  it("counts the current minute and the w − 1 before it, and ignores future minutes", () => {
    const now = 1_000_000;
    const samples = [
      { minute: now, good: 1, total: 1 },
      { minute: now - 4, good: 0, total: 1 }, // inside 5m
      { minute: now - 5, good: 0, total: 10 }, // just outside 5m, inside 30m
      { minute: now - 30 * 1_440 + 1, good: 7, total: 7 }, // the oldest minute of a 30-day window
      { minute: now - 30 * 1_440, good: 100, total: 100 }, // one minute too old
      { minute: now + 2, good: 50, total: 50 }, // pushed ahead of the clock: not yet in any window
    ];
    const result = windowCountsFromSamples(samples, now, 30);
    expect(result.burn["5m"]).toEqual({ good: 1, total: 2 });
    expect(result.burn["30m"]).toEqual({ good: 1, total: 12 });
    expect(result.window).toEqual({ good: 8, total: 19 });
  });

  it("nests: a longer window never holds fewer events than a shorter one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ age: fc.integer({ min: 0, max: 50_000 }), good: fc.integer({ min: 0, max: 50 }), bad: fc.integer({ min: 0, max: 50 }) }), { maxLength: 60 }),
        fc.constantFrom(7, 28, 30),
        (rows, days) => {
          const now = 29_000_000;
          const result = windowCountsFromSamples(rows.map((row) => ({ minute: now - row.age, good: row.good, total: row.good + row.bad })), now, days);
          const totals = burnWindows.map((entry) => result.burn[entry.key].total);
          for (let index = 1; index < totals.length; index++) expect(totals[index]).toBeGreaterThanOrEqual(totals[index - 1]);
          if (days * 1_440 >= 4_320) expect(result.window.total).toBeGreaterThanOrEqual(result.burn["3d"].total);
        },
      ),
    );
  });
});

describe("worst first", () => {
  it("orders exhausted, page, ticket, no data, healthy; then less budget first; then by name", () => {
    const item = (name: string, status: "healthy" | "ticket" | "page" | "exhausted" | "nodata", budgetRemaining: number | null) => ({ name, report: { status, budgetRemaining } });
    const sorted = [item("b", "healthy", 0.9), item("a", "healthy", 0.9), item("c", "healthy", 0.2), item("n", "nodata", null), item("t", "ticket", 0.5), item("p", "page", 0.7), item("x", "exhausted", -1)].sort(compareWorstFirst);
    expect(sorted.map((entry) => entry.name)).toEqual(["x", "p", "t", "n", "c", "a", "b"]);
  });
});

describe("the low-traffic guard", () => {
  // Three requests an hour, one of which failed: a burn rate of 333 over every window, on nine events.
  const sparse = withErrors(3, 1);
  const sparseCounts = counts(withErrors(2_000, 40), { "5m": sparse, "30m": sparse, "1h": sparse, "2h": sparse, "6h": sparse, "1d": sparse, "3d": sparse }, sparse);

  it("without it, one error among three requests pages", () => {
    expect(evaluateSlo({ objective: 99.9, windowDays: 30 }, sparseCounts).alerts.some((alert) => alert.firing && alert.severity === "page")).toBe(true);
  });

  it("with a minimum of events per long window, it does not", () => {
    const report = evaluateSlo({ objective: 99.9, windowDays: 30, alertMinEvents: 100 }, sparseCounts);
    expect(report.alerts.every((alert) => !alert.firing)).toBe(true);
    expect(report.status).not.toBe("page");
  });

  it("the same burn on enough traffic still pages", () => {
    const busy = withErrors(3_000, 1_000);
    const report = evaluateSlo({ objective: 99.9, windowDays: 30, alertMinEvents: 100 }, counts(withErrors(200_000, 4_000), { "5m": busy, "1h": busy }, busy));
    expect(report.alerts.some((alert) => alert.firing && alert.severity === "page")).toBe(true);
  });
});
