import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { makeTeam, makeUser } from "@/lib/testing/factories";
import { authenticateToken, createToken } from "@/lib/tokens/tokens.server";
import {
  addTimelineEvent,
  assignIncidentRole,
  declareIncident,
  getIncident,
  listIncidents,
  listTeamServices,
  listTimeline,
  transitionIncident,
  updateIncident,
  updateTimelineEvent,
} from "@/lib/incidents/incidents.server";

async function teamWithServices(members: ("MAINTAINER" | "MEMBER" | "VIEWER")[] = ["MEMBER", "VIEWER"]) {
  const team = await makeTeam({ members });
  await getDb().service.createMany({
    data: [
      { teamId: team.id, slug: "checkout-api", name: "Checkout API", tier: 1 },
      { teamId: team.id, slug: "payment-gateway", name: "Payment gateway", tier: 1 },
    ],
  });
  return team;
}

async function snapshot(incidentId: string) {
  const db = getDb();
  const [incident, events, audits, services, roles] = await Promise.all([
    db.incident.findUniqueOrThrow({ where: { id: incidentId } }),
    db.incidentEvent.count({ where: { incidentId } }),
    db.auditLog.count({ where: { targetId: incidentId } }),
    db.incidentService.count({ where: { incidentId } }),
    db.incidentRoleAssignment.count({ where: { incidentId } }),
  ]);
  return { incident, events, audits, services, roles };
}

async function expectInvalid(promise: Promise<unknown>): Promise<InvalidError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidError);
  return error as InvalidError;
}

describe("declaring an incident", () => {
  it("opens it in triage with its services, detection now, a DECLARED event and an audit row, numbered per team", async () => {
    const team = await teamWithServices();
    const now = new Date("2026-11-28T09:41:00Z");
    const first = await declareIncident(team.members.MEMBER!.actor, { team: team.slug, title: "Checkout failing", severity: "SEV2", services: ["checkout-api", "payment-gateway"] }, { now });
    expect(first).toMatchObject({
      number: 1,
      reference: "INC-1",
      status: "TRIAGE",
      severity: "SEV2",
      title: "Checkout failing",
      declaredVia: "portal",
      times: { detectedAt: now.toISOString(), impactStartedAt: null, acknowledgedAt: null },
      commander: null,
      allowedTransitions: ["INVESTIGATING", "CANCELLED"],
    });
    expect(first.services.map((service) => service.slug)).toEqual(["checkout-api", "payment-gateway"]);
    const timeline = await listTimeline(team.owner.actor, first.id);
    expect(timeline).toEqual([expect.objectContaining({ type: "DECLARED", body: "Declared SEV2: Checkout failing", occurredAt: now.toISOString(), author: expect.objectContaining({ id: team.members.MEMBER!.id }) })]);
    expect(await getDb().auditLog.findFirst({ where: { targetId: first.id, action: "incident.declared" } })).not.toBeNull();

    const second = await declareIncident(team.owner.actor, { team: team.slug, title: "Slow ledger", severity: "SEV4" });
    expect(second.number).toBe(2);
    const other = await teamWithServices();
    expect((await declareIncident(other.owner.actor, { team: other.slug, title: "Elsewhere", severity: "SEV3" })).number).toBe(1);
  });

  it("answers an unknown service with a 422 naming it, and creates nothing", async () => {
    const team = await teamWithServices();
    const other = await teamWithServices();
    await getDb().service.create({ data: { teamId: other.id, slug: "ledger", name: "Ledger" } });
    const error = await expectInvalid(declareIncident(team.owner.actor, { team: team.slug, title: "Broken", severity: "SEV3", services: ["checkout-api", "ledger"] }));
    // Another team's service is as unknown as one that does not exist.
    expect(error.issues).toEqual([{ path: ["services", 1], message: `No service “ledger” in ${team.name}'s catalog`, code: "unknown_service" }]);
    expect(await getDb().incident.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses key times out of order, naming them", async () => {
    const team = await teamWithServices();
    const now = new Date("2026-11-28T10:00:00Z");
    const error = await expectInvalid(
      declareIncident(team.owner.actor, { team: team.slug, title: "Backfilled", severity: "SEV3", impactStartedAt: "2026-11-28T09:50:00Z", detectedAt: "2026-11-28T09:40:00Z" }, { now }),
    );
    expect(error.message).toBe("The key times conflict: Detected (2026-11-28 09:40 UTC) is before impact started (2026-11-28 09:50 UTC).");
    expect(await getDb().incident.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("needs a team from a signed-in user, and takes a token's own team", async () => {
    const team = await teamWithServices();
    await expectInvalid(declareIncident(team.owner.actor, { title: "Which team?", severity: "SEV3" }));
    const { secret } = await createToken(team.owner.actor, team.slug, { name: "pager" });
    const token = (await authenticateToken(secret))!;
    const incident = await declareIncident(token, { title: "From the API", severity: "SEV3", services: ["checkout-api"] });
    expect(incident).toMatchObject({ team: { slug: team.slug }, declaredVia: "api" });
  });

  it("keeps where it was declared from, for the roles link", async () => {
    const team = await teamWithServices();
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "From a request", severity: "SEV2" }, { source: { requestId: "req_123", runbookMarkdown: "# Runbook\n\n1. Page the on-call." } });
    expect(incident.source).toEqual({ requestId: "req_123", runbookMarkdown: "# Runbook\n\n1. Page the on-call." });
    const [declared] = await listTimeline(team.owner.actor, incident.id);
    expect(declared.data).toMatchObject({ sourceRequestId: "req_123", runbookAttached: true });
  });
});

describe("permissions and team isolation", () => {
  it("lets viewers read and nothing more", async () => {
    const team = await teamWithServices();
    const viewer = team.members.VIEWER!.actor;
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Read only", severity: "SEV3" });
    expect((await getIncident(viewer, incident.id)).id).toBe(incident.id);
    expect((await listIncidents(viewer, { team: team.slug })).total).toBe(1);
    expect(await listTimeline(viewer, incident.id)).toHaveLength(1);
    const before = await snapshot(incident.id);
    await expect(declareIncident(viewer, { team: team.slug, title: "Nope", severity: "SEV3" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(transitionIncident(viewer, incident.id, { to: "INVESTIGATING" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateIncident(viewer, incident.id, { title: "Renamed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addTimelineEvent(viewer, incident.id, { type: "NOTE", body: "hi" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignIncidentRole(viewer, incident.id, { role: "COMMANDER", userId: team.owner.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("does not let a member of team A see or change team B's incident", async () => {
    const teamA = await teamWithServices();
    const teamB = await teamWithServices();
    const outsider = teamA.owner.actor;
    const incident = await declareIncident(teamB.owner.actor, { team: teamB.slug, title: "Team B's outage", severity: "SEV1" });
    const [event] = await listTimeline(teamB.owner.actor, incident.id);
    const before = await snapshot(incident.id);
    await expect(getIncident(outsider, incident.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getIncident(outsider, "no-such-incident")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTimeline(outsider, incident.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listIncidents(outsider, { team: teamB.slug })).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionIncident(outsider, incident.id, { to: "INVESTIGATING" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateIncident(outsider, incident.id, { severity: "SEV5" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addTimelineEvent(outsider, incident.id, { type: "NOTE", body: "sneaky" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateTimelineEvent(outsider, incident.id, event.id, { pinned: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignIncidentRole(outsider, incident.id, { role: "COMMANDER", userId: teamA.owner.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(declareIncident(outsider, { team: teamB.slug, title: "Into B", severity: "SEV3" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTeamServices(outsider, teamB.slug)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listIncidents(outsider)).incidents.map((item) => item.id)).not.toContain(incident.id);
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("keeps a token inside its team", async () => {
    const teamA = await teamWithServices();
    const teamB = await teamWithServices();
    const { secret } = await createToken(teamA.owner.actor, teamA.slug, { name: "bot" });
    const token = (await authenticateToken(secret))!;
    const incident = await declareIncident(teamB.owner.actor, { team: teamB.slug, title: "B only", severity: "SEV3" });
    await expect(getIncident(token, incident.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(declareIncident(token, { team: teamB.slug, title: "Into B", severity: "SEV3" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listIncidents(token)).incidents.map((item) => item.id)).not.toContain(incident.id);
  });
});

describe("running an incident", () => {
  it("moves through the states, setting and recording the key times, and records a reopening", async () => {
    const team = await teamWithServices();
    const actor = team.members.MEMBER!.actor;
    const at = (time: string) => ({ now: new Date(`2026-11-28T${time}:00Z`) });
    const incident = await declareIncident(actor, { team: team.slug, title: "Errors", severity: "SEV2", impactStartedAt: "2026-11-28T09:30:00Z" }, at("09:40"));
    const acknowledged = await transitionIncident(actor, incident.id, { to: "INVESTIGATING" }, at("09:44"));
    expect(acknowledged).toMatchObject({ status: "INVESTIGATING", times: { acknowledgedAt: "2026-11-28T09:44:00.000Z" }, version: 2 });
    await transitionIncident(actor, incident.id, { to: "IDENTIFIED", note: "Pool limit too low" }, at("09:55"));
    const monitoring = await transitionIncident(actor, incident.id, { to: "MONITORING" }, at("10:02"));
    expect(monitoring.times.mitigatedAt).toBe("2026-11-28T10:02:00.000Z");
    const resolved = await transitionIncident(actor, incident.id, { to: "RESOLVED" }, at("10:40"));
    expect(resolved).toMatchObject({ status: "RESOLVED", times: { resolvedAt: "2026-11-28T10:40:00.000Z" }, allowedTransitions: ["INVESTIGATING", "CLOSED"] });
    const reopened = await transitionIncident(actor, incident.id, { to: "INVESTIGATING", note: "Errors are back" }, at("11:00"));
    expect(reopened).toMatchObject({ status: "INVESTIGATING", reopenCount: 1, times: { mitigatedAt: null, resolvedAt: null } });

    const statusEvents = (await listTimeline(actor, incident.id)).filter((event) => event.type === "STATUS_CHANGE");
    expect(statusEvents.map((event) => event.body)).toEqual([
      "Triage → Investigating",
      "Investigating → Identified. Pool limit too low",
      "Identified → Monitoring",
      "Monitoring → Resolved",
      "Reopened: Resolved → Investigating. Errors are back",
    ]);
    expect(statusEvents[4].data).toMatchObject({ reopened: true, times: { resolvedAt: { from: "2026-11-28T10:40:00.000Z", to: null } } });
    expect(await getDb().auditLog.count({ where: { targetId: incident.id, action: "incident.reopened" } })).toBe(1);
  });

  it("answers a transition the machine does not allow with a 422 and changes nothing", async () => {
    const team = await teamWithServices();
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Stuck", severity: "SEV3" });
    const before = await snapshot(incident.id);
    const error = await expectInvalid(transitionIncident(team.owner.actor, incident.id, { to: "RESOLVED" }));
    expect(error.message).toBe("An incident cannot move from Triage to Resolved. From Triage it can move to: Investigating, Cancelled.");
    await expectInvalid(transitionIncident(team.owner.actor, incident.id, { to: "TRIAGE" }));
    await expectInvalid(transitionIncident(team.owner.actor, incident.id, { to: "BROKEN" as never }));
    expect(await snapshot(incident.id)).toEqual(before);
  });

  it("records a severity change and a field change as events, and refuses times out of order without changing anything", async () => {
    const team = await teamWithServices();
    const actor = team.owner.actor;
    const now = new Date("2026-11-28T10:00:00Z");
    const incident = await declareIncident(actor, { team: team.slug, title: "Latency", severity: "SEV3", services: ["checkout-api"] }, { now: new Date("2026-11-28T09:40:00Z") });
    const updated = await updateIncident(actor, incident.id, { severity: "SEV2", customerImpact: true, services: ["payment-gateway"], impactStartedAt: "2026-11-28T09:20:00Z", version: 1 }, { now });
    expect(updated).toMatchObject({ severity: "SEV2", customerImpact: true, version: 2, services: [expect.objectContaining({ slug: "payment-gateway" })] });
    const events = (await listTimeline(actor, incident.id)).slice(1);
    expect(events.map((event) => [event.type, event.body])).toEqual([
      ["SEVERITY_CHANGE", "Severity raised from SEV3 to SEV2"],
      ["FIELD_CHANGE", "Changed the customer impact, impact started time and affected services"],
    ]);
    expect(events[1].data).toMatchObject({ servicesAdded: ["payment-gateway"], servicesRemoved: ["checkout-api"], changes: { customerImpact: { from: false, to: true } } });

    const before = await snapshot(incident.id);
    const error = await expectInvalid(updateIncident(actor, incident.id, { title: "Renamed", impactStartedAt: "2026-11-28T09:45:00Z" }, { now }));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["detectedAt"], message: "Detected (2026-11-28 09:40 UTC) is before impact started (2026-11-28 09:45 UTC)" })]);
    await expectInvalid(updateIncident(actor, incident.id, { services: ["nope"] }, { now }));
    await expectInvalid(updateIncident(actor, incident.id, { resolvedAt: "2026-11-28T09:50:00Z" }, { now }));
    expect(await snapshot(incident.id)).toEqual(before);
    // Sending the same values again is not a change: no event, no new version.
    expect((await updateIncident(actor, incident.id, { severity: "SEV2", customerImpact: true }, { now })).version).toBe(2);
    expect((await snapshot(incident.id)).events).toBe(before.events);
  });

  it("refuses an edit made from a stale version with a 409", async () => {
    const team = await teamWithServices();
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Racy", severity: "SEV3" });
    await updateIncident(team.members.MEMBER!.actor, incident.id, { title: "Renamed by Mira", version: 1 });
    await expect(updateIncident(team.owner.actor, incident.id, { title: "Renamed by Alex", version: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect((await getIncident(team.owner.actor, incident.id)).title).toBe("Renamed by Mira");
  });

  it("writes the event in the same transaction as the change: when the change fails, no event remains", async () => {
    const team = await teamWithServices();
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Atomic", severity: "SEV3" });
    const before = await snapshot(incident.id);
    const db = getDb();
    // Make the last write of the change (its audit row) fail, for this incident only.
    const name = `fail_audit_${incident.id}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION "${name}"() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit write refused'; END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE INSERT ON audit_logs FOR EACH ROW WHEN (NEW.target_id = '${incident.id}') EXECUTE FUNCTION "${name}"()`);
    try {
      await expect(transitionIncident(team.owner.actor, incident.id, { to: "INVESTIGATING" })).rejects.toThrow(/audit write refused/);
      await expect(updateIncident(team.owner.actor, incident.id, { severity: "SEV1", title: "Changed" })).rejects.toThrow(/audit write refused/);
      await expect(assignIncidentRole(team.owner.actor, incident.id, { role: "COMMANDER", userId: team.owner.id })).rejects.toThrow(/audit write refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "${name}" ON audit_logs`);
      await db.$executeRawUnsafe(`DROP FUNCTION "${name}"()`);
    }
    expect(await snapshot(incident.id)).toEqual(before);
    // And with the audit working again, the same change writes both.
    await transitionIncident(team.owner.actor, incident.id, { to: "INVESTIGATING" });
    const after = await snapshot(incident.id);
    expect([after.events, after.audits]).toEqual([before.events + 1, before.audits + 1]);
  });
});

describe("roles", () => {
  it("assigns, hands over and unassigns, keeping the history, with the commander on the summary", async () => {
    const team = await teamWithServices(["MEMBER", "MAINTAINER", "VIEWER"]);
    const [owner, member, maintainer] = [team.owner, team.members.MEMBER!, team.members.MAINTAINER!];
    const incident = await declareIncident(owner.actor, { team: team.slug, title: "Who leads?", severity: "SEV1" });
    await assignIncidentRole(owner.actor, incident.id, { role: "COMMANDER", userId: member.id }, { now: new Date(Date.now() - 60_000) });
    const handedOver = await assignIncidentRole(member.actor, incident.id, { role: "COMMANDER", userId: maintainer.id });
    expect(handedOver.commander).toMatchObject({ id: maintainer.id });
    expect(handedOver.roles).toEqual([expect.objectContaining({ role: "COMMANDER", user: expect.objectContaining({ id: maintainer.id }), endedAt: null })]);
    expect(handedOver.roleHistory).toEqual([expect.objectContaining({ role: "COMMANDER", user: expect.objectContaining({ id: member.id }), endedAt: expect.any(String) })]);
    await assignIncidentRole(owner.actor, incident.id, { role: "SCRIBE", userId: owner.id });
    const unassigned = await assignIncidentRole(owner.actor, incident.id, { role: "SCRIBE", userId: null });
    expect(unassigned.roles.map((role) => role.role)).toEqual(["COMMANDER"]);
    const list = await listIncidents(owner.actor, { team: team.slug });
    expect(list.incidents[0].commander).toMatchObject({ id: maintainer.id });

    const roleEvents = (await listTimeline(owner.actor, incident.id)).filter((event) => event.type === "ROLE_CHANGE").map((event) => event.body);
    expect(roleEvents).toEqual([
      `${member.name} is now incident commander`,
      `${maintainer.name} took over as incident commander from ${member.name}`,
      `${owner.name} is now scribe`,
      `${owner.name} is no longer scribe; the role is unassigned`,
    ]);
    // Giving the role to its holder again changes nothing.
    const count = (await snapshot(incident.id)).events;
    await assignIncidentRole(owner.actor, incident.id, { role: "COMMANDER", userId: maintainer.id });
    expect((await snapshot(incident.id)).events).toBe(count);
  });

  it("gives roles only to members of the team who can edit", async () => {
    const team = await teamWithServices();
    const stranger = await makeUser();
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Roles", severity: "SEV3" });
    const before = await snapshot(incident.id);
    expect((await expectInvalid(assignIncidentRole(team.owner.actor, incident.id, { role: "COMMANDER", userId: stranger.id }))).issues[0].path).toEqual(["userId"]);
    expect((await expectInvalid(assignIncidentRole(team.owner.actor, incident.id, { role: "COMMANDER", userId: team.members.VIEWER!.id }))).message).toMatch(/is a viewer/);
    expect(await snapshot(incident.id)).toEqual(before);
  });
});

describe("the timeline", () => {
  it("adds typed events, backdated or not, pins them and audits a time edit", async () => {
    const team = await teamWithServices();
    const actor = team.members.MEMBER!.actor;
    const now = new Date("2026-11-28T10:00:00Z");
    const incident = await declareIncident(actor, { team: team.slug, title: "Timeline", severity: "SEV3" }, { now: new Date("2026-11-28T09:00:00Z") });
    const note = await addTimelineEvent(actor, incident.id, { type: "NOTE", body: "EU only" }, { now });
    expect(note).toMatchObject({ type: "NOTE", body: "EU only", occurredAt: now.toISOString(), pinned: false, source: "portal", author: expect.objectContaining({ id: team.members.MEMBER!.id }) });
    const deploy = await addTimelineEvent(actor, incident.id, { type: "DEPLOY", body: "gateway v3.2.0", occurredAt: "2026-11-28T08:55", link: "https://git.example.com/pr/1", pinned: "on" }, { now });
    expect(deploy).toMatchObject({ occurredAt: "2026-11-28T08:55:00.000Z", pinned: true, data: { link: "https://git.example.com/pr/1" } });
    expect((await listTimeline(actor, incident.id)).map((event) => event.type)).toEqual(["DEPLOY", "DECLARED", "NOTE"]);
    expect((await listTimeline(actor, incident.id, { types: ["NOTE"] })).map((event) => event.id)).toEqual([note.id]);

    const error = await expectInvalid(addTimelineEvent(actor, incident.id, { type: "NOTE", body: "from the future", occurredAt: "2026-11-28T11:00:00Z" }, { now }));
    expect(error.issues[0]).toMatchObject({ path: ["occurredAt"], message: "The event time is in the future" });
    await expectInvalid(addTimelineEvent(actor, incident.id, { type: "STATUS_CHANGE" as never, body: "forged" }, { now }));

    const pinned = await updateTimelineEvent(actor, incident.id, note.id, { pinned: true }, { now });
    expect(pinned.pinned).toBe(true);
    const moved = await updateTimelineEvent(actor, incident.id, note.id, { occurredAt: "2026-11-28T09:30:00Z" }, { now });
    expect(moved).toMatchObject({ occurredAt: "2026-11-28T09:30:00.000Z", timeEditedAt: now.toISOString() });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { targetId: note.id, action: "incident.event_time_edited" } });
    expect(audit.details).toMatchObject({ from: now.toISOString(), to: "2026-11-28T09:30:00.000Z", incidentId: incident.id });
    await expect(updateTimelineEvent(actor, incident.id, "no-such-event", { pinned: true })).rejects.toBeInstanceOf(NotFoundError);
    // An event of another incident is not found through this one.
    const other = await declareIncident(actor, { team: team.slug, title: "Other", severity: "SEV5" });
    await expect(updateTimelineEvent(actor, other.id, note.id, { pinned: false })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the list", () => {
  it("puts active incidents first (most severe first), filters by status and severity, and paginates", async () => {
    const team = await teamWithServices();
    const actor = team.owner.actor;
    const declare = (title: string, severity: "SEV1" | "SEV2" | "SEV3" | "SEV4", minutesAgo: number) =>
      declareIncident(actor, { team: team.slug, title, severity }, { now: new Date(Date.now() - minutesAgo * 60_000) });
    const old = await declare("Old resolved", "SEV1", 300);
    await transitionIncident(actor, old.id, { to: "INVESTIGATING" });
    await transitionIncident(actor, old.id, { to: "RESOLVED" });
    const newest = await declare("New resolved", "SEV4", 100);
    await transitionIncident(actor, newest.id, { to: "CANCELLED" });
    await declare("Active minor", "SEV3", 50);
    await declare("Active major", "SEV2", 200);

    const all = await listIncidents(actor, { team: team.slug });
    expect(all.incidents.map((incident) => incident.title)).toEqual(["Active major", "Active minor", "New resolved", "Old resolved"]);
    expect([all.total, all.activeCount, all.pageCount]).toEqual([4, 2, 1]);
    expect((await listIncidents(actor, { team: team.slug, status: "active" })).incidents.map((incident) => incident.title)).toEqual(["Active major", "Active minor"]);
    expect((await listIncidents(actor, { team: team.slug, status: "RESOLVED" })).incidents.map((incident) => incident.title)).toEqual(["Old resolved"]);
    expect((await listIncidents(actor, { team: team.slug, severity: "major" })).incidents.map((incident) => incident.title)).toEqual(["Active major", "Old resolved"]);

    const page2 = await listIncidents(actor, { team: team.slug, pageSize: 3, page: 2 });
    expect(page2).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(page2.incidents.map((incident) => incident.title)).toEqual(["Old resolved"]);
    const straddling = await listIncidents(actor, { team: team.slug, pageSize: 1, page: 3 });
    expect(straddling.incidents.map((incident) => incident.title)).toEqual(["New resolved"]);
    // Past the last page: the last page.
    expect((await listIncidents(actor, { team: team.slug, pageSize: 3, page: 9 })).page).toBe(2);
  });
});
