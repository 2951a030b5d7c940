import path from "node:path";
import { describe, expect, it } from "vitest";
import { hostileLabel, markdownTableProblems, mermaidProblems } from "@/lib/agents/shared/artifact-validity";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { describeGeneratorContract, nonEmpty } from "@/lib/agents/shared/generator-testing";
import { incidentResponderGenerator } from "./generate";
import { incidentResponderExample, incidentResponderSchema, type IncidentResponderRequirements } from "./schema";

const roleDirectory = path.join(import.meta.dirname);
const fixtures = fixtureNames(roleDirectory);
const inputOf = (fixture: string): IncidentResponderRequirements => incidentResponderSchema.parse(readFixture(roleDirectory, fixture));
const artifact = (input: IncidentResponderRequirements, artifactPath: string) => incidentResponderGenerator.generate(input).artifacts.find((item) => item.path === artifactPath)!;

describeGeneratorContract({
  roleDirectory,
  generator: incidentResponderGenerator,
  schema: incidentResponderSchema,
  example: incidentResponderExample,
  hostileInput: { ...incidentResponderExample, summary: hostileLabel, affectedSystems: [hostileLabel, "orders-db"], containmentConstraints: hostileLabel, incidentCommander: hostileLabel, notes: hostileLabel },
});

describe("incident-responder generator", () => {


  it.each(fixtures)("is deterministic, leaves its input alone and writes well-formed Mermaid (%s)", (fixture) => {
    const input = inputOf(fixture);
    const before = structuredClone(input);
    const first = incidentResponderGenerator.generate(input);
    expect(input).toEqual(before);
    expect(incidentResponderGenerator.generate(structuredClone(input))).toEqual(first);
    for (const item of nonEmpty(first.artifacts.filter((entry) => entry.kind === "diagram"), "diagram")) expect(mermaidProblems(item.content), item.path).toEqual([]);
  });

  it("plans every phase with an owner and a checklist", () => {
    const plan = artifact(inputOf("example"), "incident/response-plan.md").content;
    for (const phase of ["Detection", "Triage", "Containment", "Investigation", "Recovery", "Post-incident"]) {
      expect(plan).toMatch(new RegExp(`## ${phase}\\n\\n\\*\\*Owner:\\*\\* [^\\n]+\\n\\n- \\[ \\] `));
    }
    // Memory is captured before hosts are isolated.
    expect(plan.indexOf("Capture memory")).toBeLessThan(plan.indexOf("Isolate affected hosts"));
  });

  it("writes one communication template per audience", () => {
    const paths = incidentResponderGenerator.generate(inputOf("operational-outage")).artifacts.map((item) => item.path);
    expect(paths.filter((item) => item.startsWith("incident/communications/"))).toEqual([
      "incident/communications/internal.md",
      "incident/communications/customers.md",
      "incident/communications/partners.md",
    ]);
  });

  it("computes regulatory deadlines from the detection time, business days for the SEC", () => {
    const timeline = artifact(inputOf("card-data-multi-regime"), "incident/timeline.md").content;
    // Detected Friday 2026-12-04 17:30 UTC: PCI and NIS2 early warning 24 h later, GDPR 72 h, SEC 4 business days (Thursday).
    expect(timeline).toContain("| Sat 2026-12-05 17:30 UTC | 24 h | PCI DSS: notify the card brands and the acquirer |");
    expect(timeline).toContain("| Mon 2026-12-07 17:30 UTC | 72 h | GDPR: notify the supervisory authority (Art. 33) |");
    expect(timeline).toContain("| Thu 2026-12-10 17:30 UTC | 6 days | SEC 8-K: file Item 1.05 if material |");
    const { summary } = incidentResponderGenerator.generate(inputOf("card-data-multi-regime"));
    expect(summary.find((figure) => figure.key === "regulatory-deadline")?.value).toBe("Sat 2026-12-05 17:30 UTC");
  });

  it("reads an offset in the detection time", () => {
    const timeline = artifact(inputOf("operational-outage"), "incident/timeline.md").content;
    expect(timeline).toContain("**Fri 2026-12-04 08:40 UTC**");
  });

  it("keeps a hostile summary and system name inside their Mermaid labels", () => {
    const input = incidentResponderSchema.parse({ ...incidentResponderExample, summary: hostileLabel, affectedSystems: [hostileLabel, "orders-db"] });
    const flow = artifact(input, "incident/flow.mmd").content;
    expect(mermaidProblems(flow)).toEqual([]);
    expect(flow).not.toContain('a"];click');
    expect(flow).toContain("a#quot;];click A call alert(1)");
  });

  it("escapes a typed incident commander once in the roles table: a pipe stays in its cell (property seed 1318632620)", async () => {
    const input = incidentResponderSchema.parse({ ...incidentResponderExample, incidentCommander: "{\\| lead" });
    const plan = artifact(input, "incident/response-plan.md").content;
    expect(await markdownTableProblems(plan)).toEqual([]);
    expect(plan).toContain("| Incident commander | {\\\\\\| lead |");
  });
});
