// The network-engineer's requirements: a cloud network's address plan (base CIDRs, zones, subnet tiers),
// egress, hybrid connectivity, DNS and load balancing, checked so the plan actually fits and connects.
import { z } from "zod";
import type { FieldMeta, FormStep, FormValues } from "@/lib/agents/types";
import { choices, cidrBlock, dnsLabel, hostname, issueAt, optionalText, wholeNumber } from "@/lib/agents/shared/fields";
import { allRegionCodes, cloudProviderOptions, cloudProviders, isRegionOf, regionMismatchMessage, regionOptionsFrom, regionZones, type CloudProvider } from "@/lib/agents/shared/regions";
import { addressCount, cidrsOverlap, isPrivate, prefixForHosts, tryCidr } from "@/lib/network/cidr";

export const providerChoice = choices(
  { aws: "Amazon Web Services", azure: "Microsoft Azure", gcp: "Google Cloud" } satisfies Record<CloudProvider, string>,
  "Choose the cloud",
);
export const tierKindChoice = choices(
  {
    public: { label: "Public", description: "Load balancers and NAT gateways; routes to the internet" },
    private: { label: "Private", description: "Application workloads; egress through NAT" },
    data: { label: "Data", description: "Databases and caches; no internet route" },
    custom: { label: "Custom", description: "Anything else, e.g. a Kubernetes pod range" },
  },
  "Choose the kind of tier",
);
export const natStrategyChoice = choices(
  {
    "per-zone": { label: "One NAT gateway per zone", description: "Survives a zone failure; costs one gateway per zone" },
    single: { label: "A single NAT gateway", description: "Cheapest; egress stops if its zone fails" },
    none: { label: "No NAT", description: "Private subnets have no internet egress" },
  },
  "Choose the NAT strategy",
);
export const connectionTypeChoice = choices(
  {
    peering: "VPC / VNet peering",
    "transit-gateway": "Transit gateway / hub",
    vpn: "Site-to-site VPN",
    "dedicated-link": "Dedicated link (Direct Connect, ExpressRoute, Interconnect)",
  },
  "Choose the connection type",
);
export const loadBalancerChoice = choices(
  {
    application: { label: "Application (layer 7)", description: "HTTP routing, TLS termination, WAF" },
    network: { label: "Network (layer 4)", description: "TCP/UDP, static IPs, very high throughput" },
    both: { label: "Both", description: "Layer 7 for web traffic, layer 4 for the rest" },
    none: { label: "None", description: "Nothing is exposed" },
  },
  "Choose the load-balancer type",
);
export const egressFilteringChoice = choices(
  {
    none: { label: "None", description: "Any destination is allowed" },
    "fqdn-allowlist": { label: "Allow-list of domains", description: "A cloud firewall allows only listed domains" },
    proxy: { label: "Through an egress proxy", description: "All egress goes through an inspecting proxy" },
  },
  "Choose how egress is filtered",
);

/** Addresses each cloud keeps in every subnet (AWS and Azure 5, Google Cloud 4). */
export const reservedAddressesPerSubnet: Record<CloudProvider, number> = { aws: 5, azure: 5, gcp: 4 };

// VPCs and VNets are practical from /8 down to /24; AWS allows /16 at most, which the refinement checks.
const baseCidrPrefix = { minPrefix: 8, maxPrefix: 24 };
const peerCidrPrefix = { minPrefix: 8, maxPrefix: 32 };

const environmentSchema = z.object({
  name: dnsLabel("environment name", 30),
  baseCidr: cidrBlock("base CIDR", baseCidrPrefix),
});
const tierSchema = z.object({
  name: dnsLabel("tier name", 30),
  kind: tierKindChoice.schema,
  hostsPerSubnet: wholeNumber("hosts per subnet", 1, 65_000),
});
const connectionSchema = z.object({
  name: dnsLabel("connection name", 40),
  type: connectionTypeChoice.schema,
  peerCidr: cidrBlock("peer CIDR", peerCidrPrefix),
});

export const networkEngineerSchema = z
  .object({
    provider: z.enum(cloudProviders, { error: "Choose the cloud" }),
    region: z.enum(allRegionCodes as [string, ...string[]], { error: "Choose the region" }),
    networkName: dnsLabel("network name", 40),
    availabilityZones: wholeNumber("number of availability zones", 1, 6),

    environments: z.array(environmentSchema, { error: "Add the environments" }).min(1, "Add at least one environment").max(10, "Add at most 10 environments"),
    tiers: z.array(tierSchema, { error: "Add the subnet tiers" }).min(1, "Add at least one subnet tier").max(8, "Add at most 8 tiers"),

    natStrategy: natStrategyChoice.schema,
    connections: z.array(connectionSchema).max(20, "Add at most 20 connections"),

    dnsZones: z.array(hostname("DNS zone")).max(20, "Add at most 20 zones"),
    loadBalancer: loadBalancerChoice.schema,
    egressFiltering: egressFilteringChoice.schema,
    egressAllowlist: z.array(hostname("allowed domain")).max(200, "List at most 200 domains").optional(),
    flowLogs: z.boolean(),
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    if (!isRegionOf(input.provider, input.region)) issueAt(context, ["region"], regionMismatchMessage(input.provider, input.region));
    else {
      // Zone names are written into the plan and the Terraform: refuse a region whose names are not known
      // rather than invent them, and more zones than the region has.
      const zones = regionZones(input.provider, input.region);
      if (!zones) issueAt(context, ["region"], `The zone names of ${input.region} are not known here; choose another region`);
      else if (input.availabilityZones > zones.length) {
        issueAt(context, ["availabilityZones"], `${input.region} has ${zones.length} zones (${zones.join(", ")}); choose at most ${zones.length}`);
      }
    }

    const reserved = reservedAddressesPerSubnet[input.provider];
    input.tiers.forEach((tier, index) => {
      if (input.tiers.findIndex((other) => other.name === tier.name) !== index) issueAt(context, ["tiers", index, "name"], `The tier "${tier.name}" is listed twice`);
    });
    const tierSizes = input.tiers.map((tier) => prefixForHosts(tier.hostsPerSubnet, reserved));
    const needed = tierSizes.reduce<number>((sum, prefix) => sum + (prefix === undefined ? 0 : addressCount(prefix) * input.availabilityZones), 0);

    // Field-level refinements do not stop this one: blocks that failed to parse are skipped here.
    const bases = input.environments.map((environment) => tryCidr(environment.baseCidr));
    input.environments.forEach((environment, index) => {
      const base = bases[index];
      if (!base) return;
      if (input.environments.findIndex((other) => other.name === environment.name) !== index) {
        issueAt(context, ["environments", index, "name"], `"${environment.name}" is listed twice`);
      }
      if (!isPrivate(base)) {
        issueAt(context, ["environments", index, "baseCidr"], `${environment.baseCidr} is not a private range; use 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16`);
      } else if (input.provider === "aws" && base.prefix < 16) {
        issueAt(context, ["environments", index, "baseCidr"], `AWS VPCs can be at most a /16; split ${environment.baseCidr} or use a /16`);
      } else if (needed > addressCount(base.prefix)) {
        const smallest = 32 - Math.ceil(Math.log2(needed));
        issueAt(
          context,
          ["environments", index, "baseCidr"],
          `${environment.baseCidr} is too small: ${input.tiers.length} tiers × ${input.availabilityZones} zones need ${needed.toLocaleString("en-US")} addresses, a /${smallest} or larger`,
        );
      }
      const overlapping = bases.findIndex((other, otherIndex) => otherIndex < index && other !== undefined && cidrsOverlap(other, base));
      if (overlapping >= 0) {
        issueAt(context, ["environments", index, "baseCidr"], `${environment.baseCidr} overlaps ${input.environments[overlapping].name} (${input.environments[overlapping].baseCidr}); environments need distinct ranges to be connected later`);
      }
    });

    input.connections.forEach((connection, index) => {
      const peer = tryCidr(connection.peerCidr);
      if (!peer) return;
      const clash = bases.findIndex((base) => base !== undefined && cidrsOverlap(base, peer));
      if (clash >= 0) {
        issueAt(context, ["connections", index, "peerCidr"], `${connection.peerCidr} overlaps ${input.environments[clash].name} (${input.environments[clash].baseCidr}); routed networks cannot share addresses`);
      }
      const earlier = input.connections.findIndex((other, otherIndex) => {
        const otherPeer = otherIndex < index ? tryCidr(other.peerCidr) : undefined;
        return otherPeer !== undefined && cidrsOverlap(otherPeer, peer);
      });
      if (earlier >= 0) {
        issueAt(context, ["connections", index, "peerCidr"], `${connection.peerCidr} overlaps the peer CIDR of ${input.connections[earlier].name} (${input.connections[earlier].peerCidr})`);
      }
      if (input.connections.findIndex((other) => other.name === connection.name) !== index) {
        issueAt(context, ["connections", index, "name"], `The connection "${connection.name}" is listed twice`);
      }
    });

    if (input.natStrategy === "per-zone" && input.availabilityZones === 1) {
      issueAt(context, ["natStrategy"], "With one availability zone, a NAT gateway per zone is a single gateway: choose “A single NAT gateway”");
    }
    if (input.natStrategy !== "none" && !input.tiers.some((tier) => tier.kind === "public")) {
      issueAt(context, ["natStrategy"], "NAT gateways live in a public tier: add one, or choose “No NAT”");
    }
    if (input.loadBalancer !== "none" && !input.tiers.some((tier) => tier.kind === "public")) {
      issueAt(context, ["loadBalancer"], "An internet-facing load balancer needs a public tier: add one, or choose “None”");
    }
    if (input.egressFiltering === "fqdn-allowlist" && !(input.egressAllowlist && input.egressAllowlist.length > 0)) {
      issueAt(context, ["egressAllowlist"], "List at least one domain the workloads may reach");
    }
  });

export type NetworkEngineerInput = z.input<typeof networkEngineerSchema>;
export type NetworkEngineerRequirements = z.output<typeof networkEngineerSchema>;

/** The subnet prefix each tier gets on this provider: the smallest subnet with the hosts asked for. */
export function subnetPrefixFor(provider: CloudProvider, hostsPerSubnet: number): number | undefined {
  return prefixForHosts(hostsPerSubnet, reservedAddressesPerSubnet[provider]);
}

export const networkEngineerSteps: FormStep[] = [
  { id: "scope", title: "Cloud & region", description: "Where the network lives and how many zones it spans." },
  { id: "addressing", title: "Address plan", description: "A base CIDR per environment and the subnet tiers carved from it." },
  { id: "connectivity", title: "Egress & connectivity", description: "NAT, and the networks it connects to." },
  { id: "edge", title: "DNS, load balancing & egress control", description: "How traffic gets in, gets resolved and gets out." },
];

export const networkEngineerFields: FieldMeta[] = [
  { path: "provider", step: "scope", label: "Cloud", widget: "radio", required: true, options: cloudProviderOptions },
  {
    path: "region",
    step: "scope",
    label: "Region",
    widget: "select",
    required: true,
    // The same zone table the server checks: regions whose zone names are not known are not offered.
    optionsFrom: regionOptionsFrom("provider", { knownZones: true }),
    help: "Regions of the chosen cloud whose availability zones are known.",
  },
  { path: "networkName", step: "scope", label: "Network name", widget: "text", required: true, placeholder: "payments-core" },
  {
    path: "availabilityZones",
    step: "scope",
    label: "Availability zones",
    widget: "number",
    required: true,
    min: 1,
    max: 6,
    computedDefault: () => 3,
    help: "Each tier gets one subnet per zone; three zones survive the loss of one.",
  },

  {
    path: "environments",
    step: "addressing",
    label: "Environments and their base CIDRs",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 10,
    addLabel: "Add an environment",
    newItem: () => ({ name: "", baseCidr: "" }),
    help: "Private, non-overlapping ranges from /8 to /24, so environments can be peered later.",
    itemFields: [
      { path: "name", label: "Environment", widget: "text", required: true, placeholder: "production" },
      { path: "baseCidr", label: "Base CIDR", widget: "cidr", required: true, placeholder: "10.20.0.0/16" },
    ],
  },
  {
    path: "tiers",
    step: "addressing",
    label: "Subnet tiers",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 8,
    addLabel: "Add a tier",
    newItem: () => ({ name: "", kind: "custom", hostsPerSubnet: 250 }),
    help: "Each tier gets one subnet per zone, sized for the hosts it needs (the cloud's reserved addresses are added).",
    itemFields: [
      { path: "name", label: "Tier", widget: "text", required: true, placeholder: "private" },
      { path: "kind", label: "Kind", widget: "select", required: true, options: tierKindChoice.options },
      { path: "hostsPerSubnet", label: "Hosts per subnet", widget: "number", required: true, min: 1, max: 65_000 },
    ],
  },

  { path: "natStrategy", step: "connectivity", label: "NAT strategy", widget: "radio", required: true, options: natStrategyChoice.options },
  {
    path: "connections",
    step: "connectivity",
    label: "Connections to other networks",
    widget: "group",
    minItems: 0,
    maxItems: 20,
    addLabel: "Add a connection",
    newItem: () => ({ name: "", type: "peering", peerCidr: "" }),
    help: "Peer ranges must not overlap any environment's base CIDR.",
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "shared-services" },
      { path: "type", label: "Type", widget: "select", required: true, options: connectionTypeChoice.options },
      { path: "peerCidr", label: "Peer CIDR", widget: "cidr", required: true, placeholder: "10.100.0.0/16" },
    ],
  },

  { path: "dnsZones", step: "edge", label: "DNS zones", widget: "tags", placeholder: "payments.internal, pay.example.com" },
  { path: "loadBalancer", step: "edge", label: "Load balancer", widget: "radio", required: true, options: loadBalancerChoice.options },
  { path: "egressFiltering", step: "edge", label: "Egress filtering", widget: "radio", required: true, options: egressFilteringChoice.options },
  {
    path: "egressAllowlist",
    step: "edge",
    label: "Allowed domains",
    widget: "tags",
    required: true,
    placeholder: "api.stripe.com, *.amazonaws.com",
    showWhen: (values: FormValues) => values.egressFiltering === "fqdn-allowlist",
  },
  { path: "flowLogs", step: "edge", label: "Record flow logs", widget: "checkbox", help: "Needed for forensics and most compliance frameworks." },
  { path: "notes", step: "edge", label: "Anything else the engineer should know", widget: "textarea" },
];

export const networkEngineerInitialValues: FormValues = {
  provider: "aws",
  networkName: "",
  availabilityZones: 3,
  environments: [{ name: "production", baseCidr: "" }],
  tiers: [
    { name: "public", kind: "public", hostsPerSubnet: 250 },
    { name: "private", kind: "private", hostsPerSubnet: 1000 },
    { name: "data", kind: "data", hostsPerSubnet: 250 },
  ],
  natStrategy: "per-zone",
  connections: [],
  dnsZones: [],
  loadBalancer: "application",
  egressFiltering: "none",
  flowLogs: true,
};

export const networkEngineerExample: NetworkEngineerInput = {
  provider: "aws",
  region: "eu-west-1",
  networkName: "payments-core",
  availabilityZones: 3,
  environments: [
    { name: "production", baseCidr: "10.20.0.0/16" },
    { name: "staging", baseCidr: "10.21.0.0/16" },
  ],
  tiers: [
    { name: "public", kind: "public", hostsPerSubnet: 250 },
    { name: "private", kind: "private", hostsPerSubnet: 4000 },
    { name: "data", kind: "data", hostsPerSubnet: 250 },
  ],
  natStrategy: "per-zone",
  connections: [
    { name: "shared-services", type: "transit-gateway", peerCidr: "10.0.0.0/16" },
    { name: "head-office", type: "vpn", peerCidr: "192.168.10.0/24" },
  ],
  dnsZones: ["payments.internal", "pay.acme.example"],
  loadBalancer: "application",
  egressFiltering: "fqdn-allowlist",
  egressAllowlist: ["api.stripe.com", "*.amazonaws.com"],
  flowLogs: true,
};

export function networkEngineerTitle(input: NetworkEngineerRequirements): string {
  return `${input.networkName} network in ${input.region}`;
}

