// Artifact storage against real PostgreSQL: every revision stores what its generator made, with sha256
// and version, in the revision's transaction; older revisions keep theirs; other teams see nothing.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { caught } from "@/lib/testing/caught";
import { generateFor, getGenerator } from "@/lib/agents/generators";
import { getRole } from "@/lib/agents/registry";
import { getRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { createRequest, updateRequestInputs } from "@/lib/requests/requests.server";
import { validateRoleInput } from "@/lib/agents/form-logic";
import { makeTeam } from "@/lib/testing/factories";

const role = getRole("network-engineer");
const example = structuredClone(role.example) as Record<string, unknown> & { environments: { name: string; baseCidr: string }[] };
const validated = (values: Record<string, unknown>) => {
  const result = validateRoleInput(role, values);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
};
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("request artifacts", () => {
  it("are stored per revision with sha256 and generator version, and each revision keeps its own", async () => {
    const t = await makeTeam({ members: ["MEMBER"] });
    const member = t.members.MEMBER!;
    const request = await createRequest(member.actor, { team: t.slug, role: role.key, title: "Core network", input: example, submit: true });

    const first = await getRevisionArtifacts(member.actor, request.id);
    const expected = generateFor(role.key, validated(example));
    expect(first).toMatchObject({ requestId: request.id, revision: 1, revisions: [1], generatorVersion: getGenerator(role.key).version, team: { slug: t.slug } });
    expect(first.summary).toEqual(expected.summary);
    expect(first.artifacts.map(({ path, kind, mediaType, content }) => ({ path, kind, mediaType, content }))).toEqual(expected.artifacts);
    for (const artifact of first.artifacts) {
      expect(artifact.sha256).toBe(sha256(artifact.content));
      expect(artifact.size).toBe(Buffer.byteLength(artifact.content));
    }
    expect(first.diagrams.length).toBeGreaterThan(0);
    expect(first.diagrams.every((diagram) => diagram.mediaType === "text/vnd.mermaid")).toBe(true);

    const changed = { ...example, environments: example.environments.map((environment, index) => (index === 0 ? { ...environment, baseCidr: "10.64.0.0/16" } : environment)) };
    await updateRequestInputs(member.actor, request.id, { input: changed, baseRevision: 1 });
    const second = await getRevisionArtifacts(member.actor, request.id);
    expect(second).toMatchObject({ revision: 2, revisions: [2, 1] });
    expect(second.artifacts).not.toEqual(first.artifacts);
    expect(await getRevisionArtifacts(member.actor, request.id, 1)).toEqual({ ...first, revisions: [2, 1] });

    // Stored in the revision's transaction: no revision without its files.
    const db = getDb();
    const revisions = await db.requestRevision.findMany({ where: { requestId: request.id }, select: { generatorVersion: true, _count: { select: { artifacts: true } } } });
    expect(revisions.every((revision) => revision.generatorVersion !== null && revision._count.artifacts > 0)).toBe(true);
  });

  it("are not found for another team, a draft, or a revision that does not exist", async () => {
    const t = await makeTeam({ members: ["MEMBER"] });
    const other = await makeTeam();
    const member = t.members.MEMBER!;
    const request = await createRequest(member.actor, { team: t.slug, role: role.key, input: example, submit: true });
    expect(await caught(getRevisionArtifacts(other.owner.actor, request.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(getRevisionArtifacts(member.actor, request.id, 2))).toBeInstanceOf(NotFoundError);
    expect(await caught(getRevisionArtifacts(member.actor, request.id, 0))).toBeInstanceOf(NotFoundError);
    const draft = await createRequest(member.actor, { team: t.slug, role: role.key, input: { provider: "aws" } });
    expect(await caught(getRevisionArtifacts(member.actor, draft.id))).toBeInstanceOf(NotFoundError);
  });

  it("are generated once for a revision stored before artifacts existed, even when read concurrently", async () => {
    const t = await makeTeam({ members: ["MEMBER"] });
    const member = t.members.MEMBER!;
    const request = await createRequest(member.actor, { team: t.slug, role: role.key, input: example, submit: true });
    const db = getDb();
    // Make it look like a revision from before this feature: no version, no summary, no files.
    const revision = await db.requestRevision.findFirstOrThrow({ where: { requestId: request.id } });
    await db.requestArtifact.deleteMany({ where: { revisionId: revision.id } });
    await db.requestRevision.update({ where: { id: revision.id }, data: { generatorVersion: null, summary: Prisma.DbNull } });

    const reads = await Promise.all([1, 2, 3].map(() => getRevisionArtifacts(member.actor, request.id)));
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);
    const expected = generateFor(role.key, revision.input);
    expect(await db.requestArtifact.count({ where: { revisionId: revision.id } })).toBe(expected.artifacts.length);
  });
});
