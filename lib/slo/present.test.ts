import { describe, expect, it } from "vitest";
import { formatAttainment, formatBudget, formatBurnRate, formatFactor, formatHours, formatMinutes, formatTimeToExhaustion, sliAxis, burndownTicks, quietAlertReason } from "@/lib/slo/present";

describe("SLO formatting", () => {
  it("truncates attainment so that just under the objective never reads as meeting it", () => {
    expect(formatAttainment(0.998996, 99.9)).toBe("99.89 %");
    expect(formatAttainment(0.9995, 99.9)).toBe("99.95 %");
    expect(formatAttainment(0.99953, 99.95)).toBe("99.953 %");
    expect(formatAttainment(1, 99.9)).toBe("100.00 %");
    expect(formatAttainment(null, 99.9)).toBe("No data");
  });

  it("shows budgets with a true minus sign and more precision near zero", () => {
    expect(formatBudget(0.623)).toBe("62 %");
    expect(formatBudget(0.0512)).toBe("5.1 %");
    expect(formatBudget(-1.354)).toBe("−135 %");
    expect(formatBudget(null)).toBe("—");
    expect(formatMinutes(26.84)).toBe("26.8 min");
    expect(formatMinutes(-12.2)).toBe("−12.2 min");
    expect(formatMinutes(403.2)).toBe("6 h 43 min");
  });

  it("writes burn rates, factors and durations the way people read them", () => {
    expect(formatBurnRate(0.4213)).toBe("0.42×");
    expect(formatBurnRate(14.43)).toBe("14.4×");
    expect(formatBurnRate(420.4)).toBe("420×");
    expect(formatBurnRate(null)).toBe("No data");
    expect(formatFactor(0.9333333)).toBe("0.933");
    expect(formatFactor(14.4)).toBe("14.4");
    expect(formatHours(0.5)).toBe("30 min");
    expect(formatHours(18)).toBe("18 h");
    expect(formatHours(52)).toBe("2 d 4 h");
    expect(formatTimeToExhaustion(0, "exhausted")).toBe("Exhausted");
    expect(formatTimeToExhaustion(null, "healthy")).toBe("Not burning");
    expect(formatTimeToExhaustion(null, "nodata")).toBe("No data");
  });
});

describe("the SLI chart's axis", () => {
  it("uses round steps that include the lowest point and the objective", () => {
    expect(sliAxis(99.6, 99.9)).toEqual({ min: 99.6, ticks: [99.6, 99.7, 99.8, 99.9, 100], clipped: false });
    expect(sliAxis(null, 99.9)).toEqual({ min: 99.8, ticks: [99.8, 99.85, 99.9, 99.95, 100], clipped: false });
    expect(sliAxis(99.97, 99.5)).toEqual({ min: 99, ticks: [99, 99.25, 99.5, 99.75, 100], clipped: false });
  });

  it("keeps the SLI axis around the objective, so 99.95 % never reads as 100 %, and says when a dip is cut", () => {
    expect(sliAxis(20, 99)).toEqual({ min: 94, ticks: [94, 96, 98, 100], clipped: true });
    expect(sliAxis(85, 99.95)).toEqual({ min: 99.7, ticks: [99.7, 99.8, 99.9, 100], clipped: true });
    expect(sliAxis(99.2, 99.9)).toEqual({ min: 99.4, ticks: [99.4, 99.6, 99.8, 100], clipped: true });
  });

  it("gives the burndown round ticks through 100 and 0", () => {
    expect(burndownTicks(40)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(burndownTicks(-70)).toEqual([-100, -50, 0, 50, 100]);
    expect(burndownTicks(-10)).toEqual([-20, 0, 20, 40, 60, 80, 100]);
  });

  it("says why an exhausted SLO fires no alert", () => {
    const alerts = [
      { shortWindow: "5m", shortBurnRate: 0.4, factor: 14.4 },
      { shortWindow: "6h", shortBurnRate: 0, factor: 1 },
    ];
    expect(quietAlertReason({ status: "healthy", alerts }, (key) => key)).toBe("No alert fires.");
    expect(quietAlertReason({ status: "exhausted", alerts }, (key) => key)).toBe(
      "No alert fires: the budget is spent, but the burn has stopped. An alert also needs its short window burning fast, and over the last 6h the burn rate is 0× (a ticket needs over 1×). The budget comes back as the bad minutes leave the window.",
    );
  });
});
