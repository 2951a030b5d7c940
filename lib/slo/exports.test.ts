// The exports: valid YAML of the right shape, user text escaped, and Prometheus rules that promtool (Debian
// package `prometheus`, installed by .ci/run) accepts and that fire when, and only when, they should.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml, parseAllDocuments, stringify } from "yaml";
import { demoServices } from "@/lib/slo/demo-data";
import { alertName, bucketBound, eventSelectors, exportFileName, toOpenSlo, toPrometheusRules, toSloth, type ExportableSlo } from "@/lib/slo/exports";
import { sloInputSchema } from "@/lib/slo/schema";
import { burningErrorRatio, inputSeries, parseSelector, toPromtoolTests } from "@/lib/slo/rule-tests";
import { alertFactors } from "@/lib/slo/math";

const PROMTOOL = process.env.PROMTOOL_PATH ?? "promtool";

/** The demo catalog as the export functions receive it from the database. */
const demoSlos: ExportableSlo[] = demoServices.flatMap((entry) =>
  entry.slos.map((demo) => {
    const data = sloInputSchema.parse(demo.spec);
    return {
      ...data,
      id: `demo-${entry.service.slug}-${data.slug}`,
      service: { slug: entry.service.slug, name: entry.service.name, tier: Number(entry.service.tier), runbookUrl: entry.service.runbookUrl ?? null },
      team: { slug: entry.team, name: entry.team === "platform" ? "Platform" : "Payments" },
    };
  }),
);

const directory = mkdtempSync(path.join(tmpdir(), "slo-rules-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function promtool(args: string[]) {
  const result = spawnSync(PROMTOOL, args, { cwd: directory, encoding: "utf8" });
  if (result.error) throw new Error(`promtool is not installed (${result.error.message}). Install Debian's "prometheus" package: apt-get install --no-install-recommends prometheus`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function checkRules(text: string, name: string) {
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return promtool(["check", "rules", file]);
}

// promtool starts a Go binary per test: allow for a busy machine.
describe("Prometheus rules", { timeout: 60_000 }, () => {
  it("of every demo SLO pass promtool check rules", () => {
    const { status, output } = checkRules(toPrometheusRules(demoSlos, "the demo teams"), "demo.rules.yaml");
    expect(output).toContain("SUCCESS");
    expect(status, output).toBe(0);
    // 14 rules per SLO (8 error ratios + 6 meta), plus 2 alerts per SLO with alerting on.
    const alerting = demoSlos.filter((slo) => slo.alerting).length;
    expect(output).toContain(`${demoSlos.length * 14 + alerting * 2} rules found`);
  });

  it("pass promtool with awkward but valid selectors: quotes, backslashes, regex matchers, trailing commas", () => {
    const slo: ExportableSlo = {
      ...demoSlos[0],
      id: "awkward",
      goodQuery: String.raw`app_requests_total{path=~"/api/v[0-9]+/.*",msg="say \"hi\" \\ bye",code!~"5..",}`,
      totalQuery: String.raw`app_requests_total{path=~"/api/v[0-9]+/.*",msg="say \"hi\" \\ bye"}`,
      name: 'Name: with "quotes", colons # and hashes',
    };
    const { status, output } = checkRules(toPrometheusRules([slo], "a test"), "awkward.rules.yaml");
    expect(status, output).toBe(0);
  });

  it("fire the page and the ticket alert at 2 % errors against 99.9 %, and nothing when healthy", () => {
    const checkout = demoSlos.find((slo) => slo.service.slug === "checkout-api" && slo.slug === "availability")!;
    const rules = toPrometheusRules([checkout], "a test");
    writeFileSync(path.join(directory, "checkout.rules.yaml"), rules);
    const alerts = (parseYaml(rules) as { groups: { rules: { alert?: string; labels: Record<string, string>; annotations: Record<string, string> }[] }[] }).groups
      .flatMap((group) => group.rules)
      .filter((rule) => rule.alert);
    const expected = (severity: string) => {
      const rule = alerts.find((candidate) => candidate.labels.severity === severity)!;
      return { exp_labels: rule.labels, exp_annotations: rule.annotations };
    };
    const test = {
      rule_files: ["checkout.rules.yaml"],
      evaluation_interval: "1m",
      tests: [
        {
          interval: "1m",
          input_series: [
            { series: 'http_requests_total{service="checkout-api",code="200"}', values: "0+980x300" },
            { series: 'http_requests_total{service="checkout-api",code="503"}', values: "0+20x300" },
          ],
          alert_rule_test: [{ eval_time: "4h", alertname: alertName(checkout), exp_alerts: [expected("page"), expected("ticket")] }],
        },
        {
          interval: "1m",
          input_series: [
            { series: 'http_requests_total{service="checkout-api",code="200"}', values: "0+1000x300" },
            { series: 'http_requests_total{service="checkout-api",code="503"}', values: "0+0x300" },
          ],
          alert_rule_test: [{ eval_time: "4h", alertname: alertName(checkout), exp_alerts: [] }],
        },
      ],
    };
    writeFileSync(path.join(directory, "checkout.test.yaml"), stringify(test));
    const { status, output } = promtool(["test", "rules", path.join(directory, "checkout.test.yaml")]);
    expect(status, output).toBe(0);
    expect(output).toContain("SUCCESS");
  });

  it("leave out the alerts of an SLO whose alerting is off, keeping its recording rules", () => {
    const quiet = demoSlos.find((slo) => !slo.alerting)!;
    const groups = (parseYaml(toPrometheusRules([quiet], "x")) as { groups: { name: string }[] }).groups;
    expect(groups.map((group) => group.name.replace(/^.*-(sli|meta)-recordings$/, "$1"))).toEqual(["sli", "meta"]);
  });
});

describe("promtool unit tests of the exported rules", { timeout: 120_000 }, () => {
  it("build a test for every demo SLO that alerts, and pass `promtool test rules` for an availability and a latency SLO", () => {
    const all = toPromtoolTests(demoSlos, "all.rules.yaml", "the demo teams");
    expect(all).not.toContain("Without a test");
    const parsed = parseYaml(all) as { rule_files: string[]; tests: { alert_rule_test: { exp_alerts: unknown[] }[] }[] };
    expect(parsed.rule_files).toEqual(["all.rules.yaml"]);
    expect(parsed.tests).toHaveLength(demoSlos.filter((slo) => slo.alerting).length * 2);
    expect(parsed.tests.filter((_, index) => index % 2 === 0).every((test) => test.alert_rule_test[0].exp_alerts.length > 0)).toBe(true);
    // promtool evaluates every rule of the file each minute: one SLO per run keeps it quick.
    const availability = demoSlos.find((slo) => slo.alerting && slo.sliKind === "RATIO")!;
    const latency = demoSlos.find((slo) => slo.alerting && slo.sliKind === "LATENCY")!;
    for (const slo of [availability, latency]) {
      writeFileSync(path.join(directory, `${slo.slug}-one.rules.yaml`), toPrometheusRules([slo], "x"));
      writeFileSync(path.join(directory, `${slo.slug}-one.rules.test.yaml`), toPromtoolTests([slo], `${slo.slug}-one.rules.yaml`, "x"));
      const { status, output } = promtool(["test", "rules", path.join(directory, `${slo.slug}-one.rules.test.yaml`)]);
      expect(output, slo.slug).toContain("SUCCESS");
      expect(status, output).toBe(0);
    }
  });

  it("fail when the rules do not fire as expected (a broken threshold is caught)", () => {
    const checkout = demoSlos.find((slo) => slo.service.slug === "checkout-api" && slo.slug === "availability")!;
    // Rules exported for a 99 % objective, tests expecting the 99.9 % ones: the page no longer fires.
    writeFileSync(path.join(directory, "loose.rules.yaml"), toPrometheusRules([{ ...checkout, objective: 90 }], "x"));
    writeFileSync(path.join(directory, "loose.rules.test.yaml"), toPromtoolTests([checkout], "loose.rules.yaml", "x"));
    const { status, output } = promtool(["test", "rules", path.join(directory, "loose.rules.test.yaml")]);
    expect(status, output).not.toBe(0);
  });

  it("build series from the selectors: equality labels, a value for each regex or negative matcher, good and bad split", () => {
    expect(parseSelector(String.raw`m{a="b",c!~"5..",d=~"x|y",e="q\"r"}`)).toEqual({
      name: "m",
      matchers: [
        { label: "a", op: "=", value: "b" },
        { label: "c", op: "!~", value: "5.." },
        { label: "d", op: "=~", value: "x|y" },
        { label: "e", op: "=", value: 'q"r' },
      ],
    });
    const slo = { ...demoSlos[0], goodQuery: 'http_requests_total{service="a",code!~"5.."}', totalQuery: 'http_requests_total{service="a"}' };
    const series = inputSeries(slo, 0.1);
    expect(series).toEqual([
      { series: 'http_requests_total{code="200",service="a"}', values: "0+900x300" },
      { series: 'http_requests_total{code="500",service="a"}', values: "0+100x300" },
    ]);
    expect(typeof inputSeries({ ...slo, goodQuery: 'http_requests_total{service="a",code=~"[[:alpha:]]{40}"}' }, 0.1)).toBe("string");
  });

  it("burn at twice the fastest page threshold, away from every threshold, below 100 % errors", () => {
    expect(burningErrorRatio({ objective: 99.9, windowDays: 30 })).toBeCloseTo(2 * 14.4 * 0.001, 10);
    expect(burningErrorRatio({ objective: 90, windowDays: 30 })).toBe(0.9);
    expect(burningErrorRatio({ objective: 99, windowDays: 7 })).toBeCloseTo(2 * alertFactors(7)["page-fast"] * 0.01, 10);
  });
});

describe("selectors", () => {
  it("turn a latency SLO into bucket and count counters, with the threshold in seconds", () => {
    const slo = { ...demoSlos[0], sliKind: "LATENCY" as const, latencyMetric: 'rpc_duration_seconds{job="api"}', latencyThresholdMs: 250 };
    expect(eventSelectors(slo)).toEqual({ good: 'rpc_duration_seconds_bucket{job="api",le="0.25"}', total: 'rpc_duration_seconds_count{job="api"}' });
    expect(eventSelectors({ ...slo, latencyMetric: "rpc_duration_seconds" })).toEqual({ good: 'rpc_duration_seconds_bucket{le="0.25"}', total: "rpc_duration_seconds_count" });
    expect(bucketBound(1_000)).toBe("1");
    expect(bucketBound(60_000)).toBe("60");
  });

  it("name alerts as Prometheus identifiers", () => {
    expect(alertName({ ...demoSlos[0], service: { ...demoSlos[0].service, slug: "2fa-api" }, slug: "availability" })).toBe("Slo2faApiAvailability");
    expect(alertName(demoSlos[0])).toBe("CheckoutApiAvailability");
  });
});

describe("OpenSLO and Sloth", () => {
  it("write OpenSLO v1 Service and SLO documents with the objective as a ratio", () => {
    const documents = parseAllDocuments(toOpenSlo(demoSlos, "the demo teams")).map((document) => document.toJS());
    expect(documents.filter((document) => document.kind === "Service")).toHaveLength(demoServices.length);
    const checkout = documents.find((document) => document.metadata.name === "checkout-api-availability");
    expect(checkout).toMatchObject({
      apiVersion: "openslo/v1",
      kind: "SLO",
      spec: {
        service: "checkout-api",
        budgetingMethod: "Occurrences",
        timeWindow: [{ duration: "30d", isRolling: true }],
        objectives: [{ target: 0.999 }],
        indicator: { spec: { ratioMetric: { counter: true, total: { metricSource: { type: "Prometheus", spec: { query: 'http_requests_total{service="checkout-api"}' } } } } } },
      },
    });
  });

  it("write one Sloth spec per service and window, with error and total queries over {{.window}}", () => {
    const documents = parseAllDocuments(toSloth(demoSlos, "the demo teams")).map((document) => document.toJS());
    const checkout = documents.filter((document) => document.service === "checkout-api");
    expect(checkout.map((document) => document.slos.map((slo: { name: string }) => slo.name))).toEqual([["availability"], ["latency"]]);
    expect(checkout[0].slos[0]).toMatchObject({
      objective: 99.9,
      sli: { events: { error_query: 'sum(rate(http_requests_total{service="checkout-api"}[{{.window}}])) - sum(rate(http_requests_total{service="checkout-api",code!~"5.."}[{{.window}}]))' } },
      alerting: { name: "CheckoutApiAvailability", page_alert: { labels: { severity: "page" } } },
    });
    const quiet = documents.flatMap((document) => document.slos).find((slo: { name: string }) => slo.name === "job-start");
    expect(quiet.alerting).toMatchObject({ page_alert: { disable: true }, ticket_alert: { disable: true } });
  });

  it("keep user text as data: names with YAML syntax round-trip exactly", () => {
    const name = 'Checkout: "fast" # not a comment\n- not a list';
    const documents = parseAllDocuments(toOpenSlo([{ ...demoSlos[0], name, description: "key: value" }], "x")).map((document) => document.toJS());
    expect(documents[1].metadata.displayName).toBe(name);
    expect(documents[1].spec.description).toBe("key: value");
  });

  it("are deterministic, with download names per scope", () => {
    expect(toSloth(demoSlos, "x")).toBe(toSloth([...demoSlos], "x"));
    expect(exportFileName(["payments", "checkout-api"], "prometheus")).toBe("payments-checkout-api.rules.yaml");
    expect(exportFileName(["payments", "slos"], "openslo")).toBe("payments-slos.openslo.yaml");
  });
});

describe("exports written by the one YAML writer (issue 15)", { timeout: 120_000 }, () => {
  // Text a person may type into an SLO or service name: YAML 1.1 booleans and times, a Go template
  // opener, a DEL character, a line break in the scope (which lands in a comment).
  const hostile: ExportableSlo = {
    ...demoSlos.find((slo) => slo.alerting && slo.sliKind === "RATIO")!,
    name: "PAY {{ on",
    description: "yes",
    service: { ...demoSlos[0].service, name: "12:30:00 a\u007fb" },
  };
  const scope = "team on\nkind: injected";

  it("pass promtool check rules and promtool test rules with hostile names", () => {
    const rules = toPrometheusRules([hostile], scope);
    expect(checkRules(rules, "hostile.rules.yaml").output).toContain("SUCCESS");
    writeFileSync(path.join(directory, "hostile.rules.yaml"), rules);
    writeFileSync(path.join(directory, "hostile.rules.test.yaml"), toPromtoolTests([hostile], "hostile.rules.yaml", scope));
    const { status, output } = promtool(["test", "rules", path.join(directory, "hostile.rules.test.yaml")]);
    expect(output).toContain("SUCCESS");
    expect(status, output).toBe(0);
  });

  it("read the same under YAML 1.1 and 1.2, with the scope kept inside the comment", () => {
    for (const text of [toPrometheusRules([hostile], scope), toOpenSlo([hostile], scope), toSloth([hostile], scope), toPromtoolTests([hostile], "x.yaml", scope)]) {
      const strict = parseAllDocuments(text).map((document) => document.toJS());
      const yaml11 = parseAllDocuments(text, { version: "1.1" }).map((document) => document.toJS());
      expect(yaml11).toEqual(strict);
      expect(text).not.toMatch(/^kind: injected/m);
      expect(JSON.stringify(strict)).not.toContain("injected");
    }
  });
});
