// The demo seed against a real database: it creates the catalog once, its dashboards show one SLO of each
// status, and a later start tops the data up to the new "now" without duplicating anything.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { systemActor } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_LEAD_MINUTES } from "@/lib/slo/demo-data";
import { seedSloDemo } from "@/lib/slo/demo";
import { listTeamSloReports } from "@/lib/slo/reports.server";

const statuses = async (now: Date) => {
  const result: Record<string, string> = {};
  for (const team of ["platform", "payments"]) {
    const { slos } = await listTeamSloReports(systemActor(), team, now);
    for (const { definition, report } of slos) result[`${team}/${definition.service.slug}/${definition.slug}`] = report.status;
  }
  return result;
};

describe("the SLO demo seed", () => {
  it("shows every status on first start, and tops the data up on the next one", async () => {
    const started = Date.now();
    await seedDemo((line) => console.log(line));
    console.log(`first seed: ${Date.now() - started} ms`);
    const expected = {
      "payments/checkout-api/availability": "page",
      "payments/checkout-api/latency": "healthy",
      "payments/payment-gateway/authorisation-latency": "ticket",
      "payments/ledger/write-availability": "exhausted",
      "platform/api-gateway/availability": "healthy",
      "platform/api-gateway/latency": "healthy",
      "platform/ci-runners/job-start": "healthy",
      "platform/feature-flags/evaluation-availability": "nodata",
    };
    expect(await statuses(new Date())).toEqual(expected);
    const db = getDb();
    const slo = await db.slo.findFirstOrThrow({ where: { slug: "availability", service: { slug: "checkout-api", team: { slug: "payments" } } } });
    const countMinutes = () => db.sloSample.count({ where: { sloId: slo.id } });
    const firstCount = await countMinutes();
    expect(firstCount).toBe(30 * 1_440 + DEMO_LEAD_MINUTES);

    // A start 2 days later: the window moves, old minutes go, the scenarios move with "now".
    const later = new Date(Date.now() + 2 * 86_400_000);
    const second = await seedSloDemo(later);
    expect(second).toMatchObject({ services: 0, slos: 0 });
    // Whole days are trimmed, so up to a day of minutes older than the window may stay.
    const laterCount = await countMinutes();
    expect(laterCount).toBeGreaterThanOrEqual(30 * 1_440 + DEMO_LEAD_MINUTES);
    expect(laterCount).toBeLessThan(31 * 1_440 + DEMO_LEAD_MINUTES);
    expect(await statuses(later)).toEqual(expected);
    const hours = await db.sloSampleHour.aggregate({ where: { sloId: slo.id }, _sum: { total: true } });
    const days = await db.sloSampleDay.aggregate({ where: { sloId: slo.id }, _sum: { total: true } });
    const minutes = await db.sloSample.aggregate({ where: { sloId: slo.id }, _sum: { total: true } });
    expect(hours._sum.total).toBe(minutes._sum.total);
    expect(days._sum.total).toBe(minutes._sum.total);

    // Starting again at the same moment changes nothing.
    const before = await db.sloSample.aggregate({ where: { sloId: slo.id }, _sum: { good: true, total: true } });
    await seedSloDemo(later);
    expect(await db.sloSample.aggregate({ where: { sloId: slo.id }, _sum: { good: true, total: true } })).toEqual(before);
    // The six demo services with SLOs exist once each (other demo seeds may add services without SLOs).
    expect(await db.service.count({ where: { team: { slug: { in: ["platform", "payments"] } }, slos: { some: {} } } })).toBe(6);
  }, 180_000);
});
