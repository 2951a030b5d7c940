// A `promtool test rules` file for the exported Prometheus rules (lib/slo/exports.ts): per SLO, input
// series burning at a chosen error ratio and the page and ticket alerts expected at a chosen evaluation
// time, and the same series healthy with no alert. Pure. The series are built from the SLO's own selectors:
// equality matchers become labels, and a value is found for each regex or negative matcher from a few
// candidates (checked here with the same anchored semantics PromQL uses); an SLO whose selectors no
// candidate satisfies gets a comment instead of a test.
import { yamlDocument } from "@/lib/agents/shared/yaml-artifact";
import { alertFactor, alertRules, errorBudgetOf } from "@/lib/slo/math";
import { alertAnnotations, alertName, eventSelectors, ruleLabels, type ExportableSlo } from "@/lib/slo/exports";

interface Matcher {
  label: string;
  op: "=" | "!=" | "=~" | "!~";
  value: string;
}

/** `m{a="b",c!~"x"}` → name and matchers (the selector was validated by lib/slo/schema.ts). */
export function parseSelector(selector: string): { name: string; matchers: Matcher[] } {
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([\s\S]*)\})?$/.exec(selector.trim());
  if (!match) throw new Error(`Not a Prometheus selector: ${selector}`);
  const matchers: Matcher[] = [];
  const pattern = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*,?/gy;
  const body = match[2] ?? "";
  let found: RegExpExecArray | null;
  while ((found = pattern.exec(body))) matchers.push({ label: found[1], op: found[2] as Matcher["op"], value: found[3].replace(/\\(.)/g, "$1") });
  return { name: match[1], matchers };
}

function matches(matcher: Matcher, value: string): boolean {
  if (matcher.op === "=") return value === matcher.value;
  if (matcher.op === "!=") return value !== matcher.value;
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${matcher.value})$`);
  } catch {
    return false;
  }
  return matcher.op === "=~" ? regex.test(value) : !regex.test(value);
}

const selects = (selector: { name: string; matchers: Matcher[] }, name: string, labels: Record<string, string>) =>
  selector.name === name && selector.matchers.every((matcher) => matches(matcher, labels[matcher.label] ?? ""));

const candidates = ["200", "500", "503", "ok", "error", "2xx", "5xx", "success", "failure", "true", "false", "GET", "POST", "/", "/api", "x", ""];

/**
 * Labels for one series: every equality matcher of `must` as its label, and for each other label a value
 * satisfying `must` (and, for a good/bad split, not satisfying `mustNot`). Null when none is found.
 */
function labelsFor(name: string, must: { name: string; matchers: Matcher[] }[], mustNot?: { name: string; matchers: Matcher[] }): Record<string, string> | null {
  const labels: Record<string, string> = {};
  for (const selector of must) for (const matcher of selector.matchers) if (matcher.op === "=") labels[matcher.label] = matcher.value;
  const open = [...new Set([...must, ...(mustNot ? [mustNot] : [])].flatMap((selector) => selector.matchers.filter((matcher) => matcher.op !== "=").map((matcher) => matcher.label)))].filter((label) => !(label in labels));
  const mustNotLabels = new Set(mustNot?.matchers.map((matcher) => matcher.label));
  // Try each candidate value per open label; a label also in mustNot is where the good/bad split happens.
  const assign = (index: number): boolean => {
    if (index === open.length) return must.every((selector) => selects(selector, name, labels)) && (!mustNot || !selects(mustNot, name, labels));
    for (const value of candidates) {
      labels[open[index]] = value;
      if (assign(index + 1)) return true;
    }
    delete labels[open[index]];
    return false;
  };
  if (assign(0)) return clean(labels);
  // A label only mustNot constrains with "=": give it another value.
  if (mustNot) {
    for (const matcher of mustNot.matchers.filter((entry) => mustNotLabels.has(entry.label) && entry.op === "=")) {
      if (must.some((selector) => selector.matchers.some((other) => other.label === matcher.label))) continue;
      labels[matcher.label] = `${matcher.value}_other`;
      if (assign(0)) return clean(labels);
    }
  }
  return null;
}

const clean = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).filter(([, value]) => value !== ""));

function seriesText(name: string, labels: Record<string, string>): string {
  const parts = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, value]) => `${label}="${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return `${name}{${parts.join(",")}}`;
}

/**
 * Minutes of input, and when the alerts are checked. At a constant error ratio every window reads the same
 * ratio once it holds data (a rate over [3d] of 4 hours of samples is still their rate), so 4 hours test
 * all four alerts; promtool evaluates every rule every minute up to eval_time, so days would be slow.
 */
const MINUTES = 5 * 60;
const EVAL_TIME = "4h";
const REQUESTS_PER_MINUTE = 1_000;

/** The error ratio the burning case uses: twice the page-fast threshold, capped below 100 %, away from every threshold. */
export function burningErrorRatio(slo: Pick<ExportableSlo, "objective" | "windowDays">): number {
  const budget = errorBudgetOf(slo.objective);
  const thresholds = alertRules.map((rule) => alertFactor(rule, slo.windowDays) * budget);
  let ratio = Math.min(0.9, 2 * Math.max(...thresholds));
  while (thresholds.some((threshold) => Math.abs(threshold - ratio) / threshold < 0.05)) ratio *= 0.9;
  return ratio;
}

/** The input series of one SLO at an error ratio, or why they cannot be built. */
export function inputSeries(slo: ExportableSlo, errorRatio: number): { series: string; values: string }[] | string {
  const selectors = eventSelectors(slo);
  const good = parseSelector(selectors.good);
  const total = parseSelector(selectors.total);
  const goodPerMinute = REQUESTS_PER_MINUTE * (1 - errorRatio);
  const values = (perMinute: number) => `0+${Number(perMinute.toFixed(6))}x${MINUTES}`;
  if (good.name !== total.name) {
    // Separate counters (a histogram's bucket and count, or two metrics): good and total each on its own.
    const goodLabels = labelsFor(good.name, [good]);
    const totalLabels = labelsFor(total.name, [total]);
    if (!goodLabels || !totalLabels) return "no label values satisfy the selectors' regex or negative matchers";
    return [
      { series: seriesText(good.name, goodLabels), values: values(goodPerMinute) },
      { series: seriesText(total.name, totalLabels), values: values(REQUESTS_PER_MINUTE) },
    ];
  }
  // One counter split by labels: a good series (selected by both) and a bad one (by total only).
  const goodLabels = labelsFor(good.name, [good, total]);
  const badLabels = labelsFor(total.name, [total], good);
  if (!goodLabels || !badLabels) return "no label values satisfy the selectors' regex or negative matchers";
  return [
    { series: seriesText(good.name, goodLabels), values: values(goodPerMinute) },
    { series: seriesText(total.name, badLabels), values: values(REQUESTS_PER_MINUTE - goodPerMinute) },
  ];
}

interface RuleTest {
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test: { eval_time: string; alertname: string; exp_alerts: { exp_labels: Record<string, string>; exp_annotations: Record<string, string> }[] }[];
}

/** The promtool test file for the SLOs of a rules file named `rulesFile`. */
export function toPromtoolTests(slos: readonly ExportableSlo[], rulesFile: string, scope: string): string {
  const tests: RuleTest[] = [];
  const skipped: string[] = [];
  for (const slo of slos.filter((entry) => entry.alerting)) {
    const ratio = burningErrorRatio(slo);
    const burning = inputSeries(slo, ratio);
    const healthy = inputSeries(slo, 0);
    if (typeof burning === "string" || typeof healthy === "string") {
      skipped.push(` ${slo.service.slug}/${slo.slug}: ${typeof burning === "string" ? burning : healthy}`);
      continue;
    }
    const budget = errorBudgetOf(slo.objective);
    const labels = ruleLabels(slo);
    // At a constant ratio every window reads that ratio: an alert fires iff the ratio is above one of its thresholds.
    const fires = (severity: "page" | "ticket") => alertRules.some((rule) => rule.severity === severity && ratio > alertFactor(rule, slo.windowDays) * budget);
    const expected = (["page", "ticket"] as const).filter(fires).map((severity) => ({ exp_labels: { ...labels, severity }, exp_annotations: alertAnnotations(slo, severity) }));
    tests.push({
      interval: "1m",
      input_series: burning,
      alert_rule_test: [{ eval_time: EVAL_TIME, alertname: alertName(slo), exp_alerts: expected }],
    });
    tests.push({ interval: "1m", input_series: healthy, alert_rule_test: [{ eval_time: EVAL_TIME, alertname: alertName(slo), exp_alerts: [] }] });
  }
  const header = [
    `Generated by Platform Portal from ${scope}: unit tests of ${rulesFile}.`,
    `Run: promtool test rules <this file> (with ${rulesFile} beside it).`,
    `Each alerting SLO: ${REQUESTS_PER_MINUTE} requests a minute for 5 hours, burning at twice its fastest page threshold`,
    "(capped at 90 % errors) → the alerts whose thresholds that exceeds; then healthy → no alert.",
    ...(skipped.length ? ["Without a test (series could not be built from the selectors):", ...skipped] : []),
  ];
  return yamlDocument({ rule_files: [rulesFile], evaluation_interval: "1m", tests }, header);
}
