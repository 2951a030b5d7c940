// The SQL aggregates (hourly rollups + edge minutes) against the pure module's minute-by-minute sums, on the
// same data, for many "now"s: the dashboards must say exactly what lib/slo/math.ts would.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { burnWindows, evaluateSlo, windowCountsFromSamples, type MinuteSample } from "@/lib/slo/math";
import { getSloReport, getSloSeries, sumWindows } from "@/lib/slo/reports.server";
import { writeSamples } from "@/lib/slo/samples.server";
import { createSlo } from "@/lib/slo/slos.server";
import { createService } from "@/lib/services/services.server";
import { makeTeam } from "@/lib/testing/factories";

async function sloFixture(windowDays: 7 | 28 | 30, objective = 99.9) {
  const team = await makeTeam();
  const service = await createService(team.owner.actor, team.slug, { name: "Checkout", slug: "checkout", tier: 1, lifecycle: "PRODUCTION" });
  const slo = await createSlo(team.owner.actor, {
    serviceId: service.id,
    name: "Availability",
    slug: "availability",
    sliKind: "RATIO",
    goodQuery: 'http_requests_total{code!~"5.."}',
    totalQuery: "http_requests_total",
    objective,
    windowDays,
  });
  return { team, service, slo };
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function store(sloId: string, samples: MinuteSample[]) {
  for (let start = 0; start < samples.length; start += 10_000) {
    await getDb().$transaction((tx) => writeSamples(tx, sloId, samples.slice(start, start + 10_000)));
  }
}

const baseNow = Math.floor(Date.parse("2026-11-29T12:34:00Z") / 60_000);

describe("SQL window sums", () => {
  it.each([30, 28, 7] as const)("equal the pure module's minute sums for a %i-day SLO at many moments", async (windowDays) => {
    const { slo } = await sloFixture(windowDays);
    const next = random(windowDays);
    // Sparse minutes over the window and a day beyond it on both sides, dense around the edges that matter.
    const span = windowDays * 1_440 + 2_000;
    const minutes = new Set<number>();
    for (let index = 0; index < 6_000; index++) minutes.add(baseNow + 120 - Math.floor(next() * span));
    for (let offset = -130; offset <= 130; offset++) minutes.add(baseNow + offset);
    for (const window of [60, 120, 360, 1_440, 4_320, windowDays * 1_440]) for (let offset = -70; offset <= 70; offset++) minutes.add(baseNow - window + offset);
    // Around midnight now and a window earlier, where the day rollups begin and end.
    const midnightToday = Math.floor(baseNow / 1_440) * 1_440;
    for (const anchor of [midnightToday, midnightToday - windowDays * 1_440, midnightToday - 3 * 1_440, midnightToday + 1_440]) for (let offset = -90; offset <= 90; offset += 3) minutes.add(anchor + offset);
    const samples = [...minutes].map((minute) => {
      const total = Math.floor(next() * 1_000);
      return { minute, total, good: total - Math.floor(next() * next() * total * 0.05) };
    });
    await store(slo.id, samples);

    // Minutes past the hour and hours past midnight both matter: 12:34, 12:00, 12:59, 13:59, 00:00, 00:59, 23:59.
    const midnight = Math.floor(baseNow / 1_440) * 1_440;
    // And both ways of reading a window's first, partial hour: 12:10, 12:28 (before minute 29) and 12:29, 12:30.
    const moments = [baseNow, baseNow - 34, baseNow + 25, baseNow - 35, baseNow + 26, baseNow - 60, baseNow + 85, midnight, midnight + 59, midnight - 1, midnight + 1_439, baseNow - 24, baseNow - 6, baseNow - 5, baseNow - 4];
    for (const now of moments) {
      const sql = (await sumWindows({ ids: [slo.id] }, now)).get(slo.id)!;
      const reference = windowCountsFromSamples(samples, now, windowDays);
      expect(sql.counts, `now = minute ${now} (${now % 60} past the hour)`).toEqual(reference);
      expect(evaluateSlo(slo, sql.counts)).toEqual(evaluateSlo(slo, reference));
    }
  });

  it("keep agreeing after minutes are sent again with new values (rollups are rewritten, not added to)", async () => {
    const { slo } = await sloFixture(30);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.record({ age: fc.integer({ min: 0, max: 5_000 }), total: fc.integer({ min: 0, max: 500 }), badShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        async (batches) => {
          await getDb().sloSample.deleteMany({ where: { sloId: slo.id } });
          await getDb().sloSampleHour.deleteMany({ where: { sloId: slo.id } });
          await getDb().sloSampleDay.deleteMany({ where: { sloId: slo.id } });
          const stored = new Map<number, MinuteSample>();
          for (const batch of batches) {
            const unique = new Map<number, MinuteSample>();
            for (const row of batch) {
              const minute = baseNow - row.age;
              unique.set(minute, { minute, total: row.total, good: row.total - Math.floor(row.total * row.badShare) });
            }
            await getDb().$transaction((tx) => writeSamples(tx, slo.id, [...unique.values()]));
            for (const [minute, sample] of unique) stored.set(minute, sample);
          }
          const hours = await getDb().sloSampleHour.findMany({ where: { sloId: slo.id } });
          for (const hour of hours) {
            const start = hour.hour.getTime() / 60_000;
            const inHour = [...stored.values()].filter((sample) => sample.minute >= start && sample.minute < start + 60);
            expect(Number(hour.total)).toBe(inHour.reduce((sum, sample) => sum + sample.total, 0));
            expect(Number(hour.good)).toBe(inHour.reduce((sum, sample) => sum + sample.good, 0));
            expect(hour.minutes).toBe(inHour.length);
          }
          const days = await getDb().sloSampleDay.findMany({ where: { sloId: slo.id } });
          for (const day of days) {
            const start = day.day.getTime() / 60_000;
            const inDay = [...stored.values()].filter((sample) => sample.minute >= start && sample.minute < start + 1_440);
            expect([Number(day.good), Number(day.total), day.minutes]).toEqual([inDay.reduce((sum, sample) => sum + sample.good, 0), inDay.reduce((sum, sample) => sum + sample.total, 0), inDay.length]);
          }
          expect(days.reduce((sum, day) => sum + day.minutes, 0)).toBe(stored.size);
          const sql = (await sumWindows({ ids: [slo.id] }, baseNow)).get(slo.id)!;
          expect(sql.counts).toEqual(windowCountsFromSamples(stored.values(), baseNow, 30));
        },
      ),
      { numRuns: 15 },
    );
  });

  it("report no data, not 100 %, for an SLO without samples, and the newest sample otherwise", async () => {
    const { team, slo } = await sloFixture(30);
    const empty = await getSloReport(team.owner.actor, slo.id, new Date(baseNow * 60_000));
    expect(empty.report.status).toBe("nodata");
    expect(empty.report.sli).toBeNull();
    expect(empty.lastSampleAt).toBeNull();
    expect(empty.report.burnRates.map((row) => row.burnRate)).toEqual(burnWindows.map(() => null));

    await store(slo.id, [{ minute: baseNow - 3, good: 10, total: 10 }]);
    const report = await getSloReport(team.owner.actor, slo.id, new Date(baseNow * 60_000 + 30_000));
    expect(report.report.status).toBe("healthy");
    expect(report.report.sli).toBe(1);
    expect(report.lastSampleAt).toBe(new Date((baseNow - 3) * 60_000).toISOString());
    // Two hours later the last hour holds nothing: the newest minute is found further back.
    const later = await getSloReport(team.owner.actor, slo.id, new Date((baseNow + 120) * 60_000));
    expect(later.lastSampleAt).toBe(new Date((baseNow - 3) * 60_000).toISOString());
    // A minute after the report's moment is not the newest one yet.
    await store(slo.id, [{ minute: baseNow + 5, good: 1, total: 1 }]);
    expect((await getSloReport(team.owner.actor, slo.id, new Date(baseNow * 60_000 + 30_000))).lastSampleAt).toBe(new Date((baseNow - 3) * 60_000).toISOString());
  });
});

describe("chart series", () => {
  it("sum to the report's window, bucket by bucket, and end the burndown at the report's budget remaining", async () => {
    const { team, slo } = await sloFixture(30);
    const next = random(7);
    const samples: MinuteSample[] = [];
    for (let minute = baseNow - 30 * 1_440 - 50; minute <= baseNow; minute += 1 + Math.floor(next() * 20)) {
      const total = 100 + Math.floor(next() * 100);
      samples.push({ minute, total, good: total - (next() < 0.1 ? Math.floor(next() * 5) : 0) });
    }
    await store(slo.id, samples);
    const now = new Date(baseNow * 60_000 + 15_000);
    const { report } = await getSloReport(team.owner.actor, slo.id, now);
    const series = await getSloSeries(team.owner.actor, slo.id, "window", now);
    expect(series.bucketMinutes).toBe(180);
    expect(series.sli.length).toBeLessThanOrEqual(241);
    expect(series.sli.reduce((sum, point) => sum + point.total, 0)).toBe(report.total);
    expect(series.sli.reduce((sum, point) => sum + point.good, 0)).toBe(report.good);
    expect(series.burndown.at(-1)!.remaining).toBeCloseTo(report.budgetRemaining!, 9);
    expect(series.burndown[0].remaining).toBeLessThanOrEqual(1);
    // Oldest first, the newest bucket ending just after the current minute.
    expect(series.sli.at(-1)!.at).toBe(new Date((baseNow + 1) * 60_000).toISOString());
    const times = series.sli.map((point) => Date.parse(point.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const day = await getSloSeries(team.owner.actor, slo.id, "1d", now);
    expect(day.sli).toHaveLength(144);
    const dayReference = windowCountsFromSamples(samples, baseNow, 30).burn["1d"];
    expect(day.sli.reduce((sum, point) => sum + point.total, 0)).toBe(dayReference.total);
    for (const point of day.sli) {
      const end = Date.parse(point.at) / 60_000;
      const inBucket = samples.filter((sample) => sample.minute >= end - 10 && sample.minute < end);
      expect(point.total).toBe(inBucket.reduce((sum, sample) => sum + sample.total, 0));
    }
  });
});
