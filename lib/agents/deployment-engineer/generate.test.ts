import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { describeGeneratorContract, hostileLabel } from "@/lib/agents/shared/generator-testing";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { validateManifests } from "@/lib/agents/shared/kubernetes-testing";
import { deploymentEngineerGenerator } from "./generate";
import { deploymentEngineerExample, deploymentEngineerSchema } from "./schema";

describeGeneratorContract({
  roleDirectory: import.meta.dirname,
  generator: deploymentEngineerGenerator,
  schema: deploymentEngineerSchema,
  example: deploymentEngineerExample,
  hostileInput: { ...deploymentEngineerExample, approverGroup: hostileLabel, notes: hostileLabel },
});

const generate = (input: unknown) => deploymentEngineerGenerator.generate(deploymentEngineerSchema.parse(input));
const file = (result: ReturnType<typeof generate>, path: string) => result.artifacts.find((artifact) => artifact.path === path)?.content;

describe("deployment-engineer generator", () => {
  it.each(fixtureNames(import.meta.dirname))("writes Argo Rollouts objects that validate against their schemas (%s)", (name) => {
    const result = generate(readFixture(import.meta.dirname, name));
    const kinds = result.artifacts.filter((artifact) => artifact.path.startsWith("rollout/")).flatMap((artifact) => validateManifests(artifact.content));
    expect(kinds).toContain("argoproj.io/v1alpha1/Rollout");
    expect(kinds).toContain("argoproj.io/v1alpha1/AnalysisTemplate");
    // Compiling the JSON schemas takes a few seconds the first time.
  }, 30_000);

  it("builds the AnalysisTemplate from the rollback thresholds", () => {
    const template = parse(file(generate(deploymentEngineerExample), "rollout/analysis-template.yaml")!);
    const [errorRate, latency] = template.spec.metrics;
    expect(errorRate.successCondition).toBe("result[0] <= 0.015");
    expect(latency.successCondition).toBe("result[0] <= 600");
    expect(errorRate.count).toBe(10);
  });

  it("turns canary steps into weights and pauses", () => {
    const rollout = parse(file(generate(deploymentEngineerExample), "rollout/rollout.yaml")!);
    expect(rollout.spec.strategy.canary.steps).toEqual([
      { setWeight: 5 },
      { pause: { duration: "10m" } },
      { setWeight: 25 },
      { pause: { duration: "10m" } },
      { setWeight: 50 },
      { pause: { duration: "15m" } },
    ]);
  });

  it("gates production behind its environment and promotes in order on GitHub", () => {
    const workflow = parse(file(generate(deploymentEngineerExample), ".github/workflows/delivery.yml")!);
    expect(workflow.jobs["deploy-staging"].needs).toEqual(["deploy-dev", "image"]);
    expect(workflow.jobs["deploy-production"].environment).toEqual({ name: "production" });
    // The job waits on the environment's required reviewers; it never rebuilds the image.
    expect(workflow.jobs["deploy-production"].needs).toEqual(["deploy-staging", "image"]);
    expect(workflow.jobs.image.needs).toEqual(["build", "sast", "dependencies", "secrets"]);
  });

  it("writes GitLab CI with security templates, manual gates and a blue-green rollout", () => {
    const result = generate(readFixture(import.meta.dirname, "gitlab-blue-green"));
    const pipeline = parse(file(result, ".gitlab-ci.yml")!);
    expect(pipeline.include).toContainEqual({ template: "Jobs/SAST.gitlab-ci.yml" });
    expect(pipeline["deploy-prod"].rules).toEqual([{ if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", when: "manual" }]);
    const rollout = parse(file(result, "rollout/rollout.yaml")!);
    expect(rollout.spec.strategy.blueGreen).toMatchObject({ autoPromotionEnabled: false, scaleDownDelaySeconds: 3600, previewService: "billing-worker-preview" });
  });

  it("rates the DORA targets against the DORA bands", () => {
    const dora = file(generate(readFixture(import.meta.dirname, "gitlab-blue-green")), "dora-targets.md")!;
    expect(dora).toContain("| Deployment frequency | 0.5 a day | High |");
    expect(dora).toContain("| Change failure rate | 12% | Medium |");
  });
});
