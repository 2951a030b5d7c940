// The deployments to mark on an SLO's charts: its service's production deployments in the SLO's window.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { sloAccess } from "@/lib/slo/slos.server";
import { MINUTES_PER_DAY, toEpochMinute } from "@/lib/slo/math";
import type { DeploymentMarker } from "@/lib/deployments/slo-markers";

/** At most this many (the latest): a 30-day chart is about 1,600 pixels wide. */
const MAX_MARKERS = 300;

export async function listSloDeploymentMarkers(actor: Actor, sloId: string, now: Date = new Date()): Promise<DeploymentMarker[]> {
  const db = getDb();
  const { slo } = await sloAccess(db, actor, sloId);
  const windowStart = new Date((toEpochMinute(now) - slo.windowDays * MINUTES_PER_DAY + 1) * 60_000);
  const deployments = await db.deployment.findMany({
    where: { serviceId: slo.serviceId, teamId: slo.teamId, environment: "production", startedAt: { gte: windowStart, lte: now } },
    select: { id: true, version: true, status: true, startedAt: true, finishedAt: true, url: true },
    orderBy: { startedAt: "desc" },
    take: MAX_MARKERS,
  });
  return deployments.reverse().map((deployment) => ({
    id: deployment.id,
    version: deployment.version,
    status: deployment.status,
    at: (deployment.finishedAt ?? deployment.startedAt).toISOString(),
    url: deployment.url,
  }));
}
