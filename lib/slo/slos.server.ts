// SLO definitions: read, create, change, delete, and create several at once from an SRE request's specs
// (adoption). Every function takes the acting user first; another team's SLO is "not found".
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma, Slo } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess, type TeamAccess } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/audit.server";
import { isUniqueViolation } from "@/lib/db/errors";
import { InvalidError, NotFoundError, parseOrThrow, type Issue } from "@/lib/errors";
import { assertNotStale, serviceAccess } from "@/lib/services/services.server";
import { createSloSchema, sloFieldNames, sloInputSchema, sloSpecSchema, sloVersionSchema, type SloDefinitionData, type SloSpec, type UpdateSloInput } from "@/lib/slo/schema";
import type { z } from "zod";
import type { SliSource } from "@/lib/slo/sli-source";
import { checkSloSource, clearSamples, sliChanged, startSourceSync } from "@/lib/slo/source-sync.server";

/** What create and update need beyond the input: the source port to check selectors with (routes and actions pass the registry's). */
export interface SloWriteOptions {
  sliSource?: SliSource;
  now?: Date;
}

const definitionInclude = {
  service: { select: { id: true, slug: true, name: true, tier: true, lifecycle: true, runbookUrl: true, dashboardUrl: true } },
  team: { select: { id: true, slug: true, name: true } },
} as const;

export type SloDefinition = Prisma.SloGetPayload<{ include: typeof definitionInclude }>;

const slugTaken = (path: (string | number)[] = ["slug"]) => new InvalidError("That slug is taken", [{ path, message: "The service already has an SLO with this slug" }]);

/** An SLO the actor can see, with the actor's access to its team; NotFound otherwise. */
export async function sloAccess(db: Db | Tx, actor: Actor, sloId: string): Promise<{ slo: SloDefinition; access: TeamAccess }> {
  const slo = await db.slo.findUnique({ where: { id: sloId }, include: definitionInclude });
  if (!slo) throw new NotFoundError("SLO");
  const access = await teamAccess(db, actor, { id: slo.teamId }, "SLO");
  return { slo, access };
}

export async function getSlo(actor: Actor, sloId: string) {
  const { slo, access } = await sloAccess(getDb(), actor, sloId);
  return { ...slo, role: access.role };
}

/**
 * The definitions matching `where`, by service then name. No access check: for callers that have already
 * resolved the caller's access to the team or service (they run it beside the report sums).
 */
export async function findSloDefinitions(where: { teamId: string } | { serviceId: string }): Promise<SloDefinition[]> {
  // The SLOs, then their services and teams by id, joined here: for a team's 500 SLOs this takes a third of
  // the time of the same findMany with `include` and an orderBy on the service, which has PostgreSQL build
  // a JSON object per relation and row (about 19 ms against 6, on the bench:slo BENCH_SCALE=10 data).
  const db = getDb();
  const slos = await db.slo.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const [services, teams] = await Promise.all([
    db.service.findMany({ where: { id: { in: [...new Set(slos.map((slo) => slo.serviceId))] } }, select: definitionInclude.service.select, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.team.findMany({ where: { id: { in: [...new Set(slos.map((slo) => slo.teamId))] } }, select: definitionInclude.team.select }),
  ]);
  // By service name, then name and id, as PostgreSQL orders them: services of the same name share a rank.
  const serviceById = new Map(services.map((service) => [service.id, service]));
  const rankOfName = new Map<string, number>();
  for (const service of services) if (!rankOfName.has(service.name)) rankOfName.set(service.name, rankOfName.size);
  const teamById = new Map(teams.map((team) => [team.id, team]));
  const rank = (slo: (typeof slos)[number]) => rankOfName.get(serviceById.get(slo.serviceId)?.name ?? "") ?? 0;
  return slos
    .map((slo, index) => ({ slo, index, rank: rank(slo) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ slo }) => ({ ...slo, service: serviceById.get(slo.serviceId)!, team: teamById.get(slo.teamId)! }));
}

/** The definitions of a team's SLOs, or of one service's, by service then name. */
export async function listSloDefinitions(actor: Actor, scope: { teamSlug: string } | { serviceId: string }): Promise<{ definitions: SloDefinition[]; access: TeamAccess }> {
  const db = getDb();
  if ("serviceId" in scope) {
    const { service, access } = await serviceAccess(db, actor, scope.serviceId);
    const definitions = await db.slo.findMany({ where: { serviceId: service.id }, include: definitionInclude, orderBy: [{ name: "asc" }, { id: "asc" }] });
    return { definitions, access };
  }
  const access = await teamAccess(db, actor, { slug: scope.teamSlug });
  const definitions = await db.slo.findMany({ where: { teamId: access.team.id }, include: definitionInclude, orderBy: [{ service: { name: "asc" } }, { name: "asc" }, { id: "asc" }] });
  return { definitions, access };
}

function toRow(data: SloDefinitionData) {
  return {
    name: data.name,
    slug: data.slug,
    description: data.description,
    sliKind: data.sliKind,
    goodQuery: data.goodQuery,
    totalQuery: data.totalQuery,
    latencyMetric: data.latencyMetric,
    latencyThresholdMs: data.latencyThresholdMs,
    objective: data.objective,
    windowDays: data.windowDays,
    alerting: data.alerting,
    dataSourceId: data.dataSourceId,
    alertMinEvents: data.alertMinEvents,
  };
}

/** The definition as input again, so that a partial change can be merged and validated whole. */
function toInput(slo: Slo) {
  return {
    name: slo.name,
    slug: slo.slug,
    description: slo.description,
    sliKind: slo.sliKind,
    goodQuery: slo.goodQuery,
    totalQuery: slo.totalQuery,
    latencyMetric: slo.latencyMetric,
    latencyThresholdMs: slo.latencyThresholdMs ?? undefined,
    objective: slo.objective,
    windowDays: slo.windowDays,
    alerting: slo.alerting,
    dataSourceId: slo.dataSourceId,
    alertMinEvents: slo.alertMinEvents,
  };
}

export async function createSlo(actor: Actor, input: z.input<typeof createSloSchema>, options: SloWriteOptions = {}) {
  const { serviceId, ...fields } = parseOrThrow(createSloSchema, input);
  const data = parseOrThrow(sloInputSchema, fields);
  if (data.dataSourceId) {
    // Outside the transaction: asking the source is a network call.
    const { access } = await serviceAccess(getDb(), actor, serviceId);
    await requireTeamPermission(getDb(), actor, { id: access.team.id }, "edit", "Service");
    await checkSloSource(getDb(), access.team.id, data, options.sliSource);
  }
  try {
    return await getDb().$transaction(async (tx) => {
      const { service, access } = await serviceAccess(tx, actor, serviceId);
      await requireTeamPermission(tx, actor, { id: access.team.id }, "edit", "Service");
      if (data.dataSourceId) await checkSloSource(tx, service.teamId, data);
      const slo = await tx.slo.create({ data: { ...toRow(data), serviceId: service.id, teamId: service.teamId }, include: definitionInclude });
      if (slo.dataSourceId) await startSourceSync(tx, slo.id, slo.windowDays, options.now ?? new Date());
      await recordAudit(tx, actor, { action: "slo.created", teamId: service.teamId, targetType: "slo", targetId: slo.id, details: { name: slo.name, service: service.slug, objective: slo.objective, windowDays: slo.windowDays } });
      return slo;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/**
 * Changes an SLO. The change is merged into the stored definition and the result validated whole, so every
 * problem is reported at once, including those that depend on two fields (a kind and its queries).
 */
export async function updateSlo(actor: Actor, sloId: string, input: UpdateSloInput, options: SloWriteOptions = {}) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw InvalidError.field([], "Send an object with the fields to change");
  const { updatedAt: expected } = parseOrThrow(sloVersionSchema, { updatedAt: input.updatedAt });
  const changes = Object.fromEntries(sloFieldNames.filter((name) => (input as Record<string, unknown>)[name] !== undefined).map((name) => [name, (input as Record<string, unknown>)[name]]));
  {
    // Outside the transaction: a changed SLI of a source SLO is checked with the source (a network call).
    const { slo, access } = await sloAccess(getDb(), actor, sloId);
    await requireTeamPermission(getDb(), actor, { id: access.team.id }, "edit", "SLO");
    const data = toRow(parseOrThrow(sloInputSchema, { ...toInput(slo), ...changes }));
    // A longer window must be served by the source too.
    if (data.dataSourceId && (sliChanged(slo, data) || data.windowDays > slo.windowDays)) await checkSloSource(getDb(), slo.teamId, data, options.sliSource);
  }
  try {
    return await getDb().$transaction(async (tx) => {
      const { slo, access } = await sloAccess(tx, actor, sloId);
      await requireTeamPermission(tx, actor, { id: access.team.id }, "edit", "SLO");
      assertNotStale(slo.updatedAt, expected, "SLO");
      const data = toRow(parseOrThrow(sloInputSchema, { ...toInput(slo), ...changes }));
      const changed = (Object.keys(data) as (keyof typeof data)[]).filter((key) => slo[key] !== data[key]);
      if (changed.length === 0) return slo;
      if (data.dataSourceId && data.dataSourceId !== slo.dataSourceId) await checkSloSource(tx, slo.teamId, data);
      const updated = await tx.slo.update({ where: { id: slo.id }, data, include: definitionInclude });
      // A source SLO whose SLI now reads from elsewhere starts over: its old minutes meant something else.
      if (data.dataSourceId && sliChanged(slo, data)) {
        await clearSamples(tx, slo.id);
        await startSourceSync(tx, slo.id, data.windowDays, options.now ?? new Date());
      } else if (data.dataSourceId && data.windowDays !== slo.windowDays) await startSourceSync(tx, slo.id, data.windowDays, options.now ?? new Date());
      else if (!data.dataSourceId && slo.dataSourceId) await tx.sloSourceSync.deleteMany({ where: { sloId: slo.id } });
      await recordAudit(tx, actor, { action: "slo.updated", teamId: slo.teamId, targetType: "slo", targetId: slo.id, details: { name: updated.name, service: slo.service.slug, changed } });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** Deletes an SLO and its samples. Maintainers and owners only: the history cannot be recovered. */
export async function deleteSlo(actor: Actor, sloId: string) {
  return getDb().$transaction(async (tx) => {
    const { slo, access } = await sloAccess(tx, actor, sloId);
    await requireTeamPermission(tx, actor, { id: access.team.id }, "manage", "SLO");
    await tx.slo.delete({ where: { id: slo.id } });
    await recordAudit(tx, actor, { action: "slo.deleted", teamId: slo.teamId, targetType: "slo", targetId: slo.id, details: { name: slo.name, service: slo.service.slug } });
    return { id: slo.id, serviceId: slo.serviceId };
  });
}

export interface AdoptionSource {
  /** What the specs came from, recorded in the audit log, e.g. { kind: "request", id: "…" }. */
  kind: string;
  id: string;
  /** For a request: the revision whose answers described the SLOs (stored on each SLO). */
  revision?: number;
}

/**
 * Validates adoption specs whole: every problem at once, each issue's path starting with the spec's index
 * (["1", "objective"]) so a form can point at the right row. Nothing is created when any spec is invalid.
 */
export function validateSloSpecs(specs: SloSpec[]): SloDefinitionData[] {
  if (!Array.isArray(specs) || specs.length === 0) throw InvalidError.field([], "Give at least one SLO to create");
  if (specs.length > 50) throw InvalidError.field([], "Adopt at most 50 SLOs at once");
  const issues: Issue[] = [];
  const validated: SloDefinitionData[] = [];
  specs.forEach((spec, index) => {
    const shape = sloSpecSchema.safeParse(spec);
    const result = shape.success ? sloInputSchema.safeParse(shape.data) : shape;
    if (!result.success) {
      for (const issue of result.error.issues) issues.push({ path: [index, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))], message: issue.message, code: issue.code });
      return;
    }
    validated.push(result.data as SloDefinitionData);
  });
  const seen = new Map<string, number>();
  specs.forEach((spec, index) => {
    const slug = typeof spec?.slug === "string" ? spec.slug.trim() : undefined;
    if (!slug) return;
    if (seen.has(slug)) issues.push({ path: [index, "slug"], message: `Spec ${seen.get(slug)} already uses this slug` });
    else seen.set(slug, index);
  });
  if (issues.length) throw new InvalidError(`${new Set(issues.map((issue) => issue.path[0])).size} of ${specs.length} SLO specs are invalid; none was created`, issues);
  return validated;
}

/**
 * Writes validated SLOs on a service inside the caller's transaction, each with its audit row; the caller
 * has checked the actor may edit the service's team. A slug the service already uses is a 422 for all.
 */
export async function insertSlos(tx: Tx, actor: Actor, service: { id: string; slug: string; name: string; teamId: string }, validated: SloDefinitionData[], source?: AdoptionSource): Promise<SloDefinition[]> {
  const existing = await tx.slo.findMany({ where: { serviceId: service.id, slug: { in: validated.map((data) => data.slug) } }, select: { slug: true } });
  if (existing.length) {
    const taken = new Set(existing.map((row) => row.slug));
    throw new InvalidError(
      "Some SLOs already exist on this service; none was created",
      validated.flatMap((data, index) => (taken.has(data.slug) ? [{ path: [index, "slug"], message: `${service.name} already has an SLO with the slug ${data.slug}` }] : [])),
    );
  }
  const fromRequest = source?.kind === "request" ? { sourceRequestId: source.id, sourceRevision: source.revision ?? null } : {};
  const created: SloDefinition[] = [];
  for (const data of validated) {
    const slo = await tx.slo.create({ data: { ...toRow(data), ...fromRequest, serviceId: service.id, teamId: service.teamId }, include: definitionInclude });
    await recordAudit(tx, actor, {
      action: "slo.created",
      teamId: service.teamId,
      targetType: "slo",
      targetId: slo.id,
      details: {
        name: slo.name,
        service: service.slug,
        objective: slo.objective,
        windowDays: slo.windowDays,
        ...(source ? { adoptedFrom: { kind: source.kind, id: source.id, ...(source.revision !== undefined ? { revision: source.revision } : {}) } } : {}),
      },
    });
    created.push(slo);
  }
  return created;
}

export interface AdoptedSlos {
  created: SloDefinition[];
  /** SLOs adopted from an earlier revision of the same request, rewritten from this one. */
  updated: { slo: SloDefinition; fromRevision: number | null; changed: string[] }[];
}

/**
 * Writes the SLOs a request's revision describes on a service inside the caller's transaction, each with its
 * audit row; the caller has checked the actor may edit the service's team. An SLO with the same slug that was
 * adopted from the same request is updated in place (definition and source revision; its samples stay); a
 * slug the service uses for any other SLO is a 422 for all that names it.
 */
export async function upsertAdoptedSlos(tx: Tx, actor: Actor, service: { id: string; slug: string; name: string; teamId: string }, validated: SloDefinitionData[], source: AdoptionSource & { revision: number }): Promise<AdoptedSlos> {
  const existing = await tx.slo.findMany({ where: { serviceId: service.id, slug: { in: validated.map((data) => data.slug) } }, include: definitionInclude });
  const bySlug = new Map(existing.map((slo) => [slo.slug, slo]));
  const foreign = validated.flatMap((data, index) => {
    const slo = bySlug.get(data.slug);
    return slo && slo.sourceRequestId !== source.id ? [{ path: [index, "slug"], message: `${service.name} already has an SLO with the slug ${data.slug} that was not adopted from this request` }] : [];
  });
  if (foreign.length) throw new InvalidError("Some SLOs already exist on this service; none was created or updated", foreign);
  const result: AdoptedSlos = { created: [], updated: [] };
  const fresh = validated.filter((data) => !bySlug.has(data.slug));
  if (fresh.length) result.created = await insertSlos(tx, actor, service, fresh, source);
  for (const data of validated) {
    const slo = bySlug.get(data.slug);
    if (!slo) continue;
    const row = toRow(data);
    const changed: string[] = (Object.keys(row) as (keyof typeof row)[]).filter((key) => slo[key] !== row[key]);
    if (slo.sourceRevision !== source.revision) changed.push("sourceRevision");
    const updated = await tx.slo.update({ where: { id: slo.id }, data: { ...row, sourceRevision: source.revision }, include: definitionInclude });
    await recordAudit(tx, actor, {
      action: "slo.updated",
      teamId: service.teamId,
      targetType: "slo",
      targetId: slo.id,
      details: { name: updated.name, service: service.slug, changed, adoptedFrom: { kind: source.kind, id: source.id, revision: source.revision, fromRevision: slo.sourceRevision } },
    });
    result.updated.push({ slo: updated, fromRevision: slo.sourceRevision, changed });
  }
  return result;
}

/**
 * Creates every SLO an SRE request's form describes, for one service, in one transaction: all or none.
 * Issues carry the spec's index first (["1", "objective"]) so a form can point at the right row.
 * Adoption from a request (lib/slo/adoption.server.ts) uses the same two steps.
 */
export async function createSlosFromSpecs(actor: Actor, serviceId: string, specs: SloSpec[], source?: AdoptionSource) {
  const validated = validateSloSpecs(specs);
  return getDb().$transaction(async (tx) => {
    const { service, access } = await serviceAccess(tx, actor, serviceId);
    await requireTeamPermission(tx, actor, { id: access.team.id }, "edit", "Service");
    return insertSlos(tx, actor, service, validated, source);
  });
}
