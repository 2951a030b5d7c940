// Adopting SLOs from an SRE request: the preview of what its current revision's form describes, and the
// adoption itself (optionally creating the service) in one transaction. Idempotent per request revision:
// the SLOs remember the request and revision they came from, and adopting that revision again returns them.
// Adopting a later revision updates the SLOs adopted from an earlier one in place and creates the new ones.
import "server-only";
import type { z } from "zod";
import { getDb, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPermission } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, InvalidError, parseOrThrow } from "@/lib/errors";
import { sreEngineerSchema } from "@/lib/agents/sre-engineer/schema";
import { createServiceSchema } from "@/lib/services/schema";
import { adoptSlosSchema, planAdoption, type AdoptedSlo, type AdoptionPlan, type AdoptionPreview, type AdoptionResult, type AdoptSlosInput } from "@/lib/slo/adoption";
import { upsertAdoptedSlos, validateSloSpecs, type SloDefinition } from "@/lib/slo/slos.server";
import { loadLinkedRequest, requireRoleRevision, type LinkedRequest } from "@/lib/requests/linked-request.server";

const WHAT = "describe SLOs to adopt";

const toAdopted = (slo: { id: string; name: string; slug: string; service: { id: string; slug: string; name: string } }): AdoptedSlo => ({
  id: slo.id,
  name: slo.name,
  slug: slo.slug,
  service: { id: slo.service.id, slug: slo.service.slug, name: slo.service.name },
});

function planOf(request: LinkedRequest): AdoptionPlan {
  const parsed = sreEngineerSchema.safeParse(request.input);
  // A stored revision was validated when it was saved; a schema change since then is the only way here.
  if (!parsed.success) throw InvalidError.field([], "This revision's answers no longer pass the SRE form's checks: edit the request and submit a new revision");
  return planAdoption(parsed.data);
}

/** What adopting the request's current revision would create, and what it already created. */
export async function previewSloAdoption(actor: Actor, requestId: string): Promise<AdoptionPreview> {
  const db = getDb();
  const request = await loadLinkedRequest(db, actor, requestId);
  requireRoleRevision(request, ["sre-engineer"], WHAT);
  const plan = planOf(request);
  const [services, adopted] = await Promise.all([
    db.service.findMany({ where: { teamId: request.teamId }, select: { id: true, slug: true, name: true, slos: { select: { slug: true, sourceRequestId: true, sourceRevision: true } } }, orderBy: { name: "asc" } }),
    db.slo.findMany({ where: { sourceRequestId: request.id }, select: { id: true, name: true, slug: true, sourceRevision: true, service: { select: { id: true, slug: true, name: true } } }, orderBy: [{ sourceRevision: "desc" }, { name: "asc" }] }),
  ]);
  const matched = services.find((service) => service.slug === plan.service.slug) ?? null;
  return {
    request: { id: request.id, title: request.title, revision: request.revision },
    plan,
    services: services.map((service) => ({
      id: service.id,
      slug: service.slug,
      name: service.name,
      sloSlugs: service.slos.map((slo) => slo.slug),
      adoptedSlos: service.slos.filter((slo) => slo.sourceRequestId === request.id).map((slo) => ({ slug: slo.slug, revision: slo.sourceRevision })),
    })),
    matchedServiceId: matched?.id ?? null,
    adopted: adopted.map((slo) => ({ ...toAdopted(slo), revision: slo.sourceRevision })),
    canAdopt: roleAllows(request.access.role, "edit"),
  };
}

async function serviceFor(tx: Tx, actor: Actor, request: LinkedRequest, plan: AdoptionPlan, input: z.output<typeof adoptSlosSchema>) {
  const team = request.access.team;
  if (input.serviceId) {
    const service = await tx.service.findFirst({ where: { id: input.serviceId, teamId: team.id }, select: { id: true, slug: true, name: true, teamId: true } });
    if (!service) throw InvalidError.field(["serviceId"], `Choose one of ${team.name}'s services`);
    return { ...service, created: false };
  }
  const wanted = input.newService ?? { slug: plan.service.slug, name: plan.service.name };
  const existing = await tx.service.findUnique({ where: { teamId_slug: { teamId: team.id, slug: wanted.slug } }, select: { id: true, slug: true, name: true, teamId: true } });
  if (existing) {
    if (input.newService) throw InvalidError.field(["newService", "slug"], `${team.name} already has a service with the slug ${wanted.slug}: choose it instead`);
    return { ...existing, created: false };
  }
  const data = parseOrThrow(createServiceSchema, {
    slug: wanted.slug,
    name: wanted.name,
    tier: input.newService?.tier ?? 2,
    lifecycle: "PRODUCTION",
    description: `Added when SLOs were adopted from the SRE request “${request.title}”.`.slice(0, 2000),
  });
  const service = await tx.service.create({
    data: { ...data, description: data.description ?? "", repoUrl: data.repoUrl ?? null, runbookUrl: data.runbookUrl ?? null, dashboardUrl: data.dashboardUrl ?? null, teamId: team.id },
    select: { id: true, slug: true, name: true, teamId: true },
  });
  await recordAudit(tx, actor, { action: "service.created", teamId: team.id, targetType: "service", targetId: service.id, details: { slug: service.slug, name: service.name, adoptedFrom: { kind: "request", id: request.id } } });
  return { ...service, created: true };
}

/**
 * Creates the SLOs the request's current revision describes, all or none, each recording the request and
 * revision; SLOs adopted from an earlier revision of this request (same slug, same service) are updated in
 * place. Adopting a revision again changes nothing and returns what the first adoption wrote.
 */
export async function adoptSlosFromRequest(actor: Actor, requestId: string, rawInput: AdoptSlosInput = {}): Promise<AdoptionResult> {
  const input = parseOrThrow(adoptSlosSchema, rawInput ?? {});
  try {
    return await getDb().$transaction(async (tx) => {
      const request = await loadLinkedRequest(tx, actor, requestId);
      assertPermission(request.access, "edit");
      requireRoleRevision(request, ["sre-engineer"], WHAT);
      if (input.revision !== undefined && input.revision !== request.revision) {
        throw new ConflictError(`Revision ${request.revision} was saved after the revision ${input.revision} you previewed: look at the preview again`);
      }
      // One adoption of a request at a time, so two clicks cannot both pass the check below.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`adopt-slos:${request.id}`}))`;
      const previous = await tx.slo.findMany({
        where: { sourceRequestId: request.id, sourceRevision: request.revision },
        select: { id: true, name: true, slug: true, service: { select: { id: true, slug: true, name: true } } },
        orderBy: { name: "asc" },
      });
      if (previous.length) {
        const service = previous[0].service;
        const slos = previous.map(toAdopted);
        return { alreadyAdopted: true, revision: request.revision, slos, created: [], updated: [], unchanged: slos, service: { ...service, created: false } };
      }
      const plan = planOf(request);
      const adoptable = plan.items.flatMap((item) => (item.ok ? [item.spec] : []));
      if (adoptable.length === 0) {
        throw new InvalidError(
          "None of the request's SLIs can be adopted as an SLO",
          plan.items.flatMap((item, index) => (item.ok ? [] : [{ path: ["slis", index], message: `${item.sliName}: ${item.reason}` }])),
        );
      }
      const validated = validateSloSpecs(adoptable);
      const service = await serviceFor(tx, actor, request, plan, input);
      const { created, updated } = await upsertAdoptedSlos(tx, actor, service, validated, { kind: "request", id: request.id, revision: request.revision });
      await recordAudit(tx, actor, {
        action: "request.slos_adopted",
        teamId: request.teamId,
        targetType: "request",
        targetId: request.id,
        details: {
          title: request.title,
          revision: request.revision,
          service: service.slug,
          slos: created.map((slo: SloDefinition) => slo.slug),
          updated: updated.map((entry) => ({ slug: entry.slo.slug, fromRevision: entry.fromRevision })),
        },
      });
      const createdSlos = created.map(toAdopted);
      const updatedSlos = updated.map((entry) => ({ ...toAdopted(entry.slo), fromRevision: entry.fromRevision }));
      return {
        alreadyAdopted: false,
        revision: request.revision,
        slos: [...created, ...updated.map((entry) => entry.slo)].map(toAdopted).sort((a, b) => a.name.localeCompare(b.name)),
        created: createdSlos,
        updated: updatedSlos,
        unchanged: [],
        service: { id: service.id, slug: service.slug, name: service.name, created: service.created },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("Someone created one of these SLOs or the service at the same moment: look at the preview again");
    throw error;
  }
}
