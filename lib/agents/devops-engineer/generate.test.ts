import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { describeGeneratorContract, hostileLabel } from "@/lib/agents/shared/generator-testing";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { devopsEngineerGenerator } from "./generate";
import { devopsEngineerExample, devopsEngineerSchema } from "./schema";

describeGeneratorContract({
  roleDirectory: import.meta.dirname,
  generator: devopsEngineerGenerator,
  schema: devopsEngineerSchema,
  example: devopsEngineerExample,
  hostileInput: { ...devopsEngineerExample, constraints: hostileLabel },
});

const generate = (input: unknown) => devopsEngineerGenerator.generate(devopsEngineerSchema.parse(input));
const file = (result: ReturnType<typeof generate>, name: string) => result.artifacts.find((artifact) => artifact.path === name)?.content;

describe("devops-engineer generator", () => {
  it.each(fixtureNames(import.meta.dirname))("writes a Prometheus config and rules that promtool accepts (%s)", (name) => {
    const result = generate(readFixture(import.meta.dirname, name));
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "devops-monitoring-"));
    try {
      // Debian's promtool is built without Kubernetes service discovery; swap it for static targets so
      // the rest of the config (relabelling regexes, rule files, intervals) is still checked for real.
      const config = parse(file(result, "monitoring/prometheus.yaml")!);
      for (const scrape of config.scrape_configs) {
        if (scrape.kubernetes_sd_configs) {
          delete scrape.kubernetes_sd_configs;
          scrape.static_configs = [{ targets: ["localhost:9090"] }];
        }
      }
      fs.writeFileSync(path.join(directory, "prometheus.yaml"), stringify(config));
      fs.writeFileSync(path.join(directory, "alerts.yaml"), file(result, "monitoring/alerts.yaml")!);
      // Both throw (and fail the test) with promtool's message when a check fails.
      execFileSync("/usr/bin/promtool", ["check", "rules", path.join(directory, "alerts.yaml")], { stdio: "pipe" });
      execFileSync("/usr/bin/promtool", ["check", "config", path.join(directory, "prometheus.yaml")], { stdio: "pipe" });
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it("writes one multi-stage, non-root Dockerfile per containerised service", () => {
    const result = generate(devopsEngineerExample);
    const dockerfiles = result.artifacts.filter((artifact) => artifact.path.endsWith("/Dockerfile"));
    expect(dockerfiles.map((artifact) => artifact.path)).toEqual(["services/storefront/Dockerfile", "services/orders/Dockerfile"]);
    for (const dockerfile of dockerfiles) {
      expect(dockerfile.content.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
      expect(dockerfile.content).toMatch(/^USER (nonroot|\d+|app|www-data)$/m);
    }
  });

  it("keeps Makefile recipes tab-indented and every target documented", () => {
    const makefile = file(generate(readFixture(import.meta.dirname, "manual-start-gcp")), "Makefile")!;
    const targets = [...makefile.matchAll(/^([a-z-]+):(?!=)/gm)].map((match) => match[1]);
    expect(targets).toEqual(["help", "lint", "test", "build", "images", "push", "scan", "deploy", "infra-plan", "clean"]);
    for (const line of makefile.split("\n")) if (/^\s+\S/.test(line)) expect(line, line).toMatch(/^\t/);
    expect(makefile).toContain("\tcd services/ledger && dotnet test");
  });

  it("builds and deploys every service through the workflow", () => {
    const workflow = parse(file(generate(devopsEngineerExample), ".github/workflows/ci-cd.yml")!);
    expect(Object.keys(workflow.jobs)).toEqual(["test-typescript", "test-java", "test-go", "infrastructure", "images", "deploy-staging", "deploy-production"]);
    expect(workflow.jobs.images.strategy.matrix.service).toEqual(["storefront", "orders"]);
    const production = workflow.jobs["deploy-production"];
    expect(production.environment).toEqual({ name: "production" });
    expect(production.steps.map((step: { name?: string }) => step.name).filter(Boolean)).toEqual(["Deploy storefront", "Deploy orders", "Deploy image-resizer"]);
  });

  it("writes a Grafana dashboard with a panel per RED signal", () => {
    const dashboard = JSON.parse(file(generate(devopsEngineerExample), "monitoring/grafana-dashboard.json")!);
    expect(dashboard.panels.map((panel: { title: string }) => panel.title)).toEqual(["Requests per second", "Error ratio (5xx)", "Latency p95", "Targets up", "CPU (cores)", "Memory (resident)"]);
    expect(dashboard.templating.list[1].query).toBe("storefront,orders,image-resizer");
  });

  it("compresses the roadmap into a timeline shorter than 90 days", () => {
    const roadmap = file(generate(readFixture(import.meta.dirname, "manual-start-gcp")), "roadmap.md")!;
    expect(roadmap).toContain("Timeline: 10 weeks, shorter than 90 days");
    expect(roadmap).toContain("Move secrets out of CI variables");
    expect(roadmap).not.toContain("Days 91–");
  });
});
