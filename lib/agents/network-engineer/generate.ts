// The network-engineer's generator: the CIDR plan (every environment × zone × tier subnet carved from its
// base, with the free space left), a Terraform variables file per environment with the variable
// declarations, and a Mermaid network diagram. When a base cannot hold its subnets, `generate` throws the
// planner's CidrPlanError (the role's schema refuses such input first, so valid input never throws).
import type { Artifact, GeneratorResult, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { markdownText, mermaidId, mermaidLabel } from "@/lib/agents/shared/escape";
import { attribute, blank, block as hclBlock, call, comment, expr, hclFile, type HclItem, type HclValue } from "@/lib/agents/shared/hcl";
import { regionsByProvider, regionZones } from "@/lib/agents/shared/regions";
import { decimalText, groupedInteger, markdownDocument, trustedTable } from "@/lib/agents/shared/yaml-artifact";
import { addressCount, cidrOf } from "@/lib/network/cidr";
import { planCidrs, providerSubnetRules, type CidrPlan, type EnvironmentPlan, type PlannedSubnet } from "@/lib/network/cidr-plan";
import { connectionTypeChoice, egressFilteringChoice, loadBalancerChoice, natStrategyChoice, providerChoice, type NetworkEngineerRequirements } from "./schema";

export { CidrPlanError } from "@/lib/network/cidr-plan";

type Input = NetworkEngineerRequirements;
type Tier = Input["tiers"][number];

/** The zone's name as the cloud writes it (AWS eu-west-1a; Azure zones 1–3; Google Cloud europe-west1-b). */
function zoneName(input: Input, zoneIndex: number): string {
  // The schema refuses regions without known zone names and more zones than the region has.
  const zones = regionZones(input.provider, input.region);
  if (!zones || !zones[zoneIndex]) throw new Error(`No zone ${zoneIndex + 1} known for ${input.region}`);
  return zones[zoneIndex];
}

/** The short zone suffix of subnet names: the zone letter (a, b…) or, on Azure, the zone number. */
function zoneSuffix(input: Input, zoneIndex: number): string {
  return zoneName(input, zoneIndex).slice(-1);
}

function subnetName(input: Input, subnet: PlannedSubnet): string {
  return `${subnet.environment}-${subnet.tier}-${zoneSuffix(input, subnet.zoneIndex)}`;
}

function tierOf(input: Input, name: string): Tier {
  return input.tiers.find((tier) => tier.name === name)!;
}

function planOf(input: Input): CidrPlan {
  return planCidrs({
    provider: input.provider,
    availabilityZones: input.availabilityZones,
    environments: input.environments,
    tiers: input.tiers,
    peers: input.connections.map((connection) => ({ name: connection.name, cidr: connection.peerCidr })),
  });
}

function natGatewayCount(input: Input): number {
  if (input.natStrategy === "none") return 0;
  return input.natStrategy === "per-zone" ? input.availabilityZones : 1;
}

function percentOf(part: number, whole: number): string {
  return `${decimalText((part / whole) * 100, 1)}%`;
}

// ---- HCL (tfvars and variables.tf), laid out as `terraform fmt` would (lib/agents/shared/hcl.ts) ----

/** A tfvars body: a comment header, then groups of attributes separated by blank lines. */
function tfvarsFile(header: string[], groups: [string, HclValue][][]): string {
  const items: HclItem[] = [...header.map(comment), blank];
  for (const group of groups.filter((entries) => entries.length > 0)) items.push(...group.map(([name, value]) => attribute(name, value)), blank);
  return hclFile(items);
}

function environmentTfvars(input: Input, environment: EnvironmentPlan): string {
  const zones = Array.from({ length: input.availabilityZones }, (_, index) => zoneName(input, index));
  const subnets: Record<string, HclValue> = {};
  for (const subnet of environment.subnets) {
    subnets[subnetName(input, subnet)] = {
      cidr_block: subnet.cidr,
      availability_zone: zoneName(input, subnet.zoneIndex),
      tier: subnet.tier,
      kind: tierOf(input, subnet.tier).kind,
    };
  }
  const peers: Record<string, HclValue> = {};
  for (const connection of input.connections) peers[connection.name] = { cidr_block: connection.peerCidr, type: connection.type };
  return tfvarsFile(
    [`${environment.name} network of ${input.networkName}: ${providerChoice.label(input.provider)}, ${input.region}.`, `Generated from the CIDR plan; ${groupedInteger(environment.freeAddresses)} addresses of ${environment.baseCidr} stay free.`],
    [
      [
        ["network_name", input.networkName],
        ["environment", environment.name],
        ["region", input.region],
        ["network_cidr", environment.baseCidr],
        ["availability_zones", zones],
      ],
      [["subnets", subnets]],
      [
        ["nat_strategy", input.natStrategy],
        ["load_balancer", input.loadBalancer],
        ["egress_filtering", input.egressFiltering],
        ["egress_allowlist", input.egressFiltering === "fqdn-allowlist" ? [...(input.egressAllowlist ?? [])] : []],
        ["dns_zones", [...input.dnsZones]],
        ["flow_logs_enabled", input.flowLogs],
      ],
      input.connections.length ? [["peer_networks", peers]] : [["peer_networks", {}]],
    ],
  );
}

function variablesTf(input: Input): string {
  const { longestPrefix } = providerSubnetRules[input.provider];
  const block = (name: string, declaration: [string, HclValue][], validations: { condition: string; message: string }[] = []) =>
    hclBlock("variable", [name], [
      ...declaration.map(([key, value]) => attribute(key, value)),
      ...validations.map((validation) => hclBlock("validation", [], [attribute("condition", expr(validation.condition)), attribute("error_message", validation.message)])),
    ]);
  const objectOf = (fields: Record<string, string>) => call("map", call("object", Object.fromEntries(Object.entries(fields).map(([key, type]) => [key, expr(type)]))));
  const blocks = [
    block("network_name", [["type", expr("string")], ["description", "Name prefix of every network resource."]], [
      { condition: 'can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.network_name))', message: "Use lowercase letters, digits and hyphens." },
    ]),
    block("environment", [["type", expr("string")], ["description", "The environment this network serves."]]),
    block("region", [["type", expr("string")], ["description", "The region the network lives in."]]),
    block("network_cidr", [["type", expr("string")], ["description", "The base CIDR every subnet is carved from."]], [
      { condition: "can(cidrhost(var.network_cidr, 0))", message: "Give the base as a CIDR block, e.g. 10.20.0.0/16." },
    ]),
    block("availability_zones", [["type", expr("list(string)")], ["description", "Zones the subnets are spread over, in plan order."]], [
      { condition: "length(var.availability_zones) > 0", message: "List at least one zone." },
    ]),
    block(
      "subnets",
      [
        ["type", objectOf({ cidr_block: "string", availability_zone: "string", tier: "string", kind: "string" })],
        ["description", "Every subnet of the plan, keyed by name."],
      ],
      [
        {
          condition: `alltrue([for subnet in values(var.subnets) : can(cidrhost(subnet.cidr_block, 0)) && tonumber(split("/", subnet.cidr_block)[1]) <= ${longestPrefix}])`,
          message: `Each subnet must be a CIDR block of /${longestPrefix} or larger.`,
        },
        {
          condition: 'alltrue([for subnet in values(var.subnets) : contains(["public", "private", "data", "custom"], subnet.kind)])',
          message: "A subnet's kind is public, private, data or custom.",
        },
      ],
    ),
    block("nat_strategy", [["type", expr("string")], ["description", "per-zone, single or none."]], [
      { condition: 'contains(["per-zone", "single", "none"], var.nat_strategy)', message: "Use per-zone, single or none." },
    ]),
    block("load_balancer", [["type", expr("string")], ["description", "application, network, both or none."]], [
      { condition: 'contains(["application", "network", "both", "none"], var.load_balancer)', message: "Use application, network, both or none." },
    ]),
    block("egress_filtering", [["type", expr("string")], ["description", "none, fqdn-allowlist or proxy."]], [
      { condition: 'contains(["none", "fqdn-allowlist", "proxy"], var.egress_filtering)', message: "Use none, fqdn-allowlist or proxy." },
    ]),
    block("egress_allowlist", [["type", expr("list(string)")], ["description", "Domains workloads may reach when egress is filtered by FQDN."], ["default", []]]),
    block("dns_zones", [["type", expr("list(string)")], ["description", "DNS zones associated with the network."], ["default", []]]),
    block("flow_logs_enabled", [["type", expr("bool")], ["description", "Record flow logs for forensics and compliance."], ["default", true]]),
    block(
      "peer_networks",
      [
        ["type", objectOf({ cidr_block: "string", type: "string" })],
        ["description", "Networks routed to this one; none may overlap network_cidr."],
        ["default", {}],
      ],
      [
        {
          condition: "alltrue([for peer in values(var.peer_networks) : can(cidrhost(peer.cidr_block, 0))])",
          message: "Give each peer network as a CIDR block.",
        },
      ],
    ),
  ];
  return hclFile([comment(`Variables of the ${input.networkName} network; the values per environment are in environments/*.tfvars.`), blank, ...blocks]);
}

// ---- Mermaid ----

function diagram(input: Input, plan: CidrPlan): string {
  const lines = ["flowchart TB", `  internet((${mermaidLabel("Internet")}))`];
  const hasPublic = input.tiers.some((tier) => tier.kind === "public");
  for (const environment of plan.environments) {
    const env = mermaidId(environment.name, "env");
    lines.push(`  subgraph ${env}[${mermaidLabel(`${environment.name} · ${environment.baseCidr}`)}]`, "    direction TB");
    if (input.loadBalancer !== "none" && hasPublic) lines.push(`    ${env}_lb[${mermaidLabel(`${loadBalancerChoice.label(input.loadBalancer)} load balancer`)}]`);
    for (let zone = 0; zone < input.availabilityZones; zone++) {
      const zoneNode = `${env}_z${zone}`;
      lines.push(`    subgraph ${zoneNode}[${mermaidLabel(zoneName(input, zone))}]`);
      for (const subnet of environment.subnets.filter((item) => item.zoneIndex === zone)) {
        lines.push(`      ${mermaidId(`${subnet.tier}_${zone}`, env)}[${mermaidLabel(`${subnet.tier} · ${subnet.cidr}`)}]`);
      }
      if (input.natStrategy === "per-zone" || (input.natStrategy === "single" && zone === 0)) lines.push(`      ${zoneNode}_nat{{${mermaidLabel("NAT gateway")}}}`);
      lines.push("    end");
    }
    lines.push("  end");
    // Traffic: in through the load balancer to the private tiers, out through NAT, data tiers only inward.
    const firstOfKind = (kind: string) => input.tiers.find((tier) => tier.kind === kind);
    const application = firstOfKind("private") ?? firstOfKind("custom");
    if (input.loadBalancer !== "none" && hasPublic) {
      lines.push(`  internet --> ${env}_lb`);
      if (application) for (let zone = 0; zone < input.availabilityZones; zone++) lines.push(`  ${env}_lb --> ${mermaidId(`${application.name}_${zone}`, env)}`);
    }
    if (input.natStrategy !== "none" && application) {
      for (let zone = 0; zone < input.availabilityZones; zone++) {
        const nat = input.natStrategy === "per-zone" ? `${env}_z${zone}_nat` : `${env}_z0_nat`;
        lines.push(`  ${mermaidId(`${application.name}_${zone}`, env)} -.-> ${nat}`);
      }
      const gateways = input.natStrategy === "per-zone" ? input.availabilityZones : 1;
      for (let zone = 0; zone < gateways; zone++) lines.push(`  ${env}_z${zone}_nat --> internet`);
    }
    const data = input.tiers.filter((tier) => tier.kind === "data");
    if (application) for (const tier of data) for (let zone = 0; zone < input.availabilityZones; zone++) lines.push(`  ${mermaidId(`${application.name}_${zone}`, env)} --> ${mermaidId(`${tier.name}_${zone}`, env)}`);
  }
  for (const connection of input.connections) {
    const peer = mermaidId(connection.name, "peer");
    lines.push(`  ${peer}[(${mermaidLabel(`${connection.name} · ${connection.peerCidr}`)})]`);
    for (const environment of plan.environments) {
      lines.push(`  ${mermaidId(environment.name, "env")} <-->|${mermaidLabel(connectionTypeChoice.label(connection.type))}| ${peer}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

// ---- The plan document ----

function routeFor(input: Input, kind: Tier["kind"]): string {
  if (kind === "public") return "0.0.0.0/0 → internet gateway";
  if (kind === "data") return "local only: no route to the internet";
  if (kind === "custom") return "local only (add routes as the workload needs)";
  if (input.natStrategy === "none") return "local only: no NAT";
  return input.natStrategy === "per-zone" ? "0.0.0.0/0 → the NAT gateway in the same zone" : "0.0.0.0/0 → the single NAT gateway";
}

function planDocument(input: Input, plan: CidrPlan): string {
  const rules = providerSubnetRules[input.provider];
  const regionLabel = regionsByProvider[input.provider][input.region]?.label ?? input.region;
  const lines = [
    `# CIDR plan: ${input.networkName}`,
    "",
    `${providerChoice.label(input.provider)}, ${input.region} (${regionLabel}), ${input.availabilityZones} availability zone(s). Every subnet is sized for its hosts plus the ${rules.reserved} addresses ${providerChoice.label(input.provider)} reserves in each subnet, and is never smaller than a /${rules.longestPrefix}. The largest subnets are placed first, so the blocks pack without gaps and the free space stays in large contiguous ranges.`,
    "",
    "## Tiers",
    "",
    trustedTable(
      ["Tier", "Kind", "Hosts per subnet", "Subnet size", "Usable addresses", "Route"],
      input.tiers.map((tier) => {
        const subnet = plan.environments[0].subnets.find((item) => item.tier === tier.name)!;
        return [tier.name, tier.kind, groupedInteger(tier.hostsPerSubnet), `/${subnet.prefix} (${groupedInteger(subnet.addresses)})`, groupedInteger(subnet.usable), routeFor(input, tier.kind)];
      }),
    ),
  ];
  for (const environment of plan.environments) {
    lines.push(
      "",
      `## ${environment.name}: ${environment.baseCidr}`,
      "",
      `${groupedInteger(environment.allocatedAddresses)} of ${groupedInteger(environment.totalAddresses)} addresses allocated (${percentOf(environment.allocatedAddresses, environment.totalAddresses)}), ${groupedInteger(environment.freeAddresses)} free.`,
      "",
      trustedTable(
        ["Subnet", "Zone", "CIDR", "Addresses", "Usable", "Hosts needed", "Headroom"],
        environment.subnets.map((subnet) => [
          subnetName(input, subnet),
          zoneName(input, subnet.zoneIndex),
          subnet.cidr,
          groupedInteger(subnet.addresses),
          groupedInteger(subnet.usable),
          groupedInteger(subnet.hostsNeeded),
          groupedInteger(subnet.usable - subnet.hostsNeeded),
        ]),
      ),
      "",
      `**Free space** (the largest aligned blocks): ${environment.free.length ? environment.free.map((block) => `${block} (${groupedInteger(addressCount(cidrOf(block).prefix))})`).join(", ") : "none: the base is full"}.`,
    );
  }
  lines.push("", "## Connections", "");
  if (input.connections.length === 0) lines.push("No peer networks: the plan is free to use any private range later, but keep the bases distinct from your other networks.");
  else {
    lines.push(
      trustedTable(
        ["Connection", "Type", "Peer CIDR", "Overlap with this network"],
        input.connections.map((connection) => [connection.name, connectionTypeChoice.label(connection.type), connection.peerCidr, "none"]),
      ),
      "",
      "Routes to each peer go into the private and data route tables of every environment; security groups or NSGs still decide what may cross.",
    );
  }
  const gateways = natGatewayCount(input);
  lines.push(
    "",
    "## Egress, load balancing and DNS",
    "",
    `- **NAT:** ${natStrategyChoice.label(input.natStrategy)}: ${gateways} gateway(s) per environment${input.natStrategy === "single" ? "; egress from every zone stops if that zone fails" : ""}.`,
    `- **Egress filtering:** ${egressFilteringChoice.label(input.egressFiltering)}${input.egressFiltering === "fqdn-allowlist" ? `: ${(input.egressAllowlist ?? []).map((domain) => `\`${domain}\``).join(", ")}` : ""}.`,
    `- **Load balancer:** ${loadBalancerChoice.label(input.loadBalancer)}${input.loadBalancer === "none" ? "" : ", in the public tier of every zone"}.`,
    `- **DNS zones:** ${input.dnsZones.length ? input.dnsZones.map((zone) => `\`${zone}\``).join(", ") : "none"}${input.dnsZones.some((zone) => /\.(internal|local|corp|lan)$/.test(zone)) ? " (the internal ones as private zones associated with each network)" : ""}.`,
    `- **Flow logs:** ${input.flowLogs ? "on, for every subnet, kept with the security logs" : "off: turn them on before production, forensics and most frameworks need them"}.`,
  );
  if (input.notes) lines.push("", "## Notes", "", markdownText(input.notes));
  return markdownDocument(lines);
}

function planJson(input: Input, plan: CidrPlan): string {
  const document = {
    network: input.networkName,
    provider: input.provider,
    region: input.region,
    reservedPerSubnet: plan.reservedPerSubnet,
    environments: plan.environments.map((environment) => ({
      name: environment.name,
      baseCidr: environment.baseCidr,
      totalAddresses: environment.totalAddresses,
      allocatedAddresses: environment.allocatedAddresses,
      freeAddresses: environment.freeAddresses,
      subnets: environment.subnets.map((subnet) => ({
        name: subnetName(input, subnet),
        tier: subnet.tier,
        zone: zoneName(input, subnet.zoneIndex),
        cidr: subnet.cidr,
        addresses: subnet.addresses,
        usable: subnet.usable,
        hostsNeeded: subnet.hostsNeeded,
      })),
      free: environment.free,
    })),
    peers: input.connections.map((connection) => ({ name: connection.name, type: connection.type, cidr: connection.peerCidr })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function summary(input: Input, plan: CidrPlan): SummaryFigure[] {
  const subnets = plan.environments.reduce((sum, environment) => sum + environment.subnets.length, 0);
  const first = plan.environments[0];
  const neededPrefix = 32 - Math.ceil(Math.log2(first.allocatedAddresses));
  const figures: SummaryFigure[] = [
    {
      key: "subnets",
      label: "Subnets planned",
      value: subnets,
      detail: `${plan.environments.length} environment(s) × ${input.availabilityZones} zone(s) × ${input.tiers.length} tier(s)`,
    },
    ...plan.environments.map(
      (environment): SummaryFigure => ({
        key: `free-${environment.name}`,
        label: `Free in ${environment.name}`,
        value: Number(((environment.freeAddresses / environment.totalAddresses) * 100).toFixed(1)),
        unit: "%",
        detail: `${groupedInteger(environment.freeAddresses)} of ${groupedInteger(environment.totalAddresses)} addresses in ${environment.baseCidr}`,
      }),
    ),
    {
      key: "smallest-base",
      label: "Smallest base that fits",
      value: `/${neededPrefix}`,
      detail: `${groupedInteger(first.allocatedAddresses)} addresses per environment, each subnet rounded up to a power of two`,
    },
    {
      key: "reserved-per-subnet",
      label: "Reserved per subnet",
      value: plan.reservedPerSubnet,
      unit: "addresses",
      detail: `${providerChoice.label(input.provider)} keeps these in every subnet; smallest subnet /${providerSubnetRules[input.provider].longestPrefix}`,
    },
    {
      key: "nat-gateways",
      label: "NAT gateways",
      value: natGatewayCount(input) * plan.environments.length,
      detail: `${natStrategyChoice.label(input.natStrategy)} in ${plan.environments.length} environment(s)`,
    },
  ];
  return figures;
}

function generate(input: Input): GeneratorResult {
  const plan = planOf(input);
  const artifacts: Artifact[] = [
    { path: "network/cidr-plan.md", kind: "plan", mediaType: mediaTypes.markdown, content: planDocument(input, plan) },
    { path: "network/cidr-plan.json", kind: "plan", mediaType: mediaTypes.json, content: planJson(input, plan) },
    { path: "network/diagram.mmd", kind: "diagram", mediaType: mediaTypes.mermaid, content: diagram(input, plan) },
    { path: "terraform/variables.tf", kind: "terraform", mediaType: mediaTypes.hcl, content: variablesTf(input) },
    ...plan.environments.map(
      (environment): Artifact => ({
        path: `terraform/environments/${environment.name}.tfvars`,
        kind: "terraform",
        mediaType: mediaTypes.tfvars,
        content: environmentTfvars(input, environment),
      }),
    ),
  ];
  return { summary: summary(input, plan), artifacts };
}

export const networkEngineerGenerator: RoleGenerator<NetworkEngineerRequirements> = {
  role: "network-engineer",
  version: "1.2.0",
  generate,
};
