// The demo queue: every status, the right people, valid answers, and seeding twice adds nothing.
import { describe, expect, it } from "vitest";
import { userActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { requestStatuses } from "@/lib/requests/lifecycle";
import { getRequest, listRequests } from "@/lib/requests/requests.server";

describe("the demo requests", () => {
  it("put a request in every status, reviewed by someone other than its author, and are seeded once", async () => {
    await seedDemo();
    const db = getDb();
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.local" } });
    const list = await listRequests(userActor(admin.id), { pageSize: 100 });
    const demo = list.requests.filter((request) => request.id.startsWith("demo-request-"));
    for (const status of requestStatuses) expect(demo.some((request) => request.status === status), status).toBe(true);
    expect(new Set(demo.map((request) => request.role.key)).size).toBe(10);

    for (const summary of demo) {
      const request = await getRequest(userActor(admin.id), summary.id);
      for (const move of request.transitions.filter((transition) => transition.to === "APPROVED")) {
        expect(move.actor?.id).not.toBe(request.author?.id);
      }
      // Every move starts where the previous one ended, and the last one is the request's status.
      request.transitions.forEach((move, index) => expect(move.from).toBe(index === 0 ? "DRAFT" : request.transitions[index - 1].to));
      expect(request.transitions.at(-1)?.to ?? "DRAFT").toBe(request.status);
      if (request.status !== "DRAFT") expect(request.title).not.toBe("");
    }

    const before = await db.request.count();
    const again = await seedDemo();
    expect(again.created).toBe(0);
    expect(await db.request.count()).toBe(before);
  });
});
