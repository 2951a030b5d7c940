// Targets vs actuals: the seed targets beside measured values, a team's overrides with their version check.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { caught } from "@/lib/testing/caught";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { getTeamTargets, resetTargetOverride, setTargetOverride } from "@/lib/deployments/targets.server";

const now = new Date("2026-12-01T00:00:00Z");
const FREQUENCY = "deployment-engineer.deployment-frequency";
const CFR = "deployment-engineer.change-failure-rate";

async function teamWithDeployments() {
  const team = await makeTeam({ members: ["MEMBER"] });
  const service = await getDb().service.create({ data: { teamId: team.id, slug: "api", name: "API" } });
  // 60 successful deployments and 2 failed ones in the last 30 days: 2 a day; change failure rate 2/62.
  const data = Array.from({ length: 62 }, (_, index) => {
    const startedAt = new Date(now.getTime() - (index + 1) * 11 * 3_600_000);
    return { teamId: team.id, serviceId: service.id, clientKey: `k${index}`, environment: "production", status: index < 2 ? ("FAILED" as const) : ("SUCCEEDED" as const), startedAt, finishedAt: new Date(startedAt.getTime() + 60_000) };
  });
  await getDb().deployment.createMany({ data });
  return team;
}

describe("targets vs actuals", () => {
  it("holds the seed targets against the measured values: 2 a day misses > 10, 3.2 % meets < 5 %", async () => {
    const team = await teamWithDeployments();
    const { targets, canEdit } = await getTeamTargets(team.owner.actor, team.slug, { now });
    expect(canEdit).toBe(true);
    const frequency = targets.find((row) => row.key === FREQUENCY)!;
    expect(frequency).toMatchObject({ seed: "> 10 per day", verdict: "missed", evidence: "/dora?window=30", overridden: false, version: 0 });
    expect(frequency.measured).toBeCloseTo(2, 6);
    const cfr = targets.find((row) => row.key === CFR)!;
    expect(cfr.measured).toBeCloseTo(2 / 62, 6);
    expect(cfr.verdict).toBe("met");
    expect(targets.find((row) => row.key === "sre-engineer.slo-compliance")!.verdict).toBe("no-data");
    expect(targets.find((row) => row.key === "kubernetes-specialist.cluster-resource-utilisation")!.verdict).toBe("not-measured");
  });

  it("lets the team set its own value, refuses a stale edit with 409, and resets to the seed", async () => {
    const team = await teamWithDeployments();
    await setTargetOverride(team.owner.actor, team.slug, { key: FREQUENCY, value: "1.5", version: "0" });
    let row = (await getTeamTargets(team.owner.actor, team.slug, { now })).targets.find((entry) => entry.key === FREQUENCY)!;
    expect(row).toMatchObject({ overridden: true, version: 1, thresholdText: "> 1.5 per day", verdict: "met" });
    expect(await caught(setTargetOverride(team.owner.actor, team.slug, { key: FREQUENCY, value: "3", version: "0" }))).toBeInstanceOf(ConflictError);
    expect(await caught(resetTargetOverride(team.owner.actor, team.slug, { key: FREQUENCY, version: "2" }))).toBeInstanceOf(ConflictError);
    await setTargetOverride(team.owner.actor, team.slug, { key: FREQUENCY, value: "3", version: "1" });
    await resetTargetOverride(team.owner.actor, team.slug, { key: FREQUENCY, version: "2" });
    row = (await getTeamTargets(team.owner.actor, team.slug, { now })).targets.find((entry) => entry.key === FREQUENCY)!;
    expect(row).toMatchObject({ overridden: false, version: 0, thresholdText: "> 10 per day" });
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: { in: ["dora.target_set", "dora.target_reset"] } } })).toBe(3);
  });

  it("refuses a percentage over 100 and a target without a number (422 with paths)", async () => {
    const team = await teamWithDeployments();
    const over = (await caught(setTargetOverride(team.owner.actor, team.slug, { key: CFR, value: "120", version: "0" }))) as { issues: { path: unknown[] }[] };
    expect(over.issues[0].path).toEqual(["value"]);
    const words = (await caught(setTargetOverride(team.owner.actor, team.slug, { key: "kubernetes-specialist.cis-kubernetes-benchmark", value: "1", version: "0" }))) as { issues: { path: unknown[] }[] };
    expect(words.issues[0].path).toEqual(["key"]);
  });

  it("is another team's business: 404 for outsiders, 403 for members below maintainer", async () => {
    const team = await teamWithDeployments();
    const stranger = await makeTeam();
    expect(await caught(getTeamTargets(stranger.owner.actor, team.slug, { now }))).toBeInstanceOf(NotFoundError);
    expect(await caught(setTargetOverride(stranger.owner.actor, team.slug, { key: FREQUENCY, value: "1", version: "0" }))).toBeInstanceOf(NotFoundError);
    expect(await caught(setTargetOverride(team.members.MEMBER!.actor, team.slug, { key: FREQUENCY, value: "1", version: "0" }))).toBeInstanceOf(ForbiddenError);
  });
});
