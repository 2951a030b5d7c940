// The service catalog: list, read, create, change and delete a team's services. Every function takes the
// acting user first; another team's service is "not found".
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma, Service } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess, visibleTeamIds, type TeamAccess } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/audit.server";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, InvalidError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { listTeams } from "@/lib/teams/teams.server";
import {
  createServiceSchema,
  serviceListQuerySchema,
  updateServiceSchema,
  type CreateServiceInput,
  type ServiceListQuery,
  type UpdateServiceInput,
} from "@/lib/services/schema";

export const SERVICES_PAGE_SIZE = 25;

export type ServiceWithTeam = Service & { team: { id: string; slug: string; name: string } };

const teamSelect = { team: { select: { id: true, slug: true, name: true } } } as const;

const slugTaken = () => new InvalidError("That slug is taken", [{ path: ["slug"], message: "The team already has a service with this slug" }]);

/** A service the actor can see, with the actor's access to its team; NotFound otherwise. */
export async function serviceAccess(db: Db | Tx, actor: Actor, serviceId: string): Promise<{ service: ServiceWithTeam; access: TeamAccess }> {
  const service = await db.service.findUnique({ where: { id: serviceId }, include: teamSelect });
  if (!service) throw new NotFoundError("Service");
  const access = await teamAccess(db, actor, { id: service.teamId }, "Service");
  return { service, access };
}

/** One service with the caller's role in its team. */
export async function getService(actor: Actor, serviceId: string) {
  const { service, access } = await serviceAccess(getDb(), actor, serviceId);
  return { ...service, role: access.role };
}

/** A page of a team's services, filtered and sorted as the list page asks. */
export async function listServices(actor: Actor, teamSlug: string, rawQuery: ServiceListQuery | Record<string, unknown> = {}) {
  const query = serviceListQuerySchema.parse(rawQuery);
  const db = getDb();
  const { team, role } = await teamAccess(db, actor, { slug: teamSlug });
  const where: Prisma.ServiceWhereInput = {
    teamId: team.id,
    ...(query.tier ? { tier: query.tier } : {}),
    ...(query.lifecycle ? { lifecycle: query.lifecycle } : {}),
    ...(query.q
      ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { slug: { contains: query.q, mode: "insensitive" } }, { description: { contains: query.q, mode: "insensitive" } }] }
      : {}),
  };
  const sort = query.sort ?? "name";
  const dir = query.dir ?? "asc";
  const orderBy: Prisma.ServiceOrderByWithRelationInput[] = [{ [sort]: dir }, { name: "asc" }, { id: "asc" }];
  const total = await db.service.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SERVICES_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const services = await db.service.findMany({ where, orderBy, skip: (page - 1) * SERVICES_PAGE_SIZE, take: SERVICES_PAGE_SIZE });
  return { team, role, services, total, page, pageCount, query: { ...query, sort, dir } };
}

/** Every service of the caller's teams (a token: its team), by name: for pickers and the API. */
export async function listVisibleServices(actor: Actor, options: { teamSlug?: string } = {}) {
  const db = getDb();
  const teamIds = options.teamSlug ? [(await teamAccess(db, actor, { slug: options.teamSlug })).team.id] : await visibleTeamIds(db, actor);
  return db.service.findMany({ where: { teamId: { in: teamIds } }, include: teamSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/**
 * The team a new service or SLO goes to when the caller did not name one: a token's own team, or the
 * user's only team. A user in several teams must choose.
 */
export async function resolveTargetTeam(actor: Actor, teamSlug: string | undefined): Promise<string> {
  if (teamSlug) return teamSlug;
  const teams = await listTeams(actor);
  if (teams.length === 1) return teams[0].slug;
  throw InvalidError.field(["team"], teams.length === 0 ? "You are not in a team yet" : "Name the team (its slug) the service belongs to");
}

export async function createService(actor: Actor, teamSlug: string, input: CreateServiceInput) {
  const data = parseOrThrow(createServiceSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "edit");
      const service = await tx.service.create({
        data: { ...data, description: data.description ?? "", repoUrl: data.repoUrl ?? null, runbookUrl: data.runbookUrl ?? null, dashboardUrl: data.dashboardUrl ?? null, teamId: access.team.id },
        include: teamSelect,
      });
      await recordAudit(tx, actor, { action: "service.created", teamId: access.team.id, targetType: "service", targetId: service.id, details: { slug: service.slug, name: service.name } });
      return service;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** Throws Conflict when the row changed since the caller read `expected` (an ISO time). */
export function assertNotStale(current: Date, expected: string | undefined, what: string): void {
  if (expected && new Date(expected).getTime() !== current.getTime()) {
    throw new ConflictError(`This ${what} was changed by someone else since you opened it. Reload to see their change, then edit again.`, { updatedAt: current.toISOString() });
  }
}

export async function updateService(actor: Actor, serviceId: string, input: UpdateServiceInput) {
  const { updatedAt: expected, ...changes } = parseOrThrow(updateServiceSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const { service, access } = await serviceAccess(tx, actor, serviceId);
      await requireTeamPermission(tx, actor, { id: access.team.id }, "edit", "Service");
      assertNotStale(service.updatedAt, expected, "service");
      const data = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Prisma.ServiceUpdateInput;
      const changed = Object.keys(data).filter((key) => (service as Record<string, unknown>)[key] !== (data as Record<string, unknown>)[key]);
      if (changed.length === 0) return service;
      const updated = await tx.service.update({ where: { id: service.id }, data, include: teamSelect });
      await recordAudit(tx, actor, { action: "service.updated", teamId: access.team.id, targetType: "service", targetId: service.id, details: { slug: updated.slug, changed } });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** Deletes a service with its SLOs and their samples. Maintainers and owners only: it cannot be undone. */
export async function deleteService(actor: Actor, serviceId: string) {
  return getDb().$transaction(async (tx) => {
    const { service, access } = await serviceAccess(tx, actor, serviceId);
    await requireTeamPermission(tx, actor, { id: access.team.id }, "manage", "Service");
    const sloCount = await tx.slo.count({ where: { serviceId: service.id } });
    await tx.service.delete({ where: { id: service.id } });
    await recordAudit(tx, actor, { action: "service.deleted", teamId: access.team.id, targetType: "service", targetId: service.id, details: { slug: service.slug, name: service.name, slos: sloCount } });
    return { id: service.id, team: service.team };
  });
}
