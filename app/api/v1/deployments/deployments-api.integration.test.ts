// The deployments API through its route handler: token auth, idempotent batches, all-or-nothing 422s, team scoping.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as recordRoute } from "@/app/api/v1/deployments/route";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";
import { GET as doraRoute } from "@/app/api/v1/dora/route";
import { GET as organisationDoraRoute } from "@/app/api/v1/dora/organisation/route";
import { deploymentListSchema, doraReportSchema, recordResultSchema } from "@/lib/deployments/api-schemas";

const none = { params: Promise.resolve({}) };

function call(path: string, secret: string, init: { method?: string; body?: unknown; raw?: string } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
}

async function json(response: Response, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}

async function setup() {
  const team = await makeTeam();
  await getDb().service.create({ data: { teamId: team.id, slug: "checkout-api", name: "Checkout API" } });
  await getDb().service.create({ data: { teamId: team.id, slug: "payments", name: "Payments" } });
  const { secret } = await createToken(team.owner.actor, team.slug, { name: "ci" });
  return { team, secret };
}

const deployment = (key: string, overrides: Record<string, unknown> = {}) => ({
  key,
  service: "checkout-api",
  status: "SUCCEEDED",
  version: "1.4.2",
  commitSha: "a1b2c3d4e5f6",
  startedAt: "2026-12-01T10:00:00Z",
  finishedAt: "2026-12-01T10:05:00Z",
  commits: [{ sha: "a1b2c3d4e5f6", authoredAt: "2026-12-01T08:00:00Z", message: "Fix checkout totals" }],
  ...overrides,
});

describe("POST /api/v1/deployments", () => {
  it("records a batch and is idempotent on the client's key: the same key updates, never duplicates", async () => {
    const { team, secret } = await setup();
    const first = recordResultSchema.parse(
      await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: [deployment("run-1", { status: "STARTED", finishedAt: undefined }), deployment("run-2", { service: "payments" })] } }), none), 201),
    );
    expect(first).toMatchObject({ received: 2, created: 2, updated: 0 });

    const again = recordResultSchema.parse(await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: [deployment("run-1")] } }), none), 200));
    expect(again).toMatchObject({ received: 1, created: 0, updated: 1 });
    expect(again.deployments[0].id).toBe(first.deployments[0].id);

    const stored = await getDb().deployment.findMany({ where: { teamId: team.id }, include: { commits: true }, orderBy: { clientKey: "asc" } });
    expect(stored.map((row) => [row.clientKey, row.status, row.commits.length])).toEqual([
      ["run-1", "SUCCEEDED", 1],
      ["run-2", "SUCCEEDED", 1],
    ]);
    expect(stored[0].finishedAt?.toISOString()).toBe("2026-12-01T10:05:00.000Z");
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: "deployment.recorded" } })).toBe(2);

    const list = deploymentListSchema.parse(await json(await listRoute(call("/deployments?service=payments", secret), none), 200));
    expect(list.total).toBe(1);
    expect(list.deployments[0]).toMatchObject({ key: "run-2", service: { slug: "payments" }, commitCount: 1, environment: "production" });
  });

  it("stores nothing when one deployment is wrong, and names each wrong one by its path", async () => {
    const { team, secret } = await setup();
    const body = await json(
      await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: [deployment("ok"), deployment("bad", { service: "nope" }), deployment("late", { finishedAt: "2026-12-01T09:00:00Z" })] } }), none),
      422,
    );
    expect(body.error.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual([["deployments", 2, "finishedAt"]]);

    const unknown = await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: [deployment("ok"), deployment("bad", { service: "nope" })] } }), none), 422);
    expect(unknown.error.issues).toEqual([expect.objectContaining({ path: ["deployments", 1, "service"], code: "unknown_service" })]);

    const duplicate = await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: [deployment("same"), deployment("same")] } }), none), 422);
    expect(duplicate.error.issues[0].path).toEqual(["deployments", 1, "key"]);

    const nul = await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: [deployment("x\u0000y")] } }), none), 422);
    expect(nul.error.issues[0].path).toEqual(["deployments", 0, "key"]);

    await json(await recordRoute(call("/deployments", secret, { method: "POST", raw: "{not json" }), none), 400);
    expect(await getDb().deployment.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("takes at most 1,000 deployments per call", async () => {
    const { secret } = await setup();
    const batch = Array.from({ length: 1001 }, (_, index) => deployment(`k-${index}`, { commits: undefined }));
    const body = await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: batch } }), none), 422);
    expect(body.error.issues[0].path).toEqual(["deployments"]);
    const ok = recordResultSchema.parse(await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: batch.slice(0, 1000) } }), none), 201));
    expect(ok.created).toBe(1000);
  });

  it("answers 404 for another team, and a token never sees another team's deployments", async () => {
    const mine = await setup();
    const other = await setup();
    await json(await recordRoute(call("/deployments", other.secret, { method: "POST", body: { deployments: [deployment("theirs")] } }), none), 201);
    await json(await recordRoute(call("/deployments", mine.secret, { method: "POST", body: { team: other.team.slug, deployments: [deployment("sneaky")] } }), none), 404);
    await json(await listRoute(call(`/deployments?team=${other.team.slug}`, mine.secret), none), 404);
    const list = deploymentListSchema.parse(await json(await listRoute(call("/deployments", mine.secret), none), 200));
    expect(list.total).toBe(0);
    expect(await getDb().deployment.count({ where: { teamId: other.team.id } })).toBe(1);
  });

  it("refuses requests without a valid token", async () => {
    await json(await recordRoute(call("/deployments", "pp_not-a-token", { method: "POST", body: { deployments: [deployment("x")] } }), none), 401);
  });

  it("serves the team's DORA report in its documented shape; the organisation's is for signed-in people, not tokens", async () => {
    const { secret } = await setup();
    const recent = new Date(Date.now() - 3_600_000).toISOString();
    await json(await recordRoute(call("/deployments", secret, { method: "POST", body: { deployments: [deployment("now", { startedAt: recent, finishedAt: recent, commits: [] })] } }), none), 201);
    const report = doraReportSchema.parse(await json(await doraRoute(call("/dora?window=7&bucket=day", secret), none), 200));
    expect(report.summary).toMatchObject({ hasData: true, deployments: 1, successful: 1 });
    expect(report.summary.leadTime.value).toBeNull();
    expect(report.buckets.length).toBeGreaterThanOrEqual(7);
    const bad = await json(await doraRoute(call("/dora?window=365", secret), none), 422);
    expect(bad.error.issues[0].path).toEqual(["window"]);
    await json(await organisationDoraRoute(call("/dora/organisation", secret), none), 404);
  });
});
