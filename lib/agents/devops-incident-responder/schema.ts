// The devops-incident-responder's requirements: the symptom and its numbers, when it started, what changed,
// what the service depends on, where to look, and whether remediation may run by itself.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { FieldMeta, FormStep, FormValues } from "@/lib/agents/types";
import { choices, dateTime, decimal, dnsLabel, httpUrl, issueAt, optionalText, parseDateTime, pickMany, requiredText, wholeNumber } from "@/lib/agents/shared/fields";

export const environmentChoice = choices({ production: "Production", staging: "Staging" }, "Choose the environment");
export const symptomChoice = choices(
  {
    latency: { label: "Latency", description: "Requests are slower than normal" },
    errors: { label: "Errors", description: "More requests fail than normal" },
    saturation: { label: "Saturation", description: "A resource is running out" },
    outage: { label: "Outage", description: "The service does not answer at all" },
  },
  "Choose the symptom",
);
export const resourceChoice = choices(
  { cpu: "CPU", memory: "Memory", disk: "Disk space or I/O", connections: "Connection pool", queue: "Queue depth", threads: "Threads / workers" },
  "Choose the saturated resource",
);
export const changeKindChoice = choices(
  { deploy: "Deployment", config: "Configuration change", infrastructure: "Infrastructure change", "feature-flag": "Feature flag", dependency: "Dependency upgrade", traffic: "Traffic change (campaign, launch)" },
  "Choose the kind of change",
);
export const dependencyKindChoice = choices(
  { database: "Database", cache: "Cache", queue: "Queue / stream", service: "Internal service", "third-party": "Third-party API", dns: "DNS / CDN" },
  "Choose the kind of dependency",
);
export const healthChoice = choices({ healthy: "Healthy", degraded: "Degraded", down: "Down", unknown: "Unknown" }, "Choose its health");
export const observabilityChoice = choices(
  {
    "prometheus-grafana": "Prometheus + Grafana",
    datadog: "Datadog",
    elk: "ELK (Elasticsearch, Logstash, Kibana)",
    "new-relic": "New Relic",
    cloudwatch: "Amazon CloudWatch",
  },
  "Choose the observability stack",
);
export const remediationChoice = choices(
  {
    "restart-pods": "Restart unhealthy pods",
    "scale-out": "Scale out",
    "rollback-deploy": "Roll back the last deployment",
    "toggle-flag": "Turn off the last feature flag",
    failover: "Fail over to the standby",
    "clear-cache": "Flush the cache",
  },
  "Choose the actions allowed",
);

const changeSchema = z.object({
  kind: changeKindChoice.schema,
  description: text({ error: "Describe the change" }).trim().min(1, { error: "Describe the change", abort: true }).max(300, "Keep it under 300 characters").regex(/\S/, "Describe the change"),
  at: dateTime("change time"),
});
const dependencySchema = z.object({
  name: dnsLabel("dependency name", 60),
  kind: dependencyKindChoice.schema,
  health: healthChoice.schema,
});

export const devopsIncidentResponderSchema = z
  .object({
    service: dnsLabel("service name", 60),
    environment: environmentChoice.schema,
    symptom: symptomChoice.schema,
    impact: requiredText("Describe who is affected and how", 500),
    startedAt: dateTime("start time"),
    currentP99Ms: wholeNumber("current p99 latency", 1, 600_000).optional(),
    normalP99Ms: wholeNumber("normal p99 latency", 1, 600_000).optional(),
    errorRatePercent: decimal("error rate", 0.01, 100, "%").optional(),
    saturatedResource: resourceChoice.schema.optional(),

    recentChanges: z.array(changeSchema).max(20, "List at most 20 changes"),
    dependencies: z.array(dependencySchema).max(30, "List at most 30 dependencies"),

    observabilityStack: observabilityChoice.schema,
    dashboardUrl: httpUrl("dashboard").optional(),
    autoRemediationAllowed: z.boolean(),
    allowedActions: pickMany(remediationChoice.schema, "Choose the actions allowed", 0).optional(),
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    if (input.symptom === "latency") {
      if (input.currentP99Ms === undefined) issueAt(context, ["currentP99Ms"], "Enter the current p99 latency");
      if (input.normalP99Ms === undefined) issueAt(context, ["normalP99Ms"], "Enter the normal p99 latency");
      if (input.currentP99Ms !== undefined && input.normalP99Ms !== undefined && input.currentP99Ms <= input.normalP99Ms) {
        issueAt(context, ["currentP99Ms"], `The current p99 (${input.currentP99Ms} ms) is not above normal (${input.normalP99Ms} ms): is latency the symptom?`);
      }
    }
    if (input.symptom === "errors" && input.errorRatePercent === undefined) issueAt(context, ["errorRatePercent"], "Enter the current error rate");
    if (input.symptom === "saturation" && !input.saturatedResource) issueAt(context, ["saturatedResource"], "Choose the saturated resource");

    const started = parseDateTime(input.startedAt);
    input.recentChanges.forEach((change, index) => {
      const at = parseDateTime(change.at);
      if (started !== undefined && at !== undefined && at > started) {
        issueAt(context, ["recentChanges", index, "at"], "This change came after the symptom started, so it cannot be its cause; put mitigations in the notes");
      }
    });
    input.dependencies.forEach((dependency, index) => {
      if (input.dependencies.findIndex((other) => other.name === dependency.name) !== index) issueAt(context, ["dependencies", index, "name"], `"${dependency.name}" is listed twice`);
    });

    if (input.autoRemediationAllowed) {
      const actions = input.allowedActions ?? [];
      if (actions.length === 0) issueAt(context, ["allowedActions"], "Choose at least one action that may run automatically");
      if (actions.includes("rollback-deploy") && !input.recentChanges.some((change) => change.kind === "deploy")) {
        issueAt(context, ["allowedActions"], "There is no recent deployment to roll back: list it under recent changes, or untick the rollback");
      }
      if (actions.includes("toggle-flag") && !input.recentChanges.some((change) => change.kind === "feature-flag")) {
        issueAt(context, ["allowedActions"], "There is no recent feature flag to turn off: list it under recent changes, or untick it");
      }
    }
  });

export type DevopsIncidentResponderInput = z.input<typeof devopsIncidentResponderSchema>;
export type DevopsIncidentResponderRequirements = z.output<typeof devopsIncidentResponderSchema>;

export const devopsIncidentResponderSteps: FormStep[] = [
  { id: "symptom", title: "Symptom", description: "What is wrong, since when, and how bad." },
  { id: "context", title: "Changes & dependencies", description: "What changed recently and what the service relies on." },
  { id: "tools", title: "Tools & remediation", description: "Where the signals are and what may be done automatically." },
];

const whenSymptom = (symptom: string) => (values: FormValues) => values.symptom === symptom;

export const devopsIncidentResponderFields: FieldMeta[] = [
  { path: "service", step: "symptom", label: "Service", widget: "text", required: true, placeholder: "checkout-api" },
  { path: "environment", step: "symptom", label: "Environment", widget: "radio", required: true, options: environmentChoice.options },
  { path: "symptom", step: "symptom", label: "Symptom", widget: "radio", required: true, options: symptomChoice.options },
  { path: "impact", step: "symptom", label: "Impact", widget: "textarea", required: true, placeholder: "About 8% of checkouts fail with 502 in the EU." },
  { path: "startedAt", step: "symptom", label: "Started at", widget: "text", required: true, placeholder: "2026-11-28 14:05 UTC", help: "UTC unless you add an offset such as +01:00." },
  { path: "currentP99Ms", step: "symptom", label: "Current p99 latency", widget: "number", unit: "ms", required: true, min: 1, showWhen: whenSymptom("latency") },
  { path: "normalP99Ms", step: "symptom", label: "Normal p99 latency", widget: "number", unit: "ms", required: true, min: 1, showWhen: whenSymptom("latency") },
  { path: "errorRatePercent", step: "symptom", label: "Current error rate", widget: "number", unit: "%", numberStep: 0.01, required: true, min: 0.01, max: 100, showWhen: whenSymptom("errors") },
  { path: "saturatedResource", step: "symptom", label: "Saturated resource", widget: "select", required: true, options: resourceChoice.options, showWhen: whenSymptom("saturation") },

  {
    path: "recentChanges",
    step: "context",
    label: "Recent changes",
    widget: "group",
    minItems: 0,
    maxItems: 20,
    addLabel: "Add a change",
    newItem: (values) => ({ kind: "deploy", description: "", at: typeof values.startedAt === "string" ? values.startedAt : "" }),
    help: "Deployments, config and infrastructure changes before the symptom started: the usual suspects.",
    itemFields: [
      { path: "kind", label: "Kind", widget: "select", required: true, options: changeKindChoice.options },
      { path: "description", label: "What changed", widget: "text", required: true, placeholder: "checkout-api 1.4.2 → 1.4.3" },
      { path: "at", label: "When", widget: "text", required: true, placeholder: "2026-11-28 13:50 UTC" },
    ],
  },
  {
    path: "dependencies",
    step: "context",
    label: "Dependencies",
    widget: "group",
    minItems: 0,
    maxItems: 30,
    addLabel: "Add a dependency",
    newItem: () => ({ name: "", kind: "service", health: "unknown" }),
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "orders-db" },
      { path: "kind", label: "Kind", widget: "select", required: true, options: dependencyKindChoice.options },
      { path: "health", label: "Health now", widget: "select", required: true, options: healthChoice.options },
    ],
  },

  { path: "observabilityStack", step: "tools", label: "Observability stack", widget: "select", required: true, options: observabilityChoice.options },
  { path: "dashboardUrl", step: "tools", label: "Main dashboard", widget: "text", placeholder: "https://grafana.example.com/d/checkout" },
  { path: "autoRemediationAllowed", step: "tools", label: "Automatic remediation is allowed", widget: "checkbox", help: "Otherwise the responder proposes actions and a person runs them." },
  {
    path: "allowedActions",
    step: "tools",
    label: "Actions that may run automatically",
    widget: "multiselect",
    required: true,
    options: remediationChoice.options,
    showWhen: (values) => values.autoRemediationAllowed === true,
  },
  { path: "notes", step: "tools", label: "Anything else the responder should know", widget: "textarea" },
];

export const devopsIncidentResponderInitialValues: FormValues = {
  service: "",
  environment: "production",
  impact: "",
  startedAt: "",
  recentChanges: [],
  dependencies: [],
  observabilityStack: "prometheus-grafana",
  autoRemediationAllowed: false,
};

export const devopsIncidentResponderExample: DevopsIncidentResponderInput = {
  service: "checkout-api",
  environment: "production",
  symptom: "latency",
  impact: "Checkout p99 is four times normal in eu-west-1; about 3% of payments time out.",
  startedAt: "2026-11-28 14:05 UTC",
  currentP99Ms: 2400,
  normalP99Ms: 600,
  recentChanges: [
    { kind: "deploy", description: "checkout-api 1.4.2 → 1.4.3 (new fraud-score call)", at: "2026-11-28 13:48 UTC" },
    { kind: "config", description: "orders-db connection pool 50 → 30", at: "2026-11-28 11:20 UTC" },
  ],
  dependencies: [
    { name: "orders-db", kind: "database", health: "degraded" },
    { name: "fraud-score", kind: "service", health: "healthy" },
    { name: "stripe", kind: "third-party", health: "healthy" },
  ],
  observabilityStack: "prometheus-grafana",
  dashboardUrl: "https://grafana.acme.example/d/checkout-overview",
  autoRemediationAllowed: true,
  allowedActions: ["scale-out", "rollback-deploy"],
};

export function devopsIncidentResponderTitle(input: DevopsIncidentResponderRequirements): string {
  return `${symptomChoice.label(input.symptom)} on ${input.service} (${input.environment}) since ${input.startedAt}`;
}
