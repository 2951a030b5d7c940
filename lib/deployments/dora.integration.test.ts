// DORA figures computed by PostgreSQL against a small hand-computed fixture (every expected value is worked
// out in the comments), and the cases the issue names: several incidents on one deployment count once; a
// merge commit with zero lead time is not a change; an incident goes to the last deployment before it of
// the same service; no deployments means no data, not 0 %.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { getOrganisationDora, getTeamDora } from "@/lib/deployments/dora.server";
import { caught } from "@/lib/testing/caught";
import { NotFoundError } from "@/lib/errors";

const now = new Date("2026-12-01T00:00:00Z"); // window 7: current [11-24, 12-01), previous [11-17, 11-24)
const at = (text: string) => new Date(`2026-11-${text}Z`);

async function fixture() {
  const db = getDb();
  const team = await makeTeam();
  const a = await db.service.create({ data: { teamId: team.id, slug: "svc-a", name: "A" } });
  const b = await db.service.create({ data: { teamId: team.id, slug: "svc-b", name: "B" } });
  let number = 0;
  const deploy = (key: string, serviceId: string, status: "SUCCEEDED" | "FAILED", started: string, finished: string, commits: [string, string][] = []) =>
    db.deployment.create({
      data: {
        teamId: team.id,
        serviceId,
        clientKey: key,
        environment: "production",
        status,
        startedAt: at(started),
        finishedAt: at(finished),
        commits: { create: commits.map(([sha, authored]) => ({ sha, authoredAt: at(authored) })) },
      },
    });
  const incident = (serviceIds: string[], began: string, mitigated: string | null) =>
    db.incident.create({
      data: {
        teamId: team.id,
        number: ++number,
        title: `Incident ${number}`,
        severity: "SEV2",
        declaredAt: at(began),
        impactStartedAt: at(began),
        mitigatedAt: mitigated ? at(mitigated) : null,
        services: { create: serviceIds.map((serviceId) => ({ serviceId })) },
      },
    });

  await deploy("p1", a.id, "SUCCEEDED", "20T10:00:00", "20T10:10:00"); // previous period
  // d1: lead time c1 = 2 h; c2 is a merge commit authored when it shipped (0 s): not a change.
  const d1 = await deploy("d1", a.id, "SUCCEEDED", "25T10:00:00", "25T10:10:00", [["c1c1c1c1", "25T08:10:00"], ["c2c2c2c2", "25T10:10:00"]]);
  // I1 and I2 both begin within 24 h of d1 and both go to d1 (I2 begins before d2 finished): d1 fails once.
  // Recovered when the last of them is: 12:00 → 14:00 = 7,200 s.
  await incident([a.id], "25T12:00:00", "25T12:30:00");
  await incident([a.id], "25T13:00:00", "25T14:00:00");
  // d2 starts before d1's failure recovered: rework. Lead time c3 = 1 h.
  await deploy("d2", a.id, "SUCCEEDED", "25T13:30:00", "25T13:40:00", [["c3c3c3c3", "25T12:40:00"]]);
  // d3 fails; d4 is the next success (recovery 09:05 → 10:05 = 3,600 s) and rework. Lead time c4 = 24 h.
  await deploy("d3", a.id, "FAILED", "27T09:00:00", "27T09:05:00");
  await deploy("d4", a.id, "SUCCEEDED", "27T10:00:00", "27T10:05:00", [["c4c4c4c4", "26T10:05:00"]]);
  // d5, then an incident 25 h 50 min later: outside a 24 h window, inside a 48 h one (and never mitigated).
  await deploy("d5", a.id, "SUCCEEDED", "29T10:00:00", "29T10:10:00");
  await incident([a.id], "30T12:00:00", null);
  // e1 on B: lead time 1 h; an incident on no service is linked to it explicitly (recovered in 1,800 s).
  const e1 = await deploy("e1", b.id, "SUCCEEDED", "28T10:00:00", "28T10:20:00", [["b1b1b1b1", "28T09:20:00"]]);
  const linked = await incident([], "28T11:00:00", "28T11:30:00");
  await db.incidentDeploymentLink.create({ data: { incidentId: linked.id, deploymentId: e1.id } });
  return { team, d1 };
}

describe("DORA metrics in PostgreSQL", () => {
  it("computes every figure of a hand-worked team, with levels and trends", async () => {
    const { team } = await fixture();
    const report = await getTeamDora(team.owner.actor, { team: team.slug, window: "7" }, { now });
    const { summary } = report;
    expect(summary.hasData).toBe(true);
    // d1…d5 and e1; d3 failed.
    expect(summary.deployments).toBe(6);
    expect(summary.successful).toBe(5);
    // 5 successful deployments over 7 days; 2 services deployed → 5/2/7 = 0.357 per service a day: high.
    expect(summary.frequency.value).toBeCloseTo(5 / 7, 6);
    expect(summary.frequency.perServicePerDay).toBeCloseTo(5 / 14, 6);
    expect(summary.frequency.level).toBe("high");
    // Previous period: p1 only, 1/7 a day → better.
    expect(summary.frequency.trend).toMatchObject({ previous: 1 / 7, verdict: "better" });
    // Lead times 3,600 (c3), 3,600 (b1), 7,200 (c1), 86,400 (c4): median 5,400; p90 = 7,200 + 0.7 × 79,200 = 62,640.
    expect(summary.leadTime.changes).toBe(4);
    expect(summary.leadTime.value).toBe(5400);
    expect(summary.leadTime.p90Seconds).toBeCloseTo(62640, 3);
    expect(summary.leadTime.level).toBe("elite");
    // Failures: d1 (two incidents, once), d3 (failed), e1 (linked) → 3 of 6.
    expect(summary.failures).toBe(3);
    expect(summary.changeFailureRate.value).toBe(0.5);
    expect(summary.changeFailureRate.level).toBe("low");
    expect(summary.changeFailureRate.trend).toMatchObject({ previous: 0, verdict: "worse" });
    // Recovery 7,200 (d1), 3,600 (d3), 1,800 (e1): median 3,600 s — not under an hour: high.
    expect(summary.recoveryTime).toMatchObject({ value: 3600, recovered: 3, unrecovered: 0, level: "high" });
    // Rework: d2 and d4 of 6.
    expect(summary.reworkRate.value).toBeCloseTo(2 / 6, 6);

    // Daily buckets: seven UTC days from 11-24; the 25th holds d1 (failed) and d2.
    expect(report.buckets.map((bucket) => bucket.start.slice(0, 10))).toEqual(["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"]);
    expect(report.buckets[1]).toMatchObject({ deployments: 2, failures: 1, changeFailureRate: 0.5, leadTimeMedianSeconds: 5400, reworks: 1 });
    expect(report.buckets[0]).toMatchObject({ deployments: 0, changeFailureRate: null, leadTimeMedianSeconds: null });
  });

  it("widens the attribution window on request: the late incident then blames d5, which has not recovered", async () => {
    const { team } = await fixture();
    const { summary } = await getTeamDora(team.owner.actor, { team: team.slug, window: "7", attributionHours: "48" }, { now });
    expect(summary.failures).toBe(4);
    expect(summary.changeFailureRate.value).toBeCloseTo(4 / 6, 6);
    expect(summary.recoveryTime).toMatchObject({ recovered: 3, unrecovered: 1 });
  });

  it("counts a rolled-back deployment as a change failure, recovered by the next success, which is rework", async () => {
    const db = getDb();
    const team = await makeTeam();
    const service = await db.service.create({ data: { teamId: team.id, slug: "svc-r", name: "R" } });
    const deploy = (key: string, status: "SUCCEEDED" | "ROLLED_BACK", started: string, finished: string) =>
      db.deployment.create({ data: { teamId: team.id, serviceId: service.id, clientKey: key, environment: "production", status, startedAt: at(started), finishedAt: at(finished) } });
    await deploy("r1", "SUCCEEDED", "25T09:00:00", "25T09:10:00");
    await deploy("r2", "ROLLED_BACK", "26T10:00:00", "26T10:05:00");
    // r3 is the next success: r2 recovered 10:05 → 11:10 = 3,900 s; r3 started before that: rework.
    await deploy("r3", "SUCCEEDED", "26T11:00:00", "26T11:10:00");
    for (const options of [{}, { attributionHours: "48" }]) {
      // The default window reads the precomputed facts, another one the raw query: both must agree.
      const { summary } = await getTeamDora(team.owner.actor, { team: team.slug, window: "7", ...options }, { now });
      expect(summary).toMatchObject({ deployments: 3, successful: 2, failures: 1 });
      expect(summary.changeFailureRate.value).toBeCloseTo(1 / 3, 6);
      expect(summary.recoveryTime).toMatchObject({ value: 3900, recovered: 1, unrecovered: 0 });
      expect(summary.reworkRate.value).toBeCloseTo(1 / 3, 6);
    }
  });

  it("narrows to one service", async () => {
    const { team } = await fixture();
    const { summary, scope } = await getTeamDora(team.owner.actor, { team: team.slug, service: "svc-b", window: "7" }, { now });
    expect(scope.service).toEqual({ slug: "svc-b", name: "B" });
    expect(summary).toMatchObject({ deployments: 1, failures: 1 });
    expect(summary.changeFailureRate.value).toBe(1);
    expect(summary.leadTime.value).toBe(3600);
  });

  it("says no data, not 0 %, for a team without deployments; frequency is 0 for a team that deployed only before", async () => {
    const empty = await makeTeam();
    const { summary } = await getTeamDora(empty.owner.actor, { team: empty.slug, window: "30" }, { now });
    expect(summary.hasData).toBe(false);
    expect([summary.frequency.value, summary.leadTime.value, summary.changeFailureRate.value, summary.recoveryTime.value, summary.reworkRate.value]).toEqual([null, null, null, null, null]);
    expect(summary.changeFailureRate.level).toBeNull();

    const { team } = await fixture();
    const later = await getTeamDora(team.owner.actor, { team: team.slug, window: "7" }, { now: new Date("2027-03-01T00:00:00Z") });
    expect(later.summary.hasData).toBe(true);
    expect(later.summary.frequency.value).toBe(0);
    expect(later.summary.changeFailureRate.value).toBeNull();
  });

  it("hides another team's figures (404) and sums every team for the organisation", async () => {
    const { team } = await fixture();
    const stranger = await makeTeam();
    expect((await caught(getTeamDora(stranger.owner.actor, { team: team.slug }, { now }))) as Error).toBeInstanceOf(NotFoundError);
    expect((await caught(getTeamDora(team.owner.actor, { team: team.slug, service: "nope" }, { now }))) as Error).toBeInstanceOf(NotFoundError);
    const org = await getOrganisationDora(stranger.owner.actor, { window: "7" }, { now });
    expect(org.scope.kind).toBe("organisation");
    expect(org.summary.deployments).toBeGreaterThanOrEqual(6);
  });

  it("gives the organisation aggregates only: every team's deployments summed, no team, service or deployment named", async () => {
    const db = getDb();
    // A period no other test writes to, so that the organisation's figures are exactly these two teams'.
    const later = new Date("2031-06-01T00:00:00Z");
    const mine = await makeTeam();
    const theirs = await makeTeam();
    const deploy = async (team: { id: string }, slug: string, count: number, failed: number) => {
      const service = await db.service.create({ data: { teamId: team.id, slug, name: `Service ${slug}` } });
      await db.deployment.createMany({
        data: Array.from({ length: count }, (_, index) => ({
          teamId: team.id,
          serviceId: service.id,
          clientKey: `${slug}-${index}`,
          environment: "production",
          version: `${slug}-v${index}`,
          status: index < failed ? ("FAILED" as const) : ("SUCCEEDED" as const),
          startedAt: new Date(later.getTime() - (index + 1) * 3_600_000),
          finishedAt: new Date(later.getTime() - (index + 1) * 3_600_000 + 60_000),
        })),
      });
      return service;
    };
    await deploy(mine, "mine-checkout", 4, 1);
    const hidden = await deploy(theirs, "theirs-secret-ledger", 6, 0);
    const org = await getOrganisationDora(mine.owner.actor, { window: "7" }, { now: later });
    expect(org.summary).toMatchObject({ deployments: 10, successful: 9, failures: 1 });
    expect(org.summary.frequency.perServicePerDay).toBeCloseTo(9 / 2 / 7, 6);
    expect(org.scope).toEqual({ kind: "organisation", team: null, service: null });
    const text = JSON.stringify(org);
    for (const name of [theirs.slug, theirs.name, hidden.slug, hidden.name, hidden.id, "theirs-secret-ledger-v0", mine.slug]) expect(text).not.toContain(name);
    // Naming a team or service does not narrow the organisation's view to another team's.
    const narrowed = await getOrganisationDora(mine.owner.actor, { window: "7", team: theirs.slug, service: hidden.slug }, { now: later });
    expect(narrowed.summary.deployments).toBe(10);
    expect(JSON.stringify(narrowed)).not.toContain(hidden.slug);
    // The team's own view holds its own deployments only.
    const team = await getTeamDora(mine.owner.actor, { team: mine.slug, window: "7" }, { now: later });
    expect(team.summary.deployments).toBe(4);
  });

  it("answers 422 with paths for a bad window", async () => {
    const { team } = await fixture();
    const error = (await caught(getTeamDora(team.owner.actor, { team: team.slug, window: "12" }, { now }))) as { issues: { path: unknown[] }[] };
    expect(error.issues[0].path).toEqual(["window"]);
  });
});
