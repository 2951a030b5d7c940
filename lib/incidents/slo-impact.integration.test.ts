// The SLO link against real PostgreSQL: known samples in and around an incident's window give a known share
// of the error budget, summed from minutes, hourly and daily rollups; the SLO charts' incident markers.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as sloImpactRoute } from "@/app/api/v1/incidents/[id]/slo-impact/route";
import { incidentSloImpactSchema } from "@/lib/incidents/api-schemas";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { declareIncident } from "@/lib/incidents/incidents.server";
import { generatePostmortem } from "@/lib/incidents/postmortems.server";
import { getIncidentSloImpact, listSloIncidentMarkers } from "@/lib/incidents/slo-impact.server";
import { toEpochMinute, type MinuteSample } from "@/lib/slo/math";
import { writeSamples } from "@/lib/slo/samples.server";
import { createSlo } from "@/lib/slo/slos.server";
import { createService } from "@/lib/services/services.server";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const impactStart = new Date("2026-11-20T09:31:30Z");
const mitigated = new Date("2026-11-20T10:31:00Z");
const resolved = new Date("2026-11-20T11:00:00Z");

async function fixture() {
  const team = await makeTeam({ members: ["MEMBER"] });
  const actor = team.members.MEMBER!.actor;
  const service = await createService(team.owner.actor, team.slug, { name: "Checkout", slug: "checkout", tier: 1, lifecycle: "PRODUCTION" });
  const other = await createService(team.owner.actor, team.slug, { name: "Ledger", slug: "ledger", tier: 2, lifecycle: "PRODUCTION" });
  const slo = await createSlo(team.owner.actor, { serviceId: service.id, name: "Availability", slug: "availability", sliKind: "RATIO", goodQuery: 'http_requests_total{code!~"5.."}', totalQuery: "http_requests_total", objective: 99.9, windowDays: 7 });
  const empty = await createSlo(team.owner.actor, { serviceId: service.id, name: "Latency", slug: "latency", sliKind: "LATENCY", latencyMetric: "http_request_duration_seconds", latencyThresholdMs: 300, objective: 99, windowDays: 30 });
  const unaffected = await createSlo(team.owner.actor, { serviceId: other.id, name: "Writes", slug: "writes", sliKind: "RATIO", goodQuery: 'writes_total{ok="true"}', totalQuery: "writes_total", objective: 99, windowDays: 7 });

  // The 7-day window ending with the incident's last minute (10:30): 1,000 events a minute, all good except
  // 100 bad a minute during the incident's 60 minutes (09:31–10:30). Outside it, bad minutes that must not count.
  const end = toEpochMinute(mitigated); // exclusive
  const incidentFrom = toEpochMinute(impactStart);
  const samples: MinuteSample[] = [];
  for (let minute = end - 7 * 1440 - 30; minute < end + 30; minute++) {
    const during = minute >= incidentFrom && minute < end;
    const inWindow = minute >= end - 7 * 1440 && minute < end;
    samples.push({ minute, total: 1000, good: during ? 900 : inWindow ? 1000 : 500 });
  }
  for (let start = 0; start < samples.length; start += 10_000) await getDb().$transaction((tx) => writeSamples(tx, slo.id, samples.slice(start, start + 10_000)));

  const incident = await declareIncident(actor, { team: team.slug, title: "Checkout errors", severity: "SEV2", services: ["checkout"], impactStartedAt: impactStart, detectedAt: new Date("2026-11-20T09:38:00Z") }, { now: new Date("2026-11-20T09:40:00Z") });
  await getDb().incident.update({ where: { id: incident.id }, data: { mitigatedAt: mitigated, resolvedAt: resolved, status: "RESOLVED" } });
  return { team, actor, slo, empty, unaffected, incident };
}

describe("the error budget an incident consumed", () => {
  it("is the incident's bad events over the budget of the SLO window ending with it, per affected SLO", async () => {
    const { actor, slo, empty, unaffected, incident } = await fixture();
    const impact = await getIncidentSloImpact(actor, incident.id);
    expect(impact.window).toEqual({ from: impactStart.toISOString(), to: mitigated.toISOString(), open: false });
    expect(impact.slos.map((entry) => entry.sloId).sort()).toEqual([slo.id, empty.id].sort());
    expect(impact.slos.some((entry) => entry.sloId === unaffected.id)).toBe(false);
    const measured = impact.slos.find((entry) => entry.sloId === slo.id)!;
    expect(measured).toMatchObject({ serviceName: "Checkout", sloName: "Availability", good: 54_000, total: 60_000 });
    // Budget: 0.1 % of 10,080,000 events = 10,080; bad: 6,000 → 59.52 %; of 10.08 allowed bad minutes → 6.
    expect(measured.budgetConsumedPercent).toBeCloseTo((6_000 / 10_080) * 100, 6);
    expect(measured.badMinutes).toBeCloseTo(6, 6);
    expect(impact.slos.find((entry) => entry.sloId === empty.id)).toMatchObject({ budgetConsumedPercent: null, badMinutes: null, total: 0 });
  });

  it("goes into the postmortem draft's impact section", async () => {
    const { actor, incident } = await fixture();
    const postmortem = await generatePostmortem(actor, incident.id);
    expect(postmortem.markdown).toContain("  - Checkout, Availability: 59.5 % of the error budget (6.0 bad minutes)");
    expect(postmortem.markdown).toContain("  - Checkout, Latency: no data for the incident window");
  });

  it("is not found for another team", async () => {
    const { incident } = await fixture();
    const outsider = await makeTeam();
    await expect(getIncidentSloImpact(outsider.owner.actor, incident.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("GET /api/v1/incidents/{id}/slo-impact", () => {
  function call(id: string, secret: string) {
    return sloImpactRoute(new NextRequest(`http://localhost/api/v1/incidents/${id}/slo-impact`, { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({ id }) });
  }

  it("answers the budget per affected SLO in the documented shape, and 404 across teams", async () => {
    const { team, slo, incident } = await fixture();
    const { secret } = await createToken(team.owner.actor, team.slug, { name: "bot" });
    const response = await call(incident.id, secret);
    expect(response.status).toBe(200);
    const body = incidentSloImpactSchema.parse(await response.json());
    expect(body.window).toEqual({ from: impactStart.toISOString(), to: mitigated.toISOString(), open: false });
    expect(body.slos.find((entry) => entry.sloId === slo.id)?.badMinutes).toBeCloseTo(6, 6);

    const outsider = await makeTeam();
    const { secret: outsiderSecret } = await createToken(outsider.owner.actor, outsider.slug, { name: "bot" });
    const hidden = await call(incident.id, outsiderSecret);
    expect(hidden.status).toBe(404);
    expect((await call("no-such-incident", secret)).status).toBe(404);
  });
});

describe("incident markers on an SLO's charts", () => {
  it("lists the incidents on the SLO's service inside its window, not cancelled ones or other services'", async () => {
    const { team, actor, slo, unaffected, incident } = await fixture();
    const cancelled = await declareIncident(actor, { team: team.slug, title: "False alarm", severity: "SEV4", services: ["checkout"] }, { now: new Date("2026-11-20T12:00:00Z") });
    await getDb().incident.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    const now = new Date("2026-11-21T12:00:00Z");
    const markers = await listSloIncidentMarkers(actor, slo.id, now);
    expect(markers).toEqual([
      { id: incident.id, reference: incident.reference, title: "Checkout errors", severity: "SEV2", status: "RESOLVED", from: impactStart.toISOString(), to: mitigated.toISOString(), open: false },
    ]);
    expect(await listSloIncidentMarkers(actor, unaffected.id, now)).toEqual([]);
    // Eight days later the incident has left the 7-day window.
    expect(await listSloIncidentMarkers(actor, slo.id, new Date("2026-11-28T12:00:00Z"))).toEqual([]);
    const outsider = await makeTeam();
    await expect(listSloIncidentMarkers(outsider.owner.actor, slo.id, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
