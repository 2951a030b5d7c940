// The CIDR planner: carves one subnet per environment × availability zone × tier out of each environment's
// base CIDR, each sized for its hosts plus the cloud's reserved addresses, never overlapping another
// subnet or a peer network, and reports the free space left. A base too small for the request is a typed
// CidrPlanError that says by how much it falls short.
import { addressCount, cidrContains, cidrOf, cidrsOverlap, formatCidr, lastAddress, prefixForHosts, type Cidr } from "@/lib/network/cidr";

export type CloudProvider = "aws" | "azure" | "gcp";

export interface ProviderSubnetRules {
  /** Addresses the cloud keeps in every subnet. */
  reserved: number;
  /** The smallest subnet the cloud allows, as a prefix length. */
  longestPrefix: number;
}

/**
 * AWS reserves 5 addresses per subnet (network, router, DNS, future use, broadcast) and allows /16–/28;
 * Azure reserves 5 and allows down to /29; Google Cloud reserves 4 and allows down to /29.
 */
export const providerSubnetRules: Record<CloudProvider, ProviderSubnetRules> = {
  aws: { reserved: 5, longestPrefix: 28 },
  azure: { reserved: 5, longestPrefix: 29 },
  gcp: { reserved: 4, longestPrefix: 29 },
};

export interface CidrPlanRequest {
  provider: CloudProvider;
  availabilityZones: number;
  environments: { name: string; baseCidr: string }[];
  tiers: { name: string; hostsPerSubnet: number }[];
  /** Networks this one is routed to: no subnet may overlap them. */
  peers?: { name: string; cidr: string }[];
}

export interface PlannedSubnet {
  environment: string;
  tier: string;
  /** 0-based index of the availability zone. */
  zoneIndex: number;
  cidr: string;
  prefix: number;
  /** Every address in the block. */
  addresses: number;
  /** Addresses left for hosts after the cloud's reservations. */
  usable: number;
  hostsNeeded: number;
}

export interface EnvironmentPlan {
  name: string;
  baseCidr: string;
  totalAddresses: number;
  allocatedAddresses: number;
  /** Addresses of the base taken by peer networks that overlap it (normally none). */
  blockedAddresses: number;
  freeAddresses: number;
  /** In the order of the tiers, then the zones. */
  subnets: PlannedSubnet[];
  /** The free space as the largest aligned blocks, in address order. */
  free: string[];
}

export interface CidrPlan {
  provider: CloudProvider;
  reservedPerSubnet: number;
  environments: EnvironmentPlan[];
}

export interface CidrShortfall {
  environment: string;
  baseCidr: string;
  /** Addresses the subnets need, each rounded up to its block. */
  neededAddresses: number;
  /** Addresses the base offers (its size minus any peer ranges inside it). */
  availableAddresses: number;
  /** Needed minus available; or, when peer ranges fragment the base, the addresses of the subnets that found no room. */
  shortByAddresses: number;
  /** The shortest prefix of a base that would hold the request, e.g. 18 for a /18. */
  suggestedPrefix: number;
  message: string;
}

/** Thrown by `planCidrs` when some base cannot hold its subnets, or two bases overlap. */
export class CidrPlanError extends Error {
  readonly shortfalls: CidrShortfall[];
  readonly overlaps: { environment: string; other: string; message: string }[];

  constructor(shortfalls: CidrShortfall[], overlaps: { environment: string; other: string; message: string }[]) {
    super([...shortfalls.map((item) => item.message), ...overlaps.map((item) => item.message)].join("; "));
    this.name = "CidrPlanError";
    this.shortfalls = shortfalls;
    this.overlaps = overlaps;
  }
}

/** The prefix a tier's subnets get on this cloud: the smallest block with the hosts plus the reservations. */
export function subnetPrefix(provider: CloudProvider, hostsPerSubnet: number): number {
  const rules = providerSubnetRules[provider];
  const prefix = prefixForHosts(hostsPerSubnet, rules.reserved) ?? 0;
  return Math.min(prefix, rules.longestPrefix);
}

interface Interval {
  start: number;
  end: number; // inclusive
}

function groupedNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The first aligned block of `size` addresses inside the base that overlaps none of the taken intervals. */
function firstFit(base: Cidr, size: number, taken: Interval[]): number | undefined {
  let candidate = base.network;
  const end = lastAddress(base);
  while (candidate + size - 1 <= end) {
    const clash = taken.find((interval) => interval.start <= candidate + size - 1 && candidate <= interval.end);
    if (!clash) return candidate;
    // Jump past the clash to the next aligned start.
    candidate = Math.ceil((clash.end + 1) / size) * size;
  }
  return undefined;
}

/** The free space of a block as the largest aligned CIDR blocks (a buddy-style split). */
function freeBlocks(block: Cidr, taken: Interval[]): Cidr[] {
  const start = block.network;
  const end = lastAddress(block);
  const overlapping = taken.filter((interval) => interval.start <= end && start <= interval.end);
  if (overlapping.length === 0) return [block];
  if (overlapping.some((interval) => interval.start <= start && interval.end >= end)) return [];
  const half = block.prefix + 1;
  return [
    ...freeBlocks({ network: start, prefix: half }, overlapping),
    ...freeBlocks({ network: start + addressCount(half), prefix: half }, overlapping),
  ];
}

/** The union of intervals, sorted and disjoint, so that peers listed twice or nested are counted once. */
function mergeIntervals(intervals: Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const interval of [...intervals].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end + 1) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

interface PlanAttempt {
  plan?: EnvironmentPlan;
  shortfall?: CidrShortfall;
}

function planEnvironment(request: CidrPlanRequest, environment: { name: string; baseCidr: string }, peers: Cidr[]): PlanAttempt {
  const base = cidrOf(environment.baseCidr);
  const blocked = mergeIntervals(
    peers.filter((peer) => cidrsOverlap(peer, base)).map((peer) => ({ start: Math.max(peer.network, base.network), end: Math.min(lastAddress(peer), lastAddress(base)) })),
  );
  const blockedAddresses = blocked.reduce((sum, interval) => sum + interval.end - interval.start + 1, 0);

  const wanted = request.tiers.flatMap((tier, tierIndex) =>
    Array.from({ length: request.availabilityZones }, (_, zoneIndex) => ({ tier, tierIndex, zoneIndex, prefix: subnetPrefix(request.provider, tier.hostsPerSubnet) })),
  );
  // Largest blocks first: power-of-two blocks packed in decreasing size leave no alignment gaps, so the
  // plan fits whenever the addresses do (with no peer ranges inside the base).
  const order = [...wanted].sort((a, b) => a.prefix - b.prefix || a.tierIndex - b.tierIndex || a.zoneIndex - b.zoneIndex);
  const taken: Interval[] = [...blocked];
  const placed = new Map<(typeof wanted)[number], number>();
  let unplacedAddresses = 0;
  for (const subnet of order) {
    const size = addressCount(subnet.prefix);
    const network = subnet.prefix >= base.prefix ? firstFit(base, size, taken) : undefined;
    if (network === undefined) {
      unplacedAddresses += size;
      continue;
    }
    placed.set(subnet, network);
    taken.push({ start: network, end: network + size - 1 });
  }

  const neededAddresses = wanted.reduce((sum, subnet) => sum + addressCount(subnet.prefix), 0);
  const totalAddresses = addressCount(base.prefix);
  if (unplacedAddresses > 0) {
    const suggestedPrefix = 32 - Math.ceil(Math.log2(neededAddresses + blockedAddresses));
    const availableAddresses = totalAddresses - blockedAddresses;
    // Short by the missing addresses; when they would add up but peer ranges inside the base leave no
    // aligned room, short by the subnets that found none.
    const fragmented = neededAddresses <= availableAddresses;
    const shortByAddresses = fragmented ? unplacedAddresses : neededAddresses - availableAddresses;
    const reason = fragmented
      ? `the peer ranges inside it leave no aligned room for ${groupedNumber(shortByAddresses)} of the ${groupedNumber(neededAddresses)} addresses needed`
      : `${request.tiers.length} tier(s) × ${request.availabilityZones} zone(s) need ${groupedNumber(neededAddresses)} addresses but it offers ${groupedNumber(availableAddresses)}; it falls short by ${groupedNumber(shortByAddresses)} addresses`;
    return {
      shortfall: {
        environment: environment.name,
        baseCidr: environment.baseCidr,
        neededAddresses,
        availableAddresses,
        shortByAddresses,
        suggestedPrefix,
        message: `${environment.name} (${environment.baseCidr}) is too small: ${reason}: use a /${suggestedPrefix} or larger`,
      },
    };
  }

  const subnets: PlannedSubnet[] = wanted.map((subnet) => {
    const network = placed.get(subnet)!;
    const addresses = addressCount(subnet.prefix);
    return {
      environment: environment.name,
      tier: subnet.tier.name,
      zoneIndex: subnet.zoneIndex,
      cidr: formatCidr({ network, prefix: subnet.prefix }),
      prefix: subnet.prefix,
      addresses,
      usable: addresses - providerSubnetRules[request.provider].reserved,
      hostsNeeded: subnet.tier.hostsPerSubnet,
    };
  });
  const allocatedAddresses = neededAddresses;
  return {
    plan: {
      name: environment.name,
      baseCidr: environment.baseCidr,
      totalAddresses,
      allocatedAddresses,
      blockedAddresses,
      freeAddresses: totalAddresses - allocatedAddresses - blockedAddresses,
      subnets,
      free: freeBlocks(base, taken).map(formatCidr),
    },
  };
}

/**
 * Plans every environment's subnets. Throws a `CidrPlanError` listing each environment whose base cannot
 * hold its subnets (with the shortfall in addresses and the prefix that would fit) and each pair of
 * environments whose bases overlap. Inputs are validated CIDRs (the role's schema checks them).
 */
export function planCidrs(request: CidrPlanRequest): CidrPlan {
  const peers = (request.peers ?? []).map((peer) => cidrOf(peer.cidr));
  const bases = request.environments.map((environment) => cidrOf(environment.baseCidr));
  const overlaps = request.environments.flatMap((environment, index) =>
    request.environments.slice(0, index).flatMap((other, otherIndex) =>
      cidrsOverlap(bases[otherIndex], bases[index])
        ? [{ environment: environment.name, other: other.name, message: `${environment.name} (${environment.baseCidr}) overlaps ${other.name} (${other.baseCidr})` }]
        : [],
    ),
  );
  const attempts = request.environments.map((environment) => planEnvironment(request, environment, peers));
  const shortfalls = attempts.flatMap((attempt) => (attempt.shortfall ? [attempt.shortfall] : []));
  if (shortfalls.length > 0 || overlaps.length > 0) throw new CidrPlanError(shortfalls, overlaps);
  return {
    provider: request.provider,
    reservedPerSubnet: providerSubnetRules[request.provider].reserved,
    environments: attempts.map((attempt) => attempt.plan!),
  };
}

/** Like `planCidrs`, as a value: `{ ok: true, plan }` or `{ ok: false, error }`. */
export function tryPlanCidrs(request: CidrPlanRequest): { ok: true; plan: CidrPlan } | { ok: false; error: CidrPlanError } {
  try {
    return { ok: true, plan: planCidrs(request) };
  } catch (error) {
    if (error instanceof CidrPlanError) return { ok: false, error };
    throw error;
  }
}

/** Whether a planned subnet lies inside the block (exposed for tests and callers that re-check). */
export function subnetInside(subnet: PlannedSubnet, block: string): boolean {
  return cidrContains(cidrOf(block), cidrOf(subnet.cidr));
}
