// Seeds the demo catalog (lib/slo/demo-data.ts) on every start: creates the demo teams' services and SLOs
// when missing, then brings each demo SLO's samples up to "now" (plus a few hours ahead, see
// DEMO_LEAD_MINUTES). Idempotent: the minutes since the last start are added, and the last few days are
// rewritten so that the scenarios (page, ticket, exhausted) sit where they should relative to now.
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/audit.server";
import { DEMO_LEAD_MINUTES, SCENARIO_SPAN_MINUTES, demoSamples, demoServices } from "@/lib/slo/demo-data";
import { MINUTES_PER_DAY, toEpochMinute } from "@/lib/slo/math";
import { sloInputSchema } from "@/lib/slo/schema";
import { replaceSampleRange } from "@/lib/slo/samples.server";
import { createServiceSchema } from "@/lib/services/schema";

const BATCH = 20_000;

export async function seedSloDemo(now: Date = new Date(), log: (line: string) => void = () => undefined): Promise<{ services: number; slos: number; samples: number }> {
  const db = getDb();
  const started = Date.now();
  const created = { services: 0, slos: 0, samples: 0 };
  const nowMinute = toEpochMinute(now);
  for (const entry of demoServices) {
    const team = await db.team.findUnique({ where: { slug: entry.team } });
    if (!team) continue;
    let service = await db.service.findUnique({ where: { teamId_slug: { teamId: team.id, slug: entry.service.slug } } });
    if (!service) {
      const data = createServiceSchema.parse(entry.service);
      service = await db.$transaction(async (tx) => {
        const row = await tx.service.create({ data: { ...data, description: data.description ?? "", repoUrl: data.repoUrl ?? null, runbookUrl: data.runbookUrl ?? null, dashboardUrl: data.dashboardUrl ?? null, teamId: team.id } });
        await recordAudit(tx, null, { action: "service.created", teamId: team.id, targetType: "service", targetId: row.id, details: { slug: row.slug, name: row.name } });
        return row;
      });
      created.services++;
    }
    for (const demo of entry.slos) {
      let slo = await db.slo.findUnique({ where: { serviceId_slug: { serviceId: service.id, slug: demo.spec.slug } } });
      if (!slo) {
        const data = sloInputSchema.parse(demo.spec);
        const serviceId = service.id;
        slo = await db.$transaction(async (tx) => {
          const row = await tx.slo.create({ data: { ...data, serviceId, teamId: team.id } });
          await recordAudit(tx, null, { action: "slo.created", teamId: team.id, targetType: "slo", targetId: row.id, details: { name: row.name, service: entry.service.slug, objective: row.objective, windowDays: row.windowDays } });
          return row;
        });
        created.slos++;
      }
      if (demo.scenario === "nodata") continue;
      const windowStart = nowMinute - slo.windowDays * MINUTES_PER_DAY + 1;
      const [latest] = await db.sloSample.findMany({ where: { sloId: slo.id }, orderBy: { minute: "desc" }, take: 1, select: { minute: true } });
      const lastMinute = latest ? toEpochMinute(latest.minute) : undefined;
      // A start with a later clock already wrote past this one: the demo never moves backwards in time.
      if (lastMinute !== undefined && lastMinute > nowMinute + DEMO_LEAD_MINUTES) continue;
      const from = lastMinute === undefined ? windowStart : Math.max(windowStart, Math.min(lastMinute, nowMinute) - SCENARIO_SPAN_MINUTES + 1);
      const to = nowMinute + DEMO_LEAD_MINUTES;
      const sloId = slo.id;
      // Whole days that have left every window are never read again: keep the demo database small. (Whole
      // days, so that every remaining hourly and daily rollup still sums exactly the minutes stored.)
      const keepFrom = new Date((windowStart - (((windowStart % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY)) * 60_000);
      await db.$transaction(async (tx) => {
        await tx.sloSample.deleteMany({ where: { sloId, minute: { lt: keepFrom } } });
        await tx.sloSampleHour.deleteMany({ where: { sloId, hour: { lt: keepFrom } } });
        await tx.sloSampleDay.deleteMany({ where: { sloId, day: { lt: keepFrom } } });
      });
      const key = `${entry.team}/${entry.service.slug}/${demo.spec.slug}`;
      for (let start = from; start <= to; start += BATCH) {
        const samples = demoSamples(key, demo, start, Math.min(to, start + BATCH - 1), nowMinute);
        await db.$transaction((tx) => replaceSampleRange(tx, sloId, samples), { timeout: 120_000 });
        created.samples += samples.length;
      }
    }
  }
  log(
    created.services || created.slos
      ? `seeded the SLO demo: ${created.services} services, ${created.slos} SLOs, ${created.samples.toLocaleString("en")} minutes of SLI data (${((Date.now() - started) / 1000).toFixed(1)} s)`
      : `SLO demo data brought up to now: ${created.samples.toLocaleString("en")} minutes written (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return created;
}
