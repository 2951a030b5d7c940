import path from "node:path";
import { describe, expect, it } from "vitest";
import { hostileLabel, mermaidProblems } from "@/lib/agents/shared/artifact-validity";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { describeGeneratorContract, nonEmpty } from "@/lib/agents/shared/generator-testing";
import { devopsIncidentResponderGenerator } from "./generate";
import { devopsIncidentResponderExample, devopsIncidentResponderSchema, type DevopsIncidentResponderRequirements } from "./schema";

const roleDirectory = path.join(import.meta.dirname);
const fixtures = fixtureNames(roleDirectory);
const inputOf = (fixture: string): DevopsIncidentResponderRequirements => devopsIncidentResponderSchema.parse(readFixture(roleDirectory, fixture));
const artifact = (input: DevopsIncidentResponderRequirements, artifactPath: string) => devopsIncidentResponderGenerator.generate(input).artifacts.find((item) => item.path === artifactPath)!;

describeGeneratorContract({
  roleDirectory,
  generator: devopsIncidentResponderGenerator,
  schema: devopsIncidentResponderSchema,
  example: devopsIncidentResponderExample,
  hostileInput: { ...devopsIncidentResponderExample, impact: hostileLabel, recentChanges: [{ kind: "deploy" as const, description: hostileLabel, at: "2026-11-28 13:48 UTC" }], notes: hostileLabel },
});

describe("devops-incident-responder generator", () => {


  it.each(fixtures)("is deterministic, leaves its input alone and writes well-formed Mermaid (%s)", (fixture) => {
    const input = inputOf(fixture);
    const before = structuredClone(input);
    const first = devopsIncidentResponderGenerator.generate(input);
    expect(input).toEqual(before);
    expect(devopsIncidentResponderGenerator.generate(structuredClone(input))).toEqual(first);
    for (const item of nonEmpty(first.artifacts.filter((entry) => entry.kind === "diagram"), "diagram")) expect(mermaidProblems(item.content), item.path).toEqual([]);
  });

  it("orders the checks: confirm, locate, the closest change first, then saturation, unhealthy dependencies first, logs", () => {
    const runbook = artifact(inputOf("example"), "runbook/diagnosis.md").content;
    const headings = [...runbook.matchAll(/^## \d+\. (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
      "Confirm the symptom and its size",
      "Find where it happens",
      "Suspect: deployment 17 min before the start",
      "Suspect: configuration change 2.8 h before the start",
      "Saturation: CPU",
      "Saturation: Memory",
      "Saturation: Connection pool",
      "Dependency: orders-db (database, degraded)",
      "Dependency: fraud-score (internal service, healthy)",
      "Dependency: stripe (third-party api, healthy)",
      "Read the errors in the logs",
    ]);
    expect(runbook).toContain("```promql\nhistogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=\"checkout-api\"}[5m])))\n```");
  });

  it("writes the queries in the chosen stack's language", () => {
    expect(artifact(inputOf("errors-datadog-manual"), "runbook/diagnosis.md").content).toContain("sum:trace.http.request.errors{service:payments-gateway,env:production}.as_count()");
    expect(artifact(inputOf("saturation-staging-cloudwatch"), "runbook/diagnosis.md").content).toContain('FROM SCHEMA("AWS/SQS", QueueName)');
  });

  it("marks the actions that may run automatically in the decision tree", () => {
    const tree = artifact(inputOf("example"), "runbook/decision-tree.mmd").content;
    expect(tree).toContain('rollback["Roll back the deployment (automatic)"]');
    expect(tree).toContain('failover["Fail over to the standby (by a person)"]');
  });

  it("keeps hostile text inside its Mermaid labels", () => {
    const input = devopsIncidentResponderSchema.parse({
      ...devopsIncidentResponderExample,
      impact: hostileLabel,
      recentChanges: [{ kind: "deploy", description: hostileLabel, at: "2026-11-28 13:48 UTC" }],
    });
    const tree = artifact(input, "runbook/decision-tree.mmd").content;
    expect(mermaidProblems(tree)).toEqual([]);
    expect(tree).not.toContain('a"];click');
  });
});
