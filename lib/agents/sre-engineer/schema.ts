// The sre-engineer's requirements: a service's SLIs and objectives, alert routes, error-budget policy,
// toil inventory and on-call rotation: the inputs for SLO specs, burn-rate alerts and a toil plan.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { FieldMeta, FormStep, FormValues } from "@/lib/agents/types";
import { choices, decimal, dnsLabel, issueAt, optionalText, percentage, requiredText, wholeNumber } from "@/lib/agents/shared/fields";

export const sliKindChoice = choices(
  {
    availability: { label: "Availability", description: "Good events over all events, from two metric queries" },
    latency: { label: "Latency", description: "Share of requests faster than a threshold" },
  },
  "Choose the kind of SLI",
);
export const windowChoice = choices(
  { "7d": "7 days", "28d": "28 days (four whole weeks)", "30d": "30 days" },
  "Choose the SLO window",
);
export const pageToolChoice = choices({ pagerduty: "PagerDuty", opsgenie: "Opsgenie", "grafana-oncall": "Grafana OnCall" }, "Choose where pages go");
export const ticketToolChoice = choices(
  { jira: "Jira", "github-issues": "GitHub Issues", servicenow: "ServiceNow", slack: "Slack channel" },
  "Choose where tickets go",
);

/** Hours of work a person has in a week: the denominator of the toil share. */
export const workHoursPerPersonWeek = 40;
/** The seed's cap: toil stays under half of the team's time. */
export const toilCapPercent = 50;

const sliSchema = z.object({
  name: dnsLabel("SLI name", 40),
  kind: sliKindChoice.schema,
  goodQuery: text().trim().max(2000, "Keep the query under 2000 characters").optional(),
  totalQuery: text().trim().max(2000, "Keep the query under 2000 characters").optional(),
  latencyQuery: text().trim().max(2000, "Keep the query under 2000 characters").optional(),
  thresholdMs: wholeNumber("latency threshold", 1, 600_000).optional(),
  objectivePercent: percentage("objective", 90, 99.999),
});
const toilSchema = z.object({
  task: text({ error: "Describe the task" }).trim().min(1, { error: "Describe the task", abort: true }).max(200, "Keep it under 200 characters").regex(/\S/, "Describe the task"),
  hoursPerWeek: decimal("hours per week", 0.1, 400),
  automatable: z.boolean(),
});

export const sreEngineerSchema = z
  .object({
    serviceName: dnsLabel("service name", 60),
    userJourney: requiredText("Describe the user journey the SLOs protect", 300),
    slis: z.array(sliSchema, { error: "Add the SLIs" }).min(1, "Add at least one SLI").max(10, "Add at most 10 SLIs"),
    window: windowChoice.schema,

    pageTool: pageToolChoice.schema,
    pageTarget: requiredText("Enter the escalation policy or service that is paged", 200),
    ticketTool: ticketToolChoice.schema,
    ticketTarget: requiredText("Enter the project, repository or channel for tickets", 200),

    freezeThresholdPercent: percentage("freeze threshold", 10, 100),
    toil: z.array(toilSchema).max(30, "List at most 30 toil tasks"),
    onCallRotationSize: wholeNumber("on-call rotation size", 2, 50),
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    input.slis.forEach((sli, index) => {
      if (input.slis.findIndex((other) => other.name === sli.name) !== index) issueAt(context, ["slis", index, "name"], `The SLI "${sli.name}" is listed twice`);
      if (sli.kind === "availability") {
        if (!sli.goodQuery) issueAt(context, ["slis", index, "goodQuery"], "Enter the query that counts good events");
        if (!sli.totalQuery) issueAt(context, ["slis", index, "totalQuery"], "Enter the query that counts all events");
        if (sli.goodQuery && sli.goodQuery === sli.totalQuery) {
          issueAt(context, ["slis", index, "totalQuery"], "The total query is the same as the good query: the SLI would always be 100%");
        }
      } else {
        if (!sli.latencyQuery) issueAt(context, ["slis", index, "latencyQuery"], "Enter the latency histogram metric, e.g. http_request_duration_seconds_bucket");
        if (sli.thresholdMs === undefined) issueAt(context, ["slis", index, "thresholdMs"], "Enter the latency threshold");
      }
    });
    input.toil.forEach((task, index) => {
      if (input.toil.findIndex((other) => other.task.toLowerCase() === task.task.toLowerCase()) !== index) issueAt(context, ["toil", index, "task"], "This task is listed twice");
    });
    const toilHours = input.toil.reduce((sum, task) => sum + task.hoursPerWeek, 0);
    const capacity = input.onCallRotationSize * workHoursPerPersonWeek;
    const share = (toilHours / capacity) * 100;
    if (share > toilCapPercent) {
      issueAt(
        context,
        ["toil"],
        `Toil takes ${Math.round(share)}% of the team's time (${toilHours} of ${capacity} hours a week), above the ${toilCapPercent}% cap: automate some of it or grow the rotation`,
      );
    }
  });

export type SreEngineerInput = z.input<typeof sreEngineerSchema>;
export type SreEngineerRequirements = z.output<typeof sreEngineerSchema>;

export const sreEngineerSteps: FormStep[] = [
  { id: "service", title: "Service", description: "The service and the user journey its objectives protect." },
  { id: "slis", title: "SLIs & objectives", description: "What is measured, the objective and the window." },
  { id: "alerting", title: "Alerting", description: "Where urgent pages and slower tickets go." },
  { id: "operations", title: "Error budget & toil", description: "The freeze policy, toil inventory and on-call rotation." },
];

const isAvailability = (item: FormValues) => item.kind === "availability";
const isLatency = (item: FormValues) => item.kind === "latency";

export const sreEngineerFields: FieldMeta[] = [
  { path: "serviceName", step: "service", label: "Service", widget: "text", required: true, placeholder: "checkout-api" },
  { path: "userJourney", step: "service", label: "User journey", widget: "textarea", required: true, placeholder: "A customer pays for their basket and sees the confirmation." },
  {
    path: "slis",
    step: "slis",
    label: "SLIs",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 10,
    addLabel: "Add an SLI",
    newItem: () => ({ name: "", kind: "availability", objectivePercent: 99.9 }),
    help: "Availability as good events over all events; latency as the share of requests under a threshold.",
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "checkout-availability" },
      { path: "kind", label: "Kind", widget: "select", required: true, options: sliKindChoice.options },
      {
        path: "goodQuery",
        label: "Good events query",
        widget: "textarea",
        required: true,
        placeholder: 'sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m]))',
        showWhen: isAvailability,
      },
      { path: "totalQuery", label: "All events query", widget: "textarea", required: true, placeholder: 'sum(rate(http_requests_total{job="checkout"}[5m]))', showWhen: isAvailability },
      { path: "latencyQuery", label: "Latency histogram metric", widget: "text", required: true, placeholder: 'http_request_duration_seconds_bucket{job="checkout"}', showWhen: isLatency },
      { path: "thresholdMs", label: "Threshold", widget: "number", unit: "ms", required: true, min: 1, showWhen: isLatency, computedDefault: () => 300 },
      { path: "objectivePercent", label: "Objective", widget: "number", unit: "%", numberStep: 0.01, required: true, min: 90, max: 99.999 },
    ],
  },
  { path: "window", step: "slis", label: "Window", widget: "radio", required: true, options: windowChoice.options, help: "Error budgets are counted over this rolling window." },

  { path: "pageTool", step: "alerting", label: "Pages go to", widget: "select", required: true, options: pageToolChoice.options, help: "Fast burn: the budget would be gone within days." },
  { path: "pageTarget", step: "alerting", label: "Escalation policy", widget: "text", required: true, placeholder: "payments-primary" },
  { path: "ticketTool", step: "alerting", label: "Tickets go to", widget: "select", required: true, options: ticketToolChoice.options, help: "Slow burn: worth fixing this week, not tonight." },
  { path: "ticketTarget", step: "alerting", label: "Project or channel", widget: "text", required: true, placeholder: "PAY" },

  {
    path: "freezeThresholdPercent",
    step: "operations",
    label: "Freeze features when this much of the budget is spent",
    widget: "number",
    unit: "%",
    required: true,
    min: 10,
    max: 100,
    help: "Past it, only reliability work ships until the budget recovers.",
  },
  {
    path: "toil",
    step: "operations",
    label: "Toil inventory",
    widget: "group",
    minItems: 0,
    maxItems: 30,
    addLabel: "Add a task",
    newItem: () => ({ task: "", hoursPerWeek: 1, automatable: true }),
    help: "Manual, repetitive work; it must stay under 50% of the team's time.",
    itemFields: [
      { path: "task", label: "Task", widget: "text", required: true, placeholder: "Rotate TLS certificates by hand" },
      { path: "hoursPerWeek", label: "Hours per week", widget: "number", unit: "h", numberStep: 0.5, required: true, min: 0.1 },
      { path: "automatable", label: "Could be automated", widget: "checkbox" },
    ],
  },
  { path: "onCallRotationSize", step: "operations", label: "People in the on-call rotation", widget: "number", required: true, min: 2, max: 50, help: "Six to eight people keep on-call sustainable." },
  { path: "notes", step: "operations", label: "Anything else the SRE should know", widget: "textarea" },
];

export const sreEngineerInitialValues: FormValues = {
  serviceName: "",
  userJourney: "",
  slis: [
    { name: "availability", kind: "availability", goodQuery: "", totalQuery: "", objectivePercent: 99.9 },
    { name: "latency", kind: "latency", latencyQuery: "", thresholdMs: 300, objectivePercent: 99 },
  ],
  window: "28d",
  pageTool: "pagerduty",
  ticketTool: "jira",
  freezeThresholdPercent: 100,
  toil: [],
  onCallRotationSize: 6,
};

export const sreEngineerExample: SreEngineerInput = {
  serviceName: "checkout-api",
  userJourney: "A customer pays for their basket and sees the order confirmation.",
  slis: [
    {
      name: "checkout-availability",
      kind: "availability",
      goodQuery: 'sum(rate(http_requests_total{job="checkout-api",code!~"5.."}[5m]))',
      totalQuery: 'sum(rate(http_requests_total{job="checkout-api"}[5m]))',
      objectivePercent: 99.95,
    },
    {
      name: "checkout-latency",
      kind: "latency",
      latencyQuery: 'http_request_duration_seconds_bucket{job="checkout-api",route="/checkout"}',
      thresholdMs: 400,
      objectivePercent: 99,
    },
  ],
  window: "28d",
  pageTool: "pagerduty",
  pageTarget: "payments-primary",
  ticketTool: "jira",
  ticketTarget: "PAY",
  freezeThresholdPercent: 100,
  toil: [
    { task: "Replay failed payment webhooks", hoursPerWeek: 4, automatable: true },
    { task: "Rotate PSP API credentials", hoursPerWeek: 1, automatable: true },
    { task: "Answer merchant reconciliation questions", hoursPerWeek: 6, automatable: false },
  ],
  onCallRotationSize: 6,
};

export function sreEngineerTitle(input: SreEngineerRequirements): string {
  const objectives = input.slis.map((sli) => `${sli.objectivePercent}%`).join(" / ");
  return `${input.serviceName} SLOs (${objectives} over ${windowChoice.label(input.window).replace(/ \(.*\)$/, "")})`;
}
