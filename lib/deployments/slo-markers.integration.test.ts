// The deployments an SLO's charts mark: the SLO's service, production, inside the SLO's window; another
// team's SLO is not found.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { listSloDeploymentMarkers } from "@/lib/deployments/slo-markers.server";
import { createSlo } from "@/lib/slo/slos.server";
import { createService } from "@/lib/services/services.server";
import { makeTeam } from "@/lib/testing/factories";
import { caught } from "@/lib/testing/caught";

const now = new Date("2026-12-01T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("deployment markers of an SLO", () => {
  it("lists the production deployments of the SLO's service inside its window, oldest first", async () => {
    const db = getDb();
    const team = await makeTeam();
    const service = await createService(team.owner.actor, team.slug, { name: "Checkout", slug: "checkout", tier: 1, lifecycle: "PRODUCTION" });
    const other = await createService(team.owner.actor, team.slug, { name: "Ledger", slug: "ledger", tier: 2, lifecycle: "PRODUCTION" });
    const slo = await createSlo(team.owner.actor, { serviceId: service.id, name: "Availability", slug: "availability", sliKind: "RATIO", goodQuery: "good", totalQuery: "total", objective: 99.9, windowDays: 7 });
    const deploy = (clientKey: string, serviceId: string, startedAt: Date, extra: { environment?: string; status?: "SUCCEEDED" | "FAILED" | "STARTED"; finishedAt?: Date | null } = {}) =>
      db.deployment.create({
        data: { teamId: team.id, serviceId, clientKey, version: clientKey, environment: extra.environment ?? "production", status: extra.status ?? "SUCCEEDED", startedAt, finishedAt: extra.finishedAt === undefined ? new Date(startedAt.getTime() + 600_000) : extra.finishedAt },
      });
    await deploy("v2", service.id, hoursAgo(2), { status: "FAILED" });
    await deploy("v1", service.id, hoursAgo(48));
    await deploy("v3", service.id, hoursAgo(0.5), { status: "STARTED", finishedAt: null });
    await deploy("too-old", service.id, hoursAgo(8 * 24));
    await deploy("staging", service.id, hoursAgo(3), { environment: "staging" });
    await deploy("other-service", other.id, hoursAgo(3));
    await deploy("future", service.id, new Date(now.getTime() + 3_600_000));

    const markers = await listSloDeploymentMarkers(team.owner.actor, slo.id, now);
    expect(markers.map((marker) => [marker.version, marker.status])).toEqual([["v1", "SUCCEEDED"], ["v2", "FAILED"], ["v3", "STARTED"]]);
    expect(markers[0].at).toBe(new Date(hoursAgo(48).getTime() + 600_000).toISOString()); // when it finished
    expect(markers[2].at).toBe(hoursAgo(0.5).toISOString()); // still running: when it started

    const stranger = await makeTeam();
    expect(await caught(listSloDeploymentMarkers(stranger.owner.actor, slo.id, now))).toBeInstanceOf(NotFoundError);
  });
});
