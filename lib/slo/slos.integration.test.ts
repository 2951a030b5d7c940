import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/audit/audit.server";
import { createService } from "@/lib/services/services.server";
import { ingestSamples } from "@/lib/slo/samples.server";
import { createSlo, createSlosFromSpecs, deleteSlo, getSlo, listSloDefinitions, updateSlo } from "@/lib/slo/slos.server";
import type { SloSpec } from "@/lib/slo/schema";
import { makeTeam } from "@/lib/testing/factories";

const availability: SloSpec = { name: "Availability", slug: "availability", sliKind: "RATIO", goodQuery: 'http_requests_total{code!~"5.."}', totalQuery: "http_requests_total", objective: 99.9, windowDays: 30 };
const latency: SloSpec = { name: "Latency under 300 ms", slug: "latency", sliKind: "LATENCY", latencyMetric: 'http_request_duration_seconds{route="/pay"}', latencyThresholdMs: 300, objective: 99, windowDays: 28, alerting: false };

async function serviceFixture(members: ("MEMBER" | "VIEWER" | "MAINTAINER")[] = []) {
  const team = await makeTeam({ members });
  const service = await createService(team.owner.actor, team.slug, { name: "Payments", slug: "payments", tier: 1, lifecycle: "PRODUCTION" });
  return { team, service };
}

describe("SLO definitions", () => {
  it("are created with kind-specific fields only, and audited", async () => {
    const { team, service } = await serviceFixture();
    const slo = await createSlo(team.owner.actor, { ...latency, goodQuery: "ignored_total", serviceId: service.id });
    expect(slo).toMatchObject({ sliKind: "LATENCY", latencyThresholdMs: 300, goodQuery: null, totalQuery: null, objective: 99, windowDays: 28, alerting: false, teamId: team.id });
    expect((await listAuditEvents(team.owner.actor, team.slug))[0]).toMatchObject({ action: "slo.created", targetId: slo.id });
  });

  it("need the fields of their kind, a valid objective, window and selectors", async () => {
    const { team, service } = await serviceFixture();
    const error = await createSlo(team.owner.actor, { serviceId: service.id, name: "A", slug: "a", sliKind: "RATIO", goodQuery: "rate(x[5m])", objective: 100, windowDays: 14 }).catch((caught) => caught);
    expect(error).toBeInstanceOf(InvalidError);
    expect([...new Set(error.issues.map((issue: { path: string[] }) => issue.path.join(".")))].sort()).toEqual(["goodQuery", "name", "objective", "slug", "totalQuery", "windowDays"]);
    const histogram = await createSlo(team.owner.actor, { ...latency, latencyMetric: "http_request_duration_seconds_bucket", serviceId: service.id }).catch((caught) => caught);
    expect(histogram.issues).toEqual([{ path: ["latencyMetric"], code: "custom", message: expect.stringContaining("base name") }]);
    expect(await getDb().slo.count({ where: { serviceId: service.id } })).toBe(0);
  });

  it("are invisible across teams and read-only for viewers", async () => {
    const { team, service } = await serviceFixture(["VIEWER"]);
    const outsider = await makeTeam();
    const slo = await createSlo(team.owner.actor, { ...availability, serviceId: service.id });
    await expect(getSlo(outsider.owner.actor, slo.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSlo(outsider.owner.actor, slo.id, { objective: 90 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createSlo(outsider.owner.actor, { ...availability, slug: "sneaky", serviceId: service.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listSloDefinitions(outsider.owner.actor, { teamSlug: team.slug })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSlo(team.members.VIEWER!.actor, slo.id, { objective: 90 })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getSlo(team.members.VIEWER!.actor, slo.id)).objective).toBe(99.9);
  });

  it("change with the whole definition re-validated, and refuse stale versions", async () => {
    const { team, service } = await serviceFixture();
    const slo = await createSlo(team.owner.actor, { ...availability, serviceId: service.id });
    const changed = await updateSlo(team.owner.actor, slo.id, { sliKind: "LATENCY", latencyMetric: "rpc_duration_seconds", latencyThresholdMs: 150, updatedAt: slo.updatedAt.toISOString() });
    expect(changed).toMatchObject({ sliKind: "LATENCY", goodQuery: null, totalQuery: null, latencyMetric: "rpc_duration_seconds" });
    await expect(updateSlo(team.owner.actor, slo.id, { objective: 95, updatedAt: slo.updatedAt.toISOString() })).rejects.toBeInstanceOf(ConflictError);
    const taken = await createSlo(team.owner.actor, { ...latency, serviceId: service.id });
    await expect(updateSlo(team.owner.actor, taken.id, { slug: "availability" })).rejects.toMatchObject({ issues: [{ path: ["slug"] }] });
  });

  it("are deleted with their samples and rollups, by maintainers only", async () => {
    const { team, service } = await serviceFixture(["MEMBER", "MAINTAINER"]);
    const slo = await createSlo(team.owner.actor, { ...availability, serviceId: service.id });
    await ingestSamples(team.members.MEMBER!.actor, slo.id, [{ timestamp: new Date(Date.now() - 60_000).toISOString(), good: 1, total: 1 }]);
    await expect(deleteSlo(team.members.MEMBER!.actor, slo.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteSlo(team.members.MAINTAINER!.actor, slo.id);
    expect(await getDb().sloSample.count({ where: { sloId: slo.id } })).toBe(0);
    expect(await getDb().sloSampleHour.count({ where: { sloId: slo.id } })).toBe(0);
  });

  it("take their samples with them when the whole team goes", async () => {
    const { team, service } = await serviceFixture();
    const slo = await createSlo(team.owner.actor, { ...availability, serviceId: service.id });
    await ingestSamples(team.owner.actor, slo.id, [{ timestamp: new Date(Date.now() - 60_000).toISOString(), good: 1, total: 1 }]);
    await getDb().team.delete({ where: { id: team.id } });
    expect(await getDb().sloSample.count({ where: { sloId: slo.id } })).toBe(0);
  });
});

describe("createSlosFromSpecs (adoption from an SRE request)", () => {
  it("creates every spec in one transaction, audited with where they came from", async () => {
    const { team, service } = await serviceFixture(["MEMBER"]);
    const created = await createSlosFromSpecs(team.members.MEMBER!.actor, service.id, [availability, latency], { kind: "request", id: "req_123" });
    expect(created.map((slo) => slo.slug)).toEqual(["availability", "latency"]);
    const events = await listAuditEvents(team.owner.actor, team.slug);
    expect(events.filter((event) => event.action === "slo.created").map((event) => (event.details as { adoptedFrom?: unknown }).adoptedFrom)).toEqual([
      { kind: "request", id: "req_123" },
      { kind: "request", id: "req_123" },
    ]);
  });

  it("creates none when any spec is invalid, and says which spec and field", async () => {
    const { team, service } = await serviceFixture();
    const error = await createSlosFromSpecs(team.owner.actor, service.id, [availability, { ...latency, objective: 42 }, { ...latency, slug: "availability", latencyThresholdMs: undefined }]).catch((caught) => caught);
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.message).toBe("2 of 3 SLO specs are invalid; none was created");
    expect(error.issues.map((issue: { path: (string | number)[] }) => issue.path.join("."))).toEqual(["1.objective", "2.latencyThresholdMs", "2.slug"]);
    expect(await getDb().slo.count({ where: { serviceId: service.id } })).toBe(0);
  });

  it("creates none when a slug is taken on the service", async () => {
    const { team, service } = await serviceFixture();
    await createSlo(team.owner.actor, { ...latency, serviceId: service.id });
    const error = await createSlosFromSpecs(team.owner.actor, service.id, [availability, latency]).catch((caught) => caught);
    expect(error.issues).toEqual([{ path: [1, "slug"], message: expect.stringContaining("latency") }]);
    expect((await getDb().slo.findMany({ where: { serviceId: service.id } })).map((slo) => slo.slug)).toEqual(["latency"]);
  });

  it("respects team isolation and roles", async () => {
    const { team, service } = await serviceFixture(["VIEWER"]);
    const outsider = await makeTeam();
    await expect(createSlosFromSpecs(outsider.owner.actor, service.id, [availability])).rejects.toBeInstanceOf(NotFoundError);
    await expect(createSlosFromSpecs(team.members.VIEWER!.actor, service.id, [availability])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSlosFromSpecs(team.owner.actor, service.id, [])).rejects.toBeInstanceOf(InvalidError);
  });
});
