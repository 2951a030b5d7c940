import path from "node:path";
import { hostileLabel } from "@/lib/agents/shared/artifact-validity";
import { describe, expect, it } from "vitest";
import { parseYamlDocuments, promtoolCheckRules } from "@/lib/agents/shared/artifact-validity";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { describeGeneratorContract, nonEmpty } from "@/lib/agents/shared/generator-testing";
import { burnConditions, burnFactor, sreEngineerGenerator } from "./generate";
import { sreEngineerExample, sreEngineerSchema, type SreEngineerRequirements } from "./schema";

const roleDirectory = path.join(import.meta.dirname);
const fixtures = fixtureNames(roleDirectory);
const inputOf = (fixture: string): SreEngineerRequirements => sreEngineerSchema.parse(readFixture(roleDirectory, fixture));

describeGeneratorContract({
  roleDirectory,
  generator: sreEngineerGenerator,
  schema: sreEngineerSchema,
  example: sreEngineerExample,
  hostileInput: { ...sreEngineerExample, userJourney: hostileLabel, pageTarget: hostileLabel, ticketTarget: hostileLabel, toil: [{ task: hostileLabel, hoursPerWeek: 2, automatable: true }], notes: hostileLabel },
});

describe("sre-engineer generator", () => {


  it.each(fixtures)("is deterministic and leaves its input alone (%s)", (fixture) => {
    const input = inputOf(fixture);
    const before = structuredClone(input);
    const first = sreEngineerGenerator.generate(input);
    expect(input).toEqual(before);
    expect(sreEngineerGenerator.generate(structuredClone(input))).toEqual(first);
  });

  it.each(fixtures)("writes valid YAML and a rule file that passes promtool (%s)", (fixture) => {
    const { artifacts } = sreEngineerGenerator.generate(inputOf(fixture));
    for (const artifact of nonEmpty(artifacts.filter((item) => item.mediaType === "application/yaml"), "YAML artifact")) expect(() => parseYamlDocuments(artifact)).not.toThrow();
    const rules = artifacts.filter((artifact) => artifact.path.startsWith("prometheus/"));
    expect(rules).toHaveLength(1);
    expect(promtoolCheckRules(rules[0].content)).toMatch(/SUCCESS/);
  });

  it("uses the burn-rate factors of the SRE Workbook for 30, 28 and 7 days", () => {
    const factors = (window: "7d" | "28d" | "30d") => burnConditions.map((condition) => Number(burnFactor(condition, window).toFixed(3)));
    expect(factors("30d")).toEqual([14.4, 6, 3, 1]);
    expect(factors("28d")).toEqual([13.44, 5.6, 2.8, 0.933]);
    expect(factors("7d")).toEqual([3.36, 1.4, 0.7, 0.233]);
  });

  it("pages when 1h and 5m, or 6h and 30m, burn above the factors times the budget", () => {
    const { artifacts } = sreEngineerGenerator.generate(inputOf("example"));
    const [document] = parseYamlDocuments(artifacts.find((artifact) => artifact.path.startsWith("prometheus/"))!) as [
      { groups: { name: string; rules: { alert?: string; record?: string; expr: string; labels: Record<string, string> }[] }[] },
    ];
    const alerts = document.groups.flatMap((group) => group.rules.filter((rule) => rule.alert));
    const page = alerts.find((rule) => rule.labels.slo === "checkout-availability" && rule.labels.severity === "page")!;
    expect(page.expr).toContain('slo:sli_error:ratio_rate1h{service="checkout-api", slo="checkout-availability"} > (13.44 * 0.0005)');
    expect(page.expr).toContain("slo:sli_error:ratio_rate5m{service=\"checkout-api\", slo=\"checkout-availability\"} > (13.44 * 0.0005)");
    expect(page.expr).toContain("ratio_rate6h{service=\"checkout-api\", slo=\"checkout-availability\"} > (5.6 * 0.0005)");
    expect(page.labels).toMatchObject({ notify: "pagerduty", escalation: "payments-primary" });
    const ticket = alerts.find((rule) => rule.labels.slo === "checkout-latency" && rule.labels.severity === "ticket")!;
    expect(ticket.expr).toContain("ratio_rate1d{service=\"checkout-api\", slo=\"checkout-latency\"} > (2.8 * 0.01)");
    expect(ticket.expr).toContain("ratio_rate3d{service=\"checkout-api\", slo=\"checkout-latency\"} > (0.9333 * 0.01)");
    const records = document.groups.flatMap((group) => group.rules.filter((rule) => rule.record === "slo:sli_error:ratio_rate1h"));
    // The latency SLI counts requests under 400 ms from the histogram's le="0.4" bucket.
    expect(records.map((rule) => rule.expr).join("\n")).toContain('le="0.4"');
  });

  it("writes user text into Prometheus templates literally", () => {
    const input = inputOf("search-30d-recorded");
    const rules = sreEngineerGenerator.generate(input).artifacts.find((artifact) => artifact.path.startsWith("prometheus/"))!;
    expect(rules.content).toContain('{{ "{{" }} .Secret }}');
    expect(promtoolCheckRules(rules.content)).toMatch(/SUCCESS/);
  });

  it("gives the error budget in minutes for each SLI", () => {
    const { summary } = sreEngineerGenerator.generate(inputOf("example"));
    expect(summary.find((figure) => figure.key === "error-budget-checkout-availability")).toMatchObject({ value: 20.2, unit: "minutes" });
    expect(summary.find((figure) => figure.key === "error-budget-checkout-latency")).toMatchObject({ value: 403.2 });
    expect(summary.find((figure) => figure.key === "toil-share")).toMatchObject({ value: 4.6, unit: "%" });
  });
});
