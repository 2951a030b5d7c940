// The network-engineer: secure, high-performance network architectures across cloud and hybrid environments.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import {
  networkEngineerExample,
  networkEngineerFields,
  networkEngineerInitialValues,
  networkEngineerSchema,
  networkEngineerSteps,
  networkEngineerTitle,
} from "./schema";

export const networkEngineer: RoleDefinition<typeof networkEngineerSchema> = {
  key: "network-engineer",
  title: "Network Engineer",
  mission: "Designs secure, high-performance network architectures across cloud and hybrid environments.",
  domain: "network-security",
  responsibilities: [
    "VPC and subnet design with address plans that leave room to grow and to connect",
    "Load balancing and DNS for internal and public traffic",
    "Hybrid connectivity: peering, transit hubs, VPN, SD-WAN and dedicated links such as Direct Connect",
    "Network segmentation and security groups, with the security engineer's zero-trust policies",
    "Encrypted communications, egress control and flow logging",
  ],
  targets: [],
  phases: {
    assessment: [
      "Inventory existing networks, address ranges and connectivity",
      "Gather traffic patterns, latency needs and compliance boundaries",
      "Find overlapping ranges before they block a connection",
    ],
    implementation: [
      "Plan the base CIDRs and subnet tiers per environment and zone",
      "Build VPCs, subnets, NAT, routing and security groups as code with the terraform engineer",
      "Set up load balancers, DNS zones and hybrid connections",
      "Apply egress filtering and turn on flow logs",
    ],
    excellence: [
      "Monitor latency, throughput and packet loss",
      "Review segmentation with the security engineer for zero-trust",
      "Keep the address plan documented and free for growth",
    ],
  },
  collaborators: collaboratorsOf("network-engineer"),
  schema: networkEngineerSchema,
  steps: networkEngineerSteps,
  fields: networkEngineerFields,
  initialValues: networkEngineerInitialValues,
  example: networkEngineerExample,
  defaultTitle: networkEngineerTitle,
};
