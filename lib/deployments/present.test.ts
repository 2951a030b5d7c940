import { describe, expect, it } from "vitest";
import { formatPerDay, formatRate, formatSeconds, levelTone, trendSentence } from "@/lib/deployments/present";

describe("presenting DORA figures", () => {
  it("formats durations, rates and frequencies, and says no data for null", () => {
    expect([formatSeconds(30), formatSeconds(5400), formatSeconds(3 * 86_400), formatSeconds(null)]).toEqual(["30 s", "1 h 30 min", "3 d", "No data"]);
    expect([formatRate(0.5), formatRate(0.034), formatRate(0), formatRate(null)]).toEqual(["50 %", "3.4 %", "0 %", "No data"]);
    expect([formatPerDay(12.4), formatPerDay(2.5), formatPerDay(0.5), formatPerDay(0), formatPerDay(null)]).toEqual(["12 a day", "2.5 a day", "3.5 a week", "None", "No data"]);
  });
  it("maps levels to status tones and trends to sentences", () => {
    expect([levelTone("elite"), levelTone("high"), levelTone("medium"), levelTone("low"), levelTone(null)]).toEqual(["healthy", "healthy", "warning", "critical", "nodata"]);
    expect(trendSentence({ previous: 0.1, change: 1, verdict: "worse" }, formatRate)).toBe("Worse than the previous period: +100 %, was 10 %");
    expect(trendSentence({ previous: null, change: null, verdict: null }, formatRate)).toBe("No earlier data to compare with");
    expect(trendSentence({ previous: 0.2, change: null, verdict: null }, formatRate)).toBe("Nothing to compare with the previous period");
  });
});
