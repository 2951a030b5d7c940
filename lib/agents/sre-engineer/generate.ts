// The sre-engineer's generator: OpenSLO v1 documents, a Sloth prometheus/v1 spec with its alert windows,
// a Prometheus rule file (recording rules and multiwindow, multi-burn-rate alerts), an error-budget policy
// and the allowed bad minutes per window. The burn-rate method is the Google SRE Workbook's (chapter 5).
import type { Artifact, GeneratorResult, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { markdownText, prometheusTemplateText } from "@/lib/agents/shared/escape";
import { decimalText, escapedCell, groupedInteger, hoursText, markdownDocument, minutesText, trustedTable, yamlDocument, yamlDocuments } from "@/lib/agents/shared/yaml-artifact";
import {
  pageToolChoice,
  ticketToolChoice,
  toilCapPercent,
  workHoursPerPersonWeek,
  type SreEngineerRequirements,
} from "./schema";

type Sli = SreEngineerRequirements["slis"][number];
type SloWindow = SreEngineerRequirements["window"];

const periodDays: Record<SloWindow, number> = { "7d": 7, "28d": 28, "30d": 30 };

/**
 * The four alert conditions of the multiwindow, multi-burn-rate method: an alert fires when both the long
 * and the short window burn faster than factor = budget share × period hours ÷ long-window hours, i.e.
 * when `share` of the whole period's budget would be spent within the long window.
 */
export const burnConditions = [
  { severity: "page", speed: "fast", share: 0.02, longWindow: "1h", shortWindow: "5m", longHours: 1 },
  { severity: "page", speed: "slow", share: 0.05, longWindow: "6h", shortWindow: "30m", longHours: 6 },
  { severity: "ticket", speed: "fast", share: 0.1, longWindow: "1d", shortWindow: "2h", longHours: 24 },
  { severity: "ticket", speed: "slow", share: 0.1, longWindow: "3d", shortWindow: "6h", longHours: 72 },
] as const;

type BurnCondition = (typeof burnConditions)[number];

/** The burn-rate factor of a condition for an SLO period: 14.4 / 6 / 3 / 1 for 30 days. */
export function burnFactor(condition: BurnCondition, window: SloWindow): number {
  return (condition.share * periodDays[window] * 24) / condition.longHours;
}

/** The windows the recording rules compute: every long and short window of the alerts. */
const recordedWindows = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;

/** 1 − objective, without binary floating-point noise (99.95 → 0.0005). */
function errorBudget(sli: Sli): number {
  return Number(((100 - sli.objectivePercent) / 100).toPrecision(12));
}

function objectiveRatio(sli: Sli): number {
  return Number((sli.objectivePercent / 100).toPrecision(12));
}

function pascalCase(name: string): string {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

// A PromQL range selector such as [5m] or [1h30m] (not a subquery [5m:1m]).
const rangeSelector = /\[((?:\d+(?:ms|[smhdwy]))+)\]/g;

/** The query with every range selector set to the window, or undefined when it has none to rewrite. */
function rewindow(query: string, window: string): string | undefined {
  if (!new RegExp(rangeSelector.source).test(query)) return undefined;
  return query.replace(rangeSelector, `[${window}]`);
}

// metric_name or metric_name{matchers}: the form the latency field asks for.
const selectorPattern = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?$/s;
const embeddedBucketSelector = /([a-zA-Z_:][a-zA-Z0-9_:]*_bucket)\s*(?:\{([^{}]*)\})?/;

/** Splits a histogram selector into its metric name and label matchers. */
function histogramSelector(query: string): { metric: string; matchers: string } {
  const trimmed = query.trim();
  const match = selectorPattern.exec(trimmed) ?? embeddedBucketSelector.exec(trimmed);
  if (!match) return { metric: "http_request_duration_seconds_bucket", matchers: "" };
  return { metric: match[1], matchers: (match[2] ?? "").trim().replace(/,\s*$/, "") };
}

/** The histogram bucket boundary for a threshold: `le` is in seconds, as Prometheus clients write it. */
function bucketBoundary(thresholdMs: number): string {
  return String(Number((thresholdMs / 1000).toPrecision(12)));
}

function bucketSelector(sli: Sli, le: string): string {
  const { metric, matchers } = histogramSelector(sli.latencyQuery ?? "");
  return `${metric}{${matchers ? `${matchers}, ` : ""}le="${le}"}`;
}

/** The good and total event queries of an SLI for a window, or undefined when they cannot be re-windowed. */
function eventQueries(sli: Sli, window: string): { good: string; total: string } | undefined {
  if (sli.kind === "latency") {
    const le = bucketBoundary(sli.thresholdMs ?? 0);
    return { good: `sum(rate(${bucketSelector(sli, le)}[${window}]))`, total: `sum(rate(${bucketSelector(sli, "+Inf")}[${window}]))` };
  }
  const good = rewindow(sli.goodQuery ?? "", window);
  const total = rewindow(sli.totalQuery ?? "", window);
  return good !== undefined && total !== undefined ? { good, total } : undefined;
}

function selectorLabels(service: string, sli: Sli): string {
  return `service="${service}", slo="${sli.name}"`;
}

interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}

function recordingRules(input: SreEngineerRequirements, sli: Sli): RecordingRule[] {
  const labels = { service: input.serviceName, slo: sli.name };
  const selector = selectorLabels(input.serviceName, sli);
  const rules: RecordingRule[] = recordedWindows.map((window) => {
    const queries = eventQueries(sli, window);
    // A query without a range selector (e.g. an already recorded rate) cannot be re-windowed: the 5m
    // ratio is taken from it as written and the longer windows average that ratio over time.
    const expr = queries
      ? `1 - (\n  (${queries.good})\n  /\n  (${queries.total})\n)`
      : window === "5m"
        ? `1 - (\n  (${sli.goodQuery})\n  /\n  (${sli.totalQuery})\n)`
        : `avg_over_time(slo:sli_error:ratio_rate5m{${selector}}[${window}])`;
    return { record: `slo:sli_error:ratio_rate${window}`, expr, labels };
  });
  const period = input.window;
  rules.push(
    { record: "slo:objective:ratio", expr: String(objectiveRatio(sli)), labels },
    { record: "slo:error_budget:ratio", expr: String(errorBudget(sli)), labels },
    {
      record: `slo:sli_error:ratio_rate${period}`,
      expr: `avg_over_time(slo:sli_error:ratio_rate5m{${selector}}[${period}])`,
      labels,
    },
    {
      record: "slo:period_error_budget_remaining:ratio",
      expr: `1 - (\n  slo:sli_error:ratio_rate${period}{${selector}}\n  /\n  on(service, slo) slo:error_budget:ratio{${selector}}\n)`,
      labels,
    },
  );
  return rules;
}

function burnExpression(input: SreEngineerRequirements, sli: Sli, conditions: BurnCondition[]): string {
  const selector = selectorLabels(input.serviceName, sli);
  const budget = decimalText(errorBudget(sli), 8);
  return conditions
    .map((condition) => {
      const factor = decimalText(burnFactor(condition, input.window));
      return [
        "(",
        `  slo:sli_error:ratio_rate${condition.longWindow}{${selector}} > (${factor} * ${budget})`,
        "  and",
        `  slo:sli_error:ratio_rate${condition.shortWindow}{${selector}} > (${factor} * ${budget})`,
        ")",
      ].join("\n");
    })
    .join("\nor\n");
}

function sliDescription(sli: Sli): string {
  return sli.kind === "availability"
    ? `${sli.objectivePercent}% of requests succeed`
    : `${sli.objectivePercent}% of requests complete within ${groupedInteger(sli.thresholdMs ?? 0)} ms`;
}

function alertingRules(input: SreEngineerRequirements, sli: Sli) {
  const name = `${pascalCase(sli.name)}ErrorBudgetBurn`;
  const journey = prometheusTemplateText(input.userJourney);
  const page = burnConditions.filter((condition) => condition.severity === "page");
  const ticket = burnConditions.filter((condition) => condition.severity === "ticket");
  const factors = (conditions: BurnCondition[]) => conditions.map((condition) => `${decimalText(burnFactor(condition, input.window))}x over ${condition.longWindow}`).join(" or ");
  return [
    {
      alert: name,
      expr: burnExpression(input, sli, page),
      labels: { severity: "page", service: input.serviceName, slo: sli.name, notify: input.pageTool, escalation: prometheusTemplateText(input.pageTarget) },
      annotations: {
        summary: `${input.serviceName}: ${sli.name} is burning its error budget fast`,
        description: `The error rate of ${sli.name} ({{ $value | humanizePercentage }}) burns the ${input.window} budget at ${factors(page)}; at this pace it is gone within days. Journey at risk: ${journey}`,
      },
    },
    {
      alert: name,
      expr: burnExpression(input, sli, ticket),
      labels: { severity: "ticket", service: input.serviceName, slo: sli.name, notify: input.ticketTool, ticket_target: prometheusTemplateText(input.ticketTarget) },
      annotations: {
        summary: `${input.serviceName}: ${sli.name} is burning its error budget steadily`,
        description: `The error rate of ${sli.name} ({{ $value | humanizePercentage }}) burns the ${input.window} budget at ${factors(ticket)}; fix it in working hours. Journey at risk: ${journey}`,
      },
    },
  ];
}

function ruleFile(input: SreEngineerRequirements): string {
  const groups = input.slis.flatMap((sli) => [
    { name: `slo-${input.serviceName}-${sli.name}-recordings`, interval: "30s", rules: recordingRules(input, sli) },
    { name: `slo-${input.serviceName}-${sli.name}-alerts`, rules: alertingRules(input, sli) },
  ]);
  return yamlDocument({ groups }, [
    `Prometheus rules for the SLOs of ${input.serviceName} (rolling ${periodDays[input.window]}-day window).`,
    "Recording rules: error ratio per alert window; alerts: multiwindow, multi-burn-rate (Google SRE Workbook, ch. 5).",
    "Check with: promtool check rules <this file>",
  ]);
}

function openSloDocument(input: SreEngineerRequirements, sli: Sli): string {
  const metricSource = (query: string) => ({ metricSource: { type: "Prometheus", spec: { query } } });
  const queries = eventQueries(sli, "5m");
  const good = queries?.good ?? sli.goodQuery ?? "";
  const total = queries?.total ?? sli.totalQuery ?? "";
  const documents = [
    {
      apiVersion: "openslo/v1",
      kind: "SLO",
      metadata: { name: sli.name, displayName: `${input.serviceName} ${sli.name}` },
      spec: {
        description: `${sliDescription(sli)} over a rolling ${periodDays[input.window]}-day window. Journey: ${input.userJourney}`,
        service: input.serviceName,
        indicator: {
          metadata: { name: `${sli.name}-sli` },
          spec: { ratioMetric: { counter: false, good: metricSource(good), total: metricSource(total) } },
        },
        timeWindow: [{ duration: input.window, isRolling: true }],
        budgetingMethod: "Occurrences",
        objectives: [{ displayName: sliDescription(sli), target: objectiveRatio(sli) }],
      },
    },
  ];
  return yamlDocuments(documents, [`OpenSLO v1 SLO for ${input.serviceName}: ${sli.name}.`, "The queries are per-second rates over 5 minutes (counter: false)."]);
}

function openSloService(input: SreEngineerRequirements): string {
  return yamlDocument(
    { apiVersion: "openslo/v1", kind: "Service", metadata: { name: input.serviceName, displayName: input.serviceName }, spec: { description: input.userJourney } },
    [`OpenSLO v1 Service that the SLOs of ${input.serviceName} belong to.`],
  );
}

function slothWindow(sli: Sli, kind: "good" | "total"): string {
  const queries = eventQueries(sli, "{{.window}}");
  if (queries) return queries[kind];
  // Without a range selector Sloth cannot re-window the query; it is used as written.
  return (kind === "good" ? sli.goodQuery : sli.totalQuery) ?? "";
}

function slothSpec(input: SreEngineerRequirements): string {
  const spec = {
    version: "prometheus/v1",
    service: input.serviceName,
    labels: { service: input.serviceName },
    slos: input.slis.map((sli) => ({
      name: sli.name,
      objective: sli.objectivePercent,
      description: `${sliDescription(sli)}. Journey: ${input.userJourney}`,
      sli: { events: { error_query: `(\n  ${slothWindow(sli, "total")}\n)\n-\n(\n  ${slothWindow(sli, "good")}\n)`, total_query: slothWindow(sli, "total") } },
      alerting: {
        name: `${pascalCase(sli.name)}ErrorBudgetBurn`,
        labels: { service: input.serviceName, slo: sli.name },
        annotations: { summary: prometheusTemplateText(`${input.serviceName}: ${sli.name} is burning its error budget`) },
        page_alert: { labels: { severity: "page", notify: input.pageTool, escalation: prometheusTemplateText(input.pageTarget) } },
        ticket_alert: { labels: { severity: "ticket", notify: input.ticketTool, ticket_target: prometheusTemplateText(input.ticketTarget) } },
      },
    })),
  };
  const fixedWindow = input.slis.filter((sli) => sli.kind === "availability" && eventQueries(sli, "5m") === undefined).map((sli) => sli.name);
  return yamlDocument(spec, [
    `Sloth spec for ${input.serviceName}. Generate the rules with:`,
    `  sloth generate -i ${input.serviceName}.yaml --default-slo-period=${input.window} --slo-period-windows-path=windows/`,
    ...(fixedWindow.length
      ? [`${fixedWindow.join(", ")}: the queries have no range selector, so every window uses them as written; prefer raw counters with [{{.window}}].`]
      : []),
  ]);
}

function slothWindows(input: SreEngineerRequirements): string {
  const entry = (condition: BurnCondition) => ({
    errorBudgetPercent: condition.share * 100,
    shortWindow: condition.shortWindow,
    longWindow: condition.longWindow,
  });
  const [pageFast, pageSlow, ticketFast, ticketSlow] = burnConditions;
  return yamlDocument(
    {
      apiVersion: "sloth.slok.dev/v1",
      kind: "AlertWindows",
      spec: { sloPeriod: input.window, page: { quick: entry(pageFast), slow: entry(pageSlow) }, ticket: { quick: entry(ticketFast), slow: entry(ticketSlow) } },
    },
    [`Sloth alert windows for a ${input.window} SLO period: the same conditions as the Prometheus rule file.`],
  );
}

const tableWindows = [
  { label: "1 hour", minutes: 60 },
  { label: "1 day", minutes: 24 * 60 },
  { label: "7 days", minutes: 7 * 24 * 60 },
  { label: "28 days", minutes: 28 * 24 * 60 },
  { label: "30 days", minutes: 30 * 24 * 60 },
];

function periodMinutes(window: SloWindow): number {
  return periodDays[window] * 24 * 60;
}

function badMinutesDocument(input: SreEngineerRequirements): string {
  const lines = [
    `# Allowed bad minutes: ${input.serviceName}`,
    "",
    `The error budget is 1 − objective. Over a window, the allowed bad minutes are the window's minutes × the budget: the time the service may be fully failing (or twice as long half-failing) and still meet its objective. The SLO window is **${periodDays[input.window]} days**.`,
    "",
    "## Per window",
    "",
    trustedTable(
      ["SLI", "Objective", "Error budget", ...tableWindows.map((window) => (window.minutes === periodMinutes(input.window) ? `${window.label} (SLO window)` : window.label))],
      input.slis.map((sli) => [
        sli.name,
        `${sli.objectivePercent}%`,
        `${decimalText(errorBudget(sli) * 100, 4)}%`,
        ...tableWindows.map((window) => minutesText(window.minutes * errorBudget(sli))),
      ]),
    ),
    "",
    "## When the alerts fire",
    "",
    `Burn rate = error ratio ÷ error budget; 1 spends the budget exactly over the ${periodDays[input.window]}-day window. Each factor = budget share × ${periodDays[input.window] * 24} period hours ÷ long-window hours.`,
    "",
    trustedTable(
      ["Alert", "Long / short window", "Budget share", "Burn-rate factor", "Budget left after the long window", "Budget gone in"],
      burnConditions.map((condition) => {
        const factor = burnFactor(condition, input.window);
        return [
          `${condition.severity} (${condition.speed})`,
          `${condition.longWindow} / ${condition.shortWindow}`,
          `${decimalText(condition.share * 100)}%`,
          `${decimalText(factor)}x`,
          `${decimalText(100 - condition.share * 100)}%`,
          hoursText((periodDays[input.window] * 24) / factor),
        ];
      }),
    ),
    "",
    "## Error ratio thresholds per SLI",
    "",
    trustedTable(
      ["SLI", ...burnConditions.map((condition) => `${condition.severity} ${condition.longWindow}`)],
      input.slis.map((sli) => [sli.name, ...burnConditions.map((condition) => `${decimalText(burnFactor(condition, input.window) * errorBudget(sli) * 100, 4)}%`)]),
    ),
  ];
  return markdownDocument(lines);
}

function toilFigures(input: SreEngineerRequirements) {
  const hours = input.toil.reduce((sum, task) => sum + task.hoursPerWeek, 0);
  const automatable = input.toil.filter((task) => task.automatable).reduce((sum, task) => sum + task.hoursPerWeek, 0);
  const capacity = input.onCallRotationSize * workHoursPerPersonWeek;
  return { hours, automatable, capacity, share: capacity === 0 ? 0 : (hours / capacity) * 100 };
}

function policyDocument(input: SreEngineerRequirements): string {
  const freeze = input.freezeThresholdPercent;
  const toil = toilFigures(input);
  const tasks = [...input.toil].sort((a, b) => b.hoursPerWeek - a.hoursPerWeek || a.task.localeCompare(b.task));
  const lines = [
    `# Error-budget policy: ${input.serviceName}`,
    "",
    `**Journey protected:** ${markdownText(input.userJourney)}`,
    "",
    `**Window:** rolling ${periodDays[input.window]} days. **Owner:** the ${input.serviceName} team with its SRE partner.`,
    "",
    "## Objectives",
    "",
    trustedTable(
      ["SLI", "Kind", "Objective", `Budget over ${input.window}`],
      input.slis.map((sli) => [sli.name, sli.kind, sliDescription(sli), minutesText(periodMinutes(input.window) * errorBudget(sli))]),
    ),
    "",
    "## Alerting",
    "",
    `- **Pages** go to ${markdownText(pageToolChoice.label(input.pageTool))} (${markdownText(input.pageTarget)}) when 2% of the budget burns within an hour or 5% within six hours: someone acts now.`,
    `- **Tickets** go to ${markdownText(ticketToolChoice.label(input.ticketTool))} (${markdownText(input.ticketTarget)}) when 10% burns within a day or three days: fixed in working hours this week.`,
    "",
    "## What happens as the budget is spent",
    "",
    trustedTable(
      ["Budget spent", "Consequence"],
      [
        ["under 50%", "Ship as normal. Spend the budget on experiments, migrations and chaos tests."],
        ["50% or more", "The team reviews the top contributors in its weekly meeting; risky launches need the SRE's sign-off."],
        ...(freeze > 75 ? [["75% or more", "Releases slow down: smaller batches, canary analysis required, no Friday deploys."]] : []),
        [
          `${freeze}% or more`,
          freeze >= 100
            ? "Feature freeze: only reliability fixes and security patches ship until the SLO is met again over the window."
            : `Feature freeze before the budget is gone: only reliability fixes and security patches ship until less than ${freeze}% of the budget is spent over the window.`,
        ],
        ...(freeze < 100 ? [["100%", "The SLO is missed: a postmortem with the top-three causes and owners within five working days."]] : []),
      ],
    ),
    "",
    "## Exceptions",
    "",
    "- Outages caused by a dependency with its own SLO count against this budget, but the postmortem goes to the dependency's owner.",
    "- Planned maintenance announced a week ahead is excluded only when the SLI can filter it out; otherwise it counts.",
    "- Disagreements about this policy go to the engineering director, who decides within two working days.",
    "",
    "## Toil",
    "",
    `${input.toil.length === 0 ? "No toil is recorded." : `Toil takes ${decimalText(toil.hours, 1)} h a week of ${groupedInteger(toil.capacity)} h (${input.onCallRotationSize} people × ${workHoursPerPersonWeek} h): **${decimalText(toil.share, 1)}%**, against a cap of ${toilCapPercent}%. ${decimalText(toil.automatable, 1)} h a week could be automated.`}`,
    "",
    ...(tasks.length
      ? [
          trustedTable(
            ["Task", "Hours per week", "Automatable", "Plan"],
            tasks.map((task) => [
              escapedCell(task.task),
              decimalText(task.hoursPerWeek, 1),
              task.automatable ? "yes" : "no",
              task.automatable ? "Automate this quarter; track the hours saved" : "Reduce at the source (self-service, documentation)",
            ]),
          ),
          "",
        ]
      : []),
    "## On-call",
    "",
    `The rotation has ${input.onCallRotationSize} people${input.onCallRotationSize < 6 ? ", fewer than the six to eight that keep on-call sustainable: grow it or share a rotation" : ""}. Every page is reviewed weekly: a page that needed no action is tuned or removed.`,
  ];
  if (input.notes) lines.push("", "## Notes", "", markdownText(input.notes));
  return markdownDocument(lines);
}

function summary(input: SreEngineerRequirements): SummaryFigure[] {
  const figures: SummaryFigure[] = input.slis.map((sli) => ({
    key: `error-budget-${sli.name}`,
    label: `Error budget: ${sli.name}`,
    value: Number((periodMinutes(input.window) * errorBudget(sli)).toFixed(1)),
    unit: "minutes",
    detail: `${periodDays[input.window]} days × 1,440 min × (1 − ${sli.objectivePercent}%)`,
  }));
  const [pageFast, pageSlow, ticketFast, ticketSlow] = burnConditions.map((condition) => decimalText(burnFactor(condition, input.window)));
  figures.push(
    {
      key: "page-burn-rates",
      label: "Page burn rates",
      value: `${pageFast} / ${pageSlow}`,
      unit: "× budget pace",
      detail: `1h & 5m above ${pageFast}, or 6h & 30m above ${pageSlow}; factor = share × ${periodDays[input.window] * 24} h ÷ long window`,
    },
    {
      key: "ticket-burn-rates",
      label: "Ticket burn rates",
      value: `${ticketFast} / ${ticketSlow}`,
      unit: "× budget pace",
      detail: `1d & 2h above ${ticketFast}, or 3d & 6h above ${ticketSlow}`,
    },
  );
  const toil = toilFigures(input);
  figures.push({
    key: "toil-share",
    label: "Toil share",
    value: Number(toil.share.toFixed(1)),
    unit: "%",
    detail: `${decimalText(toil.hours, 1)} h a week ÷ (${input.onCallRotationSize} people × ${workHoursPerPersonWeek} h); cap ${toilCapPercent}%`,
  });
  return figures;
}

function generate(input: SreEngineerRequirements): GeneratorResult {
  const artifacts: Artifact[] = [
    { path: "openslo/service.yaml", kind: "slo", mediaType: mediaTypes.yaml, content: openSloService(input) },
    ...input.slis.map((sli): Artifact => ({ path: `openslo/${sli.name}.yaml`, kind: "slo", mediaType: mediaTypes.yaml, content: openSloDocument(input, sli) })),
    { path: `sloth/${input.serviceName}.yaml`, kind: "slo", mediaType: mediaTypes.yaml, content: slothSpec(input) },
    { path: `sloth/windows/${input.window}.yaml`, kind: "slo", mediaType: mediaTypes.yaml, content: slothWindows(input) },
    { path: `prometheus/${input.serviceName}-slo.rules.yaml`, kind: "alerting", mediaType: mediaTypes.yaml, content: ruleFile(input) },
    { path: "error-budget-policy.md", kind: "policy", mediaType: mediaTypes.markdown, content: policyDocument(input) },
    { path: "error-budget-minutes.md", kind: "document", mediaType: mediaTypes.markdown, content: badMinutesDocument(input) },
  ];
  return { summary: summary(input), artifacts };
}

export const sreEngineerGenerator: RoleGenerator<SreEngineerRequirements> = {
  role: "sre-engineer",
  version: "1.1.0",
  generate,
};
