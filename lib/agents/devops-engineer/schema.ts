// The devops-engineer's requirements: the services and where delivery stands today (pipelines, IaC,
// platform, monitoring, secrets), and where the team wants it to be: the inputs for a delivery roadmap.
import { z } from "zod";
import type { FieldMeta, FieldOption, FormStep, FormValues } from "@/lib/agents/types";
import { choices, dnsLabel, issueAt, optionalText, pickMany, wholeNumber } from "@/lib/agents/shared/fields";
import { regionOptions, regionsByProvider } from "@/lib/agents/shared/regions";

export const languageChoice = choices(
  { typescript: "TypeScript / Node.js", java: "Java / Kotlin", go: "Go", python: "Python", dotnet: "C# / .NET", ruby: "Ruby", php: "PHP", rust: "Rust" },
  "Choose the language",
);
export const runtimeChoice = choices({ container: "Container", serverless: "Serverless function", vm: "Virtual machine" }, "Choose how it runs");
export const hostingChoice = choices(
  { aws: "Amazon Web Services", azure: "Microsoft Azure", gcp: "Google Cloud", "on-premises": "On-premises" },
  "Choose where it is hosted",
);
export const maturityChoice = choices(
  {
    manual: { label: "Manual", description: "Builds and deploys by hand" },
    "basic-ci": { label: "Basic CI", description: "Automated builds and tests; manual deploys" },
    "scripted-cd": { label: "Scripted deploys", description: "CI plus deploy scripts someone runs" },
    "continuous-delivery": { label: "Continuous delivery", description: "Every change is deployable, promoted by pipeline" },
  },
  "Choose the current pipeline maturity",
);
export const iacToolChoice = choices(
  { terraform: "Terraform", opentofu: "OpenTofu", pulumi: "Pulumi", cloudformation: "AWS CloudFormation / CDK", bicep: "Azure Bicep", none: "None yet" },
  "Choose the IaC tool",
);
export const containerPlatformChoice = choices(
  {
    eks: "Amazon EKS",
    ecs: "Amazon ECS",
    aks: "Azure Kubernetes Service",
    "container-apps": "Azure Container Apps",
    gke: "Google Kubernetes Engine",
    "cloud-run": "Google Cloud Run",
    "self-managed-kubernetes": "Self-managed Kubernetes",
    nomad: "HashiCorp Nomad",
    none: "None",
  },
  "Choose the container platform",
);
/** Container platforms run on Kubernetes: Prometheus discovers their pods through the Kubernetes API. */
export const kubernetesPlatforms = new Set(["eks", "aks", "gke", "self-managed-kubernetes"]);

/** Whether the Prometheus config finds the hosts with EC2 discovery (AWS, not Kubernetes, not only serverless). */
export function scrapesByEc2Discovery(input: { hosting: string; containerPlatform: string; services: { runtime: string }[] }): boolean {
  return input.hosting === "aws" && !kubernetesPlatforms.has(input.containerPlatform) && input.services.some((service) => service.runtime !== "serverless");
}

/** The cloud each managed platform or IaC tool belongs to (undefined: runs anywhere). */
const cloudOfPlatform: Partial<Record<(typeof containerPlatformChoice.values)[number], string>> = {
  eks: "aws",
  ecs: "aws",
  aks: "azure",
  "container-apps": "azure",
  gke: "gcp",
  "cloud-run": "gcp",
};
const cloudOfIacTool: Partial<Record<(typeof iacToolChoice.values)[number], string>> = { cloudformation: "aws", bicep: "azure" };
export const monitoringChoice = choices(
  { "prometheus-grafana": "Prometheus + Grafana", datadog: "Datadog", elk: "ELK", "new-relic": "New Relic", cloudwatch: "CloudWatch", "azure-monitor": "Azure Monitor", "cloud-monitoring": "Google Cloud Monitoring", none: "None yet" },
  "Choose the monitoring stack",
);
export const secretsChoice = choices(
  {
    vault: "HashiCorp Vault",
    "aws-secrets-manager": "AWS Secrets Manager",
    "azure-key-vault": "Azure Key Vault",
    "gcp-secret-manager": "Google Secret Manager",
    sops: "SOPS / Sealed Secrets in Git",
    "ci-variables": "CI variables only",
  },
  "Choose the secrets management",
);
export const goalChoice = choices(
  {
    "deploy-frequency": "Deploy more often",
    "lead-time": "Shorter lead time for changes",
    "change-failure": "Fewer failed changes",
    recovery: "Faster recovery",
    "self-service": "Self-service environments",
    observability: "Better observability",
    "cost-reduction": "Lower infrastructure cost",
    compliance: "Compliance evidence from the pipeline",
  },
  "Choose at least one delivery goal",
);

const serviceSchema = z.object({
  name: dnsLabel("service name", 60),
  language: languageChoice.schema,
  runtime: runtimeChoice.schema,
});

export const devopsEngineerSchema = z
  .object({
    services: z.array(serviceSchema, { error: "Add the services" }).min(1, "Add at least one service").max(50, "Add at most 50 services"),
    hosting: hostingChoice.schema,
    pipelineMaturity: maturityChoice.schema,
    deploysPerWeek: wholeNumber("deployments per week", 0, 10_000),
    iacTool: iacToolChoice.schema,
    containerPlatform: containerPlatformChoice.schema,
    awsRegion: z.enum(Object.keys(regionsByProvider.aws) as [string, ...string[]], { error: "Choose the AWS region" }).optional(),
    monitoringStack: monitoringChoice.schema,
    secretsManagement: secretsChoice.schema,
    deliveryGoals: pickMany(goalChoice.schema, "Choose at least one delivery goal"),
    targetDeploysPerDay: wholeNumber("target deployments per day", 1, 1000),
    timelineWeeks: wholeNumber("timeline", 1, 104),
    constraints: optionalText(1000),
  })
  .superRefine((input, context) => {
    if (scrapesByEc2Discovery(input) && !input.awsRegion) {
      issueAt(context, ["awsRegion"], "Choose the AWS region: Prometheus finds the service hosts there with EC2 discovery, which needs it off an EC2 host");
    }
    input.services.forEach((service, index) => {
      if (input.services.findIndex((other) => other.name === service.name) !== index) issueAt(context, ["services", index, "name"], `"${service.name}" is listed twice`);
    });
    const containerised = input.services.filter((service) => service.runtime === "container").length;
    if (containerised > 0 && input.containerPlatform === "none") {
      issueAt(context, ["containerPlatform"], `${containerised === 1 ? "One service runs" : `${containerised} services run`} in containers: choose the platform that runs them`);
    }
    const platformCloud = cloudOfPlatform[input.containerPlatform];
    if (platformCloud && platformCloud !== input.hosting) {
      issueAt(context, ["containerPlatform"], `${containerPlatformChoice.label(input.containerPlatform)} runs only on ${hostingChoice.label(platformCloud as never)}`);
    }
    const iacCloud = cloudOfIacTool[input.iacTool];
    if (iacCloud && iacCloud !== input.hosting) {
      issueAt(context, ["iacTool"], `${iacToolChoice.label(input.iacTool)} manages only ${hostingChoice.label(iacCloud as never)}`);
    }
    const secretsCloud = { "aws-secrets-manager": "aws", "azure-key-vault": "azure", "gcp-secret-manager": "gcp" }[input.secretsManagement as string];
    if (secretsCloud && secretsCloud !== input.hosting) {
      issueAt(context, ["secretsManagement"], `${secretsChoice.label(input.secretsManagement)} is part of ${hostingChoice.label(secretsCloud as never)}; choose Vault or SOPS for ${hostingChoice.label(input.hosting)}`);
    }
    if (input.pipelineMaturity === "manual" && input.targetDeploysPerDay > 10 && input.timelineWeeks < 12) {
      issueAt(context, ["timelineWeeks"], "From manual deploys to more than 10 a day takes more than 12 weeks: extend the timeline or lower the target");
    }
  });

export type DevopsEngineerInput = z.input<typeof devopsEngineerSchema>;
export type DevopsEngineerRequirements = z.output<typeof devopsEngineerSchema>;

export const devopsEngineerSteps: FormStep[] = [
  { id: "services", title: "Services", description: "What you build and how each runs." },
  { id: "current", title: "Where you are", description: "Hosting, pipelines, infrastructure code and platform today." },
  { id: "operations", title: "Operations", description: "Monitoring and secrets." },
  { id: "goals", title: "Goals", description: "What better delivery means for you, and by when." },
];

/** Platforms that fit the chosen hosting (plus the portable ones). */
function platformsFor(values: FormValues): FieldOption[] {
  const hosting = values.hosting as string | undefined;
  return containerPlatformChoice.options.filter((option) => {
    const cloud = cloudOfPlatform[option.value as keyof typeof cloudOfPlatform];
    return !cloud || !hosting || cloud === hosting;
  });
}

export const devopsEngineerFields: FieldMeta[] = [
  {
    path: "services",
    step: "services",
    label: "Services",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 50,
    addLabel: "Add a service",
    newItem: () => ({ name: "", language: "typescript", runtime: "container" }),
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "checkout-api" },
      { path: "language", label: "Language", widget: "select", required: true, options: languageChoice.options },
      { path: "runtime", label: "Runs as", widget: "select", required: true, options: runtimeChoice.options },
    ],
  },

  { path: "hosting", step: "current", label: "Hosting", widget: "radio", required: true, options: hostingChoice.options },
  { path: "pipelineMaturity", step: "current", label: "Pipeline maturity", widget: "radio", required: true, options: maturityChoice.options },
  { path: "deploysPerWeek", step: "current", label: "Deployments per week today", widget: "number", required: true, min: 0 },
  { path: "iacTool", step: "current", label: "Infrastructure as code", widget: "select", required: true, options: iacToolChoice.options },
  { path: "containerPlatform", step: "current", label: "Container platform", widget: "select", required: true, options: containerPlatformChoice.options, optionsFrom: platformsFor },
  {
    path: "awsRegion",
    step: "current",
    label: "AWS region",
    widget: "select",
    required: true,
    options: regionOptions("aws"),
    help: "Prometheus finds the service hosts in this region (EC2 discovery).",
    showWhen: (values) => scrapesByEc2Discovery({ hosting: String(values.hosting ?? ""), containerPlatform: String(values.containerPlatform ?? ""), services: Array.isArray(values.services) ? (values.services as { runtime: string }[]) : [] }),
  },

  { path: "monitoringStack", step: "operations", label: "Monitoring", widget: "select", required: true, options: monitoringChoice.options },
  { path: "secretsManagement", step: "operations", label: "Secrets management", widget: "select", required: true, options: secretsChoice.options },

  { path: "deliveryGoals", step: "goals", label: "Delivery goals", widget: "multiselect", required: true, options: goalChoice.options },
  { path: "targetDeploysPerDay", step: "goals", label: "Target deployments per day", widget: "number", required: true, min: 1 },
  { path: "timelineWeeks", step: "goals", label: "Timeline", widget: "number", unit: "weeks", required: true, min: 1, max: 104 },
  { path: "constraints", step: "goals", label: "Constraints", widget: "textarea", placeholder: "Change freeze in December; SOC 2 audit in March." },
];

export const devopsEngineerInitialValues: FormValues = {
  services: [{ name: "", language: "typescript", runtime: "container" }],
  hosting: "aws",
  pipelineMaturity: "basic-ci",
  iacTool: "terraform",
  monitoringStack: "prometheus-grafana",
  deliveryGoals: ["deploy-frequency"],
  targetDeploysPerDay: 10,
  timelineWeeks: 12,
};

export const devopsEngineerExample: DevopsEngineerInput = {
  services: [
    { name: "storefront", language: "typescript", runtime: "container" },
    { name: "orders", language: "java", runtime: "container" },
    { name: "image-resizer", language: "go", runtime: "serverless" },
  ],
  hosting: "aws",
  pipelineMaturity: "scripted-cd",
  deploysPerWeek: 6,
  iacTool: "terraform",
  containerPlatform: "eks",
  monitoringStack: "prometheus-grafana",
  secretsManagement: "aws-secrets-manager",
  deliveryGoals: ["deploy-frequency", "change-failure", "self-service"],
  targetDeploysPerDay: 10,
  timelineWeeks: 16,
  constraints: "Orders has a SOC 2 audit in March: every production change needs a linked ticket.",
};

export function devopsEngineerTitle(input: DevopsEngineerRequirements): string {
  const names = input.services.map((service) => service.name);
  const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
  return `Delivery for ${shown}: ${maturityChoice.label(input.pipelineMaturity).toLowerCase()} to ${input.targetDeploysPerDay} deploys a day`;
}
