import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { makeTeam } from "@/lib/testing/factories";
import { authenticateToken, createToken } from "@/lib/tokens/tokens.server";
import { receiveAlertmanagerNotification } from "@/lib/integrations/alertmanager/receiver.server";
import { getIncident, listTimeline, transitionIncident } from "@/lib/incidents/incidents.server";
import { alertmanagerPayload } from "@/lib/incidents/test-fixtures";

async function tokenTeam() {
  const team = await makeTeam();
  await getDb().service.create({ data: { teamId: team.id, slug: "checkout-api", name: "Checkout API" } });
  const { secret } = await createToken(team.owner.actor, team.slug, { name: "alertmanager" });
  return { team, token: (await authenticateToken(secret))! };
}

function alert(fingerprint: string, overrides: Record<string, unknown> = {}) {
  return { ...alertmanagerPayload().alerts[0], fingerprint, ...overrides };
}

const alertEvents = async (actor: Parameters<typeof listTimeline>[0], incidentId: string) =>
  (await listTimeline(actor, incidentId)).filter((event) => event.type === "ALERT").map((event) => event.body);

describe("Alertmanager notifications", () => {
  it("opens an incident for a firing alert, with severity and service from its labels", async () => {
    const { team, token } = await tokenTeam();
    const now = new Date("2026-11-28T09:40:00Z");
    const result = await receiveAlertmanagerNotification(token, alertmanagerPayload(), { now });
    expect(result.alerts).toEqual([{ fingerprint: "c6a3b1e0f0d4a2b1", outcome: "opened", incidentId: expect.any(String), reference: "INC-1" }]);
    const incident = await getIncident(team.owner.actor, result.alerts[0].incidentId!);
    expect(incident).toMatchObject({
      title: "CheckoutErrorRate: 5xx above 5 % for 5 minutes",
      summary: "checkout-api answers 7.2 % 5xx in eu-west-1.",
      severity: "SEV2",
      status: "TRIAGE",
      declaredVia: "alertmanager",
      times: { detectedAt: "2026-11-28T09:38:12.123Z", impactStartedAt: null },
      services: [expect.objectContaining({ slug: "checkout-api" })],
      alerts: [expect.objectContaining({ fingerprint: "c6a3b1e0f0d4a2b1", status: "firing" })],
    });
    const timeline = await listTimeline(team.owner.actor, incident.id);
    expect(timeline.map((event) => [event.type, event.source])).toEqual([
      ["ALERT", "alertmanager"],
      ["DECLARED", "alertmanager"],
    ]);
  });

  it("strips NUL and lone surrogates from labels, annotations and the receiver instead of refusing the notification", async () => {
    const { team, token } = await tokenTeam();
    const payload = {
      ...alertmanagerPayload({
        alerts: [alert("nul\u0000fp", { labels: { alertname: "Disk\u0000Full", "sev\u0000erity": "warning", service: "checkout-api" }, annotations: { summary: "disk \ud800full\u0000" } })],
      }),
      receiver: "portal\u0000",
    };
    const result = await receiveAlertmanagerNotification(token, payload);
    expect(result.alerts).toEqual([expect.objectContaining({ fingerprint: "nulfp", outcome: "opened" })]);
    const incident = await getIncident(team.owner.actor, result.alerts[0].incidentId!);
    expect(incident.title).toBe("DiskFull: disk \ufffdfull");
    expect(incident.severity).toBe("SEV4");
  });

  it("deduplicates by fingerprint: a repeat adds nothing, another alert of the group joins, a resolved alert adds an event and leaves the incident open", async () => {
    const { team, token } = await tokenTeam();
    const first = await receiveAlertmanagerNotification(token, alertmanagerPayload());
    const incidentId = first.alerts[0].incidentId!;
    const eventsAfterFirst = (await listTimeline(team.owner.actor, incidentId)).length;

    // Alertmanager repeats the same firing alert every repeat_interval.
    const repeat = await receiveAlertmanagerNotification(token, alertmanagerPayload());
    expect(repeat.alerts).toEqual([expect.objectContaining({ outcome: "repeated", incidentId })]);
    expect((await listTimeline(team.owner.actor, incidentId)).length).toBe(eventsAfterFirst);

    // The group grows: the new alert joins the incident its sibling is on.
    const grown = await receiveAlertmanagerNotification(token, alertmanagerPayload({ alerts: [alert("c6a3b1e0f0d4a2b1"), alert("second-fp", { labels: { alertname: "CheckoutLatency", severity: "warning" }, annotations: {} })] }));
    expect(grown.alerts.map((entry) => [entry.fingerprint, entry.outcome, entry.incidentId])).toEqual([
      ["c6a3b1e0f0d4a2b1", "repeated", incidentId],
      ["second-fp", "added", incidentId],
    ]);

    // Resolved: an event; the incident stays where a person left it.
    await transitionIncident(team.owner.actor, incidentId, { to: "INVESTIGATING" });
    const resolved = await receiveAlertmanagerNotification(
      token,
      alertmanagerPayload({ status: "resolved", alerts: [alert("c6a3b1e0f0d4a2b1", { status: "resolved", endsAt: "2026-11-28T10:05:00Z" })] }),
    );
    expect(resolved.alerts).toEqual([expect.objectContaining({ outcome: "resolved", incidentId })]);
    const incident = await getIncident(team.owner.actor, incidentId);
    expect(incident.status).toBe("INVESTIGATING");
    expect(incident.alerts.find((entry) => entry.fingerprint === "c6a3b1e0f0d4a2b1")).toMatchObject({ status: "resolved", endsAt: "2026-11-28T10:05:00.000Z" });
    expect(await alertEvents(team.owner.actor, incidentId)).toEqual([
      "Firing: CheckoutErrorRate: 5xx above 5 % for 5 minutes. checkout-api answers 7.2 % 5xx in eu-west-1.",
      "Firing: CheckoutLatency",
      "Resolved: CheckoutErrorRate: 5xx above 5 % for 5 minutes. checkout-api answers 7.2 % 5xx in eu-west-1.",
    ]);

    // It fires again while the incident is still open: the same incident, marked as firing again.
    const refired = await receiveAlertmanagerNotification(token, alertmanagerPayload({ alerts: [alert("c6a3b1e0f0d4a2b1", { startsAt: "2026-11-28T10:30:00Z" })] }));
    expect(refired.alerts).toEqual([expect.objectContaining({ outcome: "refired", incidentId })]);
    expect((await alertEvents(team.owner.actor, incidentId)).at(-1)).toMatch(/^Firing again: /);
    expect(await getDb().incident.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("opens a new incident once the matching one is resolved, and ignores a resolved alert it never saw", async () => {
    const { team, token } = await tokenTeam();
    const first = await receiveAlertmanagerNotification(token, alertmanagerPayload());
    const incidentId = first.alerts[0].incidentId!;
    await transitionIncident(team.owner.actor, incidentId, { to: "INVESTIGATING" });
    await transitionIncident(team.owner.actor, incidentId, { to: "RESOLVED" });
    const again = await receiveAlertmanagerNotification(token, alertmanagerPayload({ alerts: [alert("c6a3b1e0f0d4a2b1", { startsAt: "2026-11-28T12:00:00Z" })] }));
    expect(again.alerts[0]).toMatchObject({ outcome: "opened", reference: "INC-2" });
    expect(again.alerts[0].incidentId).not.toBe(incidentId);

    const unknown = await receiveAlertmanagerNotification(token, alertmanagerPayload({ status: "resolved", alerts: [alert("never-seen", { status: "resolved", endsAt: "2026-11-28T10:05:00Z" })] }));
    expect(unknown.alerts).toEqual([{ fingerprint: "never-seen", outcome: "ignored", incidentId: null, reference: null }]);
    expect(await getDb().incident.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("opens one incident for the unmatched alerts of one notification, at the most severe of their severities, and notes a service label that matches nothing", async () => {
    const { team, token } = await tokenTeam();
    const result = await receiveAlertmanagerNotification(
      token,
      alertmanagerPayload({
        alerts: [
          alert("a", { labels: { alertname: "DiskFilling", severity: "warning", service: "unknown-svc" }, annotations: {} }),
          alert("b", { labels: { alertname: "NodeDown", severity: "sev1" }, annotations: {} }),
        ],
      }),
    );
    const ids = new Set(result.alerts.map((entry) => entry.incidentId));
    expect(ids.size).toBe(1);
    const incident = await getIncident(team.owner.actor, [...ids][0]!);
    expect(incident).toMatchObject({ severity: "SEV1", title: "DiskFilling (+1 more alert)", services: [] });
    expect(await alertEvents(team.owner.actor, incident.id)).toContain("Firing: DiskFilling (its service label “unknown-svc” matches no service in the catalog)");
  });

  it("answers a malformed payload with a 422 and creates nothing", async () => {
    const { team, token } = await tokenTeam();
    for (const payload of [{}, { ...alertmanagerPayload(), alerts: [{ status: "firing" }] }, { ...alertmanagerPayload(), version: "2" }, "not json at all"]) {
      await expect(receiveAlertmanagerNotification(token, payload)).rejects.toBeInstanceOf(InvalidError);
    }
    const error = await receiveAlertmanagerNotification(token, { ...alertmanagerPayload(), alerts: [alert("")] }).catch((caught: InvalidError) => caught);
    expect(error).toMatchObject({ message: "The Alertmanager payload is malformed", issues: [expect.objectContaining({ path: ["alerts", 0, "fingerprint"] })] });
    expect(await getDb().incident.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("keeps fingerprints apart between teams", async () => {
    const a = await tokenTeam();
    const b = await tokenTeam();
    const fromA = await receiveAlertmanagerNotification(a.token, alertmanagerPayload());
    const fromB = await receiveAlertmanagerNotification(b.token, alertmanagerPayload());
    expect(fromB.alerts[0]).toMatchObject({ outcome: "opened", reference: "INC-1" });
    expect(fromB.alerts[0].incidentId).not.toBe(fromA.alerts[0].incidentId);
    // A signed-in user must name a team they are in.
    await expect(receiveAlertmanagerNotification(a.team.owner.actor, alertmanagerPayload())).rejects.toBeInstanceOf(InvalidError);
    await expect(receiveAlertmanagerNotification(a.team.owner.actor, alertmanagerPayload(), { team: b.team.slug })).rejects.toBeInstanceOf(NotFoundError);
  });
});
