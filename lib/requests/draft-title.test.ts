import { describe, expect, it } from "vitest";
import { getRole } from "@/lib/agents/registry";
import { provisionalTitle } from "./draft-title";

const network = getRole("network-engineer");
const cloud = getRole("cloud-architect");

describe("what a draft without a title is called", () => {
  it("is nothing before the workload is named", () => {
    expect(provisionalTitle(network, null)).toBeNull();
    expect(provisionalTitle(network, { provider: "aws" })).toBeNull();
    expect(provisionalTitle(network, { networkName: "   " })).toBeNull();
  });

  it("is the role's name field once typed, while the answers are incomplete", () => {
    expect(provisionalTitle(network, { networkName: " payments-core " })).toBe("payments-core (draft)");
    expect(provisionalTitle(cloud, { workloadName: "checkout" })).toBe("checkout (draft)");
  });

  it("is the title it will get on submit once the answers are complete", () => {
    const example = network.example as Record<string, unknown>;
    expect(provisionalTitle(network, example)).toBe((network.defaultTitle as (input: unknown) => string)(network.schema.parse(example)));
  });
});
