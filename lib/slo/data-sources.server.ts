// Data sources of a team's SLIs (Settings → Data sources and the API): create, change (409 on a stale
// version), delete (409 while an SLO reads from it), and test through the SliSource port. Tokens and
// passwords are encrypted at rest and never returned, logged or audited. Everyone in the team reads (an SLO
// form lists them); maintainers and owners change and test.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission, requireTeamPermission, teamAccess, type TeamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { checkOutboundUrl } from "@/lib/net/address-policy";
import { createDataSourceSchema, updateDataSourceSchema, type CreateDataSourceInput, type DataSourceAuthKindValue, type UpdateDataSourceInput } from "@/lib/slo/data-source-schema";
import type { SliSource, SourceConnection, SourceTestReport } from "@/lib/slo/sli-source";

const dataSourceSelect = {
  id: true,
  teamId: true,
  name: true,
  kind: true,
  url: true,
  authKind: true,
  username: true,
  secretEncrypted: true,
  tlsVerify: true,
  timeoutMs: true,
  lastCheckedAt: true,
  lastCheckOk: true,
  lastCheckDetail: true,
  serverVersion: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { slos: true } },
} as const;

export type DataSourceRow = Prisma.DataSourceGetPayload<{ select: typeof dataSourceSelect }>;

export interface DataSourceView {
  id: string;
  name: string;
  kind: "PROMETHEUS";
  url: string;
  auth: { kind: DataSourceAuthKindValue; username: string | null; hasSecret: boolean };
  tlsVerify: boolean;
  timeoutMs: number;
  lastCheckedAt: string | null;
  lastCheckOk: boolean | null;
  lastCheckDetail: string | null;
  serverVersion: string | null;
  /** SLOs taking their SLI from it. */
  sloCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toDataSourceView(row: DataSourceRow): DataSourceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    auth: { kind: row.authKind, username: row.authKind === "BASIC" ? row.username : null, hasSecret: Boolean(row.secretEncrypted) },
    tlsVerify: row.tlsVerify,
    timeoutMs: row.timeoutMs,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    lastCheckOk: row.lastCheckOk,
    lastCheckDetail: row.lastCheckDetail,
    serverVersion: row.serverVersion,
    sloCount: row._count.slos,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** How to reach a stored source, its secret opened: for the adapters only, never returned. */
export function sourceConnection(row: Pick<DataSourceRow, "url" | "authKind" | "username" | "secretEncrypted" | "tlsVerify" | "timeoutMs">): SourceConnection {
  const secret = row.secretEncrypted ? decryptSecret(row.secretEncrypted) : "";
  const auth: SourceConnection["auth"] = row.authKind === "BEARER" ? { kind: "BEARER", token: secret } : row.authKind === "BASIC" ? { kind: "BASIC", username: row.username ?? "", password: secret } : { kind: "NONE" };
  return { url: row.url, auth, tlsVerify: row.tlsVerify, timeoutMs: row.timeoutMs, allowPrivate: env().WEBHOOK_ALLOW_PRIVATE };
}

const validId = (id: unknown): id is string => typeof id === "string" && id.length > 0 && id.length <= 100;

async function dataSourceAccess(db: Db | Tx, actor: Actor, id: string): Promise<{ source: DataSourceRow; access: TeamAccess }> {
  const source = validId(id) ? await db.dataSource.findUnique({ where: { id }, select: dataSourceSelect }) : null;
  if (!source) throw new NotFoundError("Data source");
  const access = await teamAccess(db, actor, { id: source.teamId }, "Data source");
  return { source, access };
}

/** A data source of the given team, or NotFound (also for another team's): what an SLO may point at. */
export async function loadTeamDataSource(db: Db | Tx, teamId: string, id: string): Promise<DataSourceRow | null> {
  const source = validId(id) ? await db.dataSource.findUnique({ where: { id }, select: dataSourceSelect }) : null;
  return source && source.teamId === teamId ? source : null;
}

async function checkUrl(url: string | undefined) {
  if (url) await checkOutboundUrl(url, { allowPrivate: env().WEBHOOK_ALLOW_PRIVATE, path: ["url"] });
}

type AuthData = NonNullable<ReturnType<typeof updateDataSourceSchema.parse>["auth"]>;

function sealedAuth(auth: AuthData | undefined) {
  if (!auth) return {};
  if (auth.kind === "NONE") return { authKind: "NONE" as const, username: null, secretEncrypted: null };
  if (auth.kind === "BEARER") return { authKind: "BEARER" as const, username: null, secretEncrypted: encryptSecret(auth.token) };
  return { authKind: "BASIC" as const, username: auth.username, secretEncrypted: encryptSecret(auth.password) };
}

const duplicateName = () => InvalidError.field(["name"], "The team already has a data source with this name");

export async function listDataSources(actor: Actor, teamSlug: string) {
  const db = getDb();
  const access = await teamAccess(db, actor, { slug: teamSlug });
  const rows = await db.dataSource.findMany({ where: { teamId: access.team.id }, select: dataSourceSelect, orderBy: { name: "asc" } });
  return { team: access.team, role: access.role, canManage: roleAllows(access.role, "manage"), dataSources: rows.map(toDataSourceView) };
}

export async function getDataSource(actor: Actor, id: string): Promise<DataSourceView> {
  const { source } = await dataSourceAccess(getDb(), actor, id);
  return toDataSourceView(source);
}

export async function createDataSource(actor: Actor, teamSlug: string, input: CreateDataSourceInput): Promise<DataSourceView> {
  const data = parseOrThrow(createDataSourceSchema, input);
  const db = getDb();
  // Authorize before resolving the URL, so a stranger learns nothing about addresses from the answer.
  await requireTeamPermission(db, actor, { slug: teamSlug }, "manage");
  await checkUrl(data.url);
  return db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    if (await tx.dataSource.findFirst({ where: { teamId: access.team.id, name: data.name }, select: { id: true } })) throw duplicateName();
    const row = await tx.dataSource.create({
      data: { teamId: access.team.id, name: data.name, url: data.url, ...sealedAuth(data.auth), tlsVerify: data.tlsVerify, timeoutMs: data.timeoutMs, createdById: actor.userId },
      select: dataSourceSelect,
    });
    await recordAudit(tx, actor, {
      action: "data_source.created",
      teamId: access.team.id,
      targetType: "data_source",
      targetId: row.id,
      details: { name: row.name, url: row.url, auth: row.authKind, tlsVerify: row.tlsVerify },
    });
    return toDataSourceView(row);
  });
}

export async function updateDataSource(actor: Actor, id: string, input: UpdateDataSourceInput): Promise<DataSourceView> {
  const data = parseOrThrow(updateDataSourceSchema, input);
  const db = getDb();
  const { source, access } = await dataSourceAccess(db, actor, id);
  assertPermission(access, "manage");
  await checkUrl(data.url);
  return db.$transaction(async (tx) => {
    if (data.name && data.name !== source.name && (await tx.dataSource.findFirst({ where: { teamId: source.teamId, name: data.name }, select: { id: true } }))) throw duplicateName();
    const change: Prisma.DataSourceUpdateManyMutationInput = {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.url !== undefined ? { url: data.url } : {}),
      ...sealedAuth(data.auth),
      ...(data.tlsVerify !== undefined ? { tlsVerify: data.tlsVerify } : {}),
      ...(data.timeoutMs !== undefined ? { timeoutMs: data.timeoutMs } : {}),
      version: { increment: 1 },
    };
    const { count } = await tx.dataSource.updateMany({ where: { id: source.id, version: data.version }, data: change });
    if (count === 0) {
      const current = await tx.dataSource.findUniqueOrThrow({ where: { id: source.id }, select: { version: true } });
      throw new ConflictError("Someone changed this data source after you opened it. Reload it and make your change again.", { currentVersion: current.version });
    }
    const row = await tx.dataSource.findUniqueOrThrow({ where: { id: source.id }, select: dataSourceSelect });
    await recordAudit(tx, actor, {
      action: "data_source.updated",
      teamId: access.team.id,
      targetType: "data_source",
      targetId: source.id,
      // Field names only: which changed, never a secret's value.
      details: { name: row.name, fields: Object.keys(data).filter((key) => key !== "version") },
    });
    return toDataSourceView(row);
  });
}

export async function deleteDataSource(actor: Actor, id: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { source, access } = await dataSourceAccess(tx, actor, id);
    assertPermission(access, "manage");
    const used = await tx.slo.count({ where: { dataSourceId: source.id } });
    if (used > 0) throw new ConflictError(`${used} SLO${used === 1 ? " takes its" : "s take their"} SLI from this data source; point ${used === 1 ? "it" : "them"} elsewhere first.`);
    await tx.dataSource.delete({ where: { id: source.id } });
    await recordAudit(tx, actor, { action: "data_source.deleted", teamId: access.team.id, targetType: "data_source", targetId: source.id, details: { name: source.name } });
  });
}

/** Runs `up` and asks the version through the port; remembers the result. The network call runs outside any transaction. */
export async function testDataSource(actor: Actor, id: string, sliSource: SliSource): Promise<SourceTestReport & { checkedAt: string }> {
  const db = getDb();
  const { source, access } = await dataSourceAccess(db, actor, id);
  assertPermission(access, "manage");
  let report: SourceTestReport;
  try {
    report = await sliSource.test(sourceConnection(source));
  } catch (error) {
    report = { ok: false, version: null, checks: [{ name: "Connection", ok: false, detail: (error as Error).message }] };
  }
  const checkedAt = new Date();
  const detail = report.checks.map((check) => `${check.name}: ${check.detail}`).join(" · ").slice(0, 1_000);
  await db.$transaction(async (tx) => {
    await tx.dataSource.update({ where: { id: source.id }, data: { lastCheckedAt: checkedAt, lastCheckOk: report.ok, lastCheckDetail: detail, ...(report.version ? { serverVersion: report.version.slice(0, 100) } : {}) } });
    await recordAudit(tx, actor, { action: "data_source.tested", teamId: access.team.id, targetType: "data_source", targetId: source.id, details: { name: source.name, ok: report.ok, version: report.version } });
  });
  return { ...report, checkedAt: checkedAt.toISOString() };
}
