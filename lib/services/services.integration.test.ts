import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/audit/audit.server";
import { createService, deleteService, getService, listServices, listVisibleServices, resolveTargetTeam, updateService } from "@/lib/services/services.server";
import { makeTeam, makeUser } from "@/lib/testing/factories";

const checkout = { name: "Checkout API", slug: "checkout-api", tier: 1, lifecycle: "PRODUCTION" as const, description: "Orders", repoUrl: "https://git.example.com/checkout", runbookUrl: "", dashboardUrl: null };

describe("services", () => {
  it("are created by members, with the change audited in the same transaction", async () => {
    const team = await makeTeam({ members: ["MEMBER"] });
    const service = await createService(team.members.MEMBER!.actor, team.slug, checkout);
    expect(service).toMatchObject({ slug: "checkout-api", tier: 1, lifecycle: "PRODUCTION", repoUrl: "https://git.example.com/checkout", runbookUrl: null, dashboardUrl: null, team: { slug: team.slug } });
    const events = await listAuditEvents(team.owner.actor, team.slug);
    expect(events.map((event) => [event.action, event.targetId, event.actorId])).toEqual([["service.created", service.id, team.members.MEMBER!.id]]);
  });

  it("are invisible to other teams: reads and writes answer not found", async () => {
    const team = await makeTeam();
    const outsider = await makeTeam();
    const service = await createService(team.owner.actor, team.slug, checkout);
    for (const attempt of [
      () => getService(outsider.owner.actor, service.id),
      () => updateService(outsider.owner.actor, service.id, { tier: 4 }),
      () => deleteService(outsider.owner.actor, service.id),
      () => listServices(outsider.owner.actor, team.slug),
      () => createService(outsider.owner.actor, team.slug, { ...checkout, slug: "sneaky" }),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await listVisibleServices(outsider.owner.actor)).toEqual([]);
    expect((await getService(team.owner.actor, service.id)).tier).toBe(1);
  });

  it("cannot be changed by viewers or deleted by members", async () => {
    const team = await makeTeam({ members: ["VIEWER", "MEMBER", "MAINTAINER"] });
    const service = await createService(team.owner.actor, team.slug, checkout);
    await expect(createService(team.members.VIEWER!.actor, team.slug, { ...checkout, slug: "other" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateService(team.members.VIEWER!.actor, service.id, { tier: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteService(team.members.MEMBER!.actor, service.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteService(team.members.MAINTAINER!.actor, service.id);
    await expect(getService(team.owner.actor, service.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listAuditEvents(team.owner.actor, team.slug)).map((event) => event.action)).toEqual(["service.deleted", "service.created"]);
  });

  it("reject bad input with a message per field, and a taken slug on the slug, changing nothing", async () => {
    const team = await makeTeam();
    await createService(team.owner.actor, team.slug, checkout);
    const invalid = await createService(team.owner.actor, team.slug, { name: "", slug: "-x-", tier: 0, lifecycle: "GONE" as never, runbookUrl: "javascript:alert(1)" }).catch((error) => error);
    expect(invalid).toBeInstanceOf(InvalidError);
    expect(invalid.issues.map((issue: { path: string[] }) => issue.path[0]).sort()).toEqual(["lifecycle", "name", "runbookUrl", "slug", "tier"]);
    const taken = await createService(team.owner.actor, team.slug, checkout).catch((error) => error);
    expect(taken).toBeInstanceOf(InvalidError);
    expect(taken.issues).toEqual([{ path: ["slug"], message: expect.stringContaining("already") }]);
    expect(await getDb().service.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("refuse a change made from a stale version with a conflict", async () => {
    const team = await makeTeam();
    const service = await createService(team.owner.actor, team.slug, checkout);
    const first = await updateService(team.owner.actor, service.id, { name: "Checkout", updatedAt: service.updatedAt.toISOString() });
    const stale = await updateService(team.owner.actor, service.id, { name: "Lost update", updatedAt: service.updatedAt.toISOString() }).catch((error) => error);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await getService(team.owner.actor, service.id)).name).toBe("Checkout");
    await updateService(team.owner.actor, service.id, { lifecycle: "DEPRECATED", updatedAt: first.updatedAt.toISOString() });
    const events = await listAuditEvents(team.owner.actor, team.slug);
    expect(events[0]).toMatchObject({ action: "service.updated", details: expect.objectContaining({ changed: ["lifecycle"] }) });
  });

  it("list with filters, sorting and pages of 25", async () => {
    const team = await makeTeam();
    for (let index = 0; index < 30; index++) {
      await createService(team.owner.actor, team.slug, { name: `Service ${String(index).padStart(2, "0")}`, slug: `service-${index}`, tier: (index % 4) + 1, lifecycle: index % 3 === 0 ? "EXPERIMENTAL" : "PRODUCTION" });
    }
    const firstPage = await listServices(team.owner.actor, team.slug, {});
    expect(firstPage).toMatchObject({ total: 30, page: 1, pageCount: 2 });
    expect(firstPage.services).toHaveLength(25);
    expect(firstPage.services[0].name).toBe("Service 00");
    const secondPage = await listServices(team.owner.actor, team.slug, { page: "2" });
    expect(secondPage.services.map((service) => service.name)).toEqual(["Service 25", "Service 26", "Service 27", "Service 28", "Service 29"]);
    const tierOne = await listServices(team.owner.actor, team.slug, { tier: "1", lifecycle: "EXPERIMENTAL" });
    expect(tierOne.services.every((service) => service.tier === 1 && service.lifecycle === "EXPERIMENTAL")).toBe(true);
    expect(tierOne.total).toBe(3); // 0, 12, 24
    const search = await listServices(team.owner.actor, team.slug, { q: "service 1", sort: "name", dir: "desc" });
    expect(search.services.map((service) => service.name)).toEqual(["Service 19", "Service 18", "Service 17", "Service 16", "Service 15", "Service 14", "Service 13", "Service 12", "Service 11", "Service 10"]);
    const nonsense = await listServices(team.owner.actor, team.slug, { page: "999", tier: "x", sort: "drop table" });
    expect(nonsense.page).toBe(2);
  });

  it("go to a token's team, or a user's only team, when no team is named", async () => {
    const solo = await makeTeam();
    expect(await resolveTargetTeam(solo.owner.actor, undefined)).toBe(solo.slug);
    const both = await makeUser();
    const second = await makeTeam();
    await getDb().membership.createMany({ data: [{ teamId: solo.id, userId: both.id, role: "MEMBER" }, { teamId: second.id, userId: both.id, role: "MEMBER" }] });
    await expect(resolveTargetTeam(both.actor, undefined)).rejects.toMatchObject({ issues: [{ path: ["team"] }] });
  });
});
