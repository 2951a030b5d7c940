// A request that another domain links to (SLO adoption, declaring an incident): loaded with the actor's
// access to its team and the answers of its current revision. Another team's request is "not found".
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { teamAccess, type TeamAccess } from "@/lib/auth/authorize";
import { getRole, isRoleKey } from "@/lib/agents/registry";
import type { RoleKey } from "@/lib/agents/types";
import { InvalidError, NotFoundError } from "@/lib/errors";

export interface LinkedRequest {
  id: string;
  title: string;
  teamId: string;
  roleKey: string;
  roleTitle: string;
  status: string;
  /** The current revision's number; 0 for a draft that was never submitted. */
  revision: number;
  /** The current revision's validated answers; null for a draft. */
  input: unknown;
  access: TeamAccess;
}

export async function loadLinkedRequest(db: Db | Tx, actor: Actor, requestId: string): Promise<LinkedRequest> {
  const request = await db.request.findUnique({ where: { id: String(requestId) } });
  if (!request) throw new NotFoundError("Request");
  const access = await teamAccess(db, actor, { id: request.teamId }, "Request");
  const revision = request.currentRevision
    ? await db.requestRevision.findUnique({ where: { requestId_number: { requestId: request.id, number: request.currentRevision } }, select: { input: true } })
    : null;
  return {
    id: request.id,
    title: request.title,
    teamId: request.teamId,
    roleKey: request.roleKey,
    roleTitle: isRoleKey(request.roleKey) ? getRole(request.roleKey).title : request.roleKey,
    status: request.status,
    revision: revision ? request.currentRevision : 0,
    input: revision?.input ?? null,
    access,
  };
}

/**
 * Checks the request is of one of `roles` and has a submitted revision: a 422 that says what the link needs
 * otherwise (`what` completes "… can <what>").
 */
export function requireRoleRevision(request: LinkedRequest, roles: readonly RoleKey[], what: string): void {
  if (!(roles as readonly string[]).includes(request.roleKey)) {
    const names = roles.map((role) => getRole(role).title);
    throw InvalidError.field([], `Only an ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`} request can ${what}; this request is for the ${request.roleTitle} role`);
  }
  if (request.revision === 0) throw InvalidError.field([], `Submit the request first: only a submitted request can ${what}`);
}

/** A request's title and role for a link to it; null when it is gone or not visible to the actor. */
export async function getRequestLink(actor: Actor, requestId: string): Promise<{ id: string; title: string; roleTitle: string } | null> {
  try {
    const request = await loadLinkedRequest(getDb(), actor, requestId);
    return { id: request.id, title: request.title, roleTitle: request.roleTitle };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
