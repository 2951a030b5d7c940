// The data sources API and its Test against a real Prometheus started here: 422 with paths for bad input,
// 403 within the team (tokens act as members), 404 across teams, 409 on a stale version and while an SLO
// reads from it, credentials encrypted and never returned or audited, and Test reporting `up` and the
// version — or the error of a source that is down, answers garbage or hangs.
import http from "node:http";
import { once } from "node:events";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/teams/[slug]/data-sources/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/data-sources/[id]/route";
import { POST as testRoute } from "@/app/api/v1/data-sources/[id]/test/route";
import { getDb } from "@/lib/db/client";
import { createDataSource, testDataSource, updateDataSource } from "@/lib/slo/data-sources.server";
import { sliSource } from "@/lib/integrations/registry";
import { makeTeam } from "@/lib/testing/factories";
import { startPrometheus, type RunningTool } from "@/lib/testing/prometheus";
import { createToken } from "@/lib/tokens/tokens.server";

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });

function call(path: string, token: string | null, init: { method?: string; body?: unknown; raw?: string } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

const SECRET = "prom-bearer-TopSecret-0123456789";
let prometheus: RunningTool;
let odd: http.Server;
let oddUrl: string;

beforeAll(async () => {
  prometheus = await startPrometheus();
  // A server that answers garbage on one path and never answers on another.
  odd = http.createServer((request, response) => {
    if (request.url?.startsWith("/garbage/")) response.end("<html>not prometheus</html>");
    // /hang/: keep the socket open and say nothing.
  });
  odd.listen(0, "127.0.0.1");
  await once(odd, "listening");
  oddUrl = `http://127.0.0.1:${(odd.address() as { port: number }).port}`;
}, 90_000);

afterAll(async () => {
  await prometheus?.stop();
  odd?.closeAllConnections();
  odd?.close();
});

async function setUp() {
  const team = await makeTeam({ members: ["MAINTAINER", "MEMBER"] });
  const { secret: token } = await createToken(team.owner.actor, team.slug, { name: "bot" });
  return { team, token };
}

describe("data sources API", () => {
  it("answers bad input with 422 and the field's path", async () => {
    const { team, token } = await setUp();
    const valid = { name: "Prometheus", url: prometheus.url };
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ ...valid, url: "not a url" }, ["url"]],
      [{ ...valid, url: "ftp://prometheus.example.com" }, ["url"]],
      [{ ...valid, url: "https://user:pw@prometheus.example.com" }, ["url"]],
      [{ ...valid, url: `${prometheus.url}/api/v1` }, ["url"]],
      [{ ...valid, url: `${prometheus.url}?x=1` }, ["url"]],
      [{ ...valid, name: "x" }, ["name"]],
      [{ ...valid, name: "a\u0000b" }, ["name"]],
      [{ ...valid, auth: { kind: "BEARER" } }, ["auth", "token"]],
      [{ ...valid, auth: { kind: "BASIC", username: "u" } }, ["auth", "password"]],
      [{ ...valid, auth: { kind: "KERBEROS" } }, ["auth", "kind"]],
      [{ ...valid, timeoutMs: 10 }, ["timeoutMs"]],
      [{ ...valid, tlsVerify: "maybe" }, ["tlsVerify"]],
    ];
    for (const [body, path] of cases) {
      const error = await createDataSource(team.owner.actor, team.slug, body as never).catch((caught) => caught);
      expect(error?.code, JSON.stringify(body)).toBe("invalid");
      expect(
        error.issues.map((issue: { path: unknown[] }) => issue.path),
        JSON.stringify(body),
      ).toContainEqual(path);
    }
    // Through the route: 422 before any permission question is worth asking; a broken body is 400.
    const response = await createRoute(call(`/teams/${team.slug}/data-sources`, token, { method: "POST", body: { name: "P", url: "nope" } }), params({ slug: team.slug }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues.map((issue: { path: unknown[] }) => issue.path)).toContainEqual(["url"]);
    expect((await createRoute(call(`/teams/${team.slug}/data-sources`, token, { method: "POST", raw: "{nope" }), params({ slug: team.slug }))).status).toBe(400);
    expect(await getDb().dataSource.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("maintainers manage, member tokens read; secrets are encrypted and never returned; 404 across teams; 409 when stale", async () => {
    const { team, token } = await setUp();
    const slug = params({ slug: team.slug });
    expect((await createRoute(call(`/teams/${team.slug}/data-sources`, token, { method: "POST", body: { name: "Prometheus", url: prometheus.url } }), slug)).status).toBe(403);

    const source = await createDataSource(team.members.MAINTAINER!.actor, team.slug, { name: "Prometheus", url: prometheus.url, auth: { kind: "BEARER", token: SECRET } });
    expect(source).toMatchObject({ name: "Prometheus", auth: { kind: "BEARER", hasSecret: true }, tlsVerify: true, timeoutMs: 10_000, sloCount: 0 });
    const stored = await getDb().dataSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.secretEncrypted).toMatch(/^v1:/);
    expect(stored.secretEncrypted).not.toContain(SECRET);

    const listed = await listRoute(call(`/teams/${team.slug}/data-sources`, token), slug);
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).dataSources).toHaveLength(1);
    expect(JSON.stringify(await getDb().auditLog.findMany({ where: { teamId: team.id } }))).not.toContain(SECRET);
    expect(await createDataSource(team.owner.actor, team.slug, { name: "Prometheus", url: prometheus.url }).catch((error) => error)).toMatchObject({ code: "invalid", issues: [{ path: ["name"] }] });

    const id = params({ id: source.id });
    expect((await patchRoute(call(`/data-sources/${source.id}`, token, { method: "PATCH", body: { version: 1, name: "Mine" } }), id)).status).toBe(403);
    expect((await deleteRoute(call(`/data-sources/${source.id}`, token, { method: "DELETE" }), id)).status).toBe(403);
    expect((await testRoute(call(`/data-sources/${source.id}/test`, token, { method: "POST" }), id)).status).toBe(403);

    const renamed = await updateDataSource(team.owner.actor, source.id, { version: 1, name: "Main Prometheus", timeoutMs: 5_000 });
    expect(renamed).toMatchObject({ name: "Main Prometheus", timeoutMs: 5_000, version: 2, auth: { hasSecret: true } });
    await expect(updateDataSource(team.owner.actor, source.id, { version: 1, name: "Again" })).rejects.toMatchObject({ code: "conflict" });

    const other = await setUp();
    expect((await getRoute(call(`/data-sources/${source.id}`, other.token), id)).status).toBe(404);
    expect((await testRoute(call(`/data-sources/${source.id}/test`, other.token, { method: "POST" }), id)).status).toBe(404);
    expect((await listRoute(call(`/teams/${team.slug}/data-sources`, other.token), slug)).status).toBe(404);
    await expect(updateDataSource(other.team.owner.actor, source.id, { version: 2, name: "Theirs" })).rejects.toMatchObject({ code: "not_found" });
    expect((await getRoute(call(`/data-sources/nope`, token), params({ id: "nope" }))).status).toBe(404);
  });

  it("Test runs `up` against the real Prometheus and reports its version; a down, garbage or hanging source is a failed check, not an error", async () => {
    const { team } = await setUp();
    const actor = team.owner.actor;
    const good = await createDataSource(actor, team.slug, { name: "Real", url: prometheus.url, auth: { kind: "BASIC", username: "u", password: SECRET } });
    const report = await testDataSource(actor, good.id, sliSource);
    expect(report.ok).toBe(true);
    expect(report.version).toMatch(/^2\.\d+\.\d+/);
    expect(report.checks[0]).toMatchObject({ name: "Query", ok: true, detail: expect.stringContaining("up answered") });
    const row = await getDb().dataSource.findUniqueOrThrow({ where: { id: good.id } });
    expect(row).toMatchObject({ lastCheckOk: true, serverVersion: report.version });

    const down = await createDataSource(actor, team.slug, { name: "Down", url: "http://127.0.0.1:9" });
    expect(await testDataSource(actor, down.id, sliSource)).toMatchObject({ ok: false, version: null, checks: [{ ok: false, detail: expect.stringContaining("Could not reach") }, expect.anything()] });

    const garbage = await createDataSource(actor, team.slug, { name: "Garbage", url: `${oddUrl}/garbage` });
    expect(await testDataSource(actor, garbage.id, sliSource)).toMatchObject({ ok: false, checks: [{ ok: false, detail: expect.stringContaining("not a Prometheus API answer") }, expect.anything()] });

    const hanging = await createDataSource(actor, team.slug, { name: "Hanging", url: `${oddUrl}/hang`, timeoutMs: 500 });
    const started = Date.now();
    const hung = await testDataSource(actor, hanging.id, sliSource);
    expect(hung.ok).toBe(false);
    expect(hung.checks[0].detail).toMatch(/within 500 ms|aborted|timed? ?out/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
