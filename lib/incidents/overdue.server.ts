// The periodic announcement of overdue action items: once per item and due date, as `action_item.overdue`.
import "server-only";
import type { Db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { recordEvent } from "@/lib/outbox/outbox.server";
import { eventTeam } from "@/lib/outbox/refs.server";
import { incidentReference } from "@/lib/incidents/serialize";

/**
 * Announces every open action item due before today (UTC) not yet announced; returns how many. Each item
 * is marked and announced in one short transaction, only if no one marked it meanwhile.
 */
export async function announceOverdueActionItems(db: Db, now: Date): Promise<number> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const items = await db.actionItem.findMany({
    where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lt: today }, overdueNotifiedAt: null },
    include: { owner: { select: { name: true, email: true } }, incident: { select: { id: true, number: true, title: true } } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
  const teams = new Map<string, { slug: string; name: string }>();
  let announced = 0;
  for (const item of items) {
    if (!teams.has(item.teamId)) teams.set(item.teamId, await eventTeam(db, item.teamId));
    const marked = await db.$transaction(async (tx) => {
      const claimed = await tx.actionItem.updateMany({ where: { id: item.id, overdueNotifiedAt: null }, data: { overdueNotifiedAt: now } });
      if (claimed.count === 0) return false;
      await recordEvent(tx, {
        teamId: item.teamId,
        type: "action_item.overdue",
        subject: { type: "action_item", id: item.id },
        data: {
          team: teams.get(item.teamId)!,
          actor: null,
          actionItem: {
            id: item.id,
            title: item.title,
            dueDate: item.dueDate!.toISOString().slice(0, 10),
            status: item.status,
            owner: item.owner ? { name: item.owner.name, email: item.owner.email } : null,
            url: `${publicUrl()}/incidents/${item.incident.id}/postmortem`,
          },
          incident: { id: item.incident.id, reference: incidentReference(item.incident.number), title: item.incident.title },
        },
      });
      return true;
    });
    if (marked) announced++;
  }
  return announced;
}
