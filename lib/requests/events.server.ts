// The request domain's outbox events: a move through the lifecycle announced as request.submitted,
// .approved, .changes_requested or .closed, recorded in the transaction of the move.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { RequestStatus } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { publicUrl } from "@/lib/env";
import { isRoleKey, roleTitle } from "@/lib/agents/registry";
import { recordEvent } from "@/lib/outbox/outbox.server";
import { eventActor, eventTeam } from "@/lib/outbox/refs.server";

const eventOfStatus: Partial<Record<RequestStatus, "request.submitted" | "request.approved" | "request.changes_requested" | "request.closed">> = {
  SUBMITTED: "request.submitted",
  APPROVED: "request.approved",
  CHANGES_REQUESTED: "request.changes_requested",
  CLOSED: "request.closed",
  WITHDRAWN: "request.closed",
};

/** Records the event a move to `to` announces, if any (moves into review announce nothing). */
export async function recordRequestMoveEvent(tx: Tx, actor: Actor, requestId: string, to: RequestStatus, comment: string | undefined): Promise<void> {
  const type = eventOfStatus[to];
  if (!type) return;
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { id: true, teamId: true, title: true, roleKey: true, currentRevision: true } });
  const base = {
    team: await eventTeam(tx, request.teamId),
    actor: await eventActor(tx, actor),
    request: {
      id: request.id,
      title: request.title,
      role: request.roleKey,
      roleName: isRoleKey(request.roleKey) ? roleTitle(request.roleKey) : request.roleKey,
      status: to,
      revision: request.currentRevision,
      url: `${publicUrl()}/requests/${request.id}`,
    },
  };
  const subject = { type: "request" as const, id: request.id };
  if (type === "request.changes_requested" || type === "request.closed") {
    await recordEvent(tx, { teamId: request.teamId, type, subject, data: { ...base, comment: comment ?? null } });
  } else {
    await recordEvent(tx, { teamId: request.teamId, type, subject, data: base });
  }
}
