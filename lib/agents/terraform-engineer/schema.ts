// The terraform-engineer's requirements: which modules for which cloud and environments, where state lives
// and how it is locked, naming and tagging conventions, version pins and the gates every plan passes.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { FieldMeta, FormStep, FormValues } from "@/lib/agents/types";
import { choices, dnsLabel, issueAt, optionalText, pickMany, wholeNumber } from "@/lib/agents/shared/fields";
import {
  allRegionCodes,
  cloudProviderLabels,
  cloudProviderOptions,
  cloudProviders,
  isCloudProvider,
  isRegionOf,
  regionMismatchMessage,
  regionOptions,
} from "@/lib/agents/shared/regions";

export const moduleChoice = choices(
  {
    network: { label: "Network", description: "VPC/VNet, subnets, routing, NAT" },
    "compute-cluster": { label: "Compute cluster", description: "EKS, AKS or GKE with node pools" },
    database: { label: "Database", description: "Managed PostgreSQL or MySQL with backups" },
    "object-storage": { label: "Object storage", description: "Buckets with encryption and lifecycle rules" },
    dns: { label: "DNS", description: "Zones and records" },
    iam: { label: "IAM", description: "Roles, policies and workload identities" },
  },
  "Choose at least one module",
);
export const backendChoice = choices(
  {
    s3: { label: "S3 with DynamoDB lock", description: "AWS: state in a bucket, a table for locking" },
    gcs: { label: "Google Cloud Storage", description: "State in a bucket, locked natively" },
    azurerm: { label: "Azure Storage (azurerm)", description: "State in a blob container, locked by lease" },
    "terraform-cloud": { label: "HCP Terraform (Terraform Cloud)", description: "Managed state, runs and locking" },
  },
  "Choose the state backend",
);
export const scannerChoice = choices({ checkov: "Checkov", tfsec: "tfsec (Trivy)" }, "Choose the policy scanners");
export const driftChoice = choices({ none: "No drift detection", daily: "Daily", weekly: "Weekly" }, "Choose how often drift is checked");

const environmentSchema = z.object({
  name: dnsLabel("environment name", 20),
  region: z.enum(allRegionCodes as [string, ...string[]], { error: "Choose the region" }),
});
const tagSchema = z.object({
  key: text({ error: "Enter the tag key" }).trim().min(1, { error: "Enter the tag key", abort: true }).max(63, "Tag keys are at most 63 characters").regex(/\S/, "Enter the tag key"),
  value: text().trim().max(63, "Tag values are at most 63 characters").optional(),
});

// Terraform's version-constraint syntax: comma-separated operator + version, e.g. "~> 1.9" or ">= 1.6, < 2.0".
const versionConstraintPattern = /^\s*(?:(?:=|!=|>|>=|<|<=|~>)\s*)?\d+(?:\.\d+){0,2}(?:-[\w.]+)?\s*(?:,\s*(?:(?:=|!=|>|>=|<|<=|~>)\s*)?\d+(?:\.\d+){0,2}(?:-[\w.]+)?\s*)*$/;
const versionConstraint = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { error: `Enter the ${what}`, abort: true })
    .regex(versionConstraintPattern, `Write the ${what} as Terraform constraints, e.g. "~> 1.9" or ">= 1.6, < 2.0"`);

// Bucket names (S3 and GCS): 3–63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric.
const bucketName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "Bucket names are 3–63 lowercase letters, digits, dots and hyphens")
  .optional();

// GCP labels allow only lowercase letters, digits, underscores and hyphens, and must start with a letter.
const gcpLabelPattern = /^[a-z][a-z0-9_-]{0,62}$/;

export const terraformEngineerSchema = z
  .object({
    provider: z.enum(cloudProviders, { error: "Choose the cloud" }),
    modules: pickMany(moduleChoice.schema, "Choose at least one module"),
    environments: z.array(environmentSchema, { error: "Add the environments" }).min(1, "Add at least one environment").max(8, "Add at most 8 environments"),

    stateBackend: backendChoice.schema,
    stateBucket: bucketName,
    stateLockTable: z
      .string()
      .trim()
      .regex(/^[\w.-]{3,255}$/, "Table names are 3–255 letters, digits, underscores, dots and hyphens")
      .optional(),
    stateRegion: z.enum(allRegionCodes as [string, ...string[]], { error: "Choose the state bucket's region" }).optional(),
    azureResourceGroup: text().trim().regex(/^[\w().-]{1,90}$/, "Resource group names are up to 90 letters, digits, underscores, dots, hyphens and parentheses").optional(),
    azureStorageAccount: text().trim().regex(/^[a-z0-9]{3,24}$/, "Storage account names are 3–24 lowercase letters and digits").optional(),
    azureContainer: text().trim().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, "Container names are 3–63 lowercase letters, digits and single hyphens").optional(),
    tfcOrganization: text().trim().regex(/^[\w-]{1,40}$/, "Organization names use letters, digits, underscores and hyphens").optional(),
    tfcWorkspacePrefix: text().trim().regex(/^[\w-]{1,60}$/, "Workspace prefixes use letters, digits, underscores and hyphens").optional(),

    namingPrefix: dnsLabel("naming prefix", 12),
    mandatoryTags: z.array(tagSchema).min(1, "Add at least one mandatory tag, e.g. owner").max(20, "Add at most 20 tags"),
    terraformVersion: versionConstraint("Terraform version constraint"),
    providerVersion: versionConstraint("provider version constraint"),

    policyScanners: pickMany(scannerChoice.schema, "Choose the policy scanners", 0),
    costEstimation: z.boolean(),
    costApprovalThresholdUsd: wholeNumber("monthly cost increase needing approval", 0, 10_000_000).optional(),
    driftDetection: driftChoice.schema,
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    input.environments.forEach((environment, index) => {
      if (!isRegionOf(input.provider, environment.region)) issueAt(context, ["environments", index, "region"], regionMismatchMessage(input.provider, environment.region));
      if (input.environments.findIndex((other) => other.name === environment.name) !== index) issueAt(context, ["environments", index, "name"], `"${environment.name}" is listed twice`);
    });

    const require = (path: string, value: unknown, message: string) => {
      if (value === undefined || value === "") issueAt(context, [path], message);
    };
    switch (input.stateBackend) {
      case "s3":
        require("stateBucket", input.stateBucket, "Enter the S3 bucket that holds the state");
        require("stateLockTable", input.stateLockTable, "Enter the DynamoDB table that locks the state");
        require("stateRegion", input.stateRegion, "Choose the state bucket's region");
        if (input.stateRegion && !isRegionOf("aws", input.stateRegion)) issueAt(context, ["stateRegion"], regionMismatchMessage("aws", input.stateRegion));
        break;
      case "gcs":
        require("stateBucket", input.stateBucket, "Enter the GCS bucket that holds the state");
        break;
      case "azurerm":
        require("azureResourceGroup", input.azureResourceGroup, "Enter the resource group of the storage account");
        require("azureStorageAccount", input.azureStorageAccount, "Enter the storage account that holds the state");
        require("azureContainer", input.azureContainer, "Enter the blob container for the state");
        break;
      case "terraform-cloud":
        require("tfcOrganization", input.tfcOrganization, "Enter the HCP Terraform organization");
        require("tfcWorkspacePrefix", input.tfcWorkspacePrefix, "Enter the workspace name prefix");
        break;
    }

    input.mandatoryTags.forEach((tag, index) => {
      if (input.mandatoryTags.findIndex((other) => other.key.toLowerCase() === tag.key.toLowerCase()) !== index) {
        issueAt(context, ["mandatoryTags", index, "key"], `The tag "${tag.key}" is listed twice`);
      }
      if (input.provider === "gcp") {
        if (!gcpLabelPattern.test(tag.key)) issueAt(context, ["mandatoryTags", index, "key"], "Google Cloud labels use lowercase letters, digits, _ and -, starting with a letter");
        if (tag.value && !/^[a-z0-9_-]*$/.test(tag.value)) issueAt(context, ["mandatoryTags", index, "value"], "Google Cloud label values use lowercase letters, digits, _ and -");
      }
    });
    if (input.costEstimation && input.costApprovalThresholdUsd === undefined) {
      issueAt(context, ["costApprovalThresholdUsd"], "Enter the monthly cost increase that needs approval (0 for every increase)");
    }
    if (input.modules.includes("compute-cluster") && !input.modules.includes("network")) {
      issueAt(context, ["modules"], "A compute cluster needs a network: add the network module, or say in the notes which existing network to use");
    }
  });

export type TerraformEngineerInput = z.input<typeof terraformEngineerSchema>;
export type TerraformEngineerRequirements = z.output<typeof terraformEngineerSchema>;

export const terraformEngineerSteps: FormStep[] = [
  { id: "scope", title: "Scope", description: "The cloud, the modules and the environments they are applied to." },
  { id: "state", title: "State", description: "Where Terraform keeps state and how it is locked." },
  { id: "conventions", title: "Conventions", description: "Naming, mandatory tags and version pins." },
  { id: "gates", title: "Quality gates", description: "Policy scanning, cost estimation and drift detection." },
];

const whenBackend =
  (...backends: string[]) =>
  (values: FormValues) =>
    backends.includes(values.stateBackend as string);

export const terraformEngineerFields: FieldMeta[] = [
  { path: "provider", step: "scope", label: "Cloud", widget: "radio", required: true, options: cloudProviderOptions },
  { path: "modules", step: "scope", label: "Modules", widget: "multiselect", required: true, options: moduleChoice.options },
  {
    path: "environments",
    step: "scope",
    label: "Environments",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 8,
    addLabel: "Add an environment",
    newItem: () => ({ name: "", region: "" }),
    help: "Each gets its own state and variables.",
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "staging" },
      {
        path: "region",
        label: "Region",
        widget: "select",
        required: true,
        optionsFrom: (_item, form) => (isCloudProvider(form?.provider) ? regionOptions(form.provider) : []),
      },
    ],
  },

  {
    path: "stateBackend",
    step: "state",
    label: "State backend",
    widget: "radio",
    required: true,
    options: backendChoice.options,
    computedDefault: (values) => ({ aws: "s3", gcp: "gcs", azure: "azurerm" })[values.provider as string],
  },
  { path: "stateBucket", step: "state", label: "State bucket", widget: "text", required: true, placeholder: "acme-terraform-state", showWhen: whenBackend("s3", "gcs") },
  { path: "stateLockTable", step: "state", label: "DynamoDB lock table", widget: "text", required: true, placeholder: "terraform-locks", showWhen: whenBackend("s3") },
  { path: "stateRegion", step: "state", label: "State bucket region", widget: "select", required: true, options: regionOptions("aws"), showWhen: whenBackend("s3") },
  { path: "azureResourceGroup", step: "state", label: "Resource group", widget: "text", required: true, placeholder: "rg-terraform-state", showWhen: whenBackend("azurerm") },
  { path: "azureStorageAccount", step: "state", label: "Storage account", widget: "text", required: true, placeholder: "acmetfstate", showWhen: whenBackend("azurerm") },
  { path: "azureContainer", step: "state", label: "Blob container", widget: "text", required: true, placeholder: "tfstate", showWhen: whenBackend("azurerm") },
  { path: "tfcOrganization", step: "state", label: "Organization", widget: "text", required: true, placeholder: "acme", showWhen: whenBackend("terraform-cloud") },
  { path: "tfcWorkspacePrefix", step: "state", label: "Workspace prefix", widget: "text", required: true, placeholder: "payments-", showWhen: whenBackend("terraform-cloud"), help: "Each environment becomes a workspace: prefix + name." },

  { path: "namingPrefix", step: "conventions", label: "Naming prefix", widget: "text", required: true, placeholder: "pay", help: "Starts every resource name, e.g. pay-prod-vpc." },
  {
    path: "mandatoryTags",
    step: "conventions",
    label: "Mandatory tags",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 20,
    addLabel: "Add a tag",
    newItem: () => ({ key: "", value: "" }),
    help: "Applied to every resource; leave a value empty to make each module ask for it.",
    itemFields: [
      { path: "key", label: "Key", widget: "text", required: true, placeholder: "cost-center" },
      { path: "value", label: "Value", widget: "text", placeholder: "cc-1042" },
    ],
  },
  { path: "terraformVersion", step: "conventions", label: "Terraform version", widget: "text", required: true, placeholder: "~> 1.9" },
  {
    path: "providerVersion",
    step: "conventions",
    label: "Provider version",
    widget: "text",
    required: true,
    computedDefault: (values) => ({ aws: "~> 5.80", azure: "~> 4.14", gcp: "~> 6.14" })[values.provider as string],
  },

  { path: "policyScanners", step: "gates", label: "Policy scanners", widget: "multiselect", options: scannerChoice.options, help: "Run on every plan; findings fail the pipeline." },
  { path: "costEstimation", step: "gates", label: "Estimate costs with Infracost on every pull request", widget: "checkbox" },
  {
    path: "costApprovalThresholdUsd",
    step: "gates",
    label: "Ask for approval above a monthly increase of",
    widget: "number",
    unit: "USD",
    required: true,
    min: 0,
    showWhen: (values) => values.costEstimation === true,
  },
  { path: "driftDetection", step: "gates", label: "Drift detection", widget: "radio", required: true, options: driftChoice.options },
  { path: "notes", step: "gates", label: "Anything else the engineer should know", widget: "textarea" },
];

export const terraformEngineerInitialValues: FormValues = {
  provider: "aws",
  modules: ["network"],
  environments: [
    { name: "staging", region: "" },
    { name: "production", region: "" },
  ],
  namingPrefix: "",
  mandatoryTags: [
    { key: "owner", value: "" },
    { key: "cost-center", value: "" },
    { key: "environment", value: "" },
  ],
  terraformVersion: "~> 1.9",
  policyScanners: ["checkov"],
  costEstimation: true,
  costApprovalThresholdUsd: 500,
  driftDetection: "daily",
};

export const terraformEngineerExample: TerraformEngineerInput = {
  provider: "aws",
  modules: ["network", "compute-cluster", "database", "iam"],
  environments: [
    { name: "staging", region: "eu-west-1" },
    { name: "production", region: "eu-west-1" },
  ],
  stateBackend: "s3",
  stateBucket: "acme-payments-tfstate",
  stateLockTable: "terraform-locks",
  stateRegion: "eu-west-1",
  namingPrefix: "pay",
  mandatoryTags: [
    { key: "owner", value: "payments" },
    { key: "cost-center", value: "cc-1042" },
    { key: "environment" },
  ],
  terraformVersion: "~> 1.9",
  providerVersion: "~> 5.80",
  policyScanners: ["checkov", "tfsec"],
  costEstimation: true,
  costApprovalThresholdUsd: 500,
  driftDetection: "daily",
};

export function terraformEngineerTitle(input: TerraformEngineerRequirements): string {
  return `${input.namingPrefix}: ${input.modules.map((module) => moduleChoice.label(module).toLowerCase()).join(", ")} on ${cloudProviderLabels[input.provider]}`;
}
