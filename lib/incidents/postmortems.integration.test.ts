import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { makeTeam } from "@/lib/testing/factories";
import { addTimelineEvent, assignIncidentRole, declareIncident, transitionIncident } from "@/lib/incidents/incidents.server";
import {
  createActionItem,
  exportPostmortem,
  generatePostmortem,
  getPostmortem,
  listOverdueActionItems,
  updateActionItem,
  updatePostmortem,
} from "@/lib/incidents/postmortems.server";
import { getIncidentMetrics } from "@/lib/incidents/metrics.server";

async function resolvedIncident() {
  const team = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  const member = team.members.MEMBER!;
  const at = (time: string) => ({ now: new Date(`2026-11-20T${time}:00Z`) });
  const incident = await declareIncident(member.actor, { team: team.slug, title: "Card payments failing", severity: "SEV2", impactStartedAt: "2026-11-20T09:31:00Z", summary: "EU card payments failed." }, at("09:41"));
  await assignIncidentRole(member.actor, incident.id, { role: "COMMANDER", userId: member.id }, at("09:42"));
  await transitionIncident(member.actor, incident.id, { to: "INVESTIGATING" }, at("09:44"));
  await addTimelineEvent(member.actor, incident.id, { type: "ACTION", body: "Rolled back the gateway" }, at("10:00"));
  await addTimelineEvent(member.actor, incident.id, { type: "NOTE", body: "Only EU", pinned: true }, at("09:50"));
  await transitionIncident(member.actor, incident.id, { to: "RESOLVED" }, at("10:40"));
  return { team, member, incident };
}

describe("postmortems", () => {
  it("is generated only once the incident is resolved", async () => {
    const team = await makeTeam();
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Still burning", severity: "SEV3" });
    const error = await generatePostmortem(team.owner.actor, incident.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).message).toMatch(/^Resolve the incident/);
    expect(await getPostmortem(team.owner.actor, incident.id)).toBeNull();
  });

  it("generates the draft from the incident, saves edits from the current version only, and moves draft → in review → published", async () => {
    const { team, member, incident } = await resolvedIncident();
    const generated = await generatePostmortem(member.actor, incident.id);
    expect(generated).toMatchObject({ status: "DRAFT", version: 1, actionItems: [] });
    expect(generated.markdown).toContain(`# Postmortem: ${incident.reference} Card payments failing`);
    expect(generated.markdown).toContain("| 2026-11-20 10:00 UTC | Action taken | Rolled back the gateway");
    expect(generated.markdown).toContain("| 2026-11-20 09:50 UTC | Note, pinned | Only EU");
    expect(generated.markdown).toContain("- **Duration:** 1 h 9 min (impact started → mitigated).");
    expect(generated.markdown).toContain("the affected services have no SLOs");
    await expect(generatePostmortem(member.actor, incident.id)).rejects.toBeInstanceOf(ConflictError);

    const edited = await updatePostmortem(member.actor, incident.id, { version: 1, markdown: `${generated.markdown}\nMore detail.` });
    expect(edited.version).toBe(2);
    // A second editor who opened version 1 is refused, and their text is not saved.
    await expect(updatePostmortem(team.owner.actor, incident.id, { version: 1, markdown: "Overwrite" })).rejects.toBeInstanceOf(ConflictError);
    expect((await getPostmortem(member.actor, incident.id))!.markdown).toContain("More detail.");

    await expect(updatePostmortem(member.actor, incident.id, { version: 2, status: "PUBLISHED" })).rejects.toBeInstanceOf(InvalidError);
    const inReview = await updatePostmortem(member.actor, incident.id, { version: 2, status: "IN_REVIEW" });
    // Publishing is the review's outcome: a maintainer or owner does it.
    await expect(updatePostmortem(member.actor, incident.id, { version: inReview.version, status: "PUBLISHED" })).rejects.toBeInstanceOf(ForbiddenError);
    const published = await updatePostmortem(team.members.MAINTAINER!.actor, incident.id, { version: inReview.version, status: "PUBLISHED" });
    expect(published).toMatchObject({ status: "PUBLISHED", publishedAt: expect.any(String) });
    await expect(updatePostmortem(team.owner.actor, incident.id, { version: published.version, markdown: "Rewrite history" })).rejects.toBeInstanceOf(InvalidError);
    expect(await getDb().auditLog.count({ where: { targetId: published.id } })).toBe(4);
  });

  it("exports the Markdown with the action items as tracked now", async () => {
    const { member, incident } = await resolvedIncident();
    await generatePostmortem(member.actor, incident.id);
    const item = await createActionItem(member.actor, incident.id, { title: "Load-test the pool", ownerId: member.id, dueDate: "2026-12-01" });
    await updateActionItem(member.actor, incident.id, item.id, { status: "DONE" });
    const exported = await exportPostmortem(member.actor, incident.id);
    expect(exported.fileName).toBe(`${incident.reference.toLowerCase()}-postmortem.md`);
    expect(exported.markdown).toContain(`| Load-test the pool | ${member.name} | 2026-12-01 | Done |`);
    expect(exported.markdown).not.toContain("_No action items yet.");
  });

  it("tracks action items with owners, due dates and statuses, and lists the overdue ones for the team's home page", async () => {
    const { team, member, incident } = await resolvedIncident();
    const now = new Date("2026-12-10T08:00:00Z");
    const overdue = await createActionItem(member.actor, incident.id, { title: "Alert per region", ownerId: member.id, dueDate: "2026-12-01" }, { now });
    expect(overdue).toMatchObject({ overdue: true, status: "OPEN", owner: expect.objectContaining({ id: member.id }) });
    const dueToday = await createActionItem(member.actor, incident.id, { title: "Runbook for rollbacks", dueDate: "2026-12-10" }, { now });
    expect(dueToday.overdue).toBe(false);
    const done = await createActionItem(member.actor, incident.id, { title: "Fix pool size", dueDate: "2026-11-25" }, { now });
    const finished = await updateActionItem(member.actor, incident.id, done.id, { status: "DONE" }, { now });
    expect(finished).toMatchObject({ overdue: false, completedAt: now.toISOString() });

    const home = await listOverdueActionItems(team.members.VIEWER!.actor, team.slug, { now });
    expect(home.total).toBe(1);
    expect(home.items).toEqual([expect.objectContaining({ id: overdue.id, incident: { id: incident.id, reference: incident.reference, title: "Card payments failing" } })]);

    await expect(createActionItem(member.actor, incident.id, { title: "Viewer owns it", ownerId: team.members.VIEWER!.id })).rejects.toBeInstanceOf(InvalidError);
    await expect(createActionItem(team.members.VIEWER!.actor, incident.id, { title: "Not allowed" })).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await makeTeam();
    await expect(listOverdueActionItems(outsider.owner.actor, team.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateActionItem(outsider.owner.actor, incident.id, overdue.id, { status: "DONE" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPostmortem(outsider.owner.actor, incident.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("metrics from the database", () => {
  it("computes the team's metrics for the period, and only the team's", async () => {
    const { team, member } = await resolvedIncident();
    const metrics = await getIncidentMetrics(member.actor, team.slug, { period: "30d" }, { now: new Date("2026-11-28T12:00:00Z") });
    expect(metrics).toMatchObject({ total: 1, major: 1, bySeverity: { SEV2: 1 } });
    expect(metrics.metrics.mttd).toMatchObject({ meanMinutes: 10, counted: 1 });
    expect(metrics.metrics.mtta).toMatchObject({ meanMinutes: 3, counted: 1 });
    expect(metrics.metrics.mttr).toMatchObject({ meanMinutes: 59, counted: 1 });
    const outsider = await makeTeam();
    await expect(getIncidentMetrics(outsider.owner.actor, team.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getIncidentMetrics(member.actor, team.slug, { period: "7y" })).rejects.toBeInstanceOf(InvalidError);
  });
});
