// The demo deployments on the demo organisation: every DORA figure is there on first start, the deployments
// the incidents' timelines name are blamed for them, and a second start adds nothing.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { systemActor } from "@/lib/auth/actor";
import { seedDeploymentDemo } from "@/lib/deployments/demo";
import { getTeamDora } from "@/lib/deployments/dora.server";

describe("the deployments demo", () => {
  it("gives every DORA figure of the demo teams a value, consistent with the demo incidents, once", async () => {
    await seedDemo();
    expect((await seedDeploymentDemo()).created).toBe(0);
    const actor = systemActor("test");
    for (const team of ["payments", "platform"]) {
      const { summary } = await getTeamDora(actor, { team, window: "90" });
      expect(summary.hasData, team).toBe(true);
      expect(summary.deployments, team).toBeGreaterThan(200);
      for (const value of [summary.frequency.value, summary.leadTime.value, summary.changeFailureRate.value, summary.recoveryTime.value, summary.reworkRate.value]) {
        expect(value, team).not.toBeNull();
      }
    }
    // The payment-gateway v3.2.0 rollout is the last deployment before the card-payments incident: a change failure.
    const db = getDb();
    const rollout = await db.deployment.findFirstOrThrow({ where: { team: { slug: "payments" }, version: "v3.2.0" } });
    const incident = await db.incident.findFirstOrThrow({ where: { title: { startsWith: "Card payments failing" } }, select: { impactStartedAt: true, declaredAt: true } });
    const began = incident.impactStartedAt ?? incident.declaredAt;
    const between = await db.deployment.count({ where: { team: { slug: "payments" }, service: { slug: "payment-gateway" }, startedAt: { gt: rollout.startedAt, lt: began } } });
    expect(between).toBe(0);
    const { summary } = await getTeamDora(actor, { team: "payments", service: "payment-gateway", window: "30" });
    expect(summary.failures).toBeGreaterThanOrEqual(1);
  });
});
