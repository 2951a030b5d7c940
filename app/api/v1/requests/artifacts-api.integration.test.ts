// The artifacts API through its route handlers against PostgreSQL: the live preview (nothing saved, 422
// with field paths, 404 for an unknown role), a revision's artifacts (revision parameter, team scoping)
// and the zip (every artifact at its path with the same bytes, deterministic).
import { unzipSync, strFromU8 } from "fflate";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as previewRoute } from "@/app/api/v1/agents/[role]/preview/route";
import { POST as createRoute } from "@/app/api/v1/requests/route";
import { PATCH as patchRoute } from "@/app/api/v1/requests/[id]/route";
import { GET as artifactsRoute } from "@/app/api/v1/requests/[id]/artifacts/route";
import { GET as zipRoute } from "@/app/api/v1/requests/[id]/artifacts.zip/route";
import { generateFor } from "@/lib/agents/generators";
import { getRole } from "@/lib/agents/registry";
import { previewResponseSchema, revisionArtifactsSchema } from "@/lib/artifacts/api-schema";
import { getDb } from "@/lib/db/client";
import { requestDetailSchema } from "@/lib/requests/schema";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const role = getRole("network-engineer");
const example = role.example as Record<string, unknown>;

const params = <P extends Record<string, string>>(value: P) => ({ params: Promise.resolve(value) });
const none = params({});

function call(path: string, secret: string | undefined, init: { method?: string; body?: unknown } = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function tokenFor() {
  const team = await makeTeam();
  const { secret } = await createToken(team.owner.actor, team.slug, { name: "bot" });
  return { team, secret };
}

/** A submitted request with two revisions (the second changes the answers). */
async function requestWithTwoRevisions(secret: string, slug: string, title = "Checkout network (EU)") {
  const created = await createRoute(call("/requests", secret, { method: "POST", body: { team: slug, role: role.key, title, input: example, submit: true } }), none);
  expect(created.status).toBe(201);
  const request = requestDetailSchema.parse(await created.json());
  const edited = { ...example, notes: "Add flow logs to S3" };
  const patched = await patchRoute(call(`/requests/${request.id}`, secret, { method: "PATCH", body: { input: edited, baseRevision: 1 } }), params({ id: request.id }));
  expect(patched.status).toBe(200);
  return { id: request.id, edited };
}

describe("POST /api/v1/agents/{role}/preview", () => {
  it("answers the generator's summary and artifacts for valid answers, and saves nothing", async () => {
    const { team, secret } = await tokenFor();
    const auditsBefore = await getDb().auditLog.count({ where: { teamId: team.id } });
    const response = await previewRoute(call(`/agents/${role.key}/preview`, secret, { method: "POST", body: example }), params({ role: role.key }));
    expect(response.status).toBe(200);
    const body = previewResponseSchema.parse(await response.json());
    const expected = generateFor(role.key, role.schema.parse(example));
    expect(body.summary).toEqual(expected.summary);
    expect(body.artifacts).toEqual(expected.artifacts);
    expect(body.generatorVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await getDb().request.count({ where: { teamId: team.id } })).toBe(0);
    expect(await getDb().auditLog.count({ where: { teamId: team.id } })).toBe(auditsBefore);
  });

  it("answers 422 with each invalid answer's field path, 404 for an unknown role, 401 without credentials", async () => {
    const { secret } = await tokenFor();
    const invalid = await previewRoute(
      call(`/agents/${role.key}/preview`, secret, { method: "POST", body: { ...example, environments: [{ name: "prod", baseCidr: "300.0.0.0/8" }] } }),
      params({ role: role.key }),
    );
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.issues).toContainEqual(expect.objectContaining({ path: ["environments", 0, "baseCidr"] }));

    const notObject = await previewRoute(call(`/agents/${role.key}/preview`, secret, { method: "POST", body: [1, 2] }), params({ role: role.key }));
    expect(notObject.status).toBe(422);

    const unknown = await previewRoute(call("/agents/astrologer/preview", secret, { method: "POST", body: example }), params({ role: "astrologer" }));
    expect(unknown.status).toBe(404);

    const anonymous = await previewRoute(call(`/agents/${role.key}/preview`, undefined, { method: "POST", body: example }), params({ role: role.key }));
    expect(anonymous.status).toBe(401);
  });
});

describe("GET /api/v1/requests/{id}/artifacts", () => {
  it("answers the current revision by default and any revision by number", async () => {
    const { team, secret } = await tokenFor();
    const { id, edited } = await requestWithTwoRevisions(secret, team.slug);

    const current = revisionArtifactsSchema.parse(await (await artifactsRoute(call(`/requests/${id}/artifacts`, secret), params({ id }))).json());
    expect(current).toMatchObject({ requestId: id, revision: 2, revisions: [2, 1], role: { key: role.key }, team: { slug: team.slug } });
    const expected = generateFor(role.key, role.schema.parse(edited));
    expect(current.artifacts.map((artifact) => [artifact.path, artifact.content])).toEqual(expected.artifacts.map((artifact) => [artifact.path, artifact.content]));
    expect(current.diagrams.every((artifact) => artifact.mediaType === "text/vnd.mermaid")).toBe(true);
    expect(current.diagrams.length).toBeGreaterThan(0);

    const first = revisionArtifactsSchema.parse(await (await artifactsRoute(call(`/requests/${id}/artifacts?revision=1`, secret), params({ id }))).json());
    expect(first.revision).toBe(1);
    expect(first.artifacts.map((artifact) => artifact.sha256)).not.toEqual(current.artifacts.map((artifact) => artifact.sha256));
  });

  it("answers 422 for a malformed revision, 404 for a missing one and for another team's request", async () => {
    const { team, secret } = await tokenFor();
    const { id } = await requestWithTwoRevisions(secret, team.slug);
    for (const bad of ["abc", "0", "-1", "1.5", ""]) {
      const response = await artifactsRoute(call(`/requests/${id}/artifacts?revision=${bad}`, secret), params({ id }));
      expect(response.status, `revision=${bad}`).toBe(422);
      expect((await response.json()).error.issues[0].path).toEqual(["revision"]);
    }
    expect((await artifactsRoute(call(`/requests/${id}/artifacts?revision=3`, secret), params({ id }))).status).toBe(404);

    const other = await tokenFor();
    expect((await artifactsRoute(call(`/requests/${id}/artifacts`, other.secret), params({ id }))).status).toBe(404);
    expect((await zipRoute(call(`/requests/${id}/artifacts.zip`, other.secret), params({ id }))).status).toBe(404);
    expect((await zipRoute(call(`/requests/${id}/artifacts.zip?revision=x`, secret), params({ id }))).status).toBe(422);
  });
});

describe("GET /api/v1/requests/{id}/artifacts.zip", () => {
  it("holds every artifact at its path under one folder, with the same bytes, and is the same each time", async () => {
    const { team, secret } = await tokenFor();
    const { id } = await requestWithTwoRevisions(secret, team.slug, "Checkout network (EU)");
    const stored = revisionArtifactsSchema.parse(await (await artifactsRoute(call(`/requests/${id}/artifacts?revision=1`, secret), params({ id }))).json());

    const response = await zipRoute(call(`/requests/${id}/artifacts.zip?revision=1`, secret), params({ id }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="checkout-network-eu-r1.zip"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(stored.artifacts.map((artifact) => `checkout-network-eu-r1/${artifact.path}`).sort());
    for (const artifact of stored.artifacts) {
      const data = files[`checkout-network-eu-r1/${artifact.path}`];
      expect(strFromU8(data)).toBe(artifact.content);
      expect(data.byteLength).toBe(artifact.size);
    }

    const again = new Uint8Array(await (await zipRoute(call(`/requests/${id}/artifacts.zip?revision=1`, secret), params({ id }))).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);

    const current = await zipRoute(call(`/requests/${id}/artifacts.zip`, secret), params({ id }));
    expect(current.headers.get("content-disposition")).toBe('attachment; filename="checkout-network-eu-r2.zip"');
  });
});
