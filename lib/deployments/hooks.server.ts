// Deployment webhooks: a team creates a receiver per service and provider (the secret is shown once and
// kept sealed); deliveries are verified with it before anything is read, and recorded like API calls.
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/audit.server";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { InvalidError, NotFoundError, UnauthenticatedError, parseOrThrow } from "@/lib/errors";
import { insertDeployments, teamForWrite, type RecordResult } from "@/lib/deployments/deployments.server";
import { deploymentInputSchema } from "@/lib/deployments/schema";
import { createHookSchema } from "@/lib/deployments/hook-schema";
import { type DeploymentWebhookFormat, type HeaderReader } from "@/lib/deployments/webhook-format";


const hookJson = (hook: { id: string; provider: string; createdAt: Date; lastDeliveryAt: Date | null; service: { slug: string; name: string } }) => ({
  id: hook.id,
  provider: hook.provider,
  service: hook.service,
  path: `/api/v1/deployments/hooks/${hook.id}/deliveries`,
  url: `${publicUrl()}/api/v1/deployments/hooks/${hook.id}/deliveries`,
  createdAt: hook.createdAt.toISOString(),
  lastDeliveryAt: hook.lastDeliveryAt?.toISOString() ?? null,
});

/** Creates a receiver; the secret is returned once (paste it into the provider) and stored sealed. */
export async function createDeploymentHook(actor: Actor, input: unknown) {
  const data = parseOrThrow(createHookSchema, input);
  const secret = randomBytes(24).toString("base64url");
  return getDb().$transaction(async (tx) => {
    const access = await (data.team ? requireTeamPermission(tx, actor, { slug: data.team }, "manage") : teamForWrite(tx, actor, undefined));
    if (!data.team) await requireTeamPermission(tx, actor, { id: access.team.id }, "manage");
    const service = await tx.service.findUnique({ where: { teamId_slug: { teamId: access.team.id, slug: data.service.toLowerCase() } }, select: { id: true, slug: true, name: true } });
    if (!service) throw InvalidError.field(["service"], `No service “${data.service}” in ${access.team.name}'s catalog`);
    const hook = await tx.deploymentHook.create({
      data: { teamId: access.team.id, serviceId: service.id, provider: data.provider, secretCiphertext: encryptSecret(secret), createdById: actor.userId },
      include: { service: { select: { slug: true, name: true } } },
    });
    await recordAudit(tx, actor, { action: "deployment.hook_created", teamId: access.team.id, targetType: "deployment_hook", targetId: hook.id, details: { provider: hook.provider, service: service.slug } });
    return { ...hookJson(hook), secret };
  });
}

export async function listDeploymentHooks(actor: Actor, teamSlug: string | undefined) {
  const db = getDb();
  const access = await teamForWrite(db, actor, teamSlug);
  const hooks = await db.deploymentHook.findMany({ where: { teamId: access.team.id }, include: { service: { select: { slug: true, name: true } } }, orderBy: { createdAt: "asc" } });
  return { hooks: hooks.map(hookJson) };
}

export type DeploymentHookView = ReturnType<typeof hookJson>;

/** Replaces a receiver's secret: the new one is returned once, the old one stops working at once. */
export async function rotateDeploymentHookSecret(actor: Actor, hookId: string) {
  const secret = randomBytes(24).toString("base64url");
  return getDb().$transaction(async (tx) => {
    const hook = await tx.deploymentHook.findUnique({ where: { id: hookId }, include: { service: { select: { slug: true, name: true } } } });
    if (!hook) throw new NotFoundError("Hook");
    await requireTeamPermission(tx, actor, { id: hook.teamId }, "manage", "Hook");
    await tx.deploymentHook.update({ where: { id: hook.id }, data: { secretCiphertext: encryptSecret(secret) } });
    await recordAudit(tx, actor, { action: "deployment.hook_secret_rotated", teamId: hook.teamId, targetType: "deployment_hook", targetId: hook.id, details: { provider: hook.provider, service: hook.service.slug } });
    return { ...hookJson(hook), secret };
  });
}

export async function deleteDeploymentHook(actor: Actor, hookId: string) {
  return getDb().$transaction(async (tx) => {
    const hook = await tx.deploymentHook.findUnique({ where: { id: hookId }, include: { service: { select: { slug: true } } } });
    if (!hook) throw new NotFoundError("Hook");
    await requireTeamPermission(tx, actor, { id: hook.teamId }, "manage", "Hook");
    await tx.deploymentHook.delete({ where: { id: hook.id } });
    await recordAudit(tx, actor, { action: "deployment.hook_deleted", teamId: hook.teamId, targetType: "deployment_hook", targetId: hook.id, details: { provider: hook.provider, service: hook.service.slug } });
  });
}

export type DeliveryResult = { outcome: "recorded"; deployment: RecordResult["deployments"][number] } | { outcome: "commits"; stored: number } | { outcome: "ignored"; reason: string };

/**
 * Receives one delivery: an unknown hook is 404; a wrong or missing signature is 401 and nothing is read
 * or stored; a payload not shaped as its provider documents is 422 with paths; the rest is recorded in one
 * transaction. A deployment that ships a head a push or pipeline announced takes those commits.
 */
export async function receiveDeploymentDelivery(hookId: string, format: (provider: string) => DeploymentWebhookFormat | undefined, header: HeaderReader, body: Buffer): Promise<DeliveryResult> {
  const db = getDb();
  const hook = /^[a-z0-9]{10,40}$/.test(hookId) ? await db.deploymentHook.findUnique({ where: { id: hookId }, include: { team: { select: { id: true, slug: true, name: true } }, service: { select: { id: true, slug: true } } } }) : null;
  const adapter = hook ? format(hook.provider) : undefined;
  if (!hook || !adapter) throw new NotFoundError("Hook");
  if (!adapter.verify(decryptSecret(hook.secretCiphertext), header, body)) throw new UnauthenticatedError(`The ${adapter.signatureHeader} header does not match this hook's secret`);
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    throw InvalidError.field([], "The body is not JSON");
  }
  const reading = adapter.read(header, payload);
  if (reading.kind === "ignored") return { outcome: "ignored", reason: reading.reason };
  if (reading.kind === "commits") {
    const commits = reading.commits.map((commit, index) => {
      const sha = /^[0-9a-f]{7,64}$/i.test(commit.sha) ? commit.sha.toLowerCase() : null;
      const authoredAt = new Date(commit.authoredAt);
      if (!sha || Number.isNaN(authoredAt.getTime())) throw InvalidError.field(["commits", index], "A commit needs a hexadecimal id and a timestamp");
      return { sha, authoredAt, message: commit.message.replaceAll("\u0000", "").toWellFormed() };
    });
    const headSha = reading.headSha.toLowerCase();
    await db.$transaction(async (tx) => {
      if (commits.length) {
        await tx.pushedCommit.createMany({ data: commits.map((commit) => ({ serviceId: hook.service.id, headSha, ...commit })), skipDuplicates: true });
      }
      await tx.deploymentHook.update({ where: { id: hook.id }, data: { lastDeliveryAt: new Date() } });
    });
    return { outcome: "commits", stored: commits.length };
  }
  const deployment = parseOrThrow(deploymentInputSchema, { ...reading.deployment, service: hook.service.slug });
  return db.$transaction(async (tx) => {
    const result = await insertDeployments(tx, null, { team: hook.team, role: "MEMBER" }, [deployment], hook.provider as "github" | "gitlab" | "argocd");
    const recorded = result.deployments[0];
    if (deployment.commitSha) {
      // The commits announced for this head (a short GitLab SHA matches its full one), once.
      await tx.$executeRaw`
        INSERT INTO deployment_commits (deployment_id, sha, authored_at, message)
        SELECT ${recorded.id}, p.sha, p.authored_at, p.message FROM pushed_commits p
        WHERE p.service_id = ${hook.service.id} AND p.head_sha LIKE ${deployment.commitSha} || '%'
        ON CONFLICT DO NOTHING`;
    }
    await tx.deploymentHook.update({ where: { id: hook.id }, data: { lastDeliveryAt: new Date() } });
    return { outcome: "recorded" as const, deployment: recorded };
  });
}
