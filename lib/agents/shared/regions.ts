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

export interface RegionInfo {
  label: string;
  /** ISO 3166 country code of the region's location: what data-residency rules check. */
  country: string;
}

export const regionsByProvider: Record<CloudProvider, Record<string, RegionInfo>> = {
  aws: {
    "us-east-1": { label: "US East (N. Virginia)", country: "US" },
    "us-east-2": { label: "US East (Ohio)", country: "US" },
    "us-west-1": { label: "US West (N. California)", country: "US" },
    "us-west-2": { label: "US West (Oregon)", country: "US" },
    "ca-central-1": { label: "Canada (Central)", country: "CA" },
    "sa-east-1": { label: "South America (São Paulo)", country: "BR" },
    "eu-west-1": { label: "Europe (Ireland)", country: "IE" },
    "eu-west-2": { label: "Europe (London)", country: "GB" },
    "eu-west-3": { label: "Europe (Paris)", country: "FR" },
    "eu-central-1": { label: "Europe (Frankfurt)", country: "DE" },
    "eu-central-2": { label: "Europe (Zurich)", country: "CH" },
    "eu-north-1": { label: "Europe (Stockholm)", country: "SE" },
    "eu-south-1": { label: "Europe (Milan)", country: "IT" },
    "eu-south-2": { label: "Europe (Spain)", country: "ES" },
    "me-central-1": { label: "Middle East (UAE)", country: "AE" },
    "af-south-1": { label: "Africa (Cape Town)", country: "ZA" },
    "ap-south-1": { label: "Asia Pacific (Mumbai)", country: "IN" },
    "ap-southeast-1": { label: "Asia Pacific (Singapore)", country: "SG" },
    "ap-southeast-2": { label: "Asia Pacific (Sydney)", country: "AU" },
    "ap-northeast-1": { label: "Asia Pacific (Tokyo)", country: "JP" },
    "ap-northeast-2": { label: "Asia Pacific (Seoul)", country: "KR" },
    "ap-east-1": { label: "Asia Pacific (Hong Kong)", country: "HK" },
  },
  azure: {
    eastus: { label: "East US", country: "US" },
    eastus2: { label: "East US 2", country: "US" },
    centralus: { label: "Central US", country: "US" },
    westus2: { label: "West US 2", country: "US" },
    westus3: { label: "West US 3", country: "US" },
    canadacentral: { label: "Canada Central", country: "CA" },
    brazilsouth: { label: "Brazil South", country: "BR" },
    northeurope: { label: "North Europe (Ireland)", country: "IE" },
    westeurope: { label: "West Europe (Netherlands)", country: "NL" },
    uksouth: { label: "UK South", country: "GB" },
    francecentral: { label: "France Central", country: "FR" },
    germanywestcentral: { label: "Germany West Central", country: "DE" },
    swedencentral: { label: "Sweden Central", country: "SE" },
    switzerlandnorth: { label: "Switzerland North", country: "CH" },
    norwayeast: { label: "Norway East", country: "NO" },
    uaenorth: { label: "UAE North", country: "AE" },
    southafricanorth: { label: "South Africa North", country: "ZA" },
    centralindia: { label: "Central India", country: "IN" },
    southeastasia: { label: "Southeast Asia (Singapore)", country: "SG" },
    eastasia: { label: "East Asia (Hong Kong)", country: "HK" },
    japaneast: { label: "Japan East", country: "JP" },
    koreacentral: { label: "Korea Central", country: "KR" },
    australiaeast: { label: "Australia East", country: "AU" },
  },
  gcp: {
    "us-central1": { label: "Iowa (us-central1)", country: "US" },
    "us-east1": { label: "South Carolina (us-east1)", country: "US" },
    "us-east4": { label: "Northern Virginia (us-east4)", country: "US" },
    "us-west1": { label: "Oregon (us-west1)", country: "US" },
    "us-west2": { label: "Los Angeles (us-west2)", country: "US" },
    "northamerica-northeast1": { label: "Montréal (northamerica-northeast1)", country: "CA" },
    "southamerica-east1": { label: "São Paulo (southamerica-east1)", country: "BR" },
    "europe-west1": { label: "Belgium (europe-west1)", country: "BE" },
    "europe-west2": { label: "London (europe-west2)", country: "GB" },
    "europe-west3": { label: "Frankfurt (europe-west3)", country: "DE" },
    "europe-west4": { label: "Netherlands (europe-west4)", country: "NL" },
    "europe-west6": { label: "Zurich (europe-west6)", country: "CH" },
    "europe-west9": { label: "Paris (europe-west9)", country: "FR" },
    "europe-north1": { label: "Finland (europe-north1)", country: "FI" },
    "europe-southwest1": { label: "Madrid (europe-southwest1)", country: "ES" },
    "me-central1": { label: "Doha (me-central1)", country: "QA" },
    "asia-south1": { label: "Mumbai (asia-south1)", country: "IN" },
    "asia-southeast1": { label: "Singapore (asia-southeast1)", country: "SG" },
    "asia-east1": { label: "Taiwan (asia-east1)", country: "TW" },
    "asia-northeast1": { label: "Tokyo (asia-northeast1)", country: "JP" },
    "asia-northeast3": { label: "Seoul (asia-northeast3)", country: "KR" },
    "australia-southeast1": { label: "Sydney (australia-southeast1)", country: "AU" },
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
  const info = regionsByProvider[provider][region];
  return info ? `${region} · ${info.label}` : region;
}

export function regionOptions(provider: CloudProvider): FieldOption[] {
  return Object.keys(regionsByProvider[provider]).map((code) => ({ value: code, label: regionLabel(provider, code) }));
}

/**
 * `optionsFrom` for a region picker that depends on the provider field at `providerPath`. With
 * `knownZones`, only regions whose zone names are in the zone table (`regionZones`), for forms whose
 * artifacts name zones: the server refuses the others, so the form does not offer them.
 */
export function regionOptionsFrom(providerPath: string, { knownZones = false }: { knownZones?: boolean } = {}) {
  return (values: FormValues): FieldOption[] => {
    const provider = values[providerPath];
    if (!isCloudProvider(provider)) return [];
    return knownZones ? regionOptions(provider).filter((option) => regionZones(provider, option.value) !== undefined) : regionOptions(provider);
  };
}

/** The message when a region does not belong to the chosen provider (the same on client and server). */
export function regionMismatchMessage(provider: CloudProvider, region: string): string {
  const article = /^[AEIOU]/.test(cloudProviderLabels[provider]) ? "an" : "a";
  return `${region} is not ${article} ${cloudProviderLabels[provider]} region`;
}

/** The country a region is in, or undefined for an unknown region. */
export function regionCountry(provider: CloudProvider, region: string): string | undefined {
  return regionsByProvider[provider][region]?.country;
}

/** Data-residency zones: the countries where data may be stored. */
export const residencyZones = {
  eea: { label: "European Economic Area (GDPR)", countries: ["IE", "NL", "BE", "FR", "DE", "SE", "IT", "ES", "FI", "NO"] },
  us: { label: "United States", countries: ["US"] },
  uk: { label: "United Kingdom", countries: ["GB"] },
  ch: { label: "Switzerland", countries: ["CH"] },
  ca: { label: "Canada", countries: ["CA"] },
  au: { label: "Australia", countries: ["AU"] },
  in: { label: "India", countries: ["IN"] },
  jp: { label: "Japan", countries: ["JP"] },
} as const satisfies Record<string, { label: string; countries: string[] }>;
export type ResidencyZone = keyof typeof residencyZones;

export function isRegionInZone(provider: CloudProvider, region: string, zone: ResidencyZone): boolean {
  const country = regionCountry(provider, region);
  return country !== undefined && (residencyZones[zone].countries as readonly string[]).includes(country);
}

// Zone names per region, as each cloud writes them in its APIs and Terraform. AWS: the letters each region
// offers (eu-west-1 has a, b and c only); Azure: zones "1", "2" and "3" in every region listed here (all
// support availability zones); Google Cloud: the zone letters vary by region (europe-west1 has b, c and d).
// A region left out has zone names we do not know for certain, and is refused rather than guessed.
const awsZoneLetters: Record<string, string> = {
  "us-east-1": "abcdef",
  "us-east-2": "abc",
  "us-west-2": "abcd",
  "ca-central-1": "abd",
  "sa-east-1": "abc",
  "eu-west-1": "abc",
  "eu-west-2": "abc",
  "eu-west-3": "abc",
  "eu-central-1": "abc",
  "eu-central-2": "abc",
  "eu-north-1": "abc",
  "eu-south-1": "abc",
  "eu-south-2": "abc",
  "me-central-1": "abc",
  "af-south-1": "abc",
  "ap-south-1": "abc",
  "ap-southeast-1": "abc",
  "ap-southeast-2": "abc",
  "ap-northeast-1": "acd",
  "ap-northeast-2": "abcd",
  "ap-east-1": "abc",
};
const gcpZoneLetters: Record<string, string> = {
  "us-central1": "abcf",
  "us-east1": "bcd",
  "us-east4": "abc",
  "us-west1": "abc",
  "us-west2": "abc",
  "northamerica-northeast1": "abc",
  "southamerica-east1": "abc",
  "europe-west1": "bcd",
  "europe-west2": "abc",
  "europe-west3": "abc",
  "europe-west4": "abc",
  "europe-west6": "abc",
  "europe-west9": "abc",
  "europe-north1": "abc",
  "europe-southwest1": "abc",
  "me-central1": "abc",
  "asia-south1": "abc",
  "asia-southeast1": "abc",
  "asia-east1": "abc",
  "asia-northeast1": "abc",
  "asia-northeast3": "abc",
  "australia-southeast1": "abc",
};

/** The region's zone names in order (eu-west-1a…, "1"…"3", europe-west1-b…), or undefined when not known. */
export function regionZones(provider: CloudProvider, region: string): string[] | undefined {
  if (!isRegionOf(provider, region)) return undefined;
  if (provider === "azure") return ["1", "2", "3"];
  const letters = provider === "aws" ? awsZoneLetters[region] : gcpZoneLetters[region];
  if (!letters) return undefined;
  return [...letters].map((letter) => (provider === "aws" ? `${region}${letter}` : `${region}-${letter}`));
}
