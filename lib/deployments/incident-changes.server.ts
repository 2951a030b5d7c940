// "What changed": the deployments of an incident's affected services in the hours before it began, and
// the explicit link that names one of them as the cause (which the DORA figures count as a change failure).
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit.server";
import { roleAllows } from "@/lib/auth/roles";
import { NotFoundError, parseOrThrow } from "@/lib/errors";
import { incidentAccess } from "@/lib/incidents/incidents.server";
import { deploymentCoreJson, deploymentCoreSelect } from "@/lib/deployments/deployments.server";
import type { IncidentChange } from "@/lib/deployments/incident-changes";

import { CHANGES_LOOKBACK_HOURS } from "@/lib/deployments/incident-changes";

const causeSchema = z.object({ deploymentId: z.string().min(1).max(64) });


export async function listIncidentChanges(actor: Actor, incidentId: string): Promise<{ since: string; until: string; changes: IncidentChange[]; canEdit: boolean }> {
  const db = getDb();
  const access = await incidentAccess(db, actor, incidentId, "read");
  const incident = await db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { declaredAt: true, impactStartedAt: true, services: { select: { serviceId: true } } } });
  const began = incident.impactStartedAt ?? incident.declaredAt;
  const since = new Date(began.getTime() - CHANGES_LOOKBACK_HOURS * 3_600_000);
  const rows = await db.deployment.findMany({
    where: {
      teamId: access.teamId,
      OR: [{ serviceId: { in: incident.services.map((entry) => entry.serviceId) }, startedAt: { gte: since, lte: began } }, { incidents: { some: { incidentId } } }],
    },
    select: {
      ...deploymentCoreSelect,
      incidents: { where: { incidentId }, select: { incidentId: true } },
    },
    orderBy: { startedAt: "desc" },
    take: 50,
  });
  return {
    since: since.toISOString(),
    until: began.toISOString(),
    canEdit: roleAllows(access.role, "edit"),
    changes: rows.map((row) => ({
      ...deploymentCoreJson(row),
      linked: row.incidents.length > 0,
      minutesBefore: Math.round((began.getTime() - row.startedAt.getTime()) / 60_000),
    })),
  };
}

/** Names a deployment of the incident's team as its cause (again: nothing changes). */
export async function linkIncidentCause(actor: Actor, incidentId: string, input: unknown) {
  const { deploymentId } = parseOrThrow(causeSchema, input);
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const deployment = await tx.deployment.findFirst({ where: { id: deploymentId, teamId: access.teamId }, select: { id: true, version: true, service: { select: { slug: true } } } });
    if (!deployment) throw new NotFoundError("Deployment");
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { number: true } });
    const existing = await tx.incidentDeploymentLink.findUnique({ where: { incidentId_deploymentId: { incidentId, deploymentId } } });
    if (existing) return { linked: true, created: false };
    await tx.incidentDeploymentLink.create({ data: { incidentId, deploymentId, createdById: actor.userId } });
    await recordAudit(tx, actor, { action: "deployment.linked", teamId: access.teamId, targetType: "incident", targetId: incidentId, details: { incident: incident.number, deploymentId, service: deployment.service.slug, version: deployment.version } });
    return { linked: true, created: true };
  });
}

export async function unlinkIncidentCause(actor: Actor, incidentId: string, deploymentId: string) {
  return getDb().$transaction(async (tx) => {
    const access = await incidentAccess(tx, actor, incidentId, "edit");
    const link = await tx.incidentDeploymentLink.findUnique({ where: { incidentId_deploymentId: { incidentId, deploymentId: String(deploymentId) } }, include: { deployment: { select: { service: { select: { slug: true } } } }, incident: { select: { number: true } } } });
    if (!link) throw new NotFoundError("Link");
    await tx.incidentDeploymentLink.delete({ where: { incidentId_deploymentId: { incidentId, deploymentId: link.deploymentId } } });
    await recordAudit(tx, actor, { action: "deployment.unlinked", teamId: access.teamId, targetType: "incident", targetId: incidentId, details: { incident: link.incident.number, deploymentId, service: link.deployment.service.slug } });
  });
}
