import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressCount, cidrContains, cidrOf, cidrsOverlap, formatCidr } from "./cidr";
import { CidrPlanError, planCidrs, providerSubnetRules, subnetPrefix, tryPlanCidrs, type CidrPlanRequest, type CloudProvider } from "./cidr-plan";

const providers: CloudProvider[] = ["aws", "azure", "gcp"];

/** A random aligned block inside 10.0.0.0/8 with a prefix in the range. */
const blockArbitrary = (minPrefix: number, maxPrefix: number) =>
  fc.record({ prefix: fc.integer({ min: minPrefix, max: maxPrefix }), seed: fc.integer({ min: 0, max: 2 ** 24 - 1 }) }).map(({ prefix, seed }) => {
    const size = addressCount(prefix);
    const network = cidrOf("10.0.0.0/8").network + Math.floor(seed / size) * size;
    return formatCidr({ network, prefix });
  });

const requestArbitrary: fc.Arbitrary<CidrPlanRequest> = fc.record({
  provider: fc.constantFrom(...providers),
  availabilityZones: fc.integer({ min: 1, max: 6 }),
  environments: fc.array(blockArbitrary(12, 24), { minLength: 1, maxLength: 3 }).map((bases) => bases.map((baseCidr, index) => ({ name: `env-${index}`, baseCidr }))),
  tiers: fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 6 }).map((hosts) => hosts.map((hostsPerSubnet, index) => ({ name: `tier-${index}`, hostsPerSubnet }))),
  peers: fc.array(blockArbitrary(16, 30), { maxLength: 3 }).map((blocks) => blocks.map((cidr, index) => ({ name: `peer-${index}`, cidr }))),
});

describe("planCidrs properties", () => {
  it("never overlaps subnets, keeps them inside their base and out of peer networks, and sizes them for hosts plus reservations", () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const result = tryPlanCidrs(request);
        if (!result.ok) {
          // A failure is a real shortfall (or overlapping bases), never a silent partial plan.
          for (const shortfall of result.error.shortfalls) expect(shortfall.shortByAddresses).toBeGreaterThan(0);
          expect(result.error.shortfalls.length + result.error.overlaps.length).toBeGreaterThan(0);
          return;
        }
        const { reserved, longestPrefix } = providerSubnetRules[request.provider];
        const peers = (request.peers ?? []).map((peer) => cidrOf(peer.cidr));
        for (const environment of result.plan.environments) {
          const base = cidrOf(environment.baseCidr);
          expect(environment.subnets).toHaveLength(request.tiers.length * request.availabilityZones);
          const blocks = environment.subnets.map((subnet) => cidrOf(subnet.cidr));
          blocks.forEach((block, index) => {
            const subnet = environment.subnets[index];
            expect(cidrContains(base, block)).toBe(true);
            expect(addressCount(block.prefix) - reserved).toBeGreaterThanOrEqual(subnet.hostsNeeded);
            expect(block.prefix).toBeLessThanOrEqual(longestPrefix);
            for (const peer of peers) expect(cidrsOverlap(peer, block)).toBe(false);
            for (const other of blocks.slice(index + 1)) expect(cidrsOverlap(block, other)).toBe(false);
          });
          // The free blocks are inside the base, clear of every subnet, and account for the rest.
          const free = environment.free.map(cidrOf);
          for (const block of free) {
            expect(cidrContains(base, block)).toBe(true);
            for (const subnet of blocks) expect(cidrsOverlap(block, subnet)).toBe(false);
          }
          const freeTotal = free.reduce((sum, block) => sum + addressCount(block.prefix), 0);
          expect(freeTotal).toBe(environment.freeAddresses);
          expect(environment.allocatedAddresses + environment.blockedAddresses + environment.freeAddresses).toBe(addressCount(base.prefix));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fits every request whose subnets add up to no more than the base (no peers inside it)", () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const withoutPeers = { ...request, peers: [], environments: request.environments.slice(0, 1) };
        const needed = request.tiers.reduce((sum, tier) => sum + addressCount(subnetPrefix(request.provider, tier.hostsPerSubnet)) * request.availabilityZones, 0);
        const base = cidrOf(withoutPeers.environments[0].baseCidr);
        const result = tryPlanCidrs(withoutPeers);
        expect(result.ok).toBe(needed <= addressCount(base.prefix));
        if (!result.ok) expect(result.error.shortfalls[0].shortByAddresses).toBe(needed - addressCount(base.prefix));
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        expect(tryPlanCidrs(structuredClone(request))).toEqual(tryPlanCidrs(structuredClone(request)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("planCidrs examples", () => {
  const example: CidrPlanRequest = {
    provider: "aws",
    availabilityZones: 3,
    environments: [{ name: "production", baseCidr: "10.20.0.0/16" }],
    tiers: [
      { name: "public", hostsPerSubnet: 250 },
      { name: "private", hostsPerSubnet: 4000 },
      { name: "data", hostsPerSubnet: 250 },
    ],
  };

  it("sizes subnets from hosts plus the cloud's reserved addresses", () => {
    // 250 hosts + 5 reserved = 255 fits a /24 on AWS and Azure; 252 + 5 = 257 needs a /23; GCP reserves 4.
    expect(subnetPrefix("aws", 251)).toBe(24);
    expect(subnetPrefix("aws", 252)).toBe(23);
    expect(subnetPrefix("gcp", 252)).toBe(24);
    // The smallest subnet: /28 on AWS, /29 on Azure and Google Cloud.
    expect(subnetPrefix("aws", 1)).toBe(28);
    expect(subnetPrefix("azure", 1)).toBe(29);
    expect(subnetPrefix("gcp", 1)).toBe(29);
  });

  it("packs the largest subnets first and lists them by tier and zone", () => {
    const plan = planCidrs(example);
    const production = plan.environments[0];
    expect(production.subnets.map((subnet) => `${subnet.tier}/${subnet.zoneIndex} ${subnet.cidr}`)).toEqual([
      "public/0 10.20.48.0/24",
      "public/1 10.20.49.0/24",
      "public/2 10.20.50.0/24",
      "private/0 10.20.0.0/20",
      "private/1 10.20.16.0/20",
      "private/2 10.20.32.0/20",
      "data/0 10.20.51.0/24",
      "data/1 10.20.52.0/24",
      "data/2 10.20.53.0/24",
    ]);
    expect(production.free).toEqual(["10.20.54.0/23", "10.20.56.0/21", "10.20.64.0/18", "10.20.128.0/17"]);
    expect(production.allocatedAddresses).toBe(3 * 4096 + 6 * 256);
    expect(production.freeAddresses).toBe(65_536 - 13_824);
  });

  it("counts a peer network listed twice, or inside another peer, once", () => {
    const peers = [
      { name: "legacy", cidr: "10.20.1.0/24" },
      { name: "legacy-again", cidr: "10.20.1.0/24" },
      { name: "inside-legacy", cidr: "10.20.1.128/25" },
    ];
    const environment = planCidrs({ ...example, peers }).environments[0];
    expect(environment.blockedAddresses).toBe(256);
    expect(environment.free.map(cidrOf).reduce((sum, block) => sum + addressCount(block.prefix), 0)).toBe(environment.freeAddresses);
    const whole = tryPlanCidrs({ ...example, peers: [{ name: "a", cidr: "10.20.0.0/16" }, { name: "b", cidr: "10.20.0.0/16" }] });
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.error.shortfalls[0].availableAddresses).toBe(0);
  });

  it("steers clear of a peer network inside the base", () => {
    const plan = planCidrs({ ...example, peers: [{ name: "legacy", cidr: "10.20.0.0/24" }] });
    const production = plan.environments[0];
    expect(production.blockedAddresses).toBe(256);
    expect(production.subnets.find((subnet) => subnet.tier === "private" && subnet.zoneIndex === 0)?.cidr).toBe("10.20.16.0/20");
    expect(production.subnets.some((subnet) => cidrsOverlap(cidrOf(subnet.cidr), cidrOf("10.20.0.0/24")))).toBe(false);
  });

  it("throws a CidrPlanError that says by how much a base falls short", () => {
    const request = { ...example, environments: [{ name: "production", baseCidr: "10.20.0.0/18" }, { name: "staging", baseCidr: "10.21.0.0/20" }] };
    let error: unknown;
    try {
      planCidrs(request);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CidrPlanError);
    const { shortfalls } = error as CidrPlanError;
    expect(shortfalls).toHaveLength(1);
    expect(shortfalls[0]).toMatchObject({ environment: "staging", neededAddresses: 13_824, availableAddresses: 4096, shortByAddresses: 9728, suggestedPrefix: 18 });
    expect(shortfalls[0].message).toBe(
      "staging (10.21.0.0/20) is too small: 3 tier(s) × 3 zone(s) need 13,824 addresses but it offers 4,096; it falls short by 9,728 addresses: use a /18 or larger",
    );
    expect(tryPlanCidrs(request)).toMatchObject({ ok: false });
  });

  it("refuses overlapping environment bases", () => {
    const result = tryPlanCidrs({ ...example, environments: [{ name: "a", baseCidr: "10.20.0.0/16" }, { name: "b", baseCidr: "10.20.128.0/17" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.overlaps[0].message).toBe("b (10.20.128.0/17) overlaps a (10.20.0.0/16)");
  });
});
