// The incident domain's outbox events: what an incident looks like in a notification, read in the
// transaction of the change, and recorded there (lib/outbox). Delivery happens after commit, elsewhere.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { publicUrl } from "@/lib/env";
import { recordEvent } from "@/lib/outbox/outbox.server";
import type { EventData, EventType } from "@/lib/outbox/events";
import { eventActor, eventTeam } from "@/lib/outbox/refs.server";
import { incidentReference } from "@/lib/incidents/serialize";

type IncidentEventType = Extract<EventType, `incident.${string}` | "postmortem.published">;

/** The incident as events describe it (EventIncident in the OpenAPI document). */
export async function incidentForEvent(tx: Tx, incidentId: string): Promise<EventData<"incident.declared">["incident"] & { teamId: string }> {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    include: {
      services: { include: { service: { select: { slug: true, name: true } } }, orderBy: { createdAt: "asc" } },
      roles: { where: { role: "COMMANDER", endedAt: null }, include: { user: { select: { name: true, email: true } } } },
    },
  });
  const commander = incident.roles[0]?.user ?? null;
  return {
    teamId: incident.teamId,
    id: incident.id,
    reference: incidentReference(incident.number),
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    type: incident.type,
    customerImpact: incident.customerImpact,
    declaredAt: incident.declaredAt.toISOString(),
    services: incident.services.map(({ service }) => ({ slug: service.slug, name: service.name })),
    commander: commander ? { name: commander.name, email: commander.email } : null,
    url: `${publicUrl()}/incidents/${incident.id}`,
  };
}

/**
 * Records an incident event in `tx`: `extra` is what the type adds to the shared team, actor and
 * incident (e.g. `from`/`to` of a status change).
 */
export async function recordIncidentEvent<T extends IncidentEventType>(
  tx: Tx,
  actor: Actor | null,
  type: T,
  incidentId: string,
  extra: Omit<EventData<T>, "team" | "actor" | "incident">,
): Promise<void> {
  const { teamId, ...incident } = await incidentForEvent(tx, incidentId);
  const data = { team: await eventTeam(tx, teamId), actor: await eventActor(tx, actor), incident, ...extra } as EventData<T>;
  await recordEvent(tx, { teamId, type, subject: { type: "incident", id: incidentId }, data });
}
