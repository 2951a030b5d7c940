// Adopting SLOs from an SRE request, through the lib and the API route: all at once, idempotent per
// revision, recorded on each SLO, and refused for other roles (422) and other teams (404).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as adoptRoute } from "@/app/api/v1/requests/[id]/adopt-slos/route";
import { getRole } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { createRequest } from "@/lib/requests/requests.server";
import { createService } from "@/lib/services/services.server";
import { adoptionResultSchema } from "@/lib/slo/adoption";
import { adoptSlosFromRequest, previewSloAdoption } from "@/lib/slo/adoption.server";
import { getSlo } from "@/lib/slo/slos.server";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const sreExample = getRole("sre-engineer").example as Record<string, unknown>;

async function sreRequest(submit = true) {
  const team = await makeTeam({ members: ["MEMBER", "VIEWER"] });
  const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role: "sre-engineer", input: sreExample, submit });
  return { team, request };
}

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
