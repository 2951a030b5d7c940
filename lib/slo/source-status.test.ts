import { describe, expect, it } from "vitest";
import { sourceStatus } from "@/lib/slo/source-status";

const at = (time: string) => new Date(`2026-12-07T${time}:00Z`);
const base = { syncedUntil: null, backfillFrom: at("00:00"), backfillTo: at("10:00"), lastSuccessAt: null, lastErrorAt: null, lastError: null, lastDataMinute: null };

describe("a source SLO's status", () => {
  it("reports the backfill's progress until it reaches its end, then current", () => {
    expect(sourceStatus(base)).toMatchObject({ state: "backfilling", progress: 0 });
    expect(sourceStatus({ ...base, syncedUntil: at("05:00"), lastSuccessAt: at("10:01") })).toMatchObject({ state: "backfilling", progress: 0.5 });
    expect(sourceStatus({ ...base, syncedUntil: at("10:07"), lastSuccessAt: at("10:08"), lastDataMinute: at("10:06") })).toMatchObject({ state: "current", progress: 1, noDataSince: "2026-12-07T10:07:00.000Z" });
  });

  it("is failing, with the error and since when there is no data, when the last attempt failed", () => {
    const failing = sourceStatus({ ...base, syncedUntil: at("10:07"), lastSuccessAt: at("10:08"), lastDataMinute: at("10:06"), lastErrorAt: at("10:20"), lastError: "Could not reach the source: ECONNREFUSED" });
    expect(failing).toMatchObject({ state: "failing", error: "Could not reach the source: ECONNREFUSED", noDataSince: "2026-12-07T10:07:00.000Z" });
    // A success after the error clears it.
    expect(sourceStatus({ ...base, syncedUntil: at("10:30"), lastSuccessAt: at("10:31"), lastErrorAt: at("10:20"), lastError: "x" })).toMatchObject({ state: "current", error: null });
  });
});
