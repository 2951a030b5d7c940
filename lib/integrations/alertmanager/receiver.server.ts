// Alertmanager notifications into incidents, deduplicated by alert fingerprint. A firing alert joins the
// open incident that already has its fingerprint; the alerts of one notification that match none open one
// incident together (or join the open incident another alert of the same notification matched). A
// resolved alert adds a timeline event and never closes the incident: a person decides that.
import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit.server";
import { InvalidError } from "@/lib/errors";
import { sanitizeDeep } from "@/lib/validation/text";
import { activeStatuses } from "@/lib/incidents/status";
import { alertmanagerPayloadSchema, describeAlert, highestSeverity, normalizeAlert, type NormalizedAlert } from "@/lib/integrations/alertmanager/receiver";
import { FUTURE_TOLERANCE_MS } from "@/lib/incidents/times";
import { createIncidentRow, lockTeamIncidents, recordTimelineEvent, teamForNewIncident } from "@/lib/incidents/incidents.server";
import { incidentReference } from "@/lib/incidents/serialize";
import type { AlertmanagerResultJson } from "@/lib/incidents/api-schemas";

type Outcome = AlertmanagerResultJson["alerts"][number]["outcome"];

/** Never later than now: a sender's clock may run ahead, and the key times may not be in the future. */
const notAfter = (value: Date, now: Date) => (value.getTime() > now.getTime() + FUTURE_TOLERANCE_MS ? now : value);

export async function receiveAlertmanagerNotification(actor: Actor, payload: unknown, options: { team?: string; now?: Date } = {}): Promise<AlertmanagerResultJson> {
  const parsed = alertmanagerPayloadSchema.safeParse(sanitizeDeep(payload));
  if (!parsed.success) throw InvalidError.fromZod(parsed.error, "The Alertmanager payload is malformed");
  const notification = parsed.data;
  // One entry per fingerprint: should a sender repeat an alert within a notification, its last state counts.
  const alerts = [...new Map(notification.alerts.map((alert) => normalizeAlert(alert, notification)).map((alert) => [alert.fingerprint, alert])).values()];
  const now = options.now ?? new Date();

  return getDb().$transaction(async (tx) => {
    const access = await teamForNewIncident(tx, actor, options.team);
    const teamId = access.team.id;
    // One notification at a time per team, so that two deliveries of the same alert cannot open two incidents.
    await lockTeamIncidents(tx, teamId);
    const slugs = [...new Set(alerts.map((alert) => alert.serviceSlug).filter((slug): slug is string => slug !== null))];
    const services = slugs.length ? await tx.service.findMany({ where: { teamId, slug: { in: slugs } }, select: { id: true, slug: true } }) : [];
    const serviceBySlug = new Map(services.map((service) => [service.slug, service]));
    const results: AlertmanagerResultJson["alerts"] = [];
    const touched = new Map<string, { reference: string; outcomes: { fingerprint: string; outcome: Outcome }[] }>();
    const note = (incident: { id: string; number: number }, fingerprint: string, outcome: Outcome) => {
      const entry = touched.get(incident.id) ?? { reference: incidentReference(incident.number), outcomes: [] };
      entry.outcomes.push({ fingerprint, outcome });
      touched.set(incident.id, entry);
      results.push({ fingerprint, outcome, incidentId: incident.id, reference: entry.reference });
    };
    const alertEvent = (incidentId: string, alert: NormalizedAlert, change: "firing" | "refiring" | "resolved") => {
      const unknownService = alert.serviceSlug && !serviceBySlug.has(alert.serviceSlug) ? alert.serviceSlug : null;
      return recordTimelineEvent(tx, {
        incidentId,
        type: "ALERT",
        body: describeAlert(alert, change) + (unknownService ? ` (its service label “${unknownService}” matches no service in the catalog)` : ""),
        data: {
          fingerprint: alert.fingerprint,
          alertName: alert.alertName,
          status: alert.status,
          severityLabel: alert.labels.severity ?? null,
          mappedSeverity: alert.severity,
          labels: alert.labels,
          startsAt: alert.startsAt.toISOString(),
          endsAt: alert.endsAt?.toISOString() ?? null,
          generatorURL: alert.generatorURL,
          receiver: notification.receiver,
          groupKey: notification.groupKey,
        },
        occurredAt: notAfter(change === "resolved" ? (alert.endsAt ?? now) : alert.startsAt, now),
        authorId: actor.userId,
        source: "alertmanager",
      });
    };

    const firing = alerts.filter((alert) => alert.status === "firing");
    const matches = await newestByFingerprint(tx, teamId, firing.map((alert) => alert.fingerprint), { openIncidentsOnly: true });
    // The incident for this notification's unmatched alerts: one another alert of the group already joined, else a new one.
    let groupIncident = firing.map((alert) => matches.get(alert.fingerprint)).find((match) => match !== undefined)?.incident ?? null;
    let opened = false;
    const unmatched = firing.filter((alert) => !matches.get(alert.fingerprint));
    if (!groupIncident && unmatched.length) {
      const first = unmatched[0];
      const alertNames = [...new Set(unmatched.map((alert) => alert.alertName))];
      const matchedServices = [...new Map(unmatched.flatMap((alert) => (alert.serviceSlug && serviceBySlug.has(alert.serviceSlug) ? [serviceBySlug.get(alert.serviceSlug)!] : [])).map((service) => [service.id, service])).values()];
      const title = alertNames.length > 1 ? `${first.title} (+${alertNames.length - 1} more alert${alertNames.length > 2 ? "s" : ""})`.slice(0, 160) : first.title;
      const detectedAt = notAfter(new Date(Math.min(...unmatched.map((alert) => alert.startsAt.getTime()))), now);
      const id = await createIncidentRow(tx, actor, access, {
        title,
        summary: first.description,
        severity: highestSeverity(unmatched.map((alert) => alert.severity)),
        type: "OPERATIONAL",
        customerImpact: false,
        impactStartedAt: null,
        detectedAt,
        serviceIds: matchedServices.map((service) => service.id),
        serviceSlugs: matchedServices.map((service) => service.slug),
        via: "alertmanager",
        now,
      });
      groupIncident = await tx.incident.findUniqueOrThrow({ where: { id }, select: { id: true, number: true } });
      opened = true;
    }

    for (const alert of firing) {
      const match = matches.get(alert.fingerprint);
      if (match) {
        const sameEpisode = match.status === "firing" && match.startsAt.getTime() === alert.startsAt.getTime();
        await tx.incidentAlert.update({
          where: { id: match.id },
          data: { status: "firing", startsAt: alert.startsAt, endsAt: null, labels: alert.labels, lastReceivedAt: now },
        });
        // Alertmanager repeats firing alerts every repeat_interval: only a new episode is worth an event.
        if (!sameEpisode) await alertEvent(match.incident.id, alert, "refiring");
        note(match.incident, alert.fingerprint, sameEpisode ? "repeated" : "refired");
        continue;
      }
      await tx.incidentAlert.create({
        data: { incidentId: groupIncident!.id, fingerprint: alert.fingerprint, alertName: alert.alertName, status: "firing", labels: alert.labels, startsAt: alert.startsAt, lastReceivedAt: now },
      });
      await alertEvent(groupIncident!.id, alert, "firing");
      note(groupIncident!, alert.fingerprint, opened ? "opened" : "added");
    }

    const resolved = alerts.filter((candidate) => candidate.status === "resolved");
    const attachedAlerts = await newestByFingerprint(tx, teamId, resolved.map((alert) => alert.fingerprint), { openIncidentsOnly: false });
    for (const alert of resolved) {
      const attached = attachedAlerts.get(alert.fingerprint);
      if (!attached) {
        results.push({ fingerprint: alert.fingerprint, outcome: "ignored", incidentId: null, reference: null });
        continue;
      }
      if (attached.status === "resolved") {
        await tx.incidentAlert.update({ where: { id: attached.id }, data: { lastReceivedAt: now } });
        note(attached.incident, alert.fingerprint, "repeated");
        continue;
      }
      await tx.incidentAlert.update({ where: { id: attached.id }, data: { status: "resolved", endsAt: alert.endsAt ?? now, lastReceivedAt: now } });
      await alertEvent(attached.incident.id, alert, "resolved");
      note(attached.incident, alert.fingerprint, "resolved");
    }

    for (const [incidentId, entry] of touched) {
      await recordAudit(tx, actor, {
        action: "incident.alerts_received",
        teamId,
        targetType: "incident",
        targetId: incidentId,
        details: { reference: entry.reference, receiver: notification.receiver, alerts: entry.outcomes },
      });
    }
    return { alerts: results };
  });
}

/**
 * For each fingerprint, the team's most recently attached alert with it (only on open incidents, or on
 * any incident): one query for the whole notification.
 */
async function newestByFingerprint(tx: Tx, teamId: string, fingerprints: string[], options: { openIncidentsOnly: boolean }) {
  const rows = fingerprints.length
    ? await tx.incidentAlert.findMany({
        where: { fingerprint: { in: fingerprints }, incident: { teamId, ...(options.openIncidentsOnly ? { status: { in: [...activeStatuses] } } : {}) } },
        orderBy: { createdAt: "desc" },
        include: { incident: { select: { id: true, number: true } } },
      })
    : [];
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!newest.has(row.fingerprint)) newest.set(row.fingerprint, row);
  return newest;
}
