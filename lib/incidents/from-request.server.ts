// Declaring an incident from an incident-responder or devops-incident-responder request: the prefilled
// quick declare form, the declaration with the request's runbook attached, and the incidents a request
// declared. The request must be the actor's team's (else "not found") and submitted.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { getRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { declareIncident, type DeclareOptions } from "@/lib/incidents/incidents.server";
import { declareDefaultsFromRequest, incidentRequestRoles, isIncidentRequestRole, runbookArtifacts, runbookMarkdownOf, type DeclareDefaults } from "@/lib/incidents/from-request";
import type { DeclareIncidentInput } from "@/lib/incidents/schema";
import { incidentReference } from "@/lib/incidents/serialize";
import { loadLinkedRequest, requireRoleRevision } from "@/lib/requests/linked-request.server";

const WHAT = "declare an incident";

export interface IncidentFromRequest {
  id: string;
  reference: string;
  title: string;
  severity: string;
  status: string;
  declaredAt: string;
}

export interface DeclareFromRequestPreview {
  request: { id: string; title: string; revision: number; team: { slug: string; name: string } };
  defaults: DeclareDefaults;
  services: { slug: string; name: string }[];
  /** The artifacts the runbook is made of (their paths), or none when the role generated no runbook. */
  runbookPaths: string[];
  canDeclare: boolean;
}

/** Incidents declared from a request, newest first (any of the actor's teams' requests). */
export async function listIncidentsFromRequest(actor: Actor, requestId: string): Promise<IncidentFromRequest[]> {
  const db = getDb();
  const request = await loadLinkedRequest(db, actor, requestId);
  const rows = await db.incident.findMany({
    where: { sourceRequestId: request.id, teamId: request.teamId },
    select: { id: true, number: true, title: true, severity: true, status: true, declaredAt: true },
    orderBy: { declaredAt: "desc" },
  });
  return rows.map((row) => ({ id: row.id, reference: incidentReference(row.number), title: row.title, severity: row.severity, status: row.status, declaredAt: row.declaredAt.toISOString() }));
}

/** What the declare dialog starts from: the request's answers as incident fields, and the runbook's parts. */
export async function previewDeclareFromRequest(actor: Actor, requestId: string): Promise<DeclareFromRequestPreview> {
  const db = getDb();
  const request = await loadLinkedRequest(db, actor, requestId);
  requireRoleRevision(request, incidentRequestRoles, WHAT);
  if (!isIncidentRequestRole(request.roleKey)) throw new Error("unreachable: the role was checked");
  const [services, artifacts] = await Promise.all([
    db.service.findMany({ where: { teamId: request.teamId }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    getRevisionArtifacts(actor, request.id, request.revision),
  ]);
  return {
    request: { id: request.id, title: request.title, revision: request.revision, team: { slug: request.access.team.slug, name: request.access.team.name } },
    defaults: declareDefaultsFromRequest(request.roleKey, request.input, request.title, services.map((service) => service.slug)),
    services,
    runbookPaths: runbookArtifacts(artifacts.artifacts).map((artifact) => artifact.path),
    canDeclare: roleAllows(request.access.role, "edit"),
  };
}

/**
 * Declares an incident in the request's team from the request: the given fields (the prefilled form as
 * the person left it), with the runbook built from the current revision's stored artifacts attached.
 */
export async function declareIncidentFromRequest(actor: Actor, requestId: string, input: Omit<DeclareIncidentInput, "team">, options: Omit<DeclareOptions, "source"> = {}) {
  const db = getDb();
  const request = await loadLinkedRequest(db, actor, requestId);
  assertPermission(request.access, "edit");
  requireRoleRevision(request, incidentRequestRoles, WHAT);
  const artifacts = await getRevisionArtifacts(actor, request.id, request.revision);
  const runbookMarkdown = runbookMarkdownOf(artifacts.artifacts);
  return declareIncident(actor, { ...input, team: request.access.team.slug }, { ...options, source: { requestId: request.id, runbookMarkdown } });
}

