// The worker's SLO alert job and overdue action items job against real PostgreSQL: a burn on the portal's
// own samples announces slo.alert.firing once, keeps quiet while it flaps, and slo.alert.resolved after the
// hold; an overdue action item is announced once per due date.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { announceOverdueActionItems } from "@/lib/incidents/overdue.server";
import { declareIncident } from "@/lib/incidents/incidents.server";
import { createActionItem, updateActionItem } from "@/lib/incidents/postmortems.server";
import { evaluateSloAlerts } from "@/lib/slo/alert-evaluation.server";
import { writeSamples } from "@/lib/slo/samples.server";
import { createSlo } from "@/lib/slo/slos.server";
import { createService } from "@/lib/services/services.server";
import type { MinuteSample } from "@/lib/slo/math";
import { makeTeam } from "@/lib/testing/factories";

const minuteOf = (date: Date) => Math.floor(date.getTime() / 60_000);

async function sloWithSamples() {
  const team = await makeTeam();
  const service = await createService(team.owner.actor, team.slug, { name: "Checkout", slug: "checkout", tier: 1, lifecycle: "PRODUCTION" });
  const slo = await createSlo(team.owner.actor, { serviceId: service.id, name: "Availability", slug: "availability", sliKind: "RATIO", goodQuery: "good", totalQuery: "total", objective: 99.9, windowDays: 30 });
  return { team, slo };
}

/** `minutes` one-minute samples ending at `end`, with the given error ratio. */
async function samples(sloId: string, end: Date, minutes: number, errorRatio: number) {
  const last = minuteOf(end);
  const rows: MinuteSample[] = Array.from({ length: minutes }, (_, index) => ({ minute: last - minutes + 1 + index, good: Math.round(1_000 * (1 - errorRatio)), total: 1_000 }));
  await getDb().$transaction((tx) => writeSamples(tx, sloId, rows));
}

const evaluate = (now: Date) => evaluateSloAlerts(getDb(), now);
const eventsOf = (sloId: string) => getDb().outboxEvent.findMany({ where: { subjectId: sloId }, orderBy: { sequence: "asc" } });

describe("SLO alerts from the portal's own data", () => {
  it("fires once on a fast burn, stays quiet while it flaps, and resolves after the condition stayed clear", async () => {
    const { slo, team } = await sloWithSamples();
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    // Six healthy hours, then 10 % errors for the last hour: a 100× burn of a 99.9 % objective.
    await samples(slo.id, new Date(now.getTime() - 61 * 60_000), 360, 0);
    await samples(slo.id, now, 60, 0.1);
    // Two evaluations at once (two workers whose lock sessions overlapped): one announcement.
    await Promise.all([evaluate(now), evaluate(now)]);
    const fired = await eventsOf(slo.id);
    expect(fired.map((event) => event.type)).toEqual(["slo.alert.firing"]);
    expect(fired[0].payload).toMatchObject({
      team: { slug: team.slug },
      slo: { id: slo.id, name: "Availability", service: { slug: "checkout" } },
      alert: { level: "page", windows: "1h/5m", threshold: 14.4, burnRate: 100, budgetRemainingPercent: expect.any(Number) },
    });
    await evaluate(new Date(now.getTime() + 60_000));
    expect(await eventsOf(slo.id)).toHaveLength(1);

    // The burn stops: 40 healthy minutes clear the page alerts' short windows, while the slow-burn ticket
    // (1 d / 2 h) still holds. The page is resolved only after 15 minutes below it, then the ticket fires.
    const later = new Date(now.getTime() + 40 * 60_000);
    await samples(slo.id, later, 40, 0);
    await evaluate(later);
    await evaluate(new Date(later.getTime() + 10 * 60_000));
    expect(await eventsOf(slo.id)).toHaveLength(1);
    await evaluate(new Date(later.getTime() + 16 * 60_000));
    const all = await eventsOf(slo.id);
    expect(all.map((event) => [event.type, (event.payload as { alert: { level: string } }).alert.level])).toEqual([
      ["slo.alert.firing", "page"],
      ["slo.alert.resolved", "page"],
      ["slo.alert.firing", "ticket"],
    ]);
    expect(all[1].payload).toMatchObject({ alert: { level: "page", firedAt: now.toISOString() } });
    expect(all[2].payload).toMatchObject({ alert: { level: "ticket", windows: "1d/2h", threshold: 3 } });
    const state = await getDb().sloAlertState.findUniqueOrThrow({ where: { sloId: slo.id } });
    expect(state.level).toBe("ticket");
  });

  it("announces nothing for a healthy SLO and keeps no state for it", async () => {
    const { slo } = await sloWithSamples();
    const now = new Date();
    await samples(slo.id, now, 120, 0.0001);
    await evaluate(now);
    expect(await eventsOf(slo.id)).toEqual([]);
    expect(await getDb().sloAlertState.findUnique({ where: { sloId: slo.id } })).toBeNull();
  });
});

describe("overdue action items", () => {
  it("announces each overdue item once, and again after its due date moves and passes", async () => {
    const team = await makeTeam({ members: ["MEMBER"] });
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Checkout errors", severity: "SEV3" });
    const now = new Date("2026-12-04T12:00:00Z");
    const overdue = await createActionItem(team.owner.actor, incident.id, { title: "Alert per region", ownerId: team.members.MEMBER!.id, dueDate: "2026-12-01" }, { now });
    await createActionItem(team.owner.actor, incident.id, { title: "Due today", dueDate: "2026-12-04" }, { now });
    await Promise.all([announceOverdueActionItems(getDb(), now), announceOverdueActionItems(getDb(), now)]);
    await announceOverdueActionItems(getDb(), now);
    const events = await getDb().outboxEvent.findMany({ where: { teamId: team.id, type: "action_item.overdue" } });
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ actionItem: { id: overdue.id, title: "Alert per region", dueDate: "2026-12-01", owner: { email: team.members.MEMBER!.email } }, incident: { id: incident.id } });

    await updateActionItem(team.owner.actor, incident.id, overdue.id, { dueDate: "2026-12-02" }, { now });
    await announceOverdueActionItems(getDb(), now);
    expect(await getDb().outboxEvent.count({ where: { teamId: team.id, type: "action_item.overdue" } })).toBe(2);
  });
});
