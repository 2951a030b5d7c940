// The cloud-architect's requirements: a workload's availability, footprint, recovery objectives, data
// residency, compliance, scale, budget and platform choices: what an architecture decision needs.
import { z } from "zod";
import type { FieldMeta, FieldOption, FormStep, FormValues } from "@/lib/agents/types";
import { choices, decimal, dnsLabel, issueAt, minutes, optionalText, percentage, pickMany, requiredText, wholeNumber } from "@/lib/agents/shared/fields";
import {
  allRegionCodes,
  cloudProviderLabels,
  cloudProviderOptions,
  cloudProviders,
  isCloudProvider,
  isRegionInZone,
  isRegionOf,
  regionMismatchMessage,
  regionOptions,
  residencyZones,
  type ResidencyZone,
} from "@/lib/agents/shared/regions";

export const criticalityChoice = choices(
  {
    "tier-0": { label: "Tier 0: mission critical", description: "Revenue or safety stops when it is down" },
    "tier-1": { label: "Tier 1: business critical", description: "Customers are hurt within minutes" },
    "tier-2": { label: "Tier 2: business operational", description: "Degraded work; hours of downtime are tolerable" },
    "tier-3": { label: "Tier 3: internal", description: "Back-office or tooling" },
  },
  "Choose the criticality tier",
);
export const topologyChoice = choices(
  {
    "single-region": { label: "Single region", description: "Spread over zones of one region" },
    "active-passive": { label: "Active-passive", description: "A standby region takes over on failure" },
    "active-active": { label: "Active-active", description: "Several regions serve traffic at once" },
  },
  "Choose the topology",
);
export const regionRoleChoice = choices({ primary: "Primary", secondary: "Secondary" }, "Choose the region's role");
export const providerChoice = { schema: z.enum(cloudProviders, { error: "Choose the cloud" }), options: cloudProviderOptions };
export const tierKindChoice = choices(
  {
    edge: "Edge / CDN",
    web: "Web front end",
    api: "API / application services",
    worker: "Background workers",
    "relational-database": "Relational database",
    "nosql-database": "NoSQL database",
    cache: "Cache",
    messaging: "Queue / event stream",
    "object-storage": "Object storage",
    analytics: "Analytics / data warehouse",
  },
  "Choose the kind of tier",
);
export const residencyChoice = choices(
  {
    none: { label: "No restriction", description: "Data may be stored in any region" },
    ...(Object.fromEntries(Object.entries(residencyZones).map(([zone, info]) => [zone, info.label])) as Record<ResidencyZone, string>),
  },
  "Choose where the data must stay",
);
export const complianceChoice = choices(
  { soc2: "SOC 2", iso27001: "ISO 27001", "pci-dss": "PCI DSS", hipaa: "HIPAA", gdpr: "GDPR", fedramp: "FedRAMP" },
  "Choose the compliance frameworks",
);
export const computeChoice = choices(
  {
    containers: { label: "Containers", description: "Kubernetes or a managed container service" },
    serverless: { label: "Serverless", description: "Functions and managed services, pay per use" },
    vms: { label: "Virtual machines", description: "Full control of the OS, lift-and-shift" },
  },
  "Choose the compute preference",
);
export const identityProviderChoice = choices(
  {
    "entra-id": "Microsoft Entra ID",
    okta: "Okta",
    "google-workspace": "Google Workspace",
    "aws-iam-identity-center": "AWS IAM Identity Center",
    keycloak: "Keycloak",
    auth0: "Auth0",
  },
  "Choose the identity provider",
);

const regionSchema = z.object({
  provider: providerChoice.schema,
  region: z.enum(allRegionCodes as [string, ...string[]], { error: "Choose the region" }),
  role: regionRoleChoice.schema,
});
const tierSchema = z.object({
  name: dnsLabel("tier name", 30),
  kind: tierKindChoice.schema,
});

/** The availability a single region can be expected to reach, spread over zones (providers' SLAs top out here). */
export const singleRegionAvailabilityCeiling = 99.95;

export const cloudArchitectSchema = z
  .object({
    workloadName: dnsLabel("workload name", 40),
    description: requiredText("Describe the workload in a sentence", 500),
    criticality: criticalityChoice.schema,
    targetAvailability: percentage("target availability", 99, 99.999),

    providers: pickMany(providerChoice.schema, "Choose at least one cloud"),
    topology: topologyChoice.schema,
    regions: z.array(regionSchema, { error: "Add the regions" }).min(1, "Add at least the primary region").max(6, "Add at most 6 regions"),
    tiers: z.array(tierSchema, { error: "Add the workload's tiers" }).min(1, "Add at least one tier").max(12, "Add at most 12 tiers"),

    rtoMinutes: minutes("RTO", 0, 7 * 24 * 60),
    rpoMinutes: minutes("RPO", 0, 7 * 24 * 60),
    dataResidency: residencyChoice.schema,
    complianceFrameworks: pickMany(complianceChoice.schema, "Choose the compliance frameworks", 0),

    peakRequestsPerSecond: wholeNumber("peak requests per second", 1, 10_000_000),
    dataVolumeGb: decimal("data volume", 0, 100_000_000),
    monthlyBudgetUsd: wholeNumber("monthly budget", 100, 100_000_000),
    savingsTargetPercent: percentage("savings target", 0, 90),
    computePreference: computeChoice.schema,
    identityProvider: identityProviderChoice.schema,
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    if (input.criticality === "tier-0" && input.targetAvailability < 99.9) {
      issueAt(context, ["targetAvailability"], "A mission-critical workload needs at least 99.9% availability");
    }
    if (input.topology === "single-region" && input.targetAvailability > singleRegionAvailabilityCeiling) {
      issueAt(
        context,
        ["topology"],
        `A single region cannot reliably reach ${input.targetAvailability}%: choose active-passive or active-active, or lower the target to ${singleRegionAvailabilityCeiling}%`,
      );
    }
    if (input.rpoMinutes > input.rtoMinutes) {
      issueAt(context, ["rpoMinutes"], `The RPO (${input.rpoMinutes} min) must not exceed the RTO (${input.rtoMinutes} min): data lost would take longer to rebuild than the outage allows`);
    }
    if (input.topology === "active-active" && input.rpoMinutes > 15) {
      issueAt(context, ["rpoMinutes"], "Active-active replicates continuously: an RPO above 15 minutes suggests active-passive instead");
    }

    const primaries = input.regions.flatMap((region, index) => (region.role === "primary" ? [index] : []));
    if (primaries.length === 0) issueAt(context, ["regions"], "Mark one region as primary");
    if (primaries.length > 1) issueAt(context, ["regions", primaries[1], "role"], "Only one region can be primary");
    if (input.topology === "single-region" && input.regions.length > 1) {
      issueAt(context, ["regions"], "A single-region topology has exactly one region: remove the others or choose a multi-region topology");
    }
    if (input.topology !== "single-region" && input.regions.length < 2) {
      issueAt(context, ["regions"], `${topologyChoice.label(input.topology)} needs a secondary region`);
    }
    input.regions.forEach((region, index) => {
      if (!isRegionOf(region.provider, region.region)) {
        issueAt(context, ["regions", index, "region"], regionMismatchMessage(region.provider, region.region));
      } else if (input.dataResidency !== "none" && !isRegionInZone(region.provider, region.region, input.dataResidency)) {
        issueAt(context, ["regions", index, "region"], `${region.region} is outside ${residencyZones[input.dataResidency].label}, where the data must stay`);
      }
      if (!input.providers.includes(region.provider)) {
        issueAt(context, ["regions", index, "provider"], `${cloudProviderLabels[region.provider]} is not one of the chosen clouds`);
      }
      if (input.regions.findIndex((other) => other.provider === region.provider && other.region === region.region) !== index) {
        issueAt(context, ["regions", index, "region"], `${region.region} is listed twice`);
      }
    });
    input.providers.forEach((provider) => {
      if (!input.regions.some((region) => region.provider === provider)) {
        issueAt(context, ["providers"], `No region uses ${cloudProviderLabels[provider]}: add one or remove it`);
      }
    });
    input.tiers.forEach((tier, index) => {
      if (input.tiers.findIndex((other) => other.name === tier.name) !== index) issueAt(context, ["tiers", index, "name"], `The tier "${tier.name}" is listed twice`);
    });
  });

export type CloudArchitectInput = z.input<typeof cloudArchitectSchema>;
export type CloudArchitectRequirements = z.output<typeof cloudArchitectSchema>;

export const cloudArchitectSteps: FormStep[] = [
  { id: "workload", title: "Workload", description: "What it is, how critical, how available." },
  { id: "footprint", title: "Clouds & regions", description: "Where it runs and how the regions work together." },
  { id: "resilience", title: "Recovery & compliance", description: "Recovery objectives, data residency and frameworks." },
  { id: "scale", title: "Scale, cost & platform", description: "Load, data, budget, compute and identity." },
];

/** In the regions group, the clouds to choose from are those picked above. */
function chosenProviderOptions(form: FormValues | undefined): FieldOption[] {
  const chosen = Array.isArray(form?.providers) ? (form.providers as unknown[]).filter(isCloudProvider) : [];
  return chosen.length ? cloudProviderOptions.filter((option) => chosen.includes(option.value as never)) : cloudProviderOptions;
}

export const cloudArchitectFields: FieldMeta[] = [
  { path: "workloadName", step: "workload", label: "Workload name", widget: "text", required: true, placeholder: "checkout" },
  { path: "description", step: "workload", label: "What it does", widget: "textarea", required: true, placeholder: "Takes payments for the web shop and the mobile app." },
  { path: "criticality", step: "workload", label: "Criticality tier", widget: "radio", required: true, options: criticalityChoice.options },
  {
    path: "targetAvailability",
    step: "workload",
    label: "Target availability",
    widget: "number",
    unit: "%",
    numberStep: 0.001,
    min: 99,
    max: 99.999,
    required: true,
    computedDefault: (values) => ({ "tier-0": 99.99, "tier-1": 99.95, "tier-2": 99.9, "tier-3": 99.5 })[values.criticality as string] ?? 99.9,
    help: "99.99% allows 4.3 minutes of downtime a month; 99.9% allows 43.",
  },

  { path: "providers", step: "footprint", label: "Clouds", widget: "multiselect", required: true, options: cloudProviderOptions },
  { path: "topology", step: "footprint", label: "Topology", widget: "radio", required: true, options: topologyChoice.options },
  {
    path: "regions",
    step: "footprint",
    label: "Regions",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 6,
    addLabel: "Add a region",
    help: "One primary; a secondary for active-passive or active-active.",
    newItem: (values) => {
      const providers = Array.isArray(values.providers) ? values.providers : [];
      return { provider: providers[0] ?? "aws", region: "", role: Array.isArray(values.regions) && values.regions.length > 0 ? "secondary" : "primary" };
    },
    itemFields: [
      { path: "provider", label: "Cloud", widget: "select", required: true, optionsFrom: (_item, form) => chosenProviderOptions(form) },
      {
        path: "region",
        label: "Region",
        widget: "select",
        required: true,
        optionsFrom: (item) => (isCloudProvider(item.provider) ? regionOptions(item.provider) : []),
      },
      { path: "role", label: "Role", widget: "select", required: true, options: regionRoleChoice.options },
    ],
  },
  {
    path: "tiers",
    step: "footprint",
    label: "Tiers",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 12,
    addLabel: "Add a tier",
    newItem: () => ({ name: "", kind: "api" }),
    help: "The building blocks of the workload, from the edge to the data.",
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "payments-api" },
      { path: "kind", label: "Kind", widget: "select", required: true, options: tierKindChoice.options },
    ],
  },

  {
    path: "rtoMinutes",
    step: "resilience",
    label: "Recovery time objective (RTO)",
    widget: "number",
    unit: "minutes",
    required: true,
    min: 0,
    help: "How long the workload may be down after a disaster.",
  },
  {
    path: "rpoMinutes",
    step: "resilience",
    label: "Recovery point objective (RPO)",
    widget: "number",
    unit: "minutes",
    required: true,
    min: 0,
    help: "How much recent data may be lost; at most the RTO.",
  },
  { path: "dataResidency", step: "resilience", label: "Data residency", widget: "select", required: true, options: residencyChoice.options, help: "Every region must be in this zone." },
  { path: "complianceFrameworks", step: "resilience", label: "Compliance frameworks", widget: "multiselect", options: complianceChoice.options },

  { path: "peakRequestsPerSecond", step: "scale", label: "Expected peak load", widget: "number", unit: "requests/s", required: true, min: 1 },
  { path: "dataVolumeGb", step: "scale", label: "Data volume", widget: "number", unit: "GB", required: true, min: 0, help: "Stored data after a year." },
  { path: "monthlyBudgetUsd", step: "scale", label: "Monthly budget", widget: "number", unit: "USD", required: true, min: 100 },
  {
    path: "savingsTargetPercent",
    step: "scale",
    label: "Savings target",
    widget: "number",
    unit: "%",
    required: true,
    min: 0,
    max: 90,
    help: "Against list prices, through right-sizing, reservations and autoscaling (the architect aims above 30%).",
  },
  { path: "computePreference", step: "scale", label: "Compute preference", widget: "radio", required: true, options: computeChoice.options },
  { path: "identityProvider", step: "scale", label: "Identity provider", widget: "select", required: true, options: identityProviderChoice.options },
  { path: "notes", step: "scale", label: "Anything else the architect should know", widget: "textarea" },
];

export const cloudArchitectInitialValues: FormValues = {
  workloadName: "",
  description: "",
  criticality: "tier-1",
  providers: ["aws"],
  topology: "active-passive",
  regions: [
    { provider: "aws", region: "", role: "primary" },
    { provider: "aws", region: "", role: "secondary" },
  ],
  tiers: [
    { name: "web", kind: "web" },
    { name: "api", kind: "api" },
    { name: "database", kind: "relational-database" },
  ],
  dataResidency: "none",
  complianceFrameworks: [],
  savingsTargetPercent: 30,
  computePreference: "containers",
};

export const cloudArchitectExample: CloudArchitectInput = {
  workloadName: "checkout",
  description: "Takes card and wallet payments for the web shop and the mobile apps, in 14 EU countries.",
  criticality: "tier-0",
  targetAvailability: 99.99,
  providers: ["aws"],
  topology: "active-passive",
  regions: [
    { provider: "aws", region: "eu-west-1", role: "primary" },
    { provider: "aws", region: "eu-central-1", role: "secondary" },
  ],
  tiers: [
    { name: "edge", kind: "edge" },
    { name: "checkout-api", kind: "api" },
    { name: "payment-events", kind: "messaging" },
    { name: "orders-db", kind: "relational-database" },
    { name: "sessions", kind: "cache" },
  ],
  rtoMinutes: 15,
  rpoMinutes: 1,
  dataResidency: "eea",
  complianceFrameworks: ["pci-dss", "gdpr", "soc2"],
  peakRequestsPerSecond: 4500,
  dataVolumeGb: 1800,
  monthlyBudgetUsd: 42000,
  savingsTargetPercent: 30,
  computePreference: "containers",
  identityProvider: "okta",
};

export function cloudArchitectTitle(input: CloudArchitectRequirements): string {
  const primary = input.regions.find((region) => region.role === "primary") ?? input.regions[0];
  return `${input.workloadName}: ${topologyChoice.label(input.topology).toLowerCase()} from ${primary.region}, ${input.targetAvailability}%`;
}
