// The cloud-architect's deliverables: an architecture diagram, the composite availability with its
// formula, the DR strategy chosen from RTO/RPO, the landing-zone structure, a monthly cost estimate and
// an ADR in MADR form, all derived from the validated requirements.
import type { Artifact, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { dnsLabel, markdownTable, markdownText, mermaidLabel } from "@/lib/agents/shared/escape";
import { formatDuration, formatNumber, formatPercent, formatUsd } from "@/lib/agents/shared/numbers";
import { cloudProviderLabels, regionLabel, residencyZones, type CloudProvider } from "@/lib/agents/shared/regions";
import {
  complianceChoice,
  computeChoice,
  criticalityChoice,
  identityProviderChoice,
  residencyChoice,
  tierKindChoice,
  topologyChoice,
  type CloudArchitectRequirements,
} from "./schema";

type Input = CloudArchitectRequirements;
type Tier = Input["tiers"][number];
type TierKind = Tier["kind"];
type Region = Input["regions"][number];
type Compute = Input["computePreference"];

const minutesPerMonth = 30 * 24 * 60;
const hoursPerMonth = 730;

// ---------------------------------------------------------------------------------------------------
// Managed services and their SLAs
// ---------------------------------------------------------------------------------------------------

interface Service {
  name: string;
  /** The provider's published monthly uptime SLA for the zone-redundant configuration, in percent. */
  sla: number;
}

/**
 * The managed service behind each tier kind, with the SLA its provider publishes for a zone-redundant
 * deployment (checked against the providers' SLA pages; they change, so the document says to re-check).
 */
const computeServices: Record<CloudProvider, Record<Compute, Service>> = {
  aws: {
    containers: { name: "Amazon EKS (managed node groups over 3 AZs)", sla: 99.95 },
    serverless: { name: "AWS Lambda", sla: 99.95 },
    vms: { name: "Amazon EC2 Auto Scaling group over 3 AZs", sla: 99.99 },
  },
  azure: {
    containers: { name: "Azure Kubernetes Service (Standard tier, zone-redundant)", sla: 99.95 },
    serverless: { name: "Azure Functions (Premium plan)", sla: 99.95 },
    vms: { name: "Azure VM Scale Set over 3 zones", sla: 99.99 },
  },
  gcp: {
    containers: { name: "GKE regional cluster", sla: 99.95 },
    serverless: { name: "Cloud Run", sla: 99.95 },
    vms: { name: "Compute Engine regional managed instance group", sla: 99.99 },
  },
};

const dataServices: Record<CloudProvider, Record<Exclude<TierKind, "web" | "api" | "worker">, Service>> = {
  aws: {
    edge: { name: "Amazon CloudFront + AWS WAF", sla: 99.9 },
    "relational-database": { name: "Amazon Aurora PostgreSQL (Multi-AZ)", sla: 99.99 },
    "nosql-database": { name: "Amazon DynamoDB", sla: 99.99 },
    cache: { name: "Amazon ElastiCache for Redis OSS (Multi-AZ)", sla: 99.99 },
    messaging: { name: "Amazon SQS / SNS", sla: 99.9 },
    "object-storage": { name: "Amazon S3 Standard", sla: 99.9 },
    analytics: { name: "Amazon Redshift Serverless", sla: 99.9 },
  },
  azure: {
    edge: { name: "Azure Front Door Premium + WAF", sla: 99.99 },
    "relational-database": { name: "Azure Database for PostgreSQL Flexible Server (zone-redundant HA)", sla: 99.99 },
    "nosql-database": { name: "Azure Cosmos DB", sla: 99.99 },
    cache: { name: "Azure Cache for Redis (Premium, zone-redundant)", sla: 99.95 },
    messaging: { name: "Azure Service Bus Premium", sla: 99.95 },
    "object-storage": { name: "Azure Blob Storage (ZRS)", sla: 99.9 },
    analytics: { name: "Azure Synapse Analytics", sla: 99.9 },
  },
  gcp: {
    edge: { name: "Cloud CDN + Cloud Armor on the global load balancer", sla: 99.99 },
    "relational-database": { name: "Cloud SQL for PostgreSQL Enterprise Plus (HA)", sla: 99.99 },
    "nosql-database": { name: "Firestore (regional)", sla: 99.99 },
    cache: { name: "Memorystore for Redis (Standard tier)", sla: 99.9 },
    messaging: { name: "Pub/Sub", sla: 99.95 },
    "object-storage": { name: "Cloud Storage (regional)", sla: 99.9 },
    analytics: { name: "BigQuery", sla: 99.99 },
  },
};

const globalRouting: Record<CloudProvider, Service> = {
  aws: { name: "Amazon Route 53 health-checked routing", sla: 100 },
  azure: { name: "Azure Traffic Manager", sla: 99.99 },
  gcp: { name: "Cloud DNS with health-checked routing", sla: 100 },
};

function serviceFor(provider: CloudProvider, kind: TierKind, compute: Compute): Service {
  if (kind === "web" || kind === "api" || kind === "worker") return computeServices[provider][compute];
  return dataServices[provider][kind];
}

/** Tiers a user request waits on; workers and analytics run asynchronously, off the request path. */
const offRequestPath: ReadonlySet<TierKind> = new Set(["worker", "analytics"]);

// Tier kinds in the order a request travels through them: the diagram's left-to-right order.
const flowOrder: TierKind[] = ["edge", "web", "api", "messaging", "worker", "cache", "relational-database", "nosql-database", "object-storage", "analytics"];

// ---------------------------------------------------------------------------------------------------
// Disaster recovery
// ---------------------------------------------------------------------------------------------------

type DrStrategy = "backup-restore" | "pilot-light" | "warm-standby" | "multi-site";

const drStrategies: Record<DrStrategy, { label: string; rto: string; rpo: string; summary: string; rank: number }> = {
  "backup-restore": {
    label: "Backup & restore",
    rto: "hours",
    rpo: "hours (the backup interval)",
    summary: "Backups are copied to the recovery region; infrastructure is rebuilt from code when disaster strikes.",
    rank: 0,
  },
  "pilot-light": {
    label: "Pilot light",
    rto: "tens of minutes to hours",
    rpo: "minutes",
    summary: "Data is replicated continuously to the recovery region; compute is defined in code but scaled to zero until failover.",
    rank: 1,
  },
  "warm-standby": {
    label: "Warm standby",
    rto: "minutes",
    rpo: "seconds to minutes",
    summary: "A scaled-down but fully working copy runs in the recovery region with replicated data; failover scales it up and shifts traffic.",
    rank: 2,
  },
  "multi-site": {
    label: "Multi-site active-active",
    rto: "near zero",
    rpo: "near zero",
    summary: "Every region serves production traffic with replicated data; losing one region only removes capacity.",
    rank: 3,
  },
};

interface DrDecision {
  strategy: DrStrategy;
  reasons: string[];
  warnings: string[];
  replication: string;
}

/** The DR strategy from RTO/RPO, following the four strategies of the AWS DR whitepaper (same tiers on every cloud). */
export function chooseDrStrategy(input: Pick<Input, "rtoMinutes" | "rpoMinutes" | "topology" | "regions">): DrDecision {
  const { rtoMinutes: rto, rpoMinutes: rpo, topology } = input;
  const reasons: string[] = [];
  const warnings: string[] = [];
  let strategy: DrStrategy;
  if (rto <= 5) {
    strategy = "multi-site";
    reasons.push(`An RTO of ${formatDuration(rto)} leaves no time to start or scale anything: only regions that already serve traffic recover that fast.`);
  } else if (rto <= 30) {
    strategy = "warm-standby";
    reasons.push(`An RTO of ${formatDuration(rto)} allows scaling up a running copy and shifting traffic, but not provisioning infrastructure from scratch.`);
  } else if (rto <= 4 * 60) {
    strategy = "pilot-light";
    reasons.push(`An RTO of ${formatDuration(rto)} leaves time to start compute from code and images, as long as the data is already in the recovery region.`);
  } else {
    strategy = "backup-restore";
    reasons.push(`An RTO of ${formatDuration(rto)} leaves time to rebuild the infrastructure from code and restore data from backups.`);
  }
  // Cross-region backup copies run at best hourly, so a tighter RPO needs continuous replication.
  if (rpo < 60 && strategy === "backup-restore") {
    strategy = "pilot-light";
    reasons.push(`An RPO of ${formatDuration(rpo)} is tighter than cross-region backup copies can achieve (about hourly), so data must be replicated continuously: pilot light at least.`);
  } else {
    reasons.push(`An RPO of ${formatDuration(rpo)} is met by ${rpo === 0 ? "synchronous replication" : rpo < 60 ? "continuous asynchronous replication" : "scheduled backups copied across regions"}.`);
  }
  if (topology === "active-active" && strategy !== "multi-site") {
    reasons.push(`The active-active topology already runs every region at full capacity, which exceeds ${drStrategies[strategy].label.toLowerCase()}: the strategy is multi-site active-active.`);
    strategy = "multi-site";
  }
  if (topology === "single-region" && strategy !== "backup-restore") {
    warnings.push(`A single-region topology cannot deliver ${drStrategies[strategy].label.toLowerCase()}: it needs a recovery region. Choose active-passive, or accept backup & restore with an RTO of hours.`);
  }
  if (topology === "active-passive" && strategy === "multi-site") {
    warnings.push("The RTO asks for multi-site active-active, but the topology is active-passive: failover will take minutes. Choose active-active or relax the RTO.");
  }
  if (new Set(input.regions.map((region) => region.provider)).size > 1) {
    warnings.push("The regions span several clouds, and no managed service replicates data between clouds: replicate at the application level (change data capture into an event stream) or use a cloud-neutral distributed database.");
  }
  if (rpo === 0) {
    warnings.push("An RPO of zero needs synchronous replication; across regions that adds the round trip to every write. Keep synchronous replication within the region (across zones) and accept seconds of RPO across regions, or use a globally consistent database.");
  }
  const replication =
    rpo === 0
      ? "synchronous replication across zones; a globally consistent database for zero loss across regions"
      : rpo < 60
        ? "continuous asynchronous replication (typical lag under a second)"
        : `backups every ${formatDuration(Math.max(15, Math.min(rpo, 24 * 60)))}, copied to the recovery region`;
  return { strategy, reasons, warnings, replication };
}

// ---------------------------------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------------------------------

interface RegionAvailability {
  region: Region;
  components: { tier: Tier; service: Service; onPath: boolean }[];
  /** Serial product of the on-path components, as a fraction. */
  availability: number;
}

/**
 * How a passive standby shortens the primary's outages. The standby serves only after the failover,
 * which takes up to the RTO (scaling up a warm copy, or starting compute from zero for a pilot light),
 * so it covers at most the part of the primary's downtime that lasts longer than the failover.
 */
interface Failover {
  /** Minutes before the standby serves: the RTO, the longest a failover may take. */
  minutes: number;
  /** The primary region's expected downtime, (1 − A(primary)) × 43,200 minutes a month. */
  primaryDowntime: number;
  /** Availability of the standby regions together, 1 − Π (1 − A(standby)). */
  standby: number;
  /** The fraction of the primary's downtime the standby can serve: max(0, 1 − failover / downtime). */
  coverage: number;
}

interface Availability {
  /** Global services every request passes before reaching a region: the edge, or DNS routing between regions. */
  global: { name: string; service: Service }[];
  regions: RegionAvailability[];
  /** One region; regions that all serve traffic (parallel); or one primary and standbys that wait (failover). */
  mode: "single" | "parallel" | "failover";
  failover?: Failover;
  /** What the regions give together, before the global components. */
  regional: number;
  composite: number;
  formula: string;
}

/**
 * The regions' combined availability under a failover model: A = A(p) + (1 − A(p)) × A(s) × c.
 * The primary's monthly downtime is taken as one outage, the case most favourable to the standby (each
 * further outage pays the failover again), so c is an upper bound on what the standby contributes: a
 * pilot light whose failover outlasts the primary's expected downtime contributes nothing.
 */
export function failoverAvailability(primary: number, standby: number, failoverMinutes: number): { availability: number; failover: Failover } {
  const primaryDowntime = (1 - primary) * minutesPerMonth;
  const coverage = primaryDowntime > failoverMinutes ? 1 - failoverMinutes / primaryDowntime : 0;
  return { availability: primary + (1 - primary) * standby * coverage, failover: { minutes: failoverMinutes, primaryDowntime, standby, coverage } };
}

function computeAvailability(input: Input): Availability {
  const primary = input.regions.find((region) => region.role === "primary") ?? input.regions[0];
  const edge = input.tiers.find((tier) => tier.kind === "edge");
  const global: Availability["global"] = [];
  // The edge (CDN) is a global service that also fails over between origins; without one, DNS routes between regions.
  if (edge) global.push({ name: edge.name, service: dataServices[primary.provider].edge });
  else if (input.regions.length > 1) global.push({ name: "global routing", service: globalRouting[primary.provider] });
  const regions = input.regions.map((region): RegionAvailability => {
    const components = input.tiers
      .filter((tier) => tier.kind !== "edge")
      .map((tier) => ({ tier, service: serviceFor(region.provider, tier.kind, input.computePreference), onPath: !offRequestPath.has(tier.kind) }));
    const availability = components.filter((component) => component.onPath).reduce((product, component) => product * (component.service.sla / 100), 1);
    return { region, components, availability };
  });
  const globalProduct = global.reduce((product, entry) => product * (entry.service.sla / 100), 1);
  const globalTerm = global.length ? "a(global) × " : "";
  const regionFormula = "A(region) = Π aᵢ over the region's components on the request path";
  if (regions.length === 1) {
    return { global, regions, mode: "single", regional: regions[0].availability, composite: globalProduct * regions[0].availability, formula: `A = ${globalTerm}Π aᵢ (every component on the request path in series)` };
  }
  // Only regions that all serve traffic are redundant in parallel; a passive standby serves after a failover.
  if (input.topology === "active-active") {
    const regional = 1 - regions.reduce((product, entry) => product * (1 - entry.availability), 1);
    return { global, regions, mode: "parallel", regional, composite: globalProduct * regional, formula: `A = ${globalTerm}(1 − Π (1 − A(region))), with ${regionFormula}` };
  }
  const primaryEntry = regions.find((entry) => entry.region === primary)!;
  const standby = 1 - regions.filter((entry) => entry !== primaryEntry).reduce((product, entry) => product * (1 - entry.availability), 1);
  const { availability: regional, failover } = failoverAvailability(primaryEntry.availability, standby, input.rtoMinutes);
  return {
    global,
    regions,
    mode: "failover",
    failover,
    regional,
    composite: globalProduct * regional,
    formula: `A = ${globalTerm}(A(p) + (1 − A(p)) × A(s) × c), with c = max(0, 1 − RTO / D(p)) the share of the primary's downtime D(p) the standby serves after failing over, and ${regionFormula}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Cost
// ---------------------------------------------------------------------------------------------------

interface CostLine {
  component: string;
  sizing: string;
  monthlyUsd: number;
  /** Covered by commitments (Savings Plans, reservations, committed-use discounts) and right-sizing. */
  committable: boolean;
}

/** How much of the primary's capacity each region runs, by DR strategy. */
function capacityShare(strategy: DrStrategy, role: Region["role"]): { compute: number; data: number } {
  if (role === "primary" || strategy === "multi-site") return { compute: 1, data: 1 };
  if (strategy === "warm-standby") return { compute: 0.25, data: 1 };
  if (strategy === "pilot-light") return { compute: 0, data: 0.5 };
  return { compute: 0, data: 0 };
}

// Unit prices: on-demand list prices of the big three in a European region, rounded; they differ by
// less than ±10% between the providers, which is below the precision of an estimate like this.
const price = {
  vcpuMonthContainers: 36, // per vCPU-month incl. 4 GiB memory (m7i / D4s v5 / n2-standard class)
  vcpuMonthVms: 33,
  serverlessPerMillionRequests: 0.2,
  serverlessGbSecond: 0.0000166667,
  databaseVcpuMonth: 95, // memory-optimised managed PostgreSQL per vCPU-month
  databaseStorageGbMonth: 0.115,
  nosqlPerMillionRequests: 0.9, // on-demand reads and writes, blended
  nosqlStorageGbMonth: 0.25,
  cacheNodeMonth: 125, // a 13 GiB memory-optimised cache node
  messagingPerMillion: 0.4,
  objectStorageGbMonth: 0.023,
  cdnEgressGb: 0.06, // blended over volume tiers
  loadBalancerMonth: 25,
  loadBalancerPerMillionRequests: 0.8,
  warehouseBaseMonth: 250,
  warehouseGbMonth: 0.05,
  crossRegionTransferGb: 0.02,
};

const assumptions = {
  averageToPeak: 0.4, // average load is 40% of the peak over a month
  requestsPerVcpu: 250, // sustained requests per second one vCPU serves for an API tier
  headroom: 1.3, // 30% headroom above the peak for bursts and zone loss
  responseKb: 10, // average response size through the edge
  messagesPerRequest: 0.2, // one request in five publishes a message
  monthlyChangeRate: 0.1, // 10% of the data changes each month (replication traffic)
  serverlessMs: 100,
  serverlessGb: 0.5,
};

function estimateCost(input: Input, strategy: DrStrategy): { lines: CostLine[]; listTotal: number; optimisedTotal: number } {
  const monthlyRequests = input.peakRequestsPerSecond * assumptions.averageToPeak * minutesPerMonth * 60;
  const millions = monthlyRequests / 1e6;
  const peakVcpus = Math.max(2, Math.ceil((input.peakRequestsPerSecond / assumptions.requestsPerVcpu) * assumptions.headroom));
  const lines: CostLine[] = [];
  const kinds = new Set(input.tiers.map((tier) => tier.kind));
  const dataHome: TierKind | undefined = (["relational-database", "nosql-database", "object-storage"] as TierKind[]).find((kind) => kinds.has(kind));

  input.regions.forEach((region) => {
    const share = capacityShare(strategy, region.role);
    const where = `${region.region} (${region.role})`;
    for (const tier of input.tiers) {
      const label = `${tier.name}: ${serviceFor(region.provider, tier.kind, input.computePreference).name}, ${where}`;
      switch (tier.kind) {
        case "web":
        case "api":
        case "worker": {
          // Web tiers serve lighter requests; workers take a third of the API's capacity.
          const factor = tier.kind === "api" ? 1 : tier.kind === "web" ? 0.5 : 0.33;
          if (input.computePreference === "serverless") {
            const requests = millions * factor * share.compute;
            const cost = requests * price.serverlessPerMillionRequests + requests * 1e6 * (assumptions.serverlessMs / 1000) * assumptions.serverlessGb * price.serverlessGbSecond;
            lines.push({ component: label, sizing: `${formatNumber(requests, 0)} M invocations × ${assumptions.serverlessMs} ms × ${assumptions.serverlessGb * 1024} MB`, monthlyUsd: cost, committable: true });
          } else {
            const vcpus = share.compute === 0 ? 0 : Math.max(2, Math.ceil(peakVcpus * factor * share.compute));
            const unit = input.computePreference === "vms" ? price.vcpuMonthVms : price.vcpuMonthContainers;
            // Autoscaling runs the average, not the peak: capacity follows load between a floor and the peak.
            const average = vcpus === 0 ? 0 : Math.max(2, Math.ceil(vcpus * (assumptions.averageToPeak + 0.2)));
            lines.push({
              component: label,
              sizing: vcpus === 0 ? "scaled to zero until failover" : `${vcpus} vCPU at peak, ${average} vCPU on average (autoscaled)`,
              monthlyUsd: average * unit + (tier.kind === "worker" ? 0 : price.loadBalancerMonth + millions * factor * share.compute * price.loadBalancerPerMillionRequests),
              committable: true,
            });
          }
          break;
        }
        case "relational-database": {
          if (share.data === 0) break;
          const vcpus = Math.min(64, 2 ** Math.ceil(Math.log2(Math.max(2, input.peakRequestsPerSecond / 500))));
          const instances = region.role === "primary" || strategy === "multi-site" ? 2 : 1;
          const storage = dataHome === "relational-database" ? input.dataVolumeGb : input.dataVolumeGb * 0.2;
          lines.push({
            component: label,
            sizing: `${instances} × ${vcpus} vCPU${instances > 1 ? " (writer + standby in another zone)" : " (replica)"}, ${formatNumber(storage)} GB`,
            monthlyUsd: instances * vcpus * price.databaseVcpuMonth + storage * price.databaseStorageGbMonth,
            committable: true,
          });
          break;
        }
        case "nosql-database": {
          if (share.data === 0) break;
          const storage = dataHome === "nosql-database" ? input.dataVolumeGb : input.dataVolumeGb * 0.2;
          // Replicated regions pay for the replicated writes: a third of the request volume.
          const requests = region.role === "primary" || strategy === "multi-site" ? millions : millions / 3;
          lines.push({
            component: label,
            sizing: `${formatNumber(requests)} M requests on demand, ${formatNumber(storage)} GB`,
            monthlyUsd: requests * price.nosqlPerMillionRequests + storage * price.nosqlStorageGbMonth,
            committable: false,
          });
          break;
        }
        case "cache": {
          if (share.data === 0 || (share.compute === 0 && strategy !== "multi-site")) break;
          const nodes = 2 * Math.max(1, Math.ceil(input.peakRequestsPerSecond / 20_000));
          lines.push({ component: label, sizing: `${nodes} nodes (primary + replica per shard)`, monthlyUsd: nodes * price.cacheNodeMonth, committable: true });
          break;
        }
        case "messaging": {
          if (share.compute === 0 && share.data === 0) break;
          const messages = millions * assumptions.messagesPerRequest * Math.max(share.compute, 0.05);
          lines.push({ component: label, sizing: `${formatNumber(messages)} M messages`, monthlyUsd: messages * price.messagingPerMillion, committable: false });
          break;
        }
        case "object-storage": {
          // The data volume lives here when there is no database; backups of the databases land here too.
          const stored = (dataHome === "object-storage" ? input.dataVolumeGb : 0) + (dataHome && dataHome !== "object-storage" ? input.dataVolumeGb : 0);
          const gb = region.role === "primary" || share.data > 0 ? stored : 0;
          if (gb === 0) break;
          lines.push({ component: label, sizing: `${formatNumber(gb)} GB (data and backups)`, monthlyUsd: gb * price.objectStorageGbMonth, committable: false });
          break;
        }
        case "edge": {
          if (region.role !== "primary") break; // a global service, billed once
          const egressGb = (monthlyRequests * assumptions.responseKb) / 1024 / 1024;
          lines.push({ component: `${tier.name}: ${serviceFor(region.provider, tier.kind, input.computePreference).name} (global)`, sizing: `${formatNumber(egressGb)} GB egress`, monthlyUsd: egressGb * price.cdnEgressGb, committable: false });
          break;
        }
        case "analytics": {
          if (region.role !== "primary") break;
          lines.push({ component: label, sizing: `${formatNumber(input.dataVolumeGb)} GB loaded`, monthlyUsd: price.warehouseBaseMonth + input.dataVolumeGb * price.warehouseGbMonth, committable: true });
          break;
        }
      }
    }
  });

  if (input.regions.length > 1) {
    const replicated = input.dataVolumeGb * assumptions.monthlyChangeRate * (input.regions.length - 1);
    lines.push({ component: "Cross-region replication traffic", sizing: `${formatNumber(replicated)} GB (10% of the data changes a month)`, monthlyUsd: replicated * price.crossRegionTransferGb, committable: false });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.monthlyUsd, 0);
  lines.push({ component: "Observability, security services and audit logging", sizing: "8% of the infrastructure above", monthlyUsd: subtotal * 0.08, committable: false });

  const listTotal = lines.reduce((sum, line) => sum + line.monthlyUsd, 0);
  const optimisedTotal = lines.reduce((sum, line) => sum + line.monthlyUsd * (line.committable ? 1 - input.savingsTargetPercent / 100 : 1), 0);
  return { lines, listTotal, optimisedTotal };
}

// ---------------------------------------------------------------------------------------------------
// Diagram
// ---------------------------------------------------------------------------------------------------

const flowLabels: Partial<Record<`${TierKind}>${TierKind}`, string>> = {
  "edge>web": "HTTPS",
  "edge>api": "HTTPS",
  "web>api": "HTTPS",
  "api>messaging": "publish",
  "messaging>worker": "consume",
  "api>cache": "read-through",
  "api>relational-database": "SQL",
  "api>nosql-database": "reads / writes",
  "api>object-storage": "objects",
  "worker>relational-database": "SQL",
  "worker>nosql-database": "writes",
  "worker>object-storage": "objects",
  "relational-database>analytics": "CDC",
  "nosql-database>analytics": "change stream",
  "object-storage>analytics": "batch load",
};

function diagram(input: Input, dr: DrDecision): string {
  const lines = ["flowchart LR"];
  const multiRegion = input.regions.length > 1;
  const primaryProvider = (input.regions.find((region) => region.role === "primary") ?? input.regions[0]).provider;
  lines.push(`  users((${mermaidLabel("Users")}))`);
  const edges = input.tiers.filter((tier) => tier.kind === "edge");
  const routingMode = input.topology === "active-active" ? "latency-based routing" : "failover routing";
  // The edge is global: it sits in front of every region and fails over between origins. Without an
  // edge, DNS routes between the regions.
  let entryNode = "users";
  if (edges.length) {
    const edge = edges[0];
    lines.push(`  edge_entry([${mermaidLabel(`${edge.name} · ${dataServices[primaryProvider].edge.name}${multiRegion ? ` · ${routingMode}` : ""}`)}])`);
    lines.push("  users -->|\"HTTPS\"| edge_entry");
    entryNode = "edge_entry";
  } else if (multiRegion) {
    lines.push(`  routing{{${mermaidLabel(`${globalRouting[primaryProvider].name}: ${routingMode}`)}}}`);
    lines.push("  users --> routing");
    entryNode = "routing";
  }
  const ordered = [...input.tiers].filter((tier) => tier.kind !== "edge").sort((a, b) => flowOrder.indexOf(a.kind) - flowOrder.indexOf(b.kind));
  const entryKind = (["web", "api"] as TierKind[]).find((kind) => ordered.some((tier) => tier.kind === kind)) ?? ordered[0]?.kind;
  const nodeId = (regionIndex: number, tier: Tier) => `r${regionIndex}_t${input.tiers.indexOf(tier)}`;
  const standby = dr.strategy === "pilot-light" || dr.strategy === "warm-standby" || dr.strategy === "backup-restore";

  input.regions.forEach((region, regionIndex) => {
    const passive = region.role === "secondary" && standby;
    const state = region.role === "primary" ? "primary" : input.topology === "active-active" ? "active" : drStrategies[dr.strategy].label.toLowerCase();
    lines.push(`  subgraph r${regionIndex} [${mermaidLabel(`${cloudProviderLabels[region.provider]} · ${regionLabel(region.provider, region.region)} · ${state}`)}]`);
    lines.push("    direction LR");
    for (const tier of ordered) {
      const service = serviceFor(region.provider, tier.kind, input.computePreference);
      const computeKind = tier.kind === "web" || tier.kind === "api" || tier.kind === "worker";
      const note = passive && computeKind ? (dr.strategy === "warm-standby" ? " (scaled down)" : " (off until failover)") : "";
      const label = mermaidLabel(`${tier.name} · ${service.name}${note}`);
      const shape = tier.kind.endsWith("database") || tier.kind === "analytics" ? `[(${label})]` : tier.kind === "messaging" ? `[/${label}/]` : tier.kind === "edge" ? `([${label}])` : `[${label}]`;
      lines.push(`    ${nodeId(regionIndex, tier)}${shape}`);
    }
    lines.push("  end");
    if (passive) lines.push(`  class r${regionIndex} standby`);
    const entries = ordered.filter((tier) => tier.kind === entryKind);
    for (const entry of entries) lines.push(`  ${entryNode} -->|${mermaidLabel(region.role === "primary" || input.topology === "active-active" ? "HTTPS" : "on failover")}| ${nodeId(regionIndex, entry)}`);
    for (const from of ordered) {
      for (const to of ordered) {
        let flow = flowLabels[`${from.kind}>${to.kind}`];
        // Without a web tier the edge talks to the API; without an API, the web tier talks to the data.
        if (from.kind === "edge" && to.kind === "api" && ordered.some((tier) => tier.kind === "web")) flow = undefined;
        if (from.kind === "web" && !ordered.some((tier) => tier.kind === "api")) flow = flowLabels[`api>${to.kind}` as const];
        if (flow) lines.push(`  ${nodeId(regionIndex, from)} -->|${mermaidLabel(flow)}| ${nodeId(regionIndex, to)}`);
      }
    }
  });
  if (multiRegion) {
    const primaryIndex = Math.max(0, input.regions.findIndex((region) => region.role === "primary"));
    const replicated = ordered.filter((tier) => tier.kind === "relational-database" || tier.kind === "nosql-database" || tier.kind === "object-storage" || tier.kind === "cache");
    input.regions.forEach((region, regionIndex) => {
      if (regionIndex === primaryIndex) return;
      for (const tier of replicated) {
        const crossCloud = input.regions[primaryIndex].provider !== region.provider;
        const mode =
          tier.kind === "cache"
            ? "warmed on failover"
            : dr.strategy === "backup-restore"
              ? "backup copies"
              : crossCloud
                ? "application-level replication (CDC)"
                : input.topology === "active-active"
                  ? "bidirectional replication"
                  : "async replication";
        if (tier.kind === "cache" && input.topology !== "active-active") continue;
        lines.push(`  ${nodeId(primaryIndex, tier)} -.->|${mermaidLabel(mode)}| ${nodeId(regionIndex, tier)}`);
      }
    });
  }
  lines.push("  classDef standby stroke-dasharray: 5 5");
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------

const percent = (fraction: number) => `${formatPercent(fraction * 100, 4)}%`;

const globalFactorsProduct = (availability: Availability) => availability.global.reduce((product, entry) => product * (entry.service.sla / 100), 1);

function availabilityDocument(input: Input, availability: Availability): string {
  const meets = availability.composite * 100 >= input.targetAvailability;
  const parts = [
    `# Composite availability: ${markdownText(input.workloadName)}`,
    "",
    `Target: **${formatPercent(input.targetAvailability)}%** (${criticalityChoice.label(input.criticality)}), which allows ${formatDuration(((100 - input.targetAvailability) / 100) * minutesPerMonth)} of downtime in a 30-day month.`,
    "",
    `Estimated composite availability: **${percent(availability.composite)}**, ${formatDuration((1 - availability.composite) * minutesPerMonth)} of downtime a month. ${meets ? "It meets the target." : "It falls short of the target: see the recommendations below."}`,
    "",
    "## Formula",
    "",
    `- Components in series (a request needs all of them) multiply: A = a₁ × a₂ × … × aₙ.`,
    `- Redundant copies (any one suffices) combine as A = 1 − Π (1 − aᵢ).`,
    `- This design: ${availability.formula}.`,
    "",
  ];
  for (const entry of availability.regions) {
    parts.push(`## ${markdownText(`${cloudProviderLabels[entry.region.provider]} ${entry.region.region} (${entry.region.role})`)}`, "");
    parts.push(
      markdownTable(
        ["Tier", "Kind", "Service", "SLA", "On the request path"],
        entry.components.map((component) => [component.tier.name, tierKindChoice.label(component.tier.kind), component.service.name, `${formatPercent(component.service.sla)}%`, component.onPath ? "yes" : "no (asynchronous)"]),
      ),
      "",
      `A(region) = ${entry.components.filter((component) => component.onPath).map((component) => formatPercent(component.service.sla / 100, 6)).join(" × ") || "1"} = **${percent(entry.availability)}**`,
      "",
    );
  }
  if (availability.global.length) {
    parts.push(
      "## Global components",
      "",
      markdownTable(
        ["Component", "Service", "SLA"],
        availability.global.map((entry) => [entry.name, entry.service.name, `${formatPercent(entry.service.sla)}%`]),
      ),
      "",
    );
  }
  const globalFactors = availability.global.map((entry) => formatPercent(entry.service.sla / 100, 6));
  const fraction = (value: number) => formatPercent(value, 6);
  parts.push("## Composite", "");
  if (availability.mode === "failover" && availability.failover) {
    const { failover } = availability;
    const primary = availability.regions.find((entry) => entry.region.role === "primary") ?? availability.regions[0];
    const standbys = availability.regions.filter((entry) => entry !== primary);
    parts.push(
      `Only the primary serves traffic; the standby ${standbys.length > 1 ? "regions serve" : "region serves"} after a failover, which may take up to the RTO (${formatDuration(failover.minutes)}). Counting the standby as parallel redundancy would claim ${percent(globalFactorsProduct(availability) * (1 - availability.regions.reduce((product, entry) => product * (1 - entry.availability), 1)))}; the failover model counts only the part of the primary's downtime that outlasts the failover:`,
      "",
      `- A(p) = ${fraction(primary.availability)}; its expected downtime D(p) = (1 − A(p)) × 43,200 min = ${formatDuration(failover.primaryDowntime)} a month, taken as one outage (the case most favourable to the standby: every further outage pays the failover again).`,
      `- A(s) = ${standbys.length > 1 ? `1 − ${standbys.map((entry) => `(1 − ${fraction(entry.availability)})`).join(" × ")} = ` : ""}${fraction(failover.standby)}${standbys.length > 1 ? " (any one standby suffices)" : ""}.`,
      `- c = max(0, 1 − RTO / D(p)) = max(0, 1 − ${formatPercent(failover.minutes, 1)} / ${formatPercent(failover.primaryDowntime, 1)}) = ${fraction(failover.coverage)}.`,
      "",
      `A = ${[...globalFactors, `(${fraction(primary.availability)} + (1 − ${fraction(primary.availability)}) × ${fraction(failover.standby)} × ${fraction(failover.coverage)})`].join(" × ")} = **${percent(availability.composite)}**`,
      "",
    );
    if (failover.coverage === 0) {
      parts.push(
        `The failover takes longer than the primary's expected downtime, so the standby adds nothing to the monthly availability: it protects against losing the region (see disaster-recovery.md), not against the primary's everyday outages.`,
        "",
      );
    }
  } else {
    const regional =
      availability.mode === "single"
        ? fraction(availability.regions[0].availability)
        : `(1 − ${availability.regions.map((entry) => `(1 − ${fraction(entry.availability)})`).join(" × ")})`;
    parts.push(`A = ${[...globalFactors, regional].join(" × ")} = **${percent(availability.composite)}**`, "");
  }
  parts.push("## Assumptions", "");
  parts.push(
    "- SLAs are the providers' published monthly uptime commitments for zone-redundant deployments; re-check the SLA pages before relying on them.",
    "- Failures of components and of regions are independent; a shared dependency (identity provider, DNS, a deployment gone wrong) is not covered by redundancy.",
    "- Workers and analytics run off the request path: their outages delay work but do not fail requests.",
  );
  if (availability.mode === "parallel") parts.push("- Every region serves traffic, and health checks take a failed region out of rotation within seconds, so the regions count as parallel redundancy.");
  if (availability.mode === "failover") parts.push("- The failover is started by health checks and takes the RTO at most; a failover that has not been rehearsed may take longer, and then the standby contributes less.");
  if (!meets) {
    parts.push("", "## Recommendations", "");
    // Global components are in series with everything, so a weak one caps the composite however many regions there are.
    const candidates = [
      ...availability.global.map((entry) => ({ name: entry.name, service: entry.service, global: true })),
      ...availability.regions[0].components.filter((component) => component.onPath).map((component) => ({ name: component.tier.name, service: component.service, global: false })),
    ];
    const cap = availability.global.filter((entry) => entry.service.sla < input.targetAvailability).map((entry) => ({ name: entry.name, service: entry.service, global: true }));
    const weakest = cap[0] ?? candidates.sort((a, b) => a.service.sla - b.service.sla || Number(b.global) - Number(a.global) || a.name.localeCompare(b.name))[0];
    if (weakest?.global) {
      parts.push(`- ${markdownText(weakest.name)} (${markdownText(weakest.service.name)}, ${formatPercent(weakest.service.sla)}%) is global and in series with every region, so it caps the composite: add a second provider for it (multi-CDN or DNS failover to the origins) or accept its SLA as the ceiling.`);
    } else if (weakest) {
      parts.push(`- The weakest component on the path is ${markdownText(weakest.name)} (${markdownText(weakest.service.name)}, ${formatPercent(weakest.service.sla)}%): add redundancy for it or take it off the request path.`);
    }
    if (input.topology === "single-region") parts.push("- Add a second region: two independent active-active regions at 99.9% give 99.9999% before routing; a passive standby adds only the part of each outage that outlasts its failover.");
    if (availability.mode === "failover") parts.push("- A passive standby covers only what outlasts its failover: serve from both regions (active-active), or shorten the failover, to count the second region fully.");
    parts.push("- Design for graceful degradation: serve cached or read-only responses when a dependency fails.");
  }
  return `${parts.join("\n")}\n`;
}

function drDocument(input: Input, dr: DrDecision): string {
  const chosen = drStrategies[dr.strategy];
  const primary = input.regions.find((region) => region.role === "primary") ?? input.regions[0];
  const secondaries = input.regions.filter((region) => region !== primary);
  const parts = [
    `# Disaster recovery: ${markdownText(input.workloadName)}`,
    "",
    `Recovery objectives: RTO **${formatDuration(input.rtoMinutes)}**, RPO **${formatDuration(input.rpoMinutes)}**.`,
    "",
    `## Strategy: ${chosen.label}`,
    "",
    chosen.summary,
    "",
    "Why:",
    "",
    ...dr.reasons.map((reason) => `- ${reason}`),
    "",
  ];
  if (dr.warnings.length) parts.push("Warnings:", "", ...dr.warnings.map((warning) => `- ⚠ ${warning}`), "");
  parts.push(
    "## The four strategies",
    "",
    markdownTable(
      ["Strategy", "Typical RTO", "Typical RPO", "Chosen"],
      (Object.keys(drStrategies) as DrStrategy[]).map((key) => [drStrategies[key].label, drStrategies[key].rto, drStrategies[key].rpo, key === dr.strategy ? "yes" : ""]),
    ),
    "",
    "## How it works here",
    "",
    `- Primary region: ${markdownText(regionLabel(primary.provider, primary.region))} (${markdownText(cloudProviderLabels[primary.provider])}).`,
    secondaries.length
      ? `- Recovery region${secondaries.length > 1 ? "s" : ""}: ${secondaries.map((region) => markdownText(regionLabel(region.provider, region.region))).join(", ")}.`
      : "- Recovery region: none in this topology; backups are copied to a second region of the same residency zone.",
    `- Data: ${dr.replication}.`,
    input.regions.length > 1
      ? "- Failover: health checks on the entry tier shift traffic through DNS or the global load balancer; a runbook covers the manual decision when the signals disagree."
      : "- Recovery: declaring a regional disaster starts a rebuild from infrastructure code in the recovery region, then a restore of the latest backups; a runbook orders the steps.",
    `- Backups: point-in-time recovery on every database, with copies kept in a separate account or subscription so that one compromised account cannot delete both.`,
    "",
    "## Testing",
    "",
    input.regions.length > 1
      ? "- Quarterly failover game day: fail the primary over, measure the achieved RTO and RPO against the objectives, fail back."
      : "- Twice a year: rebuild the workload in the recovery region from code and backups, and measure the achieved RTO and RPO against the objectives.",
    "- Monthly restore test of a backup into an isolated environment, with a data-integrity check.",
    dr.strategy === "backup-restore" ? "- Alert when the newest backup copy in the recovery region is older than the RPO." : "- Alert when replication lag exceeds half the RPO.",
  );
  return `${parts.join("\n")}\n`;
}

function landingZoneDocument(input: Input): string {
  const workload = dnsLabel(input.workloadName);
  const regulated = input.complianceFrameworks.some((framework) => framework === "pci-dss" || framework === "hipaa" || framework === "fedramp");
  const allowedRegions = input.regions.map((region) => region.region);
  const parts = [`# Landing zone: ${markdownText(input.workloadName)}`, ""];
  for (const provider of input.providers) {
    const regions = input.regions.filter((region) => region.provider === provider).map((region) => region.region);
    parts.push(`## ${cloudProviderLabels[provider]}`, "");
    let tree: string[];
    let rows: string[][];
    if (provider === "aws") {
      tree = [
        "Organization root",
        "├── Security OU",
        "│   ├── log-archive        (organization CloudTrail, Config and VPC flow logs)",
        "│   └── security-tooling   (GuardDuty, Security Hub and IAM Access Analyzer delegated admin)",
        "├── Infrastructure OU",
        "│   ├── network            (Transit Gateway, egress, Route 53 Resolver)",
        "│   └── shared-services    (CI/CD runners, container registry, golden images)",
        "├── Workloads OU",
        ...(regulated ? [`│   ├── Regulated OU   (in scope of ${input.complianceFrameworks.filter((framework) => framework === "pci-dss" || framework === "hipaa" || framework === "fedramp").map((framework) => complianceChoice.label(framework)).join(", ")})`, `│   │   └── ${workload}-prod`, "│   └── Standard OU", `│       ├── ${workload}-staging`, `│       └── ${workload}-dev`] : [`│   ├── ${workload}-prod`, `│   ├── ${workload}-staging`, `│   └── ${workload}-dev`]),
        "└── Sandbox OU             (experiments, budget-capped, no production data)",
      ];
      rows = [
        ["Identity", `${identityProviderChoice.label(input.identityProvider)} federated into IAM Identity Center (SAML + SCIM); permission sets per team; no IAM users`],
        ["Region guardrail", `SCP denying every region except ${allowedRegions.join(", ")} (global services excepted)`],
        ["Baseline guardrails", "SCPs: deny leaving the organization, disabling CloudTrail/GuardDuty/Config, and root-user actions"],
        ["Encryption", "KMS customer-managed keys per account; S3 Block Public Access at organization level"],
        ["Networking", "One VPC per workload account and region, attached to the Transit Gateway; centralised egress and inspection"],
      ];
    } else if (provider === "azure") {
      tree = [
        "Tenant root group",
        "└── Organization management group",
        "    ├── Platform",
        "    │   ├── Identity       (domain services, identity tooling)",
        "    │   ├── Management     (Log Analytics workspace, Defender for Cloud, Automation)",
        "    │   └── Connectivity   (hub virtual network or Virtual WAN, Azure Firewall, private DNS zones)",
        "    ├── Landing zones",
        `    │   ├── Corp           (${workload}-prod, ${workload}-staging: private, connected to the hub)`,
        "    │   └── Online         (internet-facing workloads)",
        `    ├── Sandbox            (${workload}-dev and experiments)`,
        "    └── Decommissioned",
      ];
      rows = [
        ["Identity", `${identityProviderChoice.label(input.identityProvider)}${input.identityProvider === "entra-id" ? "" : " federated with Microsoft Entra ID"}; Privileged Identity Management for admin roles`],
        ["Region guardrail", `Azure Policy "Allowed locations": ${regions.join(", ")}`],
        ["Baseline guardrails", "Azure Policy initiatives for the chosen frameworks assigned at the landing-zones group; diagnostic settings to the central workspace"],
        ["Encryption", "Customer-managed keys in Key Vault (purge protection on) per subscription"],
        ["Networking", "Hub-and-spoke: one spoke virtual network per subscription and region, peered to the hub"],
      ];
    } else {
      tree = [
        "Organization",
        "├── fldr-bootstrap        (seed project: Terraform state and CI service accounts)",
        "├── fldr-common",
        "│   ├── prj-logging        (aggregated log sinks, audit logs)",
        "│   ├── prj-security       (Security Command Center, KMS)",
        "│   └── prj-network-hub    (Shared VPC host projects, Cloud Interconnect/VPN)",
        `├── fldr-production       (prj-${workload}-prod)`,
        `├── fldr-nonproduction    (prj-${workload}-staging)`,
        `└── fldr-development      (prj-${workload}-dev)`,
      ];
      rows = [
        ["Identity", `${identityProviderChoice.label(input.identityProvider)} federated into Cloud Identity (SAML + directory sync); groups, not users, in IAM bindings`],
        ["Region guardrail", `Organization policy gcp.resourceLocations: ${regions.join(", ")}`],
        ["Baseline guardrails", "Org policies: no service-account keys, no default networks, uniform bucket-level access, OS Login required"],
        ["Encryption", "Cloud KMS keys per environment with CMEK on data services"],
        ["Networking", "Shared VPC per environment, hosted in the network hub; workloads in service projects"],
      ];
    }
    parts.push("```text", ...tree, "```", "", markdownTable(["Concern", "Decision"], rows), "");
  }
  if (input.dataResidency !== "none") {
    parts.push(`Data residency: ${markdownText(residencyZones[input.dataResidency].label)}. The region guardrails above enforce it; backups and logs stay in the same zone.`, "");
  }
  if (input.complianceFrameworks.length) {
    parts.push(`Compliance frameworks: ${input.complianceFrameworks.map((framework) => complianceChoice.label(framework)).join(", ")}. Keep in-scope resources in dedicated accounts or subscriptions to keep the audit scope small.`, "");
  }
  return `${parts.join("\n").replace(/\n+$/, "")}\n`;
}

function costDocument(input: Input, cost: ReturnType<typeof estimateCost>, strategy: DrStrategy): string {
  const within = cost.optimisedTotal <= input.monthlyBudgetUsd;
  const parts = [
    `# Monthly cost estimate: ${markdownText(input.workloadName)}`,
    "",
    markdownTable(
      ["Component", "Sizing", "List price / month", `With ${input.savingsTargetPercent}% savings`],
      cost.lines.map((line) => [line.component, line.sizing, formatUsd(line.monthlyUsd), formatUsd(line.monthlyUsd * (line.committable ? 1 - input.savingsTargetPercent / 100 : 1))]),
    ),
    "",
    `**Total: ${formatUsd(cost.listTotal)} a month at list price, ${formatUsd(cost.optimisedTotal)} with the savings target applied**, against a budget of ${formatUsd(input.monthlyBudgetUsd)}: ${
      within ? `${formatUsd(input.monthlyBudgetUsd - cost.optimisedTotal)} (${formatPercent(((input.monthlyBudgetUsd - cost.optimisedTotal) / input.monthlyBudgetUsd) * 100, 1)}%) to spare.` : `over budget by ${formatUsd(cost.optimisedTotal - input.monthlyBudgetUsd)}.`
    }`,
    "",
    "## Assumptions",
    "",
    `- Peak load ${formatNumber(input.peakRequestsPerSecond)} requests/s; the monthly average is ${assumptions.averageToPeak * 100}% of the peak, i.e. ${formatNumber((input.peakRequestsPerSecond * assumptions.averageToPeak * minutesPerMonth * 60) / 1e6)} million requests a month.`,
    `- One vCPU serves about ${assumptions.requestsPerVcpu} requests/s on the API tier (web tiers half the work, workers a third); ${Math.round((assumptions.headroom - 1) * 100)}% headroom above the peak.`,
    `- Compute is ${computeChoice.label(input.computePreference).toLowerCase()}, autoscaled: it runs near the average, not the peak.`,
    `- Recovery regions run at the capacity ${drStrategies[strategy].label.toLowerCase()} needs (warm standby 25% compute; pilot light no compute and a single database replica; backup & restore only backups).`,
    `- ${formatNumber(input.dataVolumeGb)} GB of data after a year, held by the primary data store, with a full backup copy in object storage.`,
    `- On-demand list prices in a European region, rounded (${hoursPerMonth} hours a month); AWS, Azure and Google Cloud differ by less than ±10% for these services.`,
    `- The savings target (${input.savingsTargetPercent}%) applies to compute, databases, caches and warehouses through Savings Plans/reservations/committed-use discounts and right-sizing; usage-priced services are shown at list price.`,
    "- Not included: support plans, licences, data transfer to on-premises, and people.",
  ];
  return `${parts.join("\n")}\n`;
}

function adrDocument(input: Input, dr: DrDecision, availability: Availability, cost: ReturnType<typeof estimateCost>): string {
  const topology = topologyChoice.label(input.topology);
  const options: { key: Input["topology"]; good: string[]; bad: string[] }[] = [
    {
      key: "single-region",
      good: ["it is the simplest to build and operate, with no cross-region data consistency to manage", "it costs the least"],
      bad: ["a regional outage takes the workload down: the ceiling is about 99.95%", "recovery means rebuilding in another region: an RTO of hours"],
    },
    {
      key: "active-passive",
      good: ["it survives a regional outage with an RTO of minutes", "writes stay in one region, so there are no conflicts to resolve"],
      bad: ["the standby region costs money while it waits", "failover must be rehearsed regularly or it will not work when needed"],
    },
    {
      key: "active-active",
      good: ["the RTO is near zero: losing a region only removes capacity", "users are served from the nearest region"],
      bad: ["writes in several regions need conflict resolution or a globally consistent database", "every region is sized for the full load, which costs the most"],
    },
  ];
  const chosen = options.find((option) => option.key === input.topology)!;
  const parts = [
    "---",
    "status: proposed",
    "---",
    "",
    `# ${markdownText(`${topology} deployment of ${input.workloadName} with ${drStrategies[dr.strategy].label.toLowerCase()} recovery`)}`,
    "",
    "## Context and Problem Statement",
    "",
    `${markdownText(input.description)}`,
    "",
    `The workload is ${criticalityChoice.label(input.criticality).toLowerCase()} with an availability target of ${formatPercent(input.targetAvailability)}%, an RTO of ${formatDuration(input.rtoMinutes)} and an RPO of ${formatDuration(input.rpoMinutes)}. How should it be deployed across regions, and how does it recover from the loss of a region?`,
    "",
    "## Decision Drivers",
    "",
    `- Availability target of ${formatPercent(input.targetAvailability)}% (${formatDuration(((100 - input.targetAvailability) / 100) * minutesPerMonth)} of downtime a month)`,
    `- RTO ${formatDuration(input.rtoMinutes)}, RPO ${formatDuration(input.rpoMinutes)}`,
    `- Data residency: ${markdownText(residencyChoice.label(input.dataResidency))}`,
    ...(input.complianceFrameworks.length ? [`- Compliance: ${input.complianceFrameworks.map((framework) => complianceChoice.label(framework)).join(", ")}`] : []),
    `- Monthly budget of ${formatUsd(input.monthlyBudgetUsd)} with a savings target of ${input.savingsTargetPercent}%`,
    "",
    "## Considered Options",
    "",
    ...options.map((option) => `- ${topologyChoice.label(option.key)}`),
    "",
    "## Decision Outcome",
    "",
    availability.composite * 100 >= input.targetAvailability
      ? `Chosen option: "${topology}", because it is the simplest topology that reaches the availability target (estimated ${percent(availability.composite)}) and supports ${drStrategies[dr.strategy].label.toLowerCase()} recovery within the RTO and RPO.`
      : `Chosen option: "${topology}", because it supports ${drStrategies[dr.strategy].label.toLowerCase()} recovery within the RTO and RPO. Its estimated availability (${percent(availability.composite)}) is below the ${formatPercent(input.targetAvailability)}% target: availability.md names the component that limits it.`,
    "",
    `The estimate is ${availability.formula}${availability.failover ? `; here c = ${formatPercent(availability.failover.coverage, 6)} for a failover of up to ${formatDuration(availability.failover.minutes)} against ${formatDuration(availability.failover.primaryDowntime)} of expected primary downtime a month` : ""}. availability.md works it through.`,
    "",
    "### Consequences",
    "",
    ...chosen.good.map((good) => `- Good, because ${good}.`),
    ...chosen.bad.map((bad) => `- Bad, because ${bad}.`),
    ...dr.warnings.map((warning) => `- Bad, because ${warning.charAt(0).toLowerCase()}${warning.slice(1)}`),
    `- Neutral: the estimated cost is ${formatUsd(cost.optimisedTotal)} a month after savings, ${cost.optimisedTotal <= input.monthlyBudgetUsd ? "within" : "over"} the ${formatUsd(input.monthlyBudgetUsd)} budget.`,
    "",
    "### Confirmation",
    "",
    "- A failover game day before go-live measures the achieved RTO and RPO.",
    `- Availability is tracked as an SLO of ${formatPercent(input.targetAvailability)}% and reviewed monthly; the cost against the budget is reviewed monthly too.`,
    "",
    "## Pros and Cons of the Options",
    "",
  ];
  for (const option of options) {
    parts.push(`### ${topologyChoice.label(option.key)}`, "", ...option.good.map((good) => `- Good, because ${good}.`), ...option.bad.map((bad) => `- Bad, because ${bad}.`), "");
  }
  parts.push("## More Information", "", "See availability.md, disaster-recovery.md, landing-zone.md and cost-estimate.md next to this record.");
  if (input.notes) parts.push("", `Notes from the request: ${markdownText(input.notes)}`);
  return `${parts.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------

function generate(input: Input) {
  const dr = chooseDrStrategy(input);
  const availability = computeAvailability(input);
  const cost = estimateCost(input, dr.strategy);
  const workload = dnsLabel(input.workloadName);
  const allowedDowntime = (1 - availability.composite) * minutesPerMonth;

  const summary: SummaryFigure[] = [
    {
      key: "composite-availability",
      label: "Composite availability",
      value: formatPercent(availability.composite * 100, 4),
      unit: "%",
      detail: `${availability.formula}; target ${formatPercent(input.targetAvailability)}% (${availability.composite * 100 >= input.targetAvailability ? "met" : "not met"})`,
    },
    { key: "allowed-downtime", label: "Expected downtime", value: Number(allowedDowntime.toFixed(1)), unit: "min/month", detail: "(1 − A) × 43,200 minutes in a 30-day month" },
    { key: "dr-strategy", label: "DR strategy", value: drStrategies[dr.strategy].label, detail: dr.reasons[0] },
    { key: "rto", label: "RTO", value: input.rtoMinutes, unit: "min" },
    { key: "rpo", label: "RPO", value: input.rpoMinutes, unit: "min" },
    {
      key: "monthly-cost",
      label: "Estimated monthly cost",
      value: Math.round(cost.optimisedTotal),
      unit: "USD",
      detail: `${formatUsd(cost.listTotal)} at list price less the ${input.savingsTargetPercent}% savings target on committable services`,
    },
    {
      key: "budget-use",
      label: "Share of the budget",
      value: Number(((cost.optimisedTotal / input.monthlyBudgetUsd) * 100).toFixed(1)),
      unit: "%",
      detail: `of ${formatUsd(input.monthlyBudgetUsd)} a month`,
    },
    { key: "regions", label: "Regions", value: input.regions.length, detail: topologyChoice.label(input.topology) },
  ];

  const artifacts: Artifact[] = [
    { path: "architecture.mmd", kind: "diagram", mediaType: mediaTypes.mermaid, content: diagram(input, dr) },
    { path: "availability.md", kind: "document", mediaType: mediaTypes.markdown, content: availabilityDocument(input, availability) },
    { path: "disaster-recovery.md", kind: "plan", mediaType: mediaTypes.markdown, content: drDocument(input, dr) },
    { path: "landing-zone.md", kind: "plan", mediaType: mediaTypes.markdown, content: landingZoneDocument(input) },
    { path: "cost-estimate.md", kind: "document", mediaType: mediaTypes.markdown, content: costDocument(input, cost, dr.strategy) },
    { path: `adr/0001-${workload}-architecture.md`, kind: "decision-record", mediaType: mediaTypes.markdown, content: adrDocument(input, dr, availability, cost) },
  ];
  return { summary, artifacts };
}

export const cloudArchitectGenerator: RoleGenerator<Input> = { role: "cloud-architect", version: "1.2.0", generate };
