import { describe, expect, it } from "vitest";
import { DEMO_LEAD_MINUTES, demoSamples, demoServices } from "@/lib/slo/demo-data";
import { evaluateSlo, windowCountsFromSamples } from "@/lib/slo/math";
import { sloInputSchema } from "@/lib/slo/schema";
import { createServiceSchema } from "@/lib/services/schema";

const demoSlos = demoServices.flatMap((entry) => entry.slos.map((slo) => ({ ...slo, key: `${entry.team}/${entry.service.slug}/${slo.spec.slug}` })));

/** The status the dashboard shows `minutesLater` after a seed made at `seedMinute`. */
function statusAt(slo: (typeof demoSlos)[number], seedMinute: number, minutesLater = 0) {
  const windowDays = Number(slo.spec.windowDays);
  const samples = demoSamples(slo.key, slo, seedMinute - windowDays * 1_440 + 1, seedMinute + DEMO_LEAD_MINUTES, seedMinute);
  const report = evaluateSlo({ objective: Number(slo.spec.objective), windowDays }, windowCountsFromSamples(samples, seedMinute + minutesLater, windowDays));
  return report;
}

describe("the demo catalog", () => {
  it("is valid input for the real schemas", () => {
    for (const entry of demoServices) {
      expect(createServiceSchema.safeParse(entry.service).success, entry.service.slug).toBe(true);
      for (const slo of entry.slos) expect(sloInputSchema.safeParse(slo.spec).error, slo.spec.slug).toBeUndefined();
    }
  });

  it("has one SLO of each status", () => {
    expect(new Set(demoSlos.map((slo) => slo.scenario))).toEqual(new Set(["healthy", "ticket", "page", "exhausted", "nodata"]));
  });
});

describe("the demo data", () => {
  // Different times of day and days of the week, since traffic and blips depend on them.
  const seeds = ["2026-11-29T09:41:00Z", "2026-12-02T17:05:00Z", "2027-01-16T00:30:00Z", "2027-03-08T13:59:00Z"].map((iso) => Date.parse(iso) / 60_000);

  it.each(seeds.map((seed) => [new Date(seed * 60_000).toISOString(), seed]))("shows every scenario's status right after a seed at %s and for hours after", (_, seed) => {
    for (const slo of demoSlos) {
      for (const later of [0, 30, 180, DEMO_LEAD_MINUTES - 5]) {
        const report = statusAt(slo, seed, later);
        expect(report.status, `${slo.key} ${later} minutes after the seed`).toBe(slo.scenario);
        if (slo.scenario === "healthy") expect(report.budgetRemaining!, slo.key).toBeGreaterThan(0.2);
      }
    }
  });

  it("is deterministic: the same minute gives the same sample on every run", () => {
    const slo = demoSlos[0];
    const seed = seeds[0];
    expect(demoSamples(slo.key, slo, seed - 5_000, seed, seed)).toEqual(demoSamples(slo.key, slo, seed - 5_000, seed, seed));
  });

  it("looks like traffic: busier afternoons than nights, and never more good than total", () => {
    const slo = demoSlos.find((candidate) => candidate.key === "platform/api-gateway/availability")!;
    const day = Math.floor(seeds[1] / 1_440) * 1_440;
    const samples = demoSamples(slo.key, slo, day - 7 * 1_440, day, day);
    const hourTotal = (hour: number) => samples.filter((sample) => Math.floor((sample.minute % 1_440) / 60) === hour).reduce((sum, sample) => sum + sample.total, 0);
    expect(hourTotal(15)).toBeGreaterThan(hourTotal(3) * 2);
    expect(samples.every((sample) => sample.good <= sample.total && sample.good >= 0)).toBe(true);
  });
});
