// The DORA facts (per-deployment figures kept current by triggers and the refresh) must give exactly what
// DORA_SQL derives from the raw rows, whatever order the data arrived in. A generated team history (fixed
// seed) is changed the ways production changes it — deployments arriving late and out of order, a started
// deployment finishing, a success rolled back, commits added, incidents moved, mitigated, linked and
// unlinked, a deployment deleted — and after each step both queries must agree on every row, for every
// window, bucket and scope.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { factsDora, rawDora } from "@/lib/deployments/dora.server";
import { refreshDoraFacts } from "@/lib/deployments/dora-facts.server";
import { DEFAULT_ATTRIBUTION_HOURS, doraPeriods, type DoraBucket, type DoraWindow } from "@/lib/deployments/dora";

const now = new Date("2026-12-01T00:00:00Z");
const HOUR = 3_600_000;

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Figures = Record<string, unknown>;
const normalise = (rows: object[]): Figures[] =>
  (rows as Figures[])
    .map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value === null ? null : typeof value === "object" ? String(value) : value])))
    .sort((a, b) => `${a.cur}${a.bucket}`.localeCompare(`${b.cur}${b.bucket}`));

async function expectAgreement(teamId: string, serviceIds: string[], label: string) {
  const db = getDb();
  await refreshDoraFacts(db, [teamId]);
  // At midnight the periods are whole days (rollups only); at 13:37 each has partial days at its edges (facts).
  for (const at of [now, new Date(now.getTime() + 13.6 * HOUR)]) {
  for (const window of ["7", "30", "90"] as DoraWindow[]) {
    for (const bucket of ["day", "week"] as DoraBucket[]) {
      for (const serviceId of [null, ...serviceIds]) {
        const period = doraPeriods(window, at);
        const scope = { teamIds: [teamId], serviceId };
        const raw = normalise(await rawDora(db, scope, { environment: "production", bucket, attributionHours: DEFAULT_ATTRIBUTION_HOURS }, period));
        const facts = normalise(await factsDora(db, scope, { environment: "production", bucket }, period));
        expect(facts.length, `${label}: rows at ${at.toISOString()}, ${window} days by ${bucket}, service ${serviceId}`).toBe(raw.length);
        facts.forEach((row, index) => {
          for (const [key, value] of Object.entries(raw[index])) {
            const where = `${label} at ${at.toISOString()}: ${key} of ${JSON.stringify(raw[index].bucket)}, ${window} days by ${bucket}, service ${serviceId}`;
            if (typeof value === "number") expect(row[key], where).toBeCloseTo(value, 6);
            else expect(row[key], where).toEqual(value);
          }
        });
      }
    }
  }
  }
}

describe("DORA facts agree with the raw query", () => {
  it("after late, out-of-order and updated deployments, commits and incident changes", async () => {
    const db = getDb();
    const next = random(13);
    const team = await makeTeam();
    const services = await Promise.all(["a", "b", "c"].map((slug) => db.service.create({ data: { teamId: team.id, slug: `svc-${slug}`, name: slug.toUpperCase() } })));
    const serviceIds = services.map((service) => service.id);
    const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)];
    let key = 0;
    const deployment = (startedAt: Date, status: "STARTED" | "SUCCEEDED" | "FAILED" | "ROLLED_BACK", serviceId = pick(serviceIds)) => ({
      teamId: team.id,
      serviceId,
      clientKey: `k${++key}`,
      environment: next() < 0.9 ? "production" : "staging",
      status,
      rework: next() < 0.05,
      startedAt,
      finishedAt: status === "STARTED" ? null : new Date(startedAt.getTime() + (5 + Math.floor(next() * 30)) * 60_000),
    });
    const status = () => (next() < 0.85 ? "SUCCEEDED" : next() < 0.6 ? "FAILED" : "ROLLED_BACK");
    // 400 deployments over 200 days, in time order: the history before the changes.
    const start = now.getTime() - 200 * 24 * HOUR;
    const created = [];
    for (let index = 0; index < 400; index++) {
      const startedAt = new Date(start + index * 12 * HOUR + Math.floor(next() * 6) * HOUR);
      created.push(
        await db.deployment.create({
          data: { ...deployment(startedAt, status()), commits: { create: next() < 0.5 ? [] : [{ sha: `s${key}a`, authoredAt: new Date(startedAt.getTime() - Math.floor(next() * 72) * HOUR) }, { sha: `s${key}b`, authoredAt: startedAt }] } },
        }),
      );
    }
    let number = 0;
    const incidents = [];
    for (let index = 0; index < 40; index++) {
      const began = new Date(start + Math.floor(next() * 199 * 24) * HOUR);
      const mitigated = next() < 0.8 ? new Date(began.getTime() + Math.floor(1 + next() * 10) * HOUR) : null;
      incidents.push(
        await db.incident.create({
          data: {
            teamId: team.id,
            number: ++number,
            title: `Incident ${number}`,
            severity: "SEV2",
            declaredAt: began,
            impactStartedAt: next() < 0.8 ? began : null,
            mitigatedAt: mitigated,
            services: { create: [{ serviceId: pick(serviceIds) }] },
          },
        }),
      );
    }
    for (let index = 0; index < 8; index++) await db.incidentDeploymentLink.create({ data: { incidentId: pick(incidents).id, deploymentId: pick(created).id } }).catch(() => undefined);
    await expectAgreement(team.id, serviceIds, "initial history");

    // Late and out of order: a batch of deployments that started weeks ago, some before failures they now recover.
    await db.deployment.createMany({ data: Array.from({ length: 60 }, () => deployment(new Date(start + Math.floor(next() * 199 * 24) * HOUR), status())) });
    // A started deployment, then finishing; a success rolled back; commits added to an old deployment.
    const started = await db.deployment.create({ data: deployment(new Date(now.getTime() - 3 * 24 * HOUR), "STARTED", serviceIds[0]) });
    await expectAgreement(team.id, serviceIds, "late deployments");
    await db.deployment.update({ where: { id: started.id }, data: { status: "SUCCEEDED", finishedAt: new Date(now.getTime() - 3 * 24 * HOUR + HOUR) } });
    const rolledBack = created.find((row) => row.status === "SUCCEEDED" && row.startedAt.getTime() > now.getTime() - 20 * 24 * HOUR)!;
    await db.deployment.update({ where: { id: rolledBack.id }, data: { status: "ROLLED_BACK" } });
    const old = created[300];
    await db.deploymentCommit.create({ data: { deploymentId: old.id, sha: "late-commit", authoredAt: new Date(old.startedAt.getTime() - 5 * HOUR) } });
    await expectAgreement(team.id, serviceIds, "updated deployments");

    // Incidents: moved, mitigated, given another service; links added and removed; a deployment deleted.
    await db.incident.update({ where: { id: incidents[0].id }, data: { impactStartedAt: new Date(now.getTime() - 10 * 24 * HOUR), mitigatedAt: null } });
    await db.incident.update({ where: { id: incidents[1].id }, data: { mitigatedAt: new Date(incidents[1].declaredAt.getTime() + 30 * HOUR) } });
    await db.incidentService.create({ data: { incidentId: incidents[2].id, serviceId: serviceIds[2] } }).catch(() => undefined);
    await db.incidentDeploymentLink.create({ data: { incidentId: incidents[3].id, deploymentId: created[390].id } }).catch(() => undefined);
    await db.incidentDeploymentLink.deleteMany({ where: { incidentId: { in: incidents.slice(4).map((incident) => incident.id) } } });
    await db.deployment.delete({ where: { id: created[380].id } });
    await expectAgreement(team.id, serviceIds, "incident changes");
    await db.incident.delete({ where: { id: incidents[5].id } });
    await expectAgreement(team.id, serviceIds, "incident deleted");

    // Single changes that reach back: a later mitigation changes the recovery of the deployment an incident
    // was attributed to (hours before it); a late success recovers a failure days before it.
    const quiet = await db.service.create({ data: { teamId: team.id, slug: "svc-d", name: "D" } });
    const day = (days: number, hours = 0) => new Date(now.getTime() - days * 24 * HOUR + hours * HOUR);
    const base = { teamId: team.id, serviceId: quiet.id, environment: "production" };
    await db.deployment.create({ data: { ...base, clientKey: "d1", status: "SUCCEEDED", startedAt: day(20), finishedAt: day(20, 0.2) } });
    const blamed = await db.incident.create({
      data: { teamId: team.id, number: ++number, title: "Blamed", severity: "SEV2", declaredAt: day(20, 2), mitigatedAt: day(20, 3), services: { create: [{ serviceId: quiet.id }] } },
    });
    await db.deployment.create({ data: { ...base, clientKey: "f1", status: "FAILED", startedAt: day(15), finishedAt: day(15, 0.1) } });
    await db.deployment.create({ data: { ...base, clientKey: "s1", status: "SUCCEEDED", startedAt: day(12), finishedAt: day(12, 0.1) } });
    await expectAgreement(team.id, [quiet.id], "a quiet service");
    await db.incident.update({ where: { id: blamed.id }, data: { mitigatedAt: day(20, 8) } });
    await db.deployment.create({ data: { ...base, clientKey: "s0", status: "SUCCEEDED", startedAt: day(14), finishedAt: day(14, 0.1) } });
    await expectAgreement(team.id, [quiet.id], "changes that reach back");
  }, 120_000);

  it("reads no stale fact: a report refreshes its scope first", async () => {
    const db = getDb();
    const team = await makeTeam();
    const service = await db.service.create({ data: { teamId: team.id, slug: "svc", name: "Svc" } });
    const base = { teamId: team.id, serviceId: service.id, environment: "production" };
    await db.deployment.create({ data: { ...base, clientKey: "one", status: "SUCCEEDED", startedAt: new Date(now.getTime() - 2 * HOUR), finishedAt: new Date(now.getTime() - HOUR) } });
    expect(await db.doraDirtyRange.count({ where: { serviceId: service.id } })).toBeGreaterThan(0);
    await refreshDoraFacts(db, [team.id]);
    expect(await db.doraDirtyRange.count({ where: { serviceId: service.id } })).toBe(0);
    expect(await db.doraDeploymentFact.count({ where: { serviceId: service.id } })).toBe(1);
    await db.deployment.updateMany({ where: { serviceId: service.id }, data: { status: "FAILED" } });
    const period = doraPeriods("7", now);
    await refreshDoraFacts(db, [team.id]);
    const [total] = (await factsDora(db, { teamIds: [team.id], serviceId: null }, { environment: "production", bucket: "day" }, period)).filter((row) => row.cur && row.bucket === null);
    expect(total).toMatchObject({ deployments: 1, failures: 1 });
  });
});
