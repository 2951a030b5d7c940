import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { systemActor } from "@/lib/auth/actor";
import { isActiveStatus } from "@/lib/incidents/status";
import { keyTimeIssues } from "@/lib/incidents/times";
import { listIncidents } from "@/lib/incidents/incidents.server";
import { listOverdueActionItems } from "@/lib/incidents/postmortems.server";
import { getIncidentMetrics } from "@/lib/incidents/metrics.server";

describe("the incidents demo", () => {
  it("seeds past incidents with timelines and postmortems, overdue action items and one active incident, once", async () => {
    await seedDemo();
    const db = getDb();
    const count = await db.incident.count({ where: { team: { slug: { in: ["payments", "platform"] } } } });
    await seedDemo();
    expect(await db.incident.count({ where: { team: { slug: { in: ["payments", "platform"] } } } })).toBe(count);

    const actor = systemActor("test");
    const payments = await listIncidents(actor, { team: "payments", pageSize: 100 });
    expect(payments.activeCount).toBe(1);
    expect(payments.incidents[0]).toMatchObject({ status: "IDENTIFIED", severity: "SEV2", commander: expect.objectContaining({ email: "admin@demo.local" }) });
    expect(payments.incidents.map((incident) => incident.number).sort((a, b) => a - b)).toEqual(payments.incidents.map((_, index) => index + 1));

    const rows = await db.incident.findMany({ where: { team: { slug: { in: ["payments", "platform"] } } }, include: { events: true, postmortem: true } });
    const now = new Date();
    for (const incident of rows) {
      // Every demo incident obeys the rules the portal enforces.
      expect(keyTimeIssues(incident, now), incident.title).toEqual([]);
      expect(incident.events.some((event) => event.type === "DECLARED"), incident.title).toBe(true);
      if (isActiveStatus(incident.status)) expect(incident.resolvedAt).toBeNull();
      if (incident.postmortem) expect(["RESOLVED", "CLOSED"]).toContain(incident.status);
    }
    expect(rows.filter((incident) => incident.postmortem?.status === "PUBLISHED").length).toBeGreaterThanOrEqual(2);
    expect((await listOverdueActionItems(actor, "payments", { now })).total).toBeGreaterThanOrEqual(2);
    expect((await listOverdueActionItems(actor, "platform", { now })).total).toBeGreaterThanOrEqual(1);

    const metrics = await getIncidentMetrics(actor, "payments", { period: "90d" }, { now });
    expect(metrics.total).toBeGreaterThanOrEqual(5);
    expect(metrics.cancelled).toBe(1);
    expect(metrics.metrics.mttd.missing.length).toBeGreaterThanOrEqual(1);
  });
});
