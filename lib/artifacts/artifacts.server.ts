// Stores every request revision's artifacts, with their sha256 and the generator version, in the same
// transaction that creates the revision; serves them to the request's team only. Revisions made before
// artifacts were stored get theirs on first read, generated from their (immutable) answers.
import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { teamAccess } from "@/lib/auth/authorize";
import { NotFoundError } from "@/lib/errors";
import type { ArtifactKind, SummaryFigure } from "@/lib/agents/generator";
import { generateFor, getGenerator } from "@/lib/agents/generators";
import { getRole, isRoleKey } from "@/lib/agents/registry";
import { mermaidMediaType, type RevisionArtifacts, type StoredArtifact } from "@/lib/artifacts/schema";

const sha256 = (content: string) => createHash("sha256").update(content, "utf8").digest("hex");

/**
 * Generates and stores the artifacts of a revision that has none yet. The conditional update of the
 * revision row is the lock: of two concurrent writers only one stores, the other finds them stored.
 */
export async function storeRevisionArtifacts(tx: Tx, revision: { id: string; roleKey: string; input: unknown }): Promise<void> {
  if (!isRoleKey(revision.roleKey)) throw new NotFoundError("Role");
  const generator = getGenerator(revision.roleKey);
  const { summary, artifacts } = generateFor(revision.roleKey, revision.input);
  const claimed = await tx.requestRevision.updateMany({
    where: { id: revision.id, generatorVersion: null },
    data: { generatorVersion: generator.version, summary: summary as unknown as Prisma.InputJsonValue },
  });
  if (claimed.count === 0) return;
  await tx.requestArtifact.createMany({
    data: artifacts.map((artifact, position) => ({
      revisionId: revision.id,
      position,
      path: artifact.path,
      kind: artifact.kind,
      mediaType: artifact.mediaType,
      content: artifact.content,
      sha256: sha256(artifact.content),
      size: Buffer.byteLength(artifact.content, "utf8"),
    })),
  });
}

const artifactSelect = { path: true, kind: true, mediaType: true, content: true, sha256: true, size: true } as const;

/** A revision's artifacts (the current revision when `number` is omitted); another team's request is "not found". */
export async function getRevisionArtifacts(actor: Actor, requestId: string, number?: number): Promise<RevisionArtifacts> {
  const db = getDb();
  const request = await db.request.findUnique({ where: { id: requestId }, include: { team: { select: { slug: true, name: true } } } });
  if (!request) throw new NotFoundError("Request");
  await teamAccess(db, actor, { id: request.teamId }, "Request");
  const wanted = number ?? request.currentRevision;
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > request.currentRevision) throw new NotFoundError("Revision");
  if (!isRoleKey(request.roleKey)) throw new NotFoundError("Role");

  const load = () =>
    db.requestRevision.findUnique({
      where: { requestId_number: { requestId: request.id, number: wanted } },
      select: { id: true, input: true, generatorVersion: true, summary: true, artifacts: { select: artifactSelect, orderBy: { position: "asc" } } },
    });
  let revision = await load();
  if (!revision) throw new NotFoundError("Revision");
  if (revision.generatorVersion === null) {
    const { id, input } = revision;
    await db.$transaction((tx) => storeRevisionArtifacts(tx, { id, roleKey: request.roleKey, input }));
    revision = (await load())!;
  }
  const numbers = await db.requestRevision.findMany({ where: { requestId: request.id }, select: { number: true }, orderBy: { number: "desc" } });
  const artifacts = revision.artifacts.map((row): StoredArtifact => ({ ...row, kind: row.kind as ArtifactKind }));
  return {
    requestId: request.id,
    title: request.title,
    role: { key: request.roleKey, title: getRole(request.roleKey).title },
    team: request.team,
    revision: wanted,
    revisions: numbers.map((row) => row.number),
    generatorVersion: revision.generatorVersion!,
    summary: (revision.summary ?? []) as unknown as SummaryFigure[],
    artifacts,
    diagrams: artifacts.filter((artifact) => artifact.mediaType === mermaidMediaType),
  };
}
