// Loads a team's incidents for a period and computes their metrics with the pure module.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { parseOrThrow } from "@/lib/errors";
import { computeIncidentMetrics, metricsPeriod } from "@/lib/incidents/metrics";
import { metricsQuerySchema } from "@/lib/incidents/schema";
import { teamForRead } from "@/lib/incidents/incidents.server";
import type { IncidentMetricsJson } from "@/lib/incidents/api-schemas";

/** Metrics of one team: the named one, or a token's own. */
export async function getIncidentMetrics(actor: Actor, teamSlug: string | undefined, input: { period?: string } = {}, options: { now?: Date } = {}): Promise<IncidentMetricsJson> {
  const { period } = parseOrThrow(metricsQuerySchema, { period: input.period });
  const db = getDb();
  const { team } = await teamForRead(db, actor, teamSlug);
  const range = metricsPeriod(Number.parseInt(period, 10), options.now ?? new Date());
  const incidents = await db.incident.findMany({
    where: { teamId: team.id, declaredAt: { gte: range.from, lt: range.to } },
    select: {
      id: true,
      number: true,
      title: true,
      severity: true,
      status: true,
      declaredAt: true,
      impactStartedAt: true,
      detectedAt: true,
      acknowledgedAt: true,
      mitigatedAt: true,
      resolvedAt: true,
    },
    orderBy: { declaredAt: "asc" },
  });
  return computeIncidentMetrics(incidents, range);
}
