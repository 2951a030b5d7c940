// Source SLOs against a real Prometheus holding 30 days of counters, written by `promtool tsdb
// create-blocks-from openmetrics` (30 s scrapes, an error ratio changing by the hour, a 30-minute gap and a
// counter reset): the backfill stores the window in chunks with its progress, the portal's attainment and
// budget match PromQL's own sum(increase(good[30d])) / sum(increase(total[30d])) within 0.01 percentage
// points, a gap stays a gap, pushed samples are refused with 409, a bad selector is a 422 with its path, and
// a source that is down records "no data since …" on its SLO without stopping the others.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { sliSource } from "@/lib/integrations/registry";
import { createDataSource } from "@/lib/slo/data-sources.server";
import { toEpochMinute, fromEpochMinute, MINUTES_PER_DAY } from "@/lib/slo/math";
import { getSloReport, listTeamSloReports } from "@/lib/slo/reports.server";
import { ingestSamples } from "@/lib/slo/samples.server";
import { createSlo, updateSlo } from "@/lib/slo/slos.server";
import { pullSourceSlis } from "@/lib/slo/source-sync.server";
import { sourceStatus } from "@/lib/slo/source-status";
import { makeTeam } from "@/lib/testing/factories";
import { openMetricsDocument, syntheticCounters } from "@/lib/testing/openmetrics";
import { startPrometheus, type RunningTool } from "@/lib/testing/prometheus";

// A fixed "now" on a whole hour, with the data ending at it: everything is reproducible.
const NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const nowSeconds = NOW.getTime() / 1000;
const START = nowSeconds - 29 * 86_400;
const GAP: [number, number] = [nowSeconds - 5 * 86_400, nowSeconds - 5 * 86_400 + 1_800];
const RETENTION = "29d12h";
let prometheus: RunningTool;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "portal-backfill-"));
  const counters = syntheticCounters({ metric: "checkout_requests", startSeconds: START, endSeconds: nowSeconds + 1, intervalSeconds: 30, requestsPerInterval: 500, gaps: [GAP], resets: [START + 10 * 86_400 + 30] });
  writeFileSync(path.join(work, "data.om"), openMetricsDocument("checkout_requests", [counters]));
  const data = path.join(work, "tsdb");
  // Day-long blocks: the default two-hour ones make promtool several times slower.
  execFileSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=24h", path.join(work, "data.om"), data], { stdio: "pipe" });
  // It keeps 29.5 days (the data's 29 days fit): a 30-day window is one it cannot serve, a 28-day one it can.
  prometheus = await startPrometheus({ dataDir: data, retention: RETENTION });
}, 240_000);

afterAll(async () => {
  await prometheus?.stop();
  if (work) rmSync(work, { recursive: true, force: true, maxRetries: 5 });
});

async function promql(query: string): Promise<number> {
  const response = await fetch(`${prometheus.url}/api/v1/query?${new URLSearchParams({ query, time: String(nowSeconds) })}`);
  const body = (await response.json()) as { data: { result: { value: [number, string] }[] } };
  return Number(body.data.result[0].value[1]);
}

async function setUp() {
  const team = await makeTeam();
  const service = await getDb().service.create({ data: { teamId: team.id, slug: "checkout", name: "Checkout" } });
  const source = await createDataSource(team.owner.actor, team.slug, { name: "Prometheus", url: prometheus.url });
  return { team, service, source };
}

// The 30-day SLOs below are created without asking the source (`sliSource` not passed): the source's 29.5-day
// retention would refuse their window, which has its own test; here the point is the pull.
const definition = { name: "Checkout availability", slug: "availability", sliKind: "RATIO" as const, goodQuery: 'checkout_requests_total{code="200"}', totalQuery: "checkout_requests_total", objective: 99.5, windowDays: 30 };

describe("SLOs whose SLI comes from Prometheus", () => {
  it("backfills 30 days in chunks and agrees with PromQL within 0.01 percentage points", async () => {
    const { team, service, source } = await setUp();
    const slo = await createSlo(team.owner.actor, { ...definition, serviceId: service.id, dataSourceId: source.id }, { now: NOW });
    const before = await getDb().sloSourceSync.findUniqueOrThrow({ where: { sloId: slo.id } });
    expect(sourceStatus(before)).toMatchObject({ state: "backfilling", progress: 0 });

    const chunks: number[] = [];
    const result = await pullSourceSlis(getDb(), sliSource, NOW, { sloIds: [slo.id], onChunk: (_, samples) => chunks.push(samples) });
    expect(result).toMatchObject({ slos: 1, failed: 0 });
    // 30 days of minutes (43,200) cannot be one query under the 11,000-point limit.
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    const after = await getDb().sloSourceSync.findUniqueOrThrow({ where: { sloId: slo.id } });
    expect(sourceStatus(after)).toMatchObject({ state: "current", progress: 1, error: null });

    // The gap is a gap: no minute stored inside it.
    const inGap = await getDb().sloSample.count({ where: { sloId: slo.id, minute: { gte: new Date(GAP[0] * 1000 + 60_000), lt: new Date(GAP[1] * 1000) } } });
    expect(inGap).toBe(0);
    const stored = await getDb().sloSample.count({ where: { sloId: slo.id } });
    expect(stored).toBeGreaterThan(29 * MINUTES_PER_DAY - 60);

    const report = (await getSloReport(team.owner.actor, slo.id, NOW)).report;
    const good = await promql(`sum(increase(checkout_requests_total{code="200"}[30d]))`);
    const total = await promql(`sum(increase(checkout_requests_total[30d]))`);
    const attainmentPromql = (good / total) * 100;
    expect(report.sli).not.toBeNull();
    expect(Math.abs(report.sli! * 100 - attainmentPromql)).toBeLessThan(0.01);
    const budgetPromql = (1 - good / total) / 0.005;
    expect(Math.abs((report.budgetConsumed ?? 0) * 100 - budgetPromql * 100)).toBeLessThan(0.5);

    // Pulled again a minute later: the last minutes are asked again, and the one minute that has ended since
    // is added; nothing is doubled.
    const again = await pullSourceSlis(getDb(), sliSource, new Date(NOW.getTime() + 60_000), { sloIds: [slo.id] });
    expect(again.failed).toBe(0);
    expect(again.samples).toBeLessThanOrEqual(7);
    expect(await getDb().sloSample.count({ where: { sloId: slo.id } })).toBe(stored + 1);
  });

  it("refuses pushed samples with 409, and a selector the source rejects with 422 on its path", async () => {
    const { team, service, source } = await setUp();
    const slo = await createSlo(team.owner.actor, { ...definition, serviceId: service.id, dataSourceId: source.id }, { now: NOW });
    await expect(ingestSamples(team.owner.actor, slo.id, [{ timestamp: NOW.toISOString(), good: 1, total: 1 }], NOW)).rejects.toMatchObject({ code: "conflict" });

    const bad = await createSlo(team.owner.actor, { ...definition, slug: "bad", serviceId: service.id, dataSourceId: source.id, goodQuery: 'checkout_requests_total{code=~"("}' }, { sliSource }).catch((error) => error);
    expect(bad).toMatchObject({ code: "invalid", issues: [{ path: ["goodQuery"], message: expect.stringContaining("refused") }] });

    const other = await makeTeam();
    const theirs = await createDataSource(other.owner.actor, other.slug, { name: "Theirs", url: prometheus.url });
    const foreign = await createSlo(team.owner.actor, { ...definition, slug: "foreign", serviceId: service.id, dataSourceId: theirs.id }, { sliSource }).catch((error) => error);
    expect(foreign).toMatchObject({ code: "invalid", issues: [{ path: ["dataSourceId"] }] });
  });

  it("refuses a window longer than the source keeps data with 422 on windowDays, on create and on update", async () => {
    const { team, service, source } = await setUp();
    const refused = await createSlo(team.owner.actor, { ...definition, serviceId: service.id, dataSourceId: source.id, windowDays: 30 }, { sliSource, now: NOW }).catch((error) => error);
    expect(refused).toMatchObject({ code: "invalid", issues: [{ path: ["windowDays"], message: expect.stringMatching(/keeps 29\.5 days of data, so it cannot serve a 30-day window/) }] });
    expect(await getDb().slo.count({ where: { serviceId: service.id } })).toBe(0);

    const slo = await createSlo(team.owner.actor, { ...definition, serviceId: service.id, dataSourceId: source.id, windowDays: 28 }, { sliSource, now: NOW });
    expect(slo.windowDays).toBe(28);
    const longer = await updateSlo(team.owner.actor, slo.id, { windowDays: 30, updatedAt: slo.updatedAt.toISOString() }, { sliSource, now: NOW }).catch((error) => error);
    expect(longer).toMatchObject({ code: "invalid", issues: [{ path: ["windowDays"] }] });
    expect((await getDb().slo.findUniqueOrThrow({ where: { id: slo.id } })).windowDays).toBe(28);
    const shorter = await updateSlo(team.owner.actor, slo.id, { windowDays: 7, updatedAt: slo.updatedAt.toISOString() }, { sliSource, now: NOW });
    expect(shorter.windowDays).toBe(7);
  });

  it("a source that is down: 'no data since …' with its error on that SLO, the others still pulled, the list still answers", async () => {
    const { team, service, source } = await setUp();
    const down = await createDataSource(team.owner.actor, team.slug, { name: "Down", url: "http://127.0.0.1:9", timeoutMs: 1_000 });
    const healthy = await createSlo(team.owner.actor, { ...definition, serviceId: service.id, dataSourceId: source.id }, { now: NOW });
    const failing = await createSlo(team.owner.actor, { ...definition, slug: "failing", serviceId: service.id, dataSourceId: source.id }, { now: NOW });
    // The source goes away after the SLO was made (creation checked it).
    await getDb().slo.update({ where: { id: failing.id }, data: { dataSourceId: down.id } });

    const result = await pullSourceSlis(getDb(), sliSource, NOW, { sloIds: [healthy.id, failing.id] });
    expect(result).toMatchObject({ slos: 2, failed: 1 });
    const status = sourceStatus(await getDb().sloSourceSync.findUniqueOrThrow({ where: { sloId: failing.id } }));
    expect(status).toMatchObject({ state: "failing", error: expect.stringContaining("Could not reach"), noDataSince: null });
    expect(sourceStatus(await getDb().sloSourceSync.findUniqueOrThrow({ where: { sloId: healthy.id } })).state).toBe("current");
    const list = await listTeamSloReports(team.owner.actor, team.slug, NOW);
    expect(list.slos).toHaveLength(2);
    expect(fromEpochMinute(toEpochMinute(NOW)).getTime()).toBe(NOW.getTime());
  });
});
