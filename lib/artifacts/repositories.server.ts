// Git repositories of a team (Settings → Repositories and the API): create, change (409 on a stale
// version), delete, test the connection, and the per-role "publish on approval" rules. Tokens, passwords
// and provider webhook secrets are encrypted at rest and never returned, logged or audited. Everyone in the
// team reads; maintainers and owners change.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission, requireTeamPermission, teamAccess, type TeamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { env, publicUrl } from "@/lib/env";
import { checkOutboundUrl } from "@/lib/net/address-policy";
import { isRoleKey, roleTitle } from "@/lib/agents/registry";
import type { ConnectionReport, Publisher, RepositoryTarget } from "@/lib/artifacts/publisher";
import { scrubSecrets } from "@/lib/artifacts/scrub";
import {
  autoPublishSchema,
  createRepositorySchema,
  defaultApiUrl,
  updateRepositorySchema,
  type AutoPublishInput,
  type CreateRepositoryInput,
  type GitAuthKindValue,
  type GitProviderValue,
  type UpdateRepositoryInput,
} from "@/lib/artifacts/repository-schema";

const repositorySelect = {
  id: true,
  teamId: true,
  name: true,
  cloneUrl: true,
  defaultBranch: true,
  pathTemplate: true,
  authKind: true,
  username: true,
  secretEncrypted: true,
  provider: true,
  apiUrl: true,
  webhookSecretEncrypted: true,
  lastCheckedAt: true,
  lastCheckOk: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type RepositoryRow = Prisma.GitRepositoryGetPayload<{ select: typeof repositorySelect }>;

export interface RepositoryView {
  id: string;
  name: string;
  cloneUrl: string;
  defaultBranch: string;
  pathTemplate: string;
  auth: { kind: GitAuthKindValue; username: string | null; hasSecret: boolean };
  provider: GitProviderValue;
  /** The provider API in use (the given one or the provider's usual one); null without a provider. */
  apiUrl: string | null;
  /** Where the provider sends pull request events, and whether a secret is set to verify them. */
  webhook: { url: string; configured: boolean };
  /** How merged/closed reach the portal: the provider's webhook, polling its API, or not at all (no provider). */
  stateUpdates: "webhook" | "polling" | "none";
  lastCheckedAt: string | null;
  lastCheckOk: boolean | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toRepositoryView(row: RepositoryRow): RepositoryView {
  const provider = row.provider as GitProviderValue;
  return {
    id: row.id,
    name: row.name,
    cloneUrl: row.cloneUrl,
    defaultBranch: row.defaultBranch,
    pathTemplate: row.pathTemplate,
    auth: { kind: row.authKind, username: row.authKind === "BASIC" ? row.username : null, hasSecret: Boolean(row.secretEncrypted) },
    provider,
    apiUrl: provider === "NONE" ? null : (row.apiUrl ?? defaultApiUrl(provider, row.cloneUrl)),
    webhook: { url: `${publicUrl()}/api/v1/repositories/${row.id}/provider-webhook`, configured: Boolean(row.webhookSecretEncrypted) },
    stateUpdates: provider === "NONE" ? "none" : row.webhookSecretEncrypted ? "webhook" : "polling",
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    lastCheckOk: row.lastCheckOk,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The user name a token signs in with over HTTP: what each provider documents for tokens. */
function tokenUsername(provider: GitProviderValue, given: string | null): string {
  if (given) return given;
  return provider === "GITHUB" ? "x-access-token" : "oauth2";
}

/** The repository as the publisher needs it, secrets decrypted (only the worker and the connection test call this). */
export function repositoryTarget(row: RepositoryRow): RepositoryTarget {
  const provider = row.provider as GitProviderValue;
  const secret = row.secretEncrypted ? decryptSecret(row.secretEncrypted) : null;
  const credentials =
    row.authKind === "NONE" || !secret ? null : row.authKind === "BASIC" ? { username: row.username ?? "", password: secret } : { username: tokenUsername(provider, row.username), password: secret };
  return {
    cloneUrl: row.cloneUrl,
    defaultBranch: row.defaultBranch,
    credentials,
    provider: provider === "NONE" || !secret ? null : { kind: provider, apiUrl: row.apiUrl ?? defaultApiUrl(provider, row.cloneUrl)!, token: secret },
  };
}

/** The secrets of a repository, for scrubbing messages. */
export function repositorySecrets(row: RepositoryRow): string[] {
  return [row.secretEncrypted, row.webhookSecretEncrypted].filter((sealed): sealed is string => Boolean(sealed)).map(decryptSecret);
}

async function repositoryAccess(db: Db | Tx, actor: Actor, id: string): Promise<{ repository: RepositoryRow; access: TeamAccess }> {
  const repository = typeof id === "string" && id.length <= 100 ? await db.gitRepository.findUnique({ where: { id }, select: repositorySelect }) : null;
  if (!repository) throw new NotFoundError("Repository");
  const access = await teamAccess(db, actor, { id: repository.teamId }, "Repository");
  return { repository, access };
}

/** A repository of the given team, or NotFound (also for another team's). */
export async function loadTeamRepository(db: Db | Tx, teamId: string, id: string): Promise<RepositoryRow> {
  const repository = typeof id === "string" && id.length <= 100 ? await db.gitRepository.findUnique({ where: { id }, select: repositorySelect }) : null;
  if (!repository || repository.teamId !== teamId) throw new NotFoundError("Repository");
  return repository;
}

export async function loadRepositoryRow(db: Db | Tx, id: string): Promise<RepositoryRow | null> {
  return db.gitRepository.findUnique({ where: { id }, select: repositorySelect });
}

async function checkUrls(input: { cloneUrl?: string; apiUrl?: string | null }) {
  const allowPrivate = env().WEBHOOK_ALLOW_PRIVATE;
  const issues = [];
  for (const field of ["cloneUrl", "apiUrl"] as const) {
    const value = input[field];
    if (!value) continue;
    try {
      await checkOutboundUrl(value, { allowPrivate, path: [field] });
    } catch (error) {
      if (error instanceof InvalidError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length) throw new InvalidError(issues[0].message, issues);
}

function sealedAuth(auth: z_Auth | undefined) {
  if (!auth) return {};
  if (auth.kind === "NONE") return { authKind: "NONE" as const, username: null, secretEncrypted: null };
  if (auth.kind === "TOKEN") return { authKind: "TOKEN" as const, username: auth.username || null, secretEncrypted: encryptSecret(auth.token) };
  return { authKind: "BASIC" as const, username: auth.username, secretEncrypted: encryptSecret(auth.password) };
}
type z_Auth = NonNullable<ReturnType<typeof updateRepositorySchema.parse>["auth"]>;

const duplicateName = () => InvalidError.field(["name"], "The team already has a repository with this name");

export async function listRepositories(actor: Actor, teamSlug: string) {
  const db = getDb();
  const access = await teamAccess(db, actor, { slug: teamSlug });
  const rows = await db.gitRepository.findMany({ where: { teamId: access.team.id }, select: repositorySelect, orderBy: { name: "asc" } });
  return { team: access.team, role: access.role, canManage: roleAllows(access.role, "manage"), repositories: rows.map(toRepositoryView) };
}

export async function getRepository(actor: Actor, id: string) {
  const { repository, access } = await repositoryAccess(getDb(), actor, id);
  return { repository: toRepositoryView(repository), team: access.team, role: access.role, canManage: roleAllows(access.role, "manage") };
}

export async function createRepository(actor: Actor, teamSlug: string, input: CreateRepositoryInput): Promise<RepositoryView> {
  const data = parseOrThrow(createRepositorySchema, input);
  const db = getDb();
  // Authorize before resolving URLs, so a stranger learns nothing about addresses from the answer.
  await requireTeamPermission(db, actor, { slug: teamSlug }, "manage");
  await checkUrls(data);
  return db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    if (await tx.gitRepository.findFirst({ where: { teamId: access.team.id, name: data.name }, select: { id: true } })) throw duplicateName();
    const row = await tx.gitRepository.create({
      data: {
        teamId: access.team.id,
        name: data.name,
        cloneUrl: data.cloneUrl,
        defaultBranch: data.defaultBranch,
        pathTemplate: data.pathTemplate,
        ...sealedAuth(data.auth),
        provider: data.provider,
        apiUrl: data.provider === "NONE" ? null : (data.apiUrl ?? null),
        webhookSecretEncrypted: data.webhookSecret ? encryptSecret(data.webhookSecret) : null,
        createdById: actor.userId,
      },
      select: repositorySelect,
    });
    await recordAudit(tx, actor, {
      action: "repository.created",
      teamId: access.team.id,
      targetType: "git_repository",
      targetId: row.id,
      details: { name: row.name, cloneUrl: row.cloneUrl, defaultBranch: row.defaultBranch, pathTemplate: row.pathTemplate, provider: row.provider, auth: row.authKind },
    });
    return toRepositoryView(row);
  });
}

export async function updateRepository(actor: Actor, id: string, input: UpdateRepositoryInput): Promise<RepositoryView> {
  const data = parseOrThrow(updateRepositorySchema, input);
  const db = getDb();
  const { repository, access } = await repositoryAccess(db, actor, id);
  assertPermission(access, "manage");
  const provider = data.provider ?? (repository.provider as GitProviderValue);
  if (provider !== "NONE" && (data.auth?.kind ?? repository.authKind) !== "TOKEN")
    throw InvalidError.field(["auth", "kind"], "Pull requests need an API token: choose token sign-in");
  await checkUrls(data);
  return db.$transaction(async (tx) => {
    if (data.name && data.name !== repository.name && (await tx.gitRepository.findFirst({ where: { teamId: repository.teamId, name: data.name }, select: { id: true } }))) throw duplicateName();
    const change: Prisma.GitRepositoryUpdateManyMutationInput = {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.cloneUrl !== undefined ? { cloneUrl: data.cloneUrl } : {}),
      ...(data.defaultBranch !== undefined ? { defaultBranch: data.defaultBranch } : {}),
      ...(data.pathTemplate !== undefined ? { pathTemplate: data.pathTemplate } : {}),
      ...sealedAuth(data.auth),
      ...(data.provider !== undefined ? { provider: data.provider } : {}),
      ...(data.apiUrl !== undefined || provider === "NONE" ? { apiUrl: provider === "NONE" ? null : (data.apiUrl ?? null) } : {}),
      ...(data.webhookSecret !== undefined ? { webhookSecretEncrypted: data.webhookSecret ? encryptSecret(data.webhookSecret) : null } : {}),
      version: { increment: 1 },
    };
    const { count } = await tx.gitRepository.updateMany({ where: { id: repository.id, version: data.version }, data: change });
    if (count === 0) {
      const current = await tx.gitRepository.findUniqueOrThrow({ where: { id: repository.id }, select: { version: true } });
      throw new ConflictError("Someone changed this repository after you opened it. Reload it and make your change again.", { currentVersion: current.version });
    }
    const row = await tx.gitRepository.findUniqueOrThrow({ where: { id: repository.id }, select: repositorySelect });
    await recordAudit(tx, actor, {
      action: "repository.updated",
      teamId: access.team.id,
      targetType: "git_repository",
      targetId: repository.id,
      // Field names only for secrets: which changed, never what they are.
      details: { name: row.name, fields: Object.keys(data).filter((key) => key !== "version") },
    });
    return toRepositoryView(row);
  });
}

export async function deleteRepository(actor: Actor, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { repository, access } = await repositoryAccess(tx, actor, id);
    assertPermission(access, "manage");
    const busy = await tx.publication.count({ where: { repositoryId: repository.id, state: { in: ["QUEUED", "PUSHING"] } } });
    if (busy > 0) throw new ConflictError("A publication to this repository is queued or being pushed; delete the repository once it has finished.");
    await tx.gitRepository.delete({ where: { id: repository.id } });
    await recordAudit(tx, actor, { action: "repository.deleted", teamId: access.team.id, targetType: "git_repository", targetId: repository.id, details: { name: repository.name } });
  });
}

/**
 * Checks read and push rights (and the provider API's permission when one is set) without writing to the
 * repository; remembers when and whether it passed. The network calls run outside any transaction.
 */
export async function testRepositoryConnection(actor: Actor, id: string, publisher: Publisher): Promise<ConnectionReport & { checkedAt: string }> {
  const db = getDb();
  const { repository, access } = await repositoryAccess(db, actor, id);
  assertPermission(access, "manage");
  const settings = env();
  let report: ConnectionReport;
  try {
    report = await publisher.testConnection(repositoryTarget(repository), { timeoutMs: settings.GIT_TIMEOUT_MS, allowPrivate: settings.WEBHOOK_ALLOW_PRIVATE });
  } catch (error) {
    report = { ok: false, checks: [{ name: "Connection", ok: false, detail: (error as Error).message }] };
  }
  const secrets = repositorySecrets(repository);
  report = { ok: report.ok, checks: report.checks.map((check) => ({ ...check, detail: scrubSecrets(check.detail, secrets, [repository.username]) })) };
  const checkedAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.gitRepository.update({ where: { id: repository.id }, data: { lastCheckedAt: checkedAt, lastCheckOk: report.ok } });
    await recordAudit(tx, actor, { action: "repository.tested", teamId: access.team.id, targetType: "git_repository", targetId: repository.id, details: { name: repository.name, ok: report.ok } });
  });
  return { ...report, checkedAt: checkedAt.toISOString() };
}

export interface AutoPublishRuleView {
  role: string;
  roleName: string;
  repositoryId: string;
  repositoryName: string;
}

export async function listAutoPublishRules(actor: Actor, teamSlug: string): Promise<AutoPublishRuleView[]> {
  const db = getDb();
  const access = await teamAccess(db, actor, { slug: teamSlug });
  const rows = await db.autoPublishRule.findMany({ where: { teamId: access.team.id }, include: { repository: { select: { name: true } } }, orderBy: { roleKey: "asc" } });
  return rows.map((row) => ({ role: row.roleKey, roleName: isRoleKey(row.roleKey) ? roleTitle(row.roleKey) : row.roleKey, repositoryId: row.repositoryId, repositoryName: row.repository.name }));
}

/** Replaces the team's "publish on approval" rules: one repository per role, or none. */
export async function setAutoPublishRules(actor: Actor, teamSlug: string, input: AutoPublishInput): Promise<AutoPublishRuleView[]> {
  const data = parseOrThrow(autoPublishSchema, input);
  const issues = data.rules.flatMap((rule, index) => (isRoleKey(rule.role) ? [] : [{ path: ["rules", index, "role"], message: `There is no role "${rule.role.slice(0, 60)}"` }]));
  if (issues.length) throw new InvalidError(issues[0].message, issues);
  await getDb().$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    for (const [index, rule] of data.rules.entries()) {
      const repository = await tx.gitRepository.findUnique({ where: { id: rule.repositoryId }, select: { teamId: true } });
      if (!repository || repository.teamId !== access.team.id) throw InvalidError.field(["rules", index, "repositoryId"], "The team has no such repository");
    }
    await tx.autoPublishRule.deleteMany({ where: { teamId: access.team.id } });
    if (data.rules.length) await tx.autoPublishRule.createMany({ data: data.rules.map((rule) => ({ teamId: access.team.id, roleKey: rule.role, repositoryId: rule.repositoryId })) });
    await recordAudit(tx, actor, { action: "repository.auto_publish_set", teamId: access.team.id, targetType: "team", targetId: access.team.id, details: { rules: data.rules } });
  });
  return listAutoPublishRules(actor, teamSlug);
}

/** What the inbound provider webhook needs to verify a delivery; null when the repository does not exist or has no secret. */
export async function providerWebhookContext(repositoryId: string): Promise<{ provider: GitProviderValue; secret: string } | null> {
  if (typeof repositoryId !== "string" || repositoryId.length > 100) return null;
  const row = await getDb().gitRepository.findUnique({ where: { id: repositoryId }, select: { provider: true, webhookSecretEncrypted: true } });
  if (!row?.webhookSecretEncrypted || row.provider === "NONE") return null;
  return { provider: row.provider as GitProviderValue, secret: decryptSecret(row.webhookSecretEncrypted) };
}
