// The security-engineer's requirements: frameworks, data classification, secrets, identity, scanning,
// runtime protection, network model and log retention, checked against what the frameworks demand.
import { z } from "zod";
import type { FieldMeta, FormStep, FormValues } from "@/lib/agents/types";
import { choices, issueAt, optionalText, pickMany, requiredText, wholeNumber } from "@/lib/agents/shared/fields";

export const frameworkChoice = choices({ soc2: "SOC 2", iso27001: "ISO 27001", hipaa: "HIPAA", "pci-dss": "PCI DSS" }, "Choose the frameworks");
export const classificationChoice = choices(
  {
    public: { label: "Public", description: "Published on purpose" },
    internal: { label: "Internal", description: "Staff only; little harm if leaked" },
    confidential: { label: "Confidential", description: "Customer or personal data; harm if leaked" },
    restricted: { label: "Restricted", description: "Card, health or secret data; serious harm if leaked" },
  },
  "Choose the highest data classification",
);
export const secretsManagerChoice = choices(
  {
    vault: "HashiCorp Vault",
    "aws-secrets-manager": "AWS Secrets Manager",
    "azure-key-vault": "Azure Key Vault",
    "gcp-secret-manager": "Google Secret Manager",
    "ci-variables": "CI variables only",
  },
  "Choose the secrets manager",
);
export const identityProviderChoice = choices(
  { okta: "Okta", "entra-id": "Microsoft Entra ID", "google-workspace": "Google Workspace", keycloak: "Keycloak", "aws-iam-identity-center": "AWS IAM Identity Center" },
  "Choose the identity provider",
);
export const mfaChoice = choices(
  {
    none: { label: "None", description: "Passwords only" },
    totp: { label: "Authenticator codes (TOTP)", description: "Six-digit codes from an app" },
    push: { label: "Push approval", description: "Approve a prompt on a phone" },
    "phishing-resistant": { label: "Phishing-resistant (FIDO2 / WebAuthn)", description: "Security keys or passkeys" },
  },
  "Choose the MFA level",
);
export const scanChoice = choices(
  { sast: "Static analysis (SAST)", dast: "Dynamic analysis (DAST)", containers: "Container images (Trivy)", iac: "Infrastructure as code (Checkov)", dependencies: "Dependencies (SCA)", secrets: "Secret detection" },
  "Choose the scanning",
);
export const runtimeProtectionChoice = choices(
  {
    falco: { label: "Falco", description: "Open-source container threat detection" },
    cnapp: { label: "Commercial CNAPP / EDR", description: "A vendor platform for workloads" },
    none: { label: "None", description: "No runtime detection" },
  },
  "Choose the runtime protection",
);
export const networkModelChoice = choices(
  {
    "zero-trust": { label: "Zero trust", description: "Every call authenticated and authorised; micro-segmentation" },
    segmented: { label: "Segmented perimeter", description: "Zones with firewalls between them" },
    flat: { label: "Flat network", description: "Everything inside can reach everything" },
  },
  "Choose the network model",
);

type Framework = (typeof frameworkChoice.values)[number];

/** Minimum log retention per framework, in days: PCI DSS 10.5.1 (one year), HIPAA §164.316 (six years). */
export const minimumLogRetentionDays: Partial<Record<Framework, number>> = { "pci-dss": 365, hipaa: 6 * 365 };

export const securityEngineerSchema = z
  .object({
    scope: requiredText("Describe the systems in scope", 500),
    frameworks: pickMany(frameworkChoice.schema, "Choose the frameworks", 0),
    dataClassification: classificationChoice.schema,

    secretsManager: secretsManagerChoice.schema,
    secretRotationDays: wholeNumber("secret rotation period", 1, 730),
    identityProvider: identityProviderChoice.schema,
    ssoEnforced: z.boolean(),
    mfa: mfaChoice.schema,

    scanning: pickMany(scanChoice.schema, "Choose at least one kind of scanning"),
    runtimeProtection: runtimeProtectionChoice.schema,

    networkModel: networkModelChoice.schema,
    mutualTls: z.boolean().optional(),
    logRetentionDays: wholeNumber("log retention", 7, 3650),
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    const has = (framework: Framework) => input.frameworks.includes(framework);
    const named = (frameworks: Framework[]) => frameworks.map((framework) => frameworkChoice.label(framework)).join(" and ");

    if (has("pci-dss") && input.dataClassification !== "restricted") {
      issueAt(context, ["dataClassification"], "PCI DSS covers cardholder data, which is restricted: classify it as restricted");
    }
    if (has("hipaa") && (input.dataClassification === "public" || input.dataClassification === "internal")) {
      issueAt(context, ["dataClassification"], "HIPAA covers health data: classify it as confidential or restricted");
    }
    if (input.frameworks.length > 0 && input.mfa === "none") {
      issueAt(context, ["mfa"], `${named(input.frameworks)} require multi-factor authentication`);
    }
    if (input.dataClassification === "restricted" && input.mfa !== "none" && input.mfa !== "phishing-resistant") {
      issueAt(context, ["mfa"], "Access to restricted data needs phishing-resistant MFA (FIDO2 / WebAuthn)");
    }
    if (input.frameworks.length > 0 && !input.ssoEnforced) {
      issueAt(context, ["ssoEnforced"], `Enforce SSO: ${named(input.frameworks)} expect access to be granted and revoked centrally`);
    }
    if (input.secretsManager === "ci-variables" && (input.dataClassification === "confidential" || input.dataClassification === "restricted")) {
      issueAt(context, ["secretsManager"], "CI variables cannot rotate or audit secrets that guard confidential data: choose a secrets manager");
    }
    if (has("pci-dss") && input.secretRotationDays > 365) {
      issueAt(context, ["secretRotationDays"], "PCI DSS requires keys and credentials to be rotated at least yearly");
    }
    if (has("pci-dss") && !input.scanning.includes("dast")) {
      issueAt(context, ["scanning"], "PCI DSS requires testing public web applications: add DAST");
    }
    if (input.scanning.includes("containers") === false && input.runtimeProtection === "falco") {
      issueAt(context, ["scanning"], "Falco watches containers: scan their images too");
    }
    if (input.networkModel === "flat" && (input.dataClassification === "restricted" || has("pci-dss"))) {
      issueAt(context, ["networkModel"], "Restricted data cannot sit on a flat network: segment it or adopt zero trust");
    }
    for (const framework of input.frameworks) {
      const minimum = minimumLogRetentionDays[framework];
      if (minimum !== undefined && input.logRetentionDays < minimum) {
        issueAt(context, ["logRetentionDays"], `${frameworkChoice.label(framework)} requires keeping logs at least ${minimum} days`);
        break;
      }
    }
  });

export type SecurityEngineerInput = z.input<typeof securityEngineerSchema>;
export type SecurityEngineerRequirements = z.output<typeof securityEngineerSchema>;

export const securityEngineerSteps: FormStep[] = [
  { id: "scope", title: "Scope & compliance", description: "What is secured, under which frameworks, and how sensitive the data is." },
  { id: "identity", title: "Identity & secrets", description: "Who gets in, how, and where secrets live." },
  { id: "detection", title: "Scanning & runtime", description: "What is checked before and after deployment." },
  { id: "network", title: "Network & logs", description: "The network model and how long evidence is kept." },
];

export const securityEngineerFields: FieldMeta[] = [
  { path: "scope", step: "scope", label: "Systems in scope", widget: "textarea", required: true, placeholder: "The payments platform: checkout-api, payment-worker, orders-db and their CI." },
  { path: "frameworks", step: "scope", label: "Frameworks", widget: "multiselect", options: frameworkChoice.options },
  { path: "dataClassification", step: "scope", label: "Highest data classification", widget: "radio", required: true, options: classificationChoice.options },

  { path: "secretsManager", step: "identity", label: "Secrets manager", widget: "select", required: true, options: secretsManagerChoice.options },
  {
    path: "secretRotationDays",
    step: "identity",
    label: "Rotate secrets every",
    widget: "number",
    unit: "days",
    required: true,
    min: 1,
    max: 730,
    computedDefault: (values) => (values.secretsManager === "vault" ? 30 : 90),
    help: "Vault can issue short-lived dynamic credentials; others rotate on a schedule.",
  },
  { path: "identityProvider", step: "identity", label: "Identity provider", widget: "select", required: true, options: identityProviderChoice.options },
  { path: "ssoEnforced", step: "identity", label: "Enforce single sign-on for every tool", widget: "checkbox" },
  {
    path: "mfa",
    step: "identity",
    label: "Multi-factor authentication",
    widget: "radio",
    required: true,
    options: mfaChoice.options,
    computedDefault: (values) => (values.dataClassification === "restricted" ? "phishing-resistant" : undefined),
  },

  { path: "scanning", step: "detection", label: "Scanning in the pipeline", widget: "multiselect", required: true, options: scanChoice.options },
  { path: "runtimeProtection", step: "detection", label: "Runtime protection", widget: "radio", required: true, options: runtimeProtectionChoice.options },

  { path: "networkModel", step: "network", label: "Network model", widget: "radio", required: true, options: networkModelChoice.options },
  {
    path: "mutualTls",
    step: "network",
    label: "Mutual TLS between services",
    widget: "checkbox",
    showWhen: (values: FormValues) => values.networkModel === "zero-trust",
    computedDefault: () => true,
  },
  {
    path: "logRetentionDays",
    step: "network",
    label: "Keep security logs for",
    widget: "number",
    unit: "days",
    required: true,
    min: 7,
    max: 3650,
    computedDefault: (values) => {
      const frameworks = Array.isArray(values.frameworks) ? (values.frameworks as Framework[]) : [];
      return Math.max(365, ...frameworks.map((framework) => minimumLogRetentionDays[framework] ?? 0));
    },
    help: "PCI DSS asks for a year, HIPAA six.",
  },
  { path: "notes", step: "network", label: "Anything else the security engineer should know", widget: "textarea" },
];

export const securityEngineerInitialValues: FormValues = {
  scope: "",
  frameworks: [],
  dataClassification: "confidential",
  secretsManager: "vault",
  ssoEnforced: true,
  mfa: "push",
  scanning: ["sast", "dependencies", "containers", "iac", "secrets"],
  runtimeProtection: "falco",
  networkModel: "zero-trust",
};

export const securityEngineerExample: SecurityEngineerInput = {
  scope: "The payments platform: checkout-api, payment-worker, orders-db, their EKS cluster and the CI that deploys them.",
  frameworks: ["pci-dss", "soc2"],
  dataClassification: "restricted",
  secretsManager: "vault",
  secretRotationDays: 30,
  identityProvider: "okta",
  ssoEnforced: true,
  mfa: "phishing-resistant",
  scanning: ["sast", "dast", "containers", "iac", "dependencies", "secrets"],
  runtimeProtection: "falco",
  networkModel: "zero-trust",
  mutualTls: true,
  logRetentionDays: 400,
};

export function securityEngineerTitle(input: SecurityEngineerRequirements): string {
  const frameworks = input.frameworks.map((framework) => frameworkChoice.label(framework)).join(", ");
  const scope = input.scope.length > 50 ? `${input.scope.slice(0, 47)}…` : input.scope;
  return frameworks ? `${frameworks} controls: ${scope}` : `Security baseline: ${scope}`;
}
