// The deployment-engineer's requirements: a CI/CD pipeline from commit to production with a release
// strategy, promotion order, approvals, automatic rollback, security scans and DORA targets.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { FieldMeta, FieldOption, FormStep, FormValues } from "@/lib/agents/types";
import { choices, decimal, dnsLabel, issueAt, minutes, optionalText, percentage, pickMany, requiredText, wholeNumber } from "@/lib/agents/shared/fields";

export const ciPlatformChoice = choices({ "github-actions": "GitHub Actions", "gitlab-ci": "GitLab CI/CD" }, "Choose the CI platform");
export const languageChoice = choices(
  {
    typescript: "TypeScript / Node.js",
    java: "Java / Kotlin",
    go: "Go",
    python: "Python",
    dotnet: "C# / .NET",
    rust: "Rust",
  },
  "Choose the language",
);
export const buildToolChoice = choices(
  {
    npm: "npm",
    pnpm: "pnpm",
    yarn: "Yarn",
    maven: "Maven",
    gradle: "Gradle",
    "go-modules": "Go modules",
    pip: "pip",
    poetry: "Poetry",
    uv: "uv",
    dotnet: "dotnet CLI",
    cargo: "Cargo",
  },
  "Choose the build tool",
);
/** Which build tools build which language. */
export const buildToolsByLanguage: Record<(typeof languageChoice.values)[number], (typeof buildToolChoice.values)[number][]> = {
  typescript: ["npm", "pnpm", "yarn"],
  java: ["maven", "gradle"],
  go: ["go-modules"],
  python: ["pip", "poetry", "uv"],
  dotnet: ["dotnet"],
  rust: ["cargo"],
};
export const registryChoice = choices(
  {
    ghcr: "GitHub Container Registry",
    "gitlab-registry": "GitLab Container Registry",
    ecr: "Amazon ECR",
    "artifact-registry": "Google Artifact Registry",
    acr: "Azure Container Registry",
    harbor: "Harbor",
    dockerhub: "Docker Hub",
  },
  "Choose the artifact registry",
);
export const environmentKindChoice = choices(
  { development: "Development", test: "Test / QA", staging: "Staging", production: "Production" },
  "Choose the kind of environment",
);
export const strategyChoice = choices(
  {
    rolling: { label: "Rolling update", description: "Replace pods a few at a time" },
    "blue-green": { label: "Blue-green", description: "Start the new version beside the old, then switch traffic at once" },
    canary: { label: "Canary", description: "Shift traffic to the new version in steps, with pauses to watch metrics" },
  },
  "Choose the deployment strategy",
);
export const securityScanChoice = choices(
  {
    sast: "Static analysis (SAST)",
    dependencies: "Dependency vulnerabilities (SCA)",
    container: "Container image scan (Trivy)",
    secrets: "Secret detection",
    iac: "IaC misconfiguration (Checkov)",
    dast: "Dynamic analysis (DAST) on staging",
  },
  "Choose at least one security scan",
);

const environmentSchema = z.object({
  name: dnsLabel("environment name", 30),
  kind: environmentKindChoice.schema,
  autoDeploy: z.boolean(),
});

const canaryStepSchema = z.object({
  weight: wholeNumber("traffic weight", 1, 99),
  pauseMinutes: minutes("pause", 0, 24 * 60),
});

export const deploymentEngineerSchema = z
  .object({
    ciPlatform: ciPlatformChoice.schema,
    repository: requiredText("Enter the repository, e.g. acme/checkout-api", 200).regex(
      /^[\w.-]+(\/[\w.-]+)+$/,
      "Write the repository as owner/name, e.g. acme/checkout-api",
    ),
    language: languageChoice.schema,
    buildTool: buildToolChoice.schema,
    artifactRegistry: registryChoice.schema,

    environments: z
      .array(environmentSchema, { error: "Add the environments" })
      .min(1, "Add at least one environment")
      .max(8, "Add at most 8 environments"),
    productionApprovers: wholeNumber("number of production approvers", 0, 5),
    approverGroup: text().trim().max(100).optional(),

    strategy: strategyChoice.schema,
    maxSurgePercent: percentage("maximum surge").optional(),
    maxUnavailablePercent: percentage("maximum unavailable").optional(),
    blueGreenVerifyMinutes: minutes("verification time", 0, 24 * 60).optional(),
    blueGreenAutoPromote: z.boolean().optional(),
    blueGreenKeepOldMinutes: minutes("time to keep the old version", 0, 7 * 24 * 60).optional(),
    canarySteps: z.array(canaryStepSchema).max(10, "Use at most 10 canary steps").optional(),

    rollbackErrorRatePercent: decimal("error-rate threshold", 0.1, 50, "%"),
    rollbackLatencyP99Ms: wholeNumber("p99 latency threshold", 10, 60_000),
    rollbackWindowMinutes: minutes("analysis window", 1, 120),
    securityScans: pickMany(securityScanChoice.schema, "Choose at least one security scan"),

    targetDeploysPerDay: decimal("deployments per day", 0.1, 1000),
    targetLeadTimeHours: decimal("lead time", 0.1, 24 * 30),
    targetChangeFailureRatePercent: percentage("change failure rate", 0, 100),
    targetMttrMinutes: minutes("time to restore", 1, 7 * 24 * 60),
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    if (!buildToolsByLanguage[input.language].includes(input.buildTool)) {
      issueAt(context, ["buildTool"], `${buildToolChoice.label(input.buildTool)} does not build ${languageChoice.label(input.language)}`);
    }
    input.environments.forEach((environment, index) => {
      if (input.environments.findIndex((other) => other.name === environment.name) !== index) {
        issueAt(context, ["environments", index, "name"], `"${environment.name}" is listed twice`);
      }
    });
    const productionIndexes = input.environments.flatMap((environment, index) => (environment.kind === "production" ? [index] : []));
    if (productionIndexes.length > 1) {
      issueAt(context, ["environments", productionIndexes[1], "kind"], "Only one environment can be production");
    }
    const last = input.environments.length - 1;
    if (productionIndexes.length === 1 && productionIndexes[0] !== last) {
      issueAt(context, ["environments", productionIndexes[0], "kind"], "Production must come last in the promotion order");
    }
    if (productionIndexes.length >= 1 && input.productionApprovers === 0 && input.environments[productionIndexes[0]].autoDeploy) {
      issueAt(context, ["productionApprovers"], "Production deploys automatically: require at least one approver, or turn off its automatic deploy");
    }

    if (input.strategy === "rolling") {
      if (input.maxSurgePercent === undefined) issueAt(context, ["maxSurgePercent"], "Enter the maximum surge");
      if (input.maxUnavailablePercent === undefined) issueAt(context, ["maxUnavailablePercent"], "Enter the maximum unavailable");
      if (input.maxSurgePercent === 0 && input.maxUnavailablePercent === 0) {
        issueAt(context, ["maxUnavailablePercent"], "Surge and unavailable cannot both be 0%: the rollout could never progress");
      }
    }
    if (input.strategy === "blue-green") {
      if (input.blueGreenVerifyMinutes === undefined) issueAt(context, ["blueGreenVerifyMinutes"], "Enter how long to verify the new version before switching");
      if (input.blueGreenKeepOldMinutes === undefined) issueAt(context, ["blueGreenKeepOldMinutes"], "Enter how long to keep the old version for instant rollback");
    }
    if (input.strategy === "canary") {
      const steps = input.canarySteps ?? [];
      if (steps.length === 0) issueAt(context, ["canarySteps"], "Add at least one canary step");
      steps.forEach((step, index) => {
        if (index > 0 && step.weight <= steps[index - 1].weight) {
          issueAt(context, ["canarySteps", index, "weight"], `Each step must send more traffic than the one before (${steps[index - 1].weight}%)`);
        }
      });
      const totalPause = steps.reduce((sum, step) => sum + step.pauseMinutes, 0);
      if (steps.length > 0 && totalPause < input.rollbackWindowMinutes) {
        issueAt(
          context,
          ["canarySteps"],
          `The pauses add up to ${totalPause} minutes, shorter than the ${input.rollbackWindowMinutes}-minute analysis window: the canary would be promoted before it is judged`,
        );
      }
    }
  });

export type DeploymentEngineerInput = z.input<typeof deploymentEngineerSchema>;
export type DeploymentEngineerRequirements = z.output<typeof deploymentEngineerSchema>;

export const deploymentEngineerSteps: FormStep[] = [
  { id: "build", title: "Build", description: "Where the code lives, how it builds and where artifacts go." },
  { id: "environments", title: "Environments", description: "The promotion path from the first environment to production." },
  { id: "strategy", title: "Release strategy", description: "How a new version replaces the old one." },
  { id: "safety", title: "Rollout & safety", description: "Strategy settings, automatic rollback and security scans." },
  { id: "targets", title: "DORA targets", description: "The delivery performance the pipeline should reach." },
];

const whenStrategy = (strategy: string) => (values: FormValues) => values.strategy === strategy;

export const deploymentEngineerFields: FieldMeta[] = [
  { path: "ciPlatform", step: "build", label: "CI platform", widget: "radio", required: true, options: ciPlatformChoice.options },
  { path: "repository", step: "build", label: "Repository", widget: "text", required: true, placeholder: "acme/checkout-api" },
  { path: "language", step: "build", label: "Language", widget: "select", required: true, options: languageChoice.options },
  {
    path: "buildTool",
    step: "build",
    label: "Build tool",
    widget: "select",
    required: true,
    options: buildToolChoice.options,
    optionsFrom: (values): FieldOption[] => {
      const tools = buildToolsByLanguage[values.language as keyof typeof buildToolsByLanguage];
      return tools ? buildToolChoice.options.filter((option) => (tools as string[]).includes(option.value)) : buildToolChoice.options;
    },
    help: "The tools that build the chosen language.",
  },
  { path: "artifactRegistry", step: "build", label: "Artifact registry", widget: "select", required: true, options: registryChoice.options },

  {
    path: "environments",
    step: "environments",
    label: "Environments, in promotion order",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 8,
    addLabel: "Add an environment",
    newItem: () => ({ name: "", kind: "staging", autoDeploy: true }),
    help: "A release moves through them top to bottom; production comes last.",
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "staging" },
      { path: "kind", label: "Kind", widget: "select", required: true, options: environmentKindChoice.options },
      { path: "autoDeploy", label: "Deploy automatically when the previous one succeeds", widget: "checkbox" },
    ],
  },
  { path: "productionApprovers", step: "environments", label: "Approvals required for production", widget: "number", required: true, min: 0, max: 5 },
  {
    path: "approverGroup",
    step: "environments",
    label: "Who approves",
    widget: "text",
    placeholder: "payments-leads",
    showWhen: (values) => typeof values.productionApprovers === "number" && values.productionApprovers > 0,
    help: "A team or group in your CI platform.",
  },

  { path: "strategy", step: "strategy", label: "Deployment strategy", widget: "radio", required: true, options: strategyChoice.options },

  { path: "maxSurgePercent", step: "safety", label: "Maximum surge", widget: "number", unit: "%", required: true, min: 0, max: 100, showWhen: whenStrategy("rolling"), computedDefault: () => 25 },
  {
    path: "maxUnavailablePercent",
    step: "safety",
    label: "Maximum unavailable",
    widget: "number",
    unit: "%",
    required: true,
    min: 0,
    max: 100,
    showWhen: whenStrategy("rolling"),
    computedDefault: () => 0,
  },
  {
    path: "blueGreenVerifyMinutes",
    step: "safety",
    label: "Verify the new version for",
    widget: "number",
    unit: "minutes",
    required: true,
    min: 0,
    showWhen: whenStrategy("blue-green"),
    computedDefault: () => 15,
    help: "Smoke tests run against the idle colour before traffic switches.",
  },
  { path: "blueGreenAutoPromote", step: "safety", label: "Switch traffic automatically when verification passes", widget: "checkbox", showWhen: whenStrategy("blue-green") },
  {
    path: "blueGreenKeepOldMinutes",
    step: "safety",
    label: "Keep the old version for",
    widget: "number",
    unit: "minutes",
    required: true,
    min: 0,
    showWhen: whenStrategy("blue-green"),
    computedDefault: () => 60,
    help: "Rolling back within this time is an instant switch.",
  },
  {
    path: "canarySteps",
    step: "safety",
    label: "Canary steps",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 10,
    addLabel: "Add a step",
    showWhen: whenStrategy("canary"),
    newItem: () => ({ weight: undefined, pauseMinutes: 10 }),
    help: "Traffic moves to the canary step by step; each pause is a chance to roll back. Full promotion follows the last step.",
    computedDefault: () => [
      { weight: 5, pauseMinutes: 10 },
      { weight: 25, pauseMinutes: 10 },
      { weight: 50, pauseMinutes: 15 },
    ],
    itemFields: [
      { path: "weight", label: "Traffic to the canary", widget: "number", unit: "%", required: true, min: 1, max: 99 },
      { path: "pauseMinutes", label: "Then pause for", widget: "number", unit: "minutes", required: true, min: 0 },
    ],
  },
  {
    path: "rollbackErrorRatePercent",
    step: "safety",
    label: "Roll back when the error rate exceeds",
    widget: "number",
    unit: "%",
    numberStep: 0.1,
    required: true,
    min: 0.1,
    max: 50,
  },
  { path: "rollbackLatencyP99Ms", step: "safety", label: "Roll back when p99 latency exceeds", widget: "number", unit: "ms", required: true, min: 10 },
  { path: "rollbackWindowMinutes", step: "safety", label: "Analysis window", widget: "number", unit: "minutes", required: true, min: 1, max: 120, help: "How long metrics are watched after each change." },
  { path: "securityScans", step: "safety", label: "Security scans", widget: "multiselect", required: true, options: securityScanChoice.options },

  { path: "targetDeploysPerDay", step: "targets", label: "Deployments per day", widget: "number", numberStep: 0.1, required: true, min: 0.1, help: "Elite teams deploy more than 10 times a day." },
  { path: "targetLeadTimeHours", step: "targets", label: "Lead time for changes", widget: "number", unit: "hours", numberStep: 0.1, required: true, min: 0.1 },
  { path: "targetChangeFailureRatePercent", step: "targets", label: "Change failure rate", widget: "number", unit: "%", required: true, min: 0, max: 100, help: "Aim under 5%." },
  { path: "targetMttrMinutes", step: "targets", label: "Time to restore service", widget: "number", unit: "minutes", required: true, min: 1, help: "Aim under 30 minutes." },
  { path: "notes", step: "targets", label: "Anything else the engineer should know", widget: "textarea" },
];

export const deploymentEngineerInitialValues: FormValues = {
  ciPlatform: "github-actions",
  repository: "",
  environments: [
    { name: "staging", kind: "staging", autoDeploy: true },
    { name: "production", kind: "production", autoDeploy: false },
  ],
  productionApprovers: 1,
  strategy: "rolling",
  rollbackErrorRatePercent: 2,
  rollbackLatencyP99Ms: 800,
  rollbackWindowMinutes: 10,
  securityScans: ["sast", "dependencies", "container", "secrets"],
  // The seed's targets for the deployment engineer: >10 deploys a day, <5% failures, <30 minutes to restore.
  targetDeploysPerDay: 10,
  targetLeadTimeHours: 24,
  targetChangeFailureRatePercent: 5,
  targetMttrMinutes: 30,
};

export const deploymentEngineerExample: DeploymentEngineerInput = {
  ciPlatform: "github-actions",
  repository: "acme/checkout-api",
  language: "typescript",
  buildTool: "pnpm",
  artifactRegistry: "ghcr",
  environments: [
    { name: "dev", kind: "development", autoDeploy: true },
    { name: "staging", kind: "staging", autoDeploy: true },
    { name: "production", kind: "production", autoDeploy: false },
  ],
  productionApprovers: 1,
  approverGroup: "payments-leads",
  strategy: "canary",
  canarySteps: [
    { weight: 5, pauseMinutes: 10 },
    { weight: 25, pauseMinutes: 10 },
    { weight: 50, pauseMinutes: 15 },
  ],
  rollbackErrorRatePercent: 1.5,
  rollbackLatencyP99Ms: 600,
  rollbackWindowMinutes: 10,
  securityScans: ["sast", "dependencies", "container", "secrets"],
  targetDeploysPerDay: 12,
  targetLeadTimeHours: 4,
  targetChangeFailureRatePercent: 4,
  targetMttrMinutes: 25,
  notes: "Checkout is PCI scoped: production deploys freeze during the last week of November.",
};

export function deploymentEngineerTitle(input: DeploymentEngineerRequirements): string {
  return `${input.repository} via ${ciPlatformChoice.label(input.ciPlatform)} (${strategyChoice.label(input.strategy).toLowerCase()})`;
}
