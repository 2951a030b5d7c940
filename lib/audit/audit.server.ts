// The audit log: every mutation writes its row in the same transaction as the change.
import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { teamAccess } from "@/lib/auth/authorize";

export interface AuditEntry {
  action: string;
  teamId: string | null;
  targetType: string;
  targetId?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Writes one audit row inside the caller's transaction. */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const via =
    actor?.kind === "token"
      ? { via: "token", tokenId: actor.tokenId }
      : actor?.kind === "system"
        ? { via: actor.label }
        : actor
          ? { via: "session" }
          : { via: "system" };
  await tx.auditLog.create({
    data: {
      actorId: actor ? auditActorId(actor) : null,
      teamId: entry.teamId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: { ...via, ...((entry.details as object | undefined) ?? {}) },
    },
  });
}

/** The team's recent audit events, newest first. */
export async function listAuditEvents(actor: Actor, teamSlug: string, options: { limit?: number } = {}) {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug: teamSlug });
  return db.auditLog.findMany({
    where: { teamId: team.id },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(options.limit ?? 20, 1), 200),
    include: { actor: { select: { id: true, email: true, name: true } } },
  });
}

/** How many audit events the team recorded since a time. */
export async function countAuditEventsSince(actor: Actor, teamSlug: string, since: Date): Promise<number> {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug: teamSlug });
  return db.auditLog.count({ where: { teamId: team.id, createdAt: { gte: since } } });
}
