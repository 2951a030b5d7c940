// "What changed" on an incident, and linking a deployment as its cause (counted by DORA as a change failure).
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { caught } from "@/lib/testing/caught";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { linkIncidentCause, listIncidentChanges, unlinkIncidentCause } from "@/lib/deployments/incident-changes.server";
import { getTeamDora } from "@/lib/deployments/dora.server";

async function setup() {
  const db = getDb();
  const team = await makeTeam({ members: ["VIEWER"] });
  const api = await db.service.create({ data: { teamId: team.id, slug: "api", name: "API" } });
  const other = await db.service.create({ data: { teamId: team.id, slug: "batch", name: "Batch" } });
  const began = new Date(Date.now() - 3_600_000);
  const at = (hoursBefore: number) => new Date(began.getTime() - hoursBefore * 3_600_000);
  const deploy = (key: string, serviceId: string, hoursBefore: number) =>
    db.deployment.create({ data: { teamId: team.id, serviceId, clientKey: key, environment: "production", status: "SUCCEEDED", startedAt: at(hoursBefore), finishedAt: new Date(at(hoursBefore).getTime() + 60_000), version: key } });
  const recent = await deploy("recent", api.id, 0.5);
  const earlier = await deploy("earlier", api.id, 5);
  await deploy("too-old", api.id, 8);
  await deploy("other-service", other.id, 1);
  const incident = await db.incident.create({ data: { teamId: team.id, number: 1, title: "API down", severity: "SEV2", declaredAt: began, impactStartedAt: began, services: { create: [{ serviceId: api.id }] } } });
  return { team, incident, recent, earlier };
}

describe("what changed before an incident", () => {
  it("lists the affected services' deployments of the 6 hours before it began, newest first", async () => {
    const { team, incident } = await setup();
    const { changes, canEdit } = await listIncidentChanges(team.owner.actor, incident.id);
    expect(canEdit).toBe(true);
    expect(changes.map((change) => [change.version, change.minutesBefore, change.linked])).toEqual([
      ["recent", 30, false],
      ["earlier", 300, false],
    ]);
  });

  it("links one as the cause in one click, once, audited; DORA then counts it as a change failure even outside the window", async () => {
    const { team, incident, earlier } = await setup();
    expect(await linkIncidentCause(team.owner.actor, incident.id, { deploymentId: earlier.id })).toEqual({ linked: true, created: true });
    expect(await linkIncidentCause(team.owner.actor, incident.id, { deploymentId: earlier.id })).toEqual({ linked: true, created: false });
    const { changes } = await listIncidentChanges(team.owner.actor, incident.id);
    expect(changes.find((change) => change.id === earlier.id)?.linked).toBe(true);
    const { summary } = await getTeamDora(team.owner.actor, { team: team.slug, window: "7", attributionHours: "1" });
    // "earlier" (linked) and "recent" (the last deployment before the incident, within 1 hour).
    expect(summary.failures).toBe(2);
    await unlinkIncidentCause(team.owner.actor, incident.id, earlier.id);
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: { in: ["deployment.linked", "deployment.unlinked"] } } })).toBe(2);
  });

  it("hides the incident from other teams (404), refuses another team's deployment (404) and viewers (403)", async () => {
    const { team, incident, recent } = await setup();
    const stranger = await setup();
    expect(await caught(listIncidentChanges(stranger.team.owner.actor, incident.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(linkIncidentCause(stranger.team.owner.actor, incident.id, { deploymentId: recent.id }))).toBeInstanceOf(NotFoundError);
    expect(await caught(linkIncidentCause(team.owner.actor, incident.id, { deploymentId: stranger.recent.id }))).toBeInstanceOf(NotFoundError);
    expect(await caught(linkIncidentCause(team.members.VIEWER!.actor, incident.id, { deploymentId: recent.id }))).toBeInstanceOf(ForbiddenError);
  });
});
