import { describe, expect, it } from "vitest";
import { cloudProviders, regionsByProvider, regionZones } from "@/lib/agents/shared/regions";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { networkEngineer } from "./definition";
import { networkEngineerExample as example, networkEngineerSchema as schema, subnetPrefixFor } from "./schema";

const field = (path: string) => networkEngineer.fields.find((candidate) => candidate.path === path)!;

describe("network-engineer requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(networkEngineer, {
      region: "us-east-1",
      networkName: "core",
      environments: [{ name: "production", baseCidr: "10.0.0.0/16" }],
    });
  });

  it("rejects CIDRs that do not parse, are out of range or have host bits set, on the item's field", () => {
    const withBase = (baseCidr: string) => ({ ...example, environments: [{ name: "production", baseCidr }] });
    expectIssue(schema, withBase("10.0.0/16"), ["environments", 0, "baseCidr"], '"10.0.0" is not an IPv4 address');
    expectIssue(schema, withBase("10.0.0.0/33"), ["environments", 0, "baseCidr"], "The prefix /33 is out of range; IPv4 prefixes go from /0 to /32");
    expectIssue(schema, withBase("10.0.0.0/28"), ["environments", 0, "baseCidr"], "The prefix /28 is out of range; use /8 to /24");
    expectIssue(schema, withBase("10.0.1.0/16"), ["environments", 0, "baseCidr"], "10.0.1.0/16 has host bits set; the network address is 10.0.0.0/16");
    expectIssue(schema, withBase("hello"), ["environments", 0, "baseCidr"], '"hello" is not a CIDR block; write it like 10.0.0.0/16');
  });

  it("keeps base CIDRs private, distinct and within the cloud's limits", () => {
    const environments = [
      { name: "production", baseCidr: "10.20.0.0/16" },
      { name: "staging", baseCidr: "10.20.128.0/17" },
    ];
    expectIssue(schema, { ...example, environments }, ["environments", 1, "baseCidr"], /overlaps production \(10\.20\.0\.0\/16\)/);
    expectIssue(schema, { ...example, environments: [{ name: "production", baseCidr: "8.8.0.0/16" }] }, ["environments", 0, "baseCidr"], /is not a private range/);
    expectIssue(schema, { ...example, environments: [{ name: "production", baseCidr: "10.0.0.0/12" }], connections: [] }, ["environments", 0, "baseCidr"], /AWS VPCs can be at most a \/16/);
    expectValid(schema, { ...example, provider: "azure", region: "westeurope", environments: [{ name: "production", baseCidr: "10.32.0.0/12" }], connections: [] });
  });

  it("checks the tiers fit into each base CIDR", () => {
    // 3 tiers × 3 zones: public /24 (256), private /20 (4096), data /24 (256) → 13,824 addresses, a /18.
    expectIssue(
      schema,
      { ...example, environments: [{ name: "production", baseCidr: "10.20.0.0/19" }] },
      ["environments", 0, "baseCidr"],
      "10.20.0.0/19 is too small: 3 tiers × 3 zones need 13,824 addresses, a /18 or larger",
    );
    expectValid(schema, { ...example, environments: [{ name: "production", baseCidr: "10.20.0.0/18" }] });
    expect(subnetPrefixFor("aws", 251)).toBe(24);
    expect(subnetPrefixFor("aws", 252)).toBe(23);
    expect(subnetPrefixFor("gcp", 252)).toBe(24);
  });

  it("rejects peer CIDRs that overlap a base CIDR or each other", () => {
    expectIssue(
      schema,
      { ...example, connections: [{ name: "legacy", type: "vpn", peerCidr: "10.20.64.0/18" }] },
      ["connections", 0, "peerCidr"],
      "10.20.64.0/18 overlaps production (10.20.0.0/16); routed networks cannot share addresses",
    );
    expectIssue(
      schema,
      {
        ...example,
        connections: [
          { name: "a", type: "vpn", peerCidr: "172.16.0.0/16" },
          { name: "b", type: "peering", peerCidr: "172.16.4.0/24" },
        ],
      },
      ["connections", 1, "peerCidr"],
      /overlaps the peer CIDR of a/,
    );
  });

  it("checks the region belongs to the cloud and offers only its regions", () => {
    expectIssue(schema, { ...example, provider: "gcp" }, ["region"], "eu-west-1 is not a Google Cloud region");
    expectIssue(schema, { ...example, region: "mars-north-1" }, ["region"], "Choose the region");
    const gcpRegions = field("region").optionsFrom!({ provider: "gcp" }).map((option) => option.value);
    expect(gcpRegions).toContain("europe-west1");
    expect(gcpRegions).not.toContain("eu-west-1");
  });

  it("checks NAT, load balancer and egress settings against the tiers", () => {
    const noPublic = { ...example, tiers: example.tiers.filter((tier) => tier.kind !== "public") };
    expectIssue(schema, noPublic, ["natStrategy"], /NAT gateways live in a public tier/);
    expectIssue(schema, noPublic, ["loadBalancer"], /needs a public tier/);
    expectValid(schema, { ...noPublic, natStrategy: "none", loadBalancer: "none" });
    expectIssue(schema, { ...example, availabilityZones: 1 }, ["natStrategy"], /With one availability zone/);
    expectIssue(schema, { ...example, egressAllowlist: undefined }, ["egressAllowlist"], "List at least one domain the workloads may reach");
    expect(field("egressAllowlist").showWhen!({ egressFiltering: "proxy" })).toBe(false);
  });

  it("rejects duplicate tier names on the item", () => {
    const tiers = [...example.tiers, { name: "data", kind: "custom", hostsPerSubnet: 10 }];
    expectIssue(schema, { ...example, tiers }, ["tiers", 3, "name"], 'The tier "data" is listed twice');
  });
});

describe("network-engineer region picker (issue 15)", () => {
  it("offers exactly the regions the server accepts, from the same zone table", () => {
    const picker = field("region");
    for (const provider of cloudProviders) {
      const offered = picker.optionsFrom!({ ...example, provider }).map((option) => option.value);
      expect(offered.length, provider).toBeGreaterThan(0);
      for (const region of Object.keys(regionsByProvider[provider])) {
        const zones = regionZones(provider, region)?.length ?? 1;
        const result = schema.safeParse({ ...example, provider, region, availabilityZones: Math.min(3, zones) });
        const refusedRegion = !result.success && result.error.issues.some((issue) => issue.path.join(".") === "region");
        expect(offered.includes(region), `${provider} ${region}: offered while the server ${refusedRegion ? "refuses" : "accepts"} it`).toBe(!refusedRegion);
      }
    }
    // us-west-1's zone letters differ per AWS account: refused, and so not offered.
    expect(picker.optionsFrom!({ ...example, provider: "aws" }).map((option) => option.value)).not.toContain("us-west-1");
  });
});
