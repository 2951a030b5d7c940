// The SLO and service endpoints through their route handlers: ingestion rules one by one, idempotency,
// all-or-nothing batches, token scope, roles, reports, series and exports.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { GET as getServices, POST as postService } from "@/app/api/v1/services/route";
import { DELETE as deleteServiceRoute, GET as getServiceRoute, PATCH as patchService } from "@/app/api/v1/services/[id]/route";
import { GET as getServiceSlos, POST as postSlo } from "@/app/api/v1/services/[id]/slos/route";
import { GET as getServiceExport } from "@/app/api/v1/services/[id]/export/route";
import { DELETE as deleteSloRoute, GET as getSloRoute, PATCH as patchSlo } from "@/app/api/v1/slos/[id]/route";
import { POST as postSamples } from "@/app/api/v1/slos/[id]/samples/route";
import { GET as getSeries } from "@/app/api/v1/slos/[id]/series/route";
import { GET as getSloExport } from "@/app/api/v1/slos/[id]/export/route";
import { GET as getTeamSlos } from "@/app/api/v1/teams/[slug]/slos/route";
import { GET as getTeamExport } from "@/app/api/v1/teams/[slug]/slos/export/route";
import { getDb } from "@/lib/db/client";
import { ingestResultSchema, serviceSchema, sloDefinitionSchema, sloListSchema, sloSeriesSchema, sloWithReportSchema } from "@/lib/slo/api-schemas";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });
const noParams = params({});

function request(path: string, options: { method?: string; token?: string; body?: unknown; rawBody?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}

/** A team with a member's token, a viewer's token and a service with one 30-day 99.9 % SLO. */
async function fixture() {
  const team = await makeTeam({ members: ["MEMBER", "VIEWER", "MAINTAINER"] });
  const { secret: token } = await createToken(team.owner.actor, team.slug, { name: "exporter" });
  const created = await postService(request("/services", { method: "POST", token, body: { name: "Checkout API", slug: "checkout-api", tier: 1, lifecycle: "PRODUCTION" } }), noParams);
  expect(created.status).toBe(201);
  const service = serviceSchema.parse((await created.json()).service);
  const sloResponse = await postSlo(
    request(`/services/${service.id}/slos`, {
      method: "POST",
      token,
      body: { name: "Availability", slug: "availability", sliKind: "RATIO", goodQuery: 'http_requests_total{code!~"5.."}', totalQuery: "http_requests_total", objective: 99.9, windowDays: 30 },
    }),
    params({ id: service.id }),
  );
  expect(sloResponse.status).toBe(201);
  const slo = sloDefinitionSchema.parse((await sloResponse.json()).slo);
  return { team, token, service, slo };
}

const minuteAgo = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000).toISOString();

async function push(sloId: string, token: string, body: unknown) {
  return postSamples(request(`/slos/${sloId}/samples`, { method: "POST", token, body }), params({ id: sloId }));
}

async function storedMinutes(sloId: string) {
  const rows = await getDb().sloSample.findMany({ where: { sloId }, orderBy: { minute: "asc" } });
  return rows.map((row) => ({ minute: row.minute.toISOString(), good: Number(row.good), total: Number(row.total) }));
}

describe("POST /api/v1/slos/{id}/samples", () => {
  it("stores a batch, truncating times to the minute, and the report sees it", async () => {
    const { token, slo } = await fixture();
    const response = await push(slo.id, token, [
      { timestamp: minuteAgo(2).replace(":00.000Z", ":41.500Z"), good: 990, total: 1000 },
      { timestamp: Date.parse(minuteAgo(1)) / 1000 + 5, good: 1000, total: 1000 },
    ]);
    expect(response.status).toBe(200);
    expect(ingestResultSchema.parse(await response.json())).toEqual({ stored: 2, from: minuteAgo(2), to: minuteAgo(1) });
    expect(await storedMinutes(slo.id)).toEqual([
      { minute: minuteAgo(2), good: 990, total: 1000 },
      { minute: minuteAgo(1), good: 1000, total: 1000 },
    ]);
    const report = sloWithReportSchema.parse(await (await getSloRoute(request(`/slos/${slo.id}`, { token }), params({ id: slo.id }))).json()).report;
    expect(report).toMatchObject({ good: 1990, total: 2000, sli: 0.995 });
    expect(report.status).toBe("exhausted"); // 0.5 % bad against a 0.1 % budget
  });

  it("is idempotent: sending a minute again replaces it instead of adding to it", async () => {
    const { token, slo } = await fixture();
    const batch = [
      { timestamp: minuteAgo(3), good: 90, total: 100 },
      { timestamp: minuteAgo(2), good: 95, total: 100 },
    ];
    expect((await push(slo.id, token, batch)).status).toBe(200);
    expect((await push(slo.id, token, batch)).status).toBe(200);
    expect((await push(slo.id, token, [{ timestamp: minuteAgo(2), good: 100, total: 100 }])).status).toBe(200);
    expect(await storedMinutes(slo.id)).toEqual([
      { minute: minuteAgo(3), good: 90, total: 100 },
      { minute: minuteAgo(2), good: 100, total: 100 },
    ]);
    const hours = await getDb().sloSampleHour.findMany({ where: { sloId: slo.id } });
    expect(hours.reduce((sum, hour) => sum + Number(hour.total), 0)).toBe(200);
    expect(hours.reduce((sum, hour) => sum + Number(hour.good), 0)).toBe(190);
  });

  // Times are made when the test runs, not when the file loads: on a busy machine a minute can pass between.
  it.each([
    ["good > total", () => ({ good: 11, total: 10 }), [1, "good"], "good_exceeds_total"],
    ["a negative count", () => ({ good: -1, total: 10 }), [1, "good"], "negative"],
    ["a non-integer count", () => ({ good: 5, total: 10.5 }), [1, "total"], "not_integer"],
    ["a time more than 5 minutes ahead", () => ({ timestamp: minuteAgo(-7), good: 1, total: 1 }), [1, "timestamp"], "future"],
    ["a time older than the window", () => ({ timestamp: minuteAgo(30 * 1_440 + 5), good: 1, total: 1 }), [1, "timestamp"], "too_old"],
    ["a duplicate minute", (first: string) => ({ timestamp: first, good: 1, total: 1 }), [1, "timestamp"], "duplicate_minute"],
  ])("rejects the whole batch for %s, with the bad item's index and reason, and stores nothing", async (_, item, path, code) => {
    const { token, slo } = await fixture();
    const first = minuteAgo(10);
    const response = await push(slo.id, token, [
      { timestamp: first, good: 5, total: 5 },
      { timestamp: minuteAgo(9), ...item(first) },
      { timestamp: minuteAgo(8), good: 5, total: 5 },
    ]);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toContain("nothing was stored");
    expect(body.error.issues).toEqual([{ path, code, message: expect.any(String) }]);
    expect(await storedMinutes(slo.id)).toEqual([]);
  });

  it("names every bad item of a batch", async () => {
    const { token, slo } = await fixture();
    const response = await push(slo.id, token, [
      { timestamp: minuteAgo(4), good: 7, total: 3 },
      { timestamp: minuteAgo(3), good: 1, total: 1 },
      { timestamp: "not a time", good: 1, total: 1 },
    ]);
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual([[0, "good"], [2, "timestamp"]]);
  });

  it("answers 413 past 10,000 samples and past the byte limit, 400 for malformed JSON", async () => {
    const { token, slo } = await fixture();
    const tooMany = Array.from({ length: 10_001 }, (_, index) => ({ timestamp: minuteAgo(index), good: 1, total: 1 }));
    const response = await push(slo.id, token, tooMany);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
    const huge = await postSamples(request(`/slos/${slo.id}/samples`, { method: "POST", token, rawBody: `[${" ".repeat(4_000_001)}]` }), params({ id: slo.id }));
    expect(huge.status).toBe(413);
    const malformed = await postSamples(request(`/slos/${slo.id}/samples`, { method: "POST", token, rawBody: "[{" }), params({ id: slo.id }));
    expect(malformed.status).toBe(400);
    expect(await storedMinutes(slo.id)).toEqual([]);
  });

  it("accepts exactly 10,000 samples in one call", async () => {
    const { token, slo } = await fixture();
    const batch = Array.from({ length: 10_000 }, (_, index) => ({ timestamp: minuteAgo(index), good: 9, total: 10 }));
    const response = await push(slo.id, token, batch);
    expect(response.status).toBe(200);
    expect((await response.json()).stored).toBe(10_000);
    expect(await getDb().sloSample.count({ where: { sloId: slo.id } })).toBe(10_000);
  });

  it("answers 404 to another team's token, exactly as for an SLO that does not exist", async () => {
    const { slo } = await fixture();
    const other = await makeTeam();
    const { secret: otherToken } = await createToken(other.owner.actor, other.slug, { name: "theirs" });
    const response = await push(slo.id, otherToken, [{ timestamp: minuteAgo(1), good: 1, total: 1 }]);
    expect(response.status).toBe(404);
    const missing = await push("no-such-slo", otherToken, [{ timestamp: minuteAgo(1), good: 1, total: 1 }]);
    expect(missing.status).toBe(404);
    expect(await response.json()).toEqual(await missing.json());
    expect(await storedMinutes(slo.id)).toEqual([]);
    for (const route of [
      getSloRoute(request(`/slos/${slo.id}`, { token: otherToken }), params({ id: slo.id })),
      getSeries(request(`/slos/${slo.id}/series`, { token: otherToken }), params({ id: slo.id })),
      getSloExport(request(`/slos/${slo.id}/export?format=sloth`, { token: otherToken }), params({ id: slo.id })),
      patchSlo(request(`/slos/${slo.id}`, { method: "PATCH", token: otherToken, body: { objective: 99 } }), params({ id: slo.id })),
    ]) {
      expect((await route).status).toBe(404);
    }
  });

  it("answers 401 without credentials and 403 to a viewer", async () => {
    const { team, slo } = await fixture();
    expect((await push(slo.id, "", [])).status).toBe(401);
    const { ingestSamples } = await import("@/lib/slo/samples.server");
    const error = await ingestSamples(team.members.VIEWER!.actor, slo.id, [{ timestamp: minuteAgo(1), good: 1, total: 1 }]).catch((caught) => caught);
    expect(error.code).toBe("forbidden");
  });
});

describe("reports, series and lists", () => {
  it("lists a team's and a service's SLOs worst first, each with its report", async () => {
    const { token, service, slo } = await fixture();
    const second = await postSlo(
      request(`/services/${service.id}/slos`, { method: "POST", token, body: { name: "Latency", slug: "latency", sliKind: "LATENCY", latencyMetric: "http_request_duration_seconds", latencyThresholdMs: 300, objective: 99, windowDays: 28 } }),
      params({ id: service.id }),
    );
    const latency = sloDefinitionSchema.parse((await second.json()).slo);
    await push(latency.id, token, [{ timestamp: minuteAgo(1), good: 100, total: 100 }]);
    const team = sloListSchema.parse(await (await getTeamSlos(request(`/teams/${slo.team.slug}/slos`, { token }), params({ slug: slo.team.slug }))).json());
    expect(team.slos.map((entry) => [entry.slo.slug, entry.report.status])).toEqual([
      ["availability", "nodata"],
      ["latency", "healthy"],
    ]);
    const byService = sloListSchema.parse(await (await getServiceSlos(request(`/services/${service.id}/slos`, { token }), params({ id: service.id }))).json());
    expect(byService.slos).toHaveLength(2);
  });

  it("serves downsampled series, and 422 for an unknown range", async () => {
    const { token, slo } = await fixture();
    await push(slo.id, token, [{ timestamp: minuteAgo(3), good: 9, total: 10 }]);
    const response = await getSeries(request(`/slos/${slo.id}/series?range=6h`, { token }), params({ id: slo.id }));
    const series = sloSeriesSchema.parse(await response.json());
    expect(series.sli).toHaveLength(180);
    expect(series.sli.reduce((sum, point) => sum + point.total, 0)).toBe(10);
    expect(series.burndown.length).toBeLessThanOrEqual(241);
    const bad = await getSeries(request(`/slos/${slo.id}/series?range=1y`, { token }), params({ id: slo.id }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toEqual(["range"]);
  });
});

describe("exports", () => {
  it("serve YAML for an SLO, a service and a team, and 422 for an unknown format", async () => {
    const { token, service, slo } = await fixture();
    const one = await getSloExport(request(`/slos/${slo.id}/export?format=prometheus`, { token }), params({ id: slo.id }));
    expect(one.status).toBe(200);
    expect(one.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(one.headers.get("content-disposition")).toBe(`attachment; filename="${slo.team.slug}-checkout-api-availability.rules.yaml"`);
    const rules = parseYaml(await one.text());
    expect(rules.groups.map((group: { name: string }) => group.name)).toEqual([
      `slo-${slo.team.slug}-checkout-api-availability-sli-recordings`,
      `slo-${slo.team.slug}-checkout-api-availability-meta-recordings`,
      `slo-${slo.team.slug}-checkout-api-availability-alerts`,
    ]);
    const openslo = await getServiceExport(request(`/services/${service.id}/export?format=openslo`, { token }), params({ id: service.id }));
    expect(parseAllDocuments(await openslo.text()).map((document) => document.toJS().kind)).toEqual(["Service", "SLO"]);
    const sloth = await getTeamExport(request(`/teams/${slo.team.slug}/slos/export?format=sloth`, { token }), params({ slug: slo.team.slug }));
    expect(parseYaml(await sloth.text())).toMatchObject({ version: "prometheus/v1", service: "checkout-api", slos: [{ name: "availability", objective: 99.9 }] });
    const unknown = await getSloExport(request(`/slos/${slo.id}/export?format=nagios`, { token }), params({ id: slo.id }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.issues[0].path).toEqual(["format"]);
  });
});

describe("services and SLO definitions over the API", () => {
  it("validates with field paths, changes with a version check, and deletes with its SLOs and samples", async () => {
    const { team, token, service, slo } = await fixture();
    const invalid = await postService(request("/services", { method: "POST", token, body: { name: "x", slug: "Bad Slug", tier: 9, lifecycle: "LIVE", repoUrl: "ftp://nope" } }), noParams);
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.issues.map((issue: { path: string[] }) => issue.path.join("."))).toEqual(expect.arrayContaining(["name", "slug", "tier", "lifecycle", "repoUrl"]));
    const duplicate = await postService(request("/services", { method: "POST", token, body: { name: "Again", slug: "checkout-api", tier: 2, lifecycle: "PRODUCTION" } }), noParams);
    expect(duplicate.status).toBe(422);
    expect((await duplicate.json()).error.issues[0].path).toEqual(["slug"]);

    const changed = await patchService(request(`/services/${service.id}`, { method: "PATCH", token, body: { tier: 2, updatedAt: service.updatedAt } }), params({ id: service.id }));
    expect(changed.status).toBe(200);
    const stale = await patchService(request(`/services/${service.id}`, { method: "PATCH", token, body: { tier: 3, updatedAt: service.updatedAt } }), params({ id: service.id }));
    expect(stale.status).toBe(409);
    expect((await (await getServiceRoute(request(`/services/${service.id}`, { token }), params({ id: service.id }))).json()).service.tier).toBe(2);

    const badSlo = await patchSlo(request(`/slos/${slo.id}`, { method: "PATCH", token, body: { objective: 99.9999, sliKind: "LATENCY" } }), params({ id: slo.id }));
    expect(badSlo.status).toBe(422);
    expect((await badSlo.json()).error.issues.map((issue: { path: string[] }) => issue.path.join("."))).toEqual(expect.arrayContaining(["objective", "latencyMetric", "latencyThresholdMs"]));

    await push(slo.id, token, [{ timestamp: minuteAgo(1), good: 1, total: 1 }]);
    // Tokens act as members: deleting needs a maintainer.
    expect((await deleteSloRoute(request(`/slos/${slo.id}`, { method: "DELETE", token }), params({ id: slo.id }))).status).toBe(403);
    const { secret: listToken } = await createToken(team.owner.actor, team.slug, { name: "reader" });
    expect((await getServices(request("/services", { token: listToken }), noParams)).status).toBe(200);
    const { deleteService } = await import("@/lib/services/services.server");
    await deleteService(team.members.MAINTAINER!.actor, service.id);
    expect(await getDb().slo.count({ where: { id: slo.id } })).toBe(0);
    expect(await getDb().sloSample.count({ where: { sloId: slo.id } })).toBe(0);
    expect(await getDb().sloSampleHour.count({ where: { sloId: slo.id } })).toBe(0);
    expect(await getDb().sloSampleDay.count({ where: { sloId: slo.id } })).toBe(0);
    expect((await deleteServiceRoute(request(`/services/${service.id}`, { method: "DELETE", token }), params({ id: service.id }))).status).toBe(404);
  });
});
