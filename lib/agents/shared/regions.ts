// Cloud providers and their real region codes, with labels: the pickers of every role whose form asks
// for a provider and regions. The lists cover each provider's generally available public regions.
import type { FieldOption, FormValues } from "@/lib/agents/types";

export const cloudProviders = ["aws", "azure", "gcp"] as const;
export type CloudProvider = (typeof cloudProviders)[number];

export const cloudProviderLabels: Record<CloudProvider, string> = {
  aws: "Amazon Web Services",
  azure: "Microsoft Azure",
  gcp: "Google Cloud",
};

export const cloudProviderOptions: FieldOption[] = cloudProviders.map((value) => ({ value, label: cloudProviderLabels[value] }));

export const regionsByProvider: Record<CloudProvider, Record<string, string>> = {
  aws: {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)",
    "ca-central-1": "Canada (Central)",
    "sa-east-1": "South America (São Paulo)",
    "eu-west-1": "Europe (Ireland)",
    "eu-west-2": "Europe (London)",
    "eu-west-3": "Europe (Paris)",
    "eu-central-1": "Europe (Frankfurt)",
    "eu-central-2": "Europe (Zurich)",
    "eu-north-1": "Europe (Stockholm)",
    "eu-south-1": "Europe (Milan)",
    "eu-south-2": "Europe (Spain)",
    "me-central-1": "Middle East (UAE)",
    "af-south-1": "Africa (Cape Town)",
    "ap-south-1": "Asia Pacific (Mumbai)",
    "ap-southeast-1": "Asia Pacific (Singapore)",
    "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-northeast-2": "Asia Pacific (Seoul)",
    "ap-east-1": "Asia Pacific (Hong Kong)",
  },
  azure: {
    eastus: "East US",
    eastus2: "East US 2",
    centralus: "Central US",
    westus2: "West US 2",
    westus3: "West US 3",
    canadacentral: "Canada Central",
    brazilsouth: "Brazil South",
    northeurope: "North Europe (Ireland)",
    westeurope: "West Europe (Netherlands)",
    uksouth: "UK South",
    francecentral: "France Central",
    germanywestcentral: "Germany West Central",
    swedencentral: "Sweden Central",
    switzerlandnorth: "Switzerland North",
    norwayeast: "Norway East",
    uaenorth: "UAE North",
    southafricanorth: "South Africa North",
    centralindia: "Central India",
    southeastasia: "Southeast Asia (Singapore)",
    eastasia: "East Asia (Hong Kong)",
    japaneast: "Japan East",
    koreacentral: "Korea Central",
    australiaeast: "Australia East",
  },
  gcp: {
    "us-central1": "Iowa (us-central1)",
    "us-east1": "South Carolina (us-east1)",
    "us-east4": "Northern Virginia (us-east4)",
    "us-west1": "Oregon (us-west1)",
    "us-west2": "Los Angeles (us-west2)",
    "northamerica-northeast1": "Montréal (northamerica-northeast1)",
    "southamerica-east1": "São Paulo (southamerica-east1)",
    "europe-west1": "Belgium (europe-west1)",
    "europe-west2": "London (europe-west2)",
    "europe-west3": "Frankfurt (europe-west3)",
    "europe-west4": "Netherlands (europe-west4)",
    "europe-west6": "Zurich (europe-west6)",
    "europe-west9": "Paris (europe-west9)",
    "europe-north1": "Finland (europe-north1)",
    "europe-southwest1": "Madrid (europe-southwest1)",
    "me-central1": "Doha (me-central1)",
    "asia-south1": "Mumbai (asia-south1)",
    "asia-southeast1": "Singapore (asia-southeast1)",
    "asia-east1": "Taiwan (asia-east1)",
    "asia-northeast1": "Tokyo (asia-northeast1)",
    "asia-northeast3": "Seoul (asia-northeast3)",
    "australia-southeast1": "Sydney (australia-southeast1)",
  },
};

/** Every region code of every provider (the JSON Schema's enum; the provider check is a refinement). */
export const allRegionCodes = [...new Set(cloudProviders.flatMap((provider) => Object.keys(regionsByProvider[provider])))];

export function isCloudProvider(value: unknown): value is CloudProvider {
  return typeof value === "string" && (cloudProviders as readonly string[]).includes(value);
}

export function isRegionOf(provider: CloudProvider, region: string): boolean {
  return Object.hasOwn(regionsByProvider[provider], region);
}

/** "eu-west-1 · Europe (Ireland)": the code first, since that is what engineers type and search for. */
export function regionLabel(provider: CloudProvider, region: string): string {
  const name = regionsByProvider[provider][region];
  return name ? `${region} · ${name}` : region;
}

export function regionOptions(provider: CloudProvider): FieldOption[] {
  return Object.keys(regionsByProvider[provider]).map((code) => ({ value: code, label: regionLabel(provider, code) }));
}

/** `optionsFrom` for a region picker that depends on the provider field at `providerPath`. */
export function regionOptionsFrom(providerPath: string) {
  return (values: FormValues): FieldOption[] => {
    const provider = values[providerPath];
    return isCloudProvider(provider) ? regionOptions(provider) : [];
  };
}

/** The message when a region does not belong to the chosen provider (the same on client and server). */
export function regionMismatchMessage(provider: CloudProvider, region: string): string {
  return `${region} is not a ${cloudProviderLabels[provider]} region`;
}
