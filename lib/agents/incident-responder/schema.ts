// The incident-responder's requirements: what happened, what it touches, how it may be contained, what
// evidence must survive, and who must be told by when: the inputs for a response plan and its comms.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { FieldMeta, FieldOption, FormStep, FormValues } from "@/lib/agents/types";
import { choices, dateTime, issueAt, optionalText, pickMany, requiredText, stringList, wholeNumber } from "@/lib/agents/shared/fields";

export const incidentTypeChoice = choices(
  {
    security: { label: "Security", description: "A breach, intrusion, malware or leaked credentials" },
    operational: { label: "Operational", description: "An outage or degradation without an attacker" },
  },
  "Choose the type of incident",
);
export const detectionSourceChoice = choices(
  {
    monitoring: "Monitoring alert",
    siem: "SIEM / intrusion detection alert",
    customer: "Customer report",
    employee: "Employee report",
    "third-party": "Third party or security researcher",
    "threat-intel": "Threat intelligence or law enforcement",
  },
  "Choose how it was detected",
);
export const severityChoice = choices(
  {
    sev1: { label: "SEV1: critical", description: "Customer-facing outage or confirmed breach of sensitive data" },
    sev2: { label: "SEV2: major", description: "Significant degradation or a likely breach" },
    sev3: { label: "SEV3: minor", description: "Limited impact, a workaround exists" },
    sev4: { label: "SEV4: low", description: "No customer impact yet" },
  },
  "Choose the severity",
);
export const dataCategoryChoice = choices(
  {
    none: "No data involved",
    personal: "Personal data",
    payment: "Payment card data",
    health: "Health data",
    credentials: "Credentials or secrets",
    confidential: "Confidential business data",
    unknown: "Not known yet",
  },
  "Choose the data affected",
);
export const containmentChoice = choices(
  {
    "isolate-hosts": "Isolate affected hosts from the network",
    "revoke-credentials": "Revoke and rotate credentials",
    "disable-accounts": "Disable compromised accounts",
    "block-indicators": "Block malicious IPs and domains",
    "rebuild-hosts": "Rebuild affected hosts from clean images",
    "take-offline": "Take the affected service offline",
    failover: "Fail over to another region",
    rollback: "Roll back the last change",
    "feature-flag": "Turn off the feature behind a flag",
    "rate-limit": "Rate-limit or shed load",
  },
  "Choose the containment options",
);
/** Which containment options fit which type of incident. */
export const containmentByType: Record<(typeof incidentTypeChoice.values)[number], (typeof containmentChoice.values)[number][]> = {
  security: ["isolate-hosts", "revoke-credentials", "disable-accounts", "block-indicators", "rebuild-hosts", "take-offline"],
  operational: ["failover", "rollback", "feature-flag", "rate-limit", "take-offline"],
};
export const evidenceChoice = choices(
  {
    "memory-capture": "Capture memory of affected hosts",
    "disk-snapshots": "Snapshot disks before changes",
    "log-hold": "Preserve logs beyond normal retention (legal hold)",
    "chain-of-custody": "Keep a chain of custody for evidence",
    timeline: "Keep a timestamped timeline of actions",
  },
  "Choose the evidence to preserve",
);
export const audienceChoice = choices(
  { internal: "Internal stakeholders", customers: "Customers", regulators: "Regulators", partners: "Partners and suppliers" },
  "Choose who must be told",
);
export const regimeChoice = choices(
  {
    gdpr: { label: "GDPR (EU/UK supervisory authority)", description: "Within 72 hours of becoming aware" },
    nis2: { label: "NIS2 early warning", description: "Within 24 hours" },
    "sec-8k": { label: "SEC Form 8-K", description: "Within 4 business days of materiality" },
    hipaa: { label: "HIPAA (HHS)", description: "Within 60 days" },
    "pci-dss": { label: "PCI DSS (card brands, acquirer)", description: "Within 24 hours" },
    other: { label: "Other regulator", description: "Enter its deadline" },
  },
  "Choose the regulatory regimes",
);
/** Each regime's notification limit in hours, from the regulation (SEC: 4 business days ≈ 96 h). */
export const regimeDeadlineHours: Record<(typeof regimeChoice.values)[number], number | undefined> = {
  gdpr: 72,
  nis2: 24,
  "sec-8k": 96,
  hipaa: 60 * 24,
  "pci-dss": 24,
  other: undefined,
};

export function strictestDeadlineHours(regimes: readonly string[]): number | undefined {
  const limits = regimes.map((regime) => regimeDeadlineHours[regime as keyof typeof regimeDeadlineHours]).filter((hours): hours is number => hours !== undefined);
  return limits.length ? Math.min(...limits) : undefined;
}

export const incidentResponderSchema = z
  .object({
    incidentType: incidentTypeChoice.schema,
    summary: requiredText("Summarise what is happening in a sentence", 300),
    detectionSource: detectionSourceChoice.schema,
    severity: severityChoice.schema,
    detectedAt: dateTime("detection time"),

    affectedSystems: stringList("affected system", { min: 1, max: 50 }),
    dataAffected: pickMany(dataCategoryChoice.schema, "Choose the data affected"),
    ongoing: z.boolean(),

    containmentOptions: pickMany(containmentChoice.schema, "Choose at least one containment option"),
    containmentConstraints: optionalText(1000),
    evidencePreservation: pickMany(evidenceChoice.schema, "Choose the evidence to preserve", 0),

    audiences: pickMany(audienceChoice.schema, "Choose who must be told"),
    regulatoryRegimes: pickMany(regimeChoice.schema, "Choose the regulatory regimes that apply", 0).optional(),
    regulatoryDeadlineHours: wholeNumber("regulatory deadline", 1, 24 * 90).optional(),
    updateCadenceMinutes: wholeNumber("update cadence", 15, 24 * 60),
    incidentCommander: text().trim().max(100).optional(),
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    const allowed: string[] = containmentByType[input.incidentType];
    input.containmentOptions.forEach((option) => {
      if (!allowed.includes(option)) {
        issueAt(context, ["containmentOptions"], `“${containmentChoice.label(option)}” does not fit ${input.incidentType === "operational" ? "an operational" : "a security"} incident`);
      }
    });
    const data = input.dataAffected;
    if (data.includes("none") && data.length > 1) issueAt(context, ["dataAffected"], "“No data involved” cannot be combined with other data");

    if (input.incidentType === "security") {
      if (input.evidencePreservation.length === 0) {
        issueAt(context, ["evidencePreservation"], "A security incident needs evidence preserved: at least a timeline and the logs");
      }
      if (input.containmentOptions.includes("rebuild-hosts") && !input.evidencePreservation.includes("disk-snapshots")) {
        issueAt(context, ["evidencePreservation"], "Rebuilding hosts destroys evidence: snapshot the disks first");
      }
      if (input.containmentOptions.includes("isolate-hosts") && !input.evidencePreservation.includes("memory-capture") && (input.severity === "sev1" || input.severity === "sev2")) {
        issueAt(context, ["evidencePreservation"], "Capture memory before isolating hosts in a SEV1 or SEV2: an attacker's tools may live only in memory");
      }
    }

    if (input.audiences.includes("regulators")) {
      const regimes = input.regulatoryRegimes ?? [];
      if (regimes.length === 0) issueAt(context, ["regulatoryRegimes"], "Choose the regulatory regimes that apply");
      if (input.regulatoryDeadlineHours === undefined) {
        issueAt(context, ["regulatoryDeadlineHours"], "Enter the notification deadline in hours");
      } else {
        const strictest = strictestDeadlineHours(regimes);
        if (strictest !== undefined && input.regulatoryDeadlineHours > strictest) {
          issueAt(context, ["regulatoryDeadlineHours"], `The strictest regime chosen requires notice within ${strictest} hours`);
        }
      }
    }
    if ((data.includes("personal") || data.includes("health") || data.includes("payment")) && input.incidentType === "security" && !input.audiences.includes("internal")) {
      issueAt(context, ["audiences"], "A breach of regulated data must be reported internally (legal and the DPO) at least");
    }
  });

export type IncidentResponderInput = z.input<typeof incidentResponderSchema>;
export type IncidentResponderRequirements = z.output<typeof incidentResponderSchema>;

export const incidentResponderSteps: FormStep[] = [
  { id: "incident", title: "Incident", description: "What is happening, how it was found and how bad it is." },
  { id: "scope", title: "Scope", description: "The systems and data it touches." },
  { id: "response", title: "Containment & evidence", description: "What may be done to stop it, and what must be preserved." },
  { id: "communication", title: "Communication", description: "Who must be told, by when, and how often." },
];

const isRegulatorAudience = (values: FormValues) => Array.isArray(values.audiences) && values.audiences.includes("regulators");

export const incidentResponderFields: FieldMeta[] = [
  { path: "incidentType", step: "incident", label: "Type", widget: "radio", required: true, options: incidentTypeChoice.options },
  { path: "summary", step: "incident", label: "Summary", widget: "textarea", required: true, placeholder: "Unusual outbound traffic from two payment workers to an unknown host." },
  { path: "detectionSource", step: "incident", label: "Detected by", widget: "select", required: true, options: detectionSourceChoice.options },
  { path: "severity", step: "incident", label: "Severity", widget: "radio", required: true, options: severityChoice.options },
  { path: "detectedAt", step: "incident", label: "Detected at", widget: "text", required: true, placeholder: "2026-11-28 14:05 UTC", help: "UTC unless you add an offset such as +01:00." },

  { path: "affectedSystems", step: "scope", label: "Affected systems", widget: "tags", required: true, placeholder: "payment-worker, orders-db" },
  { path: "dataAffected", step: "scope", label: "Data affected", widget: "multiselect", required: true, options: dataCategoryChoice.options },
  { path: "ongoing", step: "scope", label: "Still ongoing", widget: "checkbox" },

  {
    path: "containmentOptions",
    step: "response",
    label: "Containment options you accept",
    widget: "multiselect",
    required: true,
    options: containmentChoice.options,
    optionsFrom: (values): FieldOption[] => {
      const allowed = containmentByType[values.incidentType as keyof typeof containmentByType] as string[] | undefined;
      return allowed ? containmentChoice.options.filter((option) => allowed.includes(option.value)) : containmentChoice.options;
    },
    help: "The options depend on the type of incident.",
  },
  { path: "containmentConstraints", step: "response", label: "Constraints on containment", widget: "textarea", placeholder: "Checkout must stay up during the Black Friday sale." },
  {
    path: "evidencePreservation",
    step: "response",
    label: "Evidence to preserve",
    widget: "multiselect",
    options: evidenceChoice.options,
    computedDefault: (values) => (values.incidentType === "security" ? ["disk-snapshots", "log-hold", "chain-of-custody", "timeline"] : ["timeline"]),
  },

  { path: "audiences", step: "communication", label: "Who must be told", widget: "multiselect", required: true, options: audienceChoice.options },
  { path: "regulatoryRegimes", step: "communication", label: "Regulatory regimes", widget: "multiselect", required: true, options: regimeChoice.options, showWhen: isRegulatorAudience },
  {
    path: "regulatoryDeadlineHours",
    step: "communication",
    label: "Notify regulators within",
    widget: "number",
    unit: "hours",
    required: true,
    min: 1,
    showWhen: isRegulatorAudience,
    computedDefault: (values) => strictestDeadlineHours(Array.isArray(values.regulatoryRegimes) ? (values.regulatoryRegimes as string[]) : []) ?? 72,
    help: "Defaults to the strictest chosen regime, e.g. 72 hours for GDPR.",
  },
  {
    path: "updateCadenceMinutes",
    step: "communication",
    label: "Status updates every",
    widget: "number",
    unit: "minutes",
    required: true,
    min: 15,
    computedDefault: (values) => ({ sev1: 30, sev2: 60, sev3: 240, sev4: 1440 })[values.severity as string] ?? 60,
  },
  { path: "incidentCommander", step: "communication", label: "Incident commander", widget: "text", placeholder: "Who leads, if already assigned" },
  { path: "notes", step: "communication", label: "Anything else the responder should know", widget: "textarea" },
];

export const incidentResponderInitialValues: FormValues = {
  incidentType: "security",
  summary: "",
  severity: "sev2",
  detectedAt: "",
  affectedSystems: [],
  dataAffected: ["unknown"],
  ongoing: true,
  containmentOptions: [],
  evidencePreservation: [],
  audiences: ["internal"],
};

export const incidentResponderExample: IncidentResponderInput = {
  incidentType: "security",
  summary: "Outbound connections from two payment workers to an unknown host after a leaked CI token was used.",
  detectionSource: "siem",
  severity: "sev1",
  detectedAt: "2026-11-28 14:05 UTC",
  affectedSystems: ["payment-worker", "ci-runner", "orders-db"],
  dataAffected: ["personal", "credentials"],
  ongoing: true,
  containmentOptions: ["isolate-hosts", "revoke-credentials", "block-indicators"],
  containmentConstraints: "Checkout must keep taking payments: isolate workers one at a time.",
  evidencePreservation: ["memory-capture", "disk-snapshots", "log-hold", "chain-of-custody", "timeline"],
  audiences: ["internal", "customers", "regulators"],
  regulatoryRegimes: ["gdpr"],
  regulatoryDeadlineHours: 72,
  updateCadenceMinutes: 30,
  incidentCommander: "Dana Whitfield",
};

export function incidentResponderTitle(input: IncidentResponderRequirements): string {
  const severity = input.severity.toUpperCase();
  return `${severity} ${input.incidentType} incident: ${input.summary.length > 60 ? `${input.summary.slice(0, 57)}…` : input.summary}`;
}
