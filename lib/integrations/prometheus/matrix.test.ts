import { describe, expect, it } from "vitest";
import { matrixToMinuteSamples, type MatrixSeries } from "@/lib/integrations/prometheus/matrix";

const at = (minute: number) => (minute + 1) * 60;
const series = (sli: string, points: [number, string][]): MatrixSeries => ({ metric: { sli }, values: points });
const range = { fromMinute: 100, toMinute: 110 };

describe("query_range matrix → minute samples", () => {
  it("a point at time t is the minute ending at t", () => {
    const samples = matrixToMinuteSamples([series("good", [[at(100), "98"], [at(101), "50"]]), series("total", [[at(100), "100"], [at(101), "50"]])], range);
    expect(samples).toEqual([
      { minute: 100, good: 98, total: 100 },
      { minute: 101, good: 50, total: 50 },
    ]);
  });

  it("a minute without a total series is a gap, not zero", () => {
    const samples = matrixToMinuteSamples([series("good", [[at(100), "5"], [at(103), "5"]]), series("total", [[at(100), "5"], [at(103), "6"]])], range);
    expect(samples.map((sample) => sample.minute)).toEqual([100, 103]);
    expect(matrixToMinuteSamples([], range)).toEqual([]);
  });

  it("a total without a good series counts zero good events", () => {
    expect(matrixToMinuteSamples([series("total", [[at(104), "7"]])], range)).toEqual([{ minute: 104, good: 0, total: 7 }]);
  });

  it("rounds increase()'s extrapolated fractions and keeps good within [0, total]", () => {
    const samples = matrixToMinuteSamples([series("good", [[at(100), "100.4"], [at(101), "-0.2"]]), series("total", [[at(100), "99.6"], [at(101), "3.5"]])], range);
    expect(samples).toEqual([
      { minute: 100, good: 100, total: 100 },
      { minute: 101, good: 0, total: 4 },
    ]);
  });

  it("after a counter reset, increase() already answered the events since the reset: nothing negative is stored", () => {
    // Prometheus' increase() treats a drop as a reset; what reaches the portal is never negative, but a
    // misbehaving source might send it: it is clamped rather than stored.
    expect(matrixToMinuteSamples([series("good", [[at(102), "12"]]), series("total", [[at(102), "-3"]])], range)).toEqual([{ minute: 102, good: 0, total: 0 }]);
  });

  it("never stores a partial minute: points off the minute grid or outside the asked range are ignored", () => {
    const samples = matrixToMinuteSamples(
      [
        series("good", [[at(100) + 30, "1"], [at(99), "1"], [at(110), "1"], [at(105), "2"]]),
        series("total", [[at(100) + 30, "1"], [at(99), "1"], [at(110), "1"], [at(105), "2"], [at(106) + 0.5, "9"]]),
      ],
      range,
    );
    expect(samples).toEqual([{ minute: 105, good: 2, total: 2 }]);
  });

  it("NaN and infinities (a broken series) are gaps", () => {
    const samples = matrixToMinuteSamples([series("total", [[at(100), "NaN"], [at(101), "+Inf"], [at(102), "4"]])], range);
    expect(samples).toEqual([{ minute: 102, good: 0, total: 4 }]);
  });

  it("returns minutes oldest first whatever order the points came in", () => {
    const samples = matrixToMinuteSamples([series("total", [[at(107), "1"], [at(101), "2"], [at(104), "3"]])], range);
    expect(samples.map((sample) => sample.minute)).toEqual([101, 104, 107]);
  });
});
