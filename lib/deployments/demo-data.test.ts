import { describe, expect, it } from "vitest";
import { planDemoDeployments } from "@/lib/deployments/demo-data";
import { recordDeploymentsSchema } from "@/lib/deployments/schema";

const firstDay = new Date("2026-09-01T00:00:00Z");
const until = new Date("2026-11-30T00:00:00Z");

describe("the demo deployments", () => {
  it("are the same plan every time, valid for the API, with failures followed by rework fixes", () => {
    const plan = planDemoDeployments({ firstDay, days: 90, until, quiet: [] });
    expect(planDemoDeployments({ firstDay, days: 90, until, quiet: [] })).toEqual(plan);
    expect(plan.length).toBeGreaterThan(800);
    expect(new Set(plan.map((entry) => entry.key)).size).toBe(plan.length);
    const failed = plan.filter((entry) => entry.status === "FAILED");
    expect(failed.length).toBeGreaterThan(10);
    expect(plan.filter((entry) => entry.rework)).toHaveLength(failed.length);
    for (let index = 0; index < plan.length; index += 1000) {
      const batch = plan.slice(index, index + 1000).map((entry) => ({ ...entry, startedAt: entry.startedAt.toISOString(), finishedAt: entry.finishedAt?.toISOString(), commits: entry.commits?.map((commit) => ({ ...commit, authoredAt: commit.authoredAt.toISOString() })) }));
      expect(recordDeploymentsSchema.safeParse({ deployments: batch }).success).toBe(true);
    }
  });

  it("plans nothing after `until`, nor for a service inside a quiet span", () => {
    const quiet = [{ service: "checkout-api", from: new Date("2026-09-01T00:00:00Z"), to: new Date("2026-09-08T00:00:00Z") }];
    const plan = planDemoDeployments({ firstDay, days: 90, until: new Date("2026-09-10T12:00:00Z"), quiet });
    expect(plan.every((entry) => entry.finishedAt! <= new Date("2026-09-10T12:00:00Z"))).toBe(true);
    expect(plan.some((entry) => entry.service === "checkout-api" && entry.startedAt < new Date("2026-09-08T00:00:00Z"))).toBe(false);
    expect(plan.some((entry) => entry.service === "checkout-api")).toBe(true);
  });
});
