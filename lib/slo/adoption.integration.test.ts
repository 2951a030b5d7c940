// Adopting SLOs from an SRE request, through the lib and the API route: all at once, idempotent per
// revision, recorded on each SLO, updating the SLOs of an earlier revision in place, and refused for a slug
// another SLO uses, other roles (422) and other teams (404).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as adoptRoute } from "@/app/api/v1/requests/[id]/adopt-slos/route";
import { getRole } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { createRequest, updateRequestInputs } from "@/lib/requests/requests.server";
import { createService } from "@/lib/services/services.server";
import { adoptionResultSchema } from "@/lib/slo/adoption";
import { adoptSlosFromRequest, previewSloAdoption } from "@/lib/slo/adoption.server";
import { ingestSamples } from "@/lib/slo/samples.server";
import { createSlo, getSlo } from "@/lib/slo/slos.server";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const sreExample = getRole("sre-engineer").example as Record<string, unknown>;

async function sreRequest(submit = true) {
  const team = await makeTeam({ members: ["MEMBER", "VIEWER"] });
  const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role: "sre-engineer", input: sreExample, submit });
  return { team, request };
}

/** The example form with availability's objective changed and a third SLI: revision 2. */
const revised = {
  ...sreExample,
  slis: [
    ...(sreExample.slis as Record<string, unknown>[]).map((sli) => (sli.name === "checkout-availability" ? { ...sli, objectivePercent: 99.5 } : sli)),
    { name: "checkout-errors", kind: "availability", goodQuery: 'sum(rate(payments_total{result="ok"}[5m]))', totalQuery: "sum(rate(payments_total[5m]))", objectivePercent: 99 },
  ],
};

function call(id: string, secret: string, body?: unknown) {
  return new NextRequest(`http://localhost/api/v1/requests/${id}/adopt-slos`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("adopting SLOs from an SRE request", () => {
  it("previews, then creates the form's SLOs on a new service in one go, each remembering the request and revision", async () => {
    const { team, request } = await sreRequest();
    const member = team.members.MEMBER!.actor;
    const preview = await previewSloAdoption(member, request.id);
    expect(preview).toMatchObject({ request: { revision: 1 }, matchedServiceId: null, adopted: [], canAdopt: true });
    expect(preview.plan.items.map((item) => item.ok)).toEqual([true, true]);

    const result = await adoptSlosFromRequest(member, request.id, { revision: 1 });
    expect(result).toMatchObject({ alreadyAdopted: false, revision: 1, service: { slug: "checkout-api", created: true } });
    expect(result.slos.map((slo) => slo.slug).sort()).toEqual(["checkout-availability", "checkout-latency"]);
    const stored = await getDb().slo.findMany({ where: { sourceRequestId: request.id } });
    expect(stored.map((slo) => [slo.sourceRevision, slo.windowDays, slo.teamId])).toEqual([
      [1, 28, team.id],
      [1, 28, team.id],
    ]);
    const slo = await getSlo(member, result.slos[0].id);
    expect(slo.sourceRequestId).toBe(request.id);

    const audit = await getDb().auditLog.findMany({ where: { teamId: team.id, action: { in: ["slo.created", "service.created", "request.slos_adopted"] } } });
    expect(audit.map((row) => row.action).sort()).toEqual(["request.slos_adopted", "service.created", "slo.created", "slo.created"]);

    expect((await previewSloAdoption(member, request.id)).adopted).toHaveLength(2);
  });

  it("adopting the same revision again creates nothing and answers the first adoption's SLOs", async () => {
    const { team, request } = await sreRequest();
    const first = await adoptSlosFromRequest(team.members.MEMBER!.actor, request.id);
    const again = await adoptSlosFromRequest(team.owner.actor, request.id, { revision: 1 });
    expect(again.alreadyAdopted).toBe(true);
    expect(again.slos.map((slo) => slo.id).sort()).toEqual(first.slos.map((slo) => slo.id).sort());
    expect(await getDb().slo.count({ where: { teamId: team.id } })).toBe(2);
    expect(await getDb().service.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("adopting a later revision updates the SLOs of the earlier one in place, keeping their samples, and creates the new ones", async () => {
    const { team, request } = await sreRequest();
    const member = team.members.MEMBER!.actor;
    const first = await adoptSlosFromRequest(member, request.id);
    const availability = first.slos.find((slo) => slo.slug === "checkout-availability")!;
    await ingestSamples(member, availability.id, [{ timestamp: new Date(Date.now() - 60_000).toISOString(), good: 9, total: 10 }]);
    await updateRequestInputs(member, request.id, { input: revised, baseRevision: 1 });

    const preview = await previewSloAdoption(member, request.id);
    const service = preview.services.find((entry) => entry.id === first.service.id)!;
    expect(service.adoptedSlos.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: "checkout-availability", revision: 1 },
      { slug: "checkout-latency", revision: 1 },
    ]);

    const second = await adoptSlosFromRequest(member, request.id, { revision: 2, serviceId: first.service.id });
    expect(second).toMatchObject({ alreadyAdopted: false, revision: 2, unchanged: [], service: { id: first.service.id, created: false } });
    expect(second.created.map((slo) => slo.slug)).toEqual(["checkout-errors"]);
    expect(second.updated.map((slo) => [slo.slug, slo.fromRevision]).sort()).toEqual([
      ["checkout-availability", 1],
      ["checkout-latency", 1],
    ]);
    expect(second.slos).toHaveLength(3);
    const updated = await getDb().slo.findUniqueOrThrow({ where: { id: availability.id } });
    expect(updated).toMatchObject({ objective: 99.5, sourceRevision: 2, sourceRequestId: request.id });
    expect(await getDb().sloSample.count({ where: { sloId: availability.id } })).toBe(1);
    const audit = await getDb().auditLog.findMany({ where: { teamId: team.id, action: "slo.updated", targetId: availability.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ changed: ["objective", "sourceRevision"], adoptedFrom: { id: request.id, revision: 2, fromRevision: 1 } });
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: "slo.updated" } })).toBe(2);
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: "slo.created" } })).toBe(3);

    // The same revision again changes nothing.
    const again = await adoptSlosFromRequest(member, request.id, { revision: 2 });
    expect(again).toMatchObject({ alreadyAdopted: true, created: [], updated: [] });
    expect(again.unchanged).toHaveLength(3);
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: { in: ["slo.updated", "slo.created"] } } })).toBe(5);
  });

  it("refuses with 422 naming it a slug the service uses for an SLO not adopted from this request, and writes nothing", async () => {
    const { team, request } = await sreRequest();
    const owner = team.owner.actor;
    const first = await adoptSlosFromRequest(owner, request.id);
    const foreign = await createSlo(owner, { serviceId: first.service.id, name: "Checkout errors", slug: "checkout-errors", sliKind: "RATIO", goodQuery: "payments_total{result=\"ok\"}", totalQuery: "payments_total", objective: 99, windowDays: 28 });
    await updateRequestInputs(owner, request.id, { input: revised, baseRevision: 1 });
    const error = await adoptSlosFromRequest(owner, request.id, { revision: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues.map((issue) => issue.message)).toEqual(["checkout-api already has an SLO with the slug checkout-errors that was not adopted from this request"]);
    expect((await getDb().slo.findMany({ where: { sourceRequestId: request.id } })).map((slo) => slo.sourceRevision)).toEqual([1, 1]);
    expect((await getDb().slo.findUniqueOrThrow({ where: { id: foreign.id } })).sourceRequestId).toBeNull();
    expect(await getDb().auditLog.count({ where: { teamId: team.id, action: "slo.updated" } })).toBe(0);
  });

  it("two adoptions at the same moment create the SLOs once", async () => {
    const { team, request } = await sreRequest();
    const results = await Promise.all([adoptSlosFromRequest(team.members.MEMBER!.actor, request.id), adoptSlosFromRequest(team.owner.actor, request.id)]);
    expect(results.map((result) => result.alreadyAdopted).sort()).toEqual([false, true]);
    expect(await getDb().slo.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("adopts onto the service the form names when the team has it, or onto a chosen one", async () => {
    const { team, request } = await sreRequest();
    const named = await createService(team.owner.actor, team.slug, { name: "Checkout API", slug: "checkout-api", tier: 1, lifecycle: "PRODUCTION" });
    expect((await previewSloAdoption(team.owner.actor, request.id)).matchedServiceId).toBe(named.id);
    const other = await createService(team.owner.actor, team.slug, { name: "Payments", slug: "payments", tier: 1, lifecycle: "PRODUCTION" });
    const result = await adoptSlosFromRequest(team.owner.actor, request.id, { serviceId: other.id });
    expect(result.service).toMatchObject({ id: other.id, created: false });
  });

  it("refuses another role's request and a draft with 422, a viewer with 403, another team with 404", async () => {
    const { team, request } = await sreRequest();
    const network = await createRequest(team.owner.actor, { team: team.slug, role: "network-engineer", input: getRole("network-engineer").example as Record<string, unknown>, submit: true });
    const wrongRole = await adoptSlosFromRequest(team.owner.actor, network.id).catch((error: unknown) => error);
    expect(wrongRole).toBeInstanceOf(InvalidError);
    expect((wrongRole as InvalidError).message).toBe("Only an SRE Engineer request can describe SLOs to adopt; this request is for the Network Engineer role");
    const draft = await createRequest(team.owner.actor, { team: team.slug, role: "sre-engineer", input: sreExample });
    await expect(adoptSlosFromRequest(team.owner.actor, draft.id)).rejects.toThrow(/Submit the request first/);
    await expect(adoptSlosFromRequest(team.members.VIEWER!.actor, request.id)).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await makeTeam();
    await expect(adoptSlosFromRequest(outsider.owner.actor, request.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewSloAdoption(outsider.owner.actor, request.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().slo.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("answers through the API: 201, then 200 for the same revision, 422 for another role, 404 across teams", async () => {
    const { team, request } = await sreRequest();
    const { secret } = await createToken(team.owner.actor, team.slug, { name: "bot" });
    const params = { params: Promise.resolve({ id: request.id }) };
    const created = await adoptRoute(call(request.id, secret), params);
    expect(created.status).toBe(201);
    expect(adoptionResultSchema.parse(await created.json()).slos).toHaveLength(2);
    const again = await adoptRoute(call(request.id, secret, { revision: 1 }), params);
    expect(again.status).toBe(200);
    expect((await again.json()).alreadyAdopted).toBe(true);
    const stale = await adoptRoute(call(request.id, secret, { revision: 2 }), params);
    expect(stale.status).toBe(409);

    // A later revision: 201 with what was created and updated.
    await updateRequestInputs(team.owner.actor, request.id, { input: revised, baseRevision: 1 });
    const later = await adoptRoute(call(request.id, secret, { revision: 2 }), params);
    expect(later.status).toBe(201);
    const laterBody = adoptionResultSchema.parse(await later.json());
    expect(laterBody.created.map((slo) => slo.slug)).toEqual(["checkout-errors"]);
    expect(laterBody.updated.map((slo) => slo.fromRevision)).toEqual([1, 1]);
    const unchanged = adoptionResultSchema.parse(await (await adoptRoute(call(request.id, secret, { revision: 2 }), params)).json());
    expect(unchanged).toMatchObject({ alreadyAdopted: true, created: [], updated: [] });
    expect(unchanged.unchanged).toHaveLength(3);

    const network = await createRequest(team.owner.actor, { team: team.slug, role: "network-engineer", input: getRole("network-engineer").example as Record<string, unknown>, submit: true });
    const wrongRole = await adoptRoute(call(network.id, secret), { params: Promise.resolve({ id: network.id }) });
    expect(wrongRole.status).toBe(422);
    expect((await wrongRole.json()).error.message).toMatch(/^Only an SRE Engineer request/);

    const outsider = await makeTeam();
    const { secret: outsiderSecret } = await createToken(outsider.owner.actor, outsider.slug, { name: "bot" });
    const hidden = await adoptRoute(call(request.id, outsiderSecret), params);
    expect(hidden.status).toBe(404);
  });
});
