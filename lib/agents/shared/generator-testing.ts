// The checks every generator passes, whatever its role: golden files for each fixture, determinism,
// no mutation of the input, every artifact well-formed for its media type (YAML, JSON, HCL, Mermaid),
// and user text that cannot break out of a Mermaid label, a YAML string or a Markdown line.
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { z } from "zod";
import { mediaTypes, type GeneratorResult, type RoleGenerator } from "@/lib/agents/generator";
import { expectMatchesGolden, fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { expectValidHcl } from "@/lib/agents/shared/hcl-testing";

export const hostileLabel = 'a"];click A call alert(1)';

const mermaidDiagramTypes = /^(flowchart|graph|sequenceDiagram|stateDiagram-v2|gantt|timeline|architecture-beta|block-beta|mindmap|journey|classDiagram|erDiagram|pie)\b/;

/** Structural problems of Mermaid source: an unknown diagram type, unbalanced quotes or brackets, interaction directives. */
export function mermaidProblems(source: string): string[] {
  const problems: string[] = [];
  const lines = source.split("\n");
  const first = lines.find((line) => line.trim() !== "" && !line.trim().startsWith("%%"));
  if (!first || !mermaidDiagramTypes.test(first.trim())) problems.push(`unknown diagram type: ${first ?? "(empty)"}`);
  lines.forEach((line, index) => {
    const quotes = (line.match(/"/g) ?? []).length;
    if (quotes % 2 !== 0) problems.push(`line ${index + 1}: unbalanced quotes`);
    const outside = line.replace(/"[^"]*"/g, '""');
    if (/^\s*(click|callback)\b/.test(outside) || /\b(href|javascript:)/i.test(outside)) problems.push(`line ${index + 1}: interaction directive outside a label`);
    if (/[<>]/.test(outside.replace(/-->|==>|-.->|<-->|--o|--x|<--|<==|->>|-->>|-\)|--\)|>>/g, ""))) problems.push(`line ${index + 1}: markup outside a label`);
    let depth = 0;
    for (const char of outside) {
      if ("([{".includes(char)) depth++;
      if (")]}".includes(char)) depth--;
      if (depth < 0) break;
    }
    if (depth !== 0 && !/^\s*(subgraph|end|%%|section|title|dateFormat|axisFormat|participant|actor|note|loop|alt|else|opt|par|and|rect)\b/.test(outside)) problems.push(`line ${index + 1}: unbalanced brackets`);
  });
  return problems;
}

/** Asserts every artifact is well-formed for its media type; HCL is checked against the fmt layout too. */
export async function expectWellFormedArtifacts(result: GeneratorResult): Promise<void> {
  const paths = result.artifacts.map((artifact) => artifact.path);
  expect(new Set(paths).size, "artifact paths are unique").toBe(paths.length);
  for (const artifact of result.artifacts) {
    expect(artifact.content.endsWith("\n"), `${artifact.path} ends with a newline`).toBe(true);
    expect(artifact.content, `${artifact.path} has no trailing whitespace`).not.toMatch(/[ \t]+\n/);
    switch (artifact.mediaType) {
      case mediaTypes.yaml: {
        const documents = parseAllDocuments(artifact.content);
        const errors = (Array.isArray(documents) ? documents : [documents]).flatMap((document) => document.errors.map((error) => error.message));
        expect(errors, `${artifact.path} parses as YAML`).toEqual([]);
        break;
      }
      case mediaTypes.json:
        expect(() => JSON.parse(artifact.content), `${artifact.path} parses as JSON`).not.toThrow();
        break;
      case mediaTypes.hcl:
        await expectValidHcl(artifact.path, artifact.content);
        break;
      case mediaTypes.mermaid:
        expect(mermaidProblems(artifact.content), `${artifact.path} is well-formed Mermaid`).toEqual([]);
        break;
    }
  }
}

interface GeneratorContract<S extends z.ZodType> {
  roleDirectory: string;
  generator: RoleGenerator<z.output<S>>;
  schema: S;
  example: z.input<S>;
  /** A valid input with the hostile label typed into every free-text field that lands in a diagram or document. */
  hostileInput: z.input<S>;
}

/** The contract tests of one generator: golden files, determinism, purity, well-formed artifacts, escaping. */
export function describeGeneratorContract<S extends z.ZodType>({ roleDirectory, generator, schema, example, hostileInput }: GeneratorContract<S>) {
  const fixtures = fixtureNames(roleDirectory);
  const inputOf = (name: string) => schema.parse(readFixture(roleDirectory, name)) as z.output<S>;

  describe(`${generator.role} generator contract`, () => {
    it("has at least two fixtures, one of them the role's example", () => {
      expect(fixtures.length).toBeGreaterThanOrEqual(2);
      expect(fixtures.map((name) => readFixture(roleDirectory, name))).toContainEqual(JSON.parse(JSON.stringify(example)));
    });

    it.each(fixtures)("matches the reviewed golden files for %s", (name) => {
      expectMatchesGolden(roleDirectory, name, generator.generate(inputOf(name)));
    });

    it.each(fixtures)("produces well-formed artifacts for %s", async (name) => {
      await expectWellFormedArtifacts(generator.generate(inputOf(name)));
    });

    it.each(fixtures)("is deterministic and leaves the input alone for %s", (name) => {
      const input = inputOf(name);
      const before = structuredClone(input);
      const first = JSON.stringify(generator.generate(input));
      const second = JSON.stringify(generator.generate(structuredClone(input)));
      expect(second).toBe(first);
      expect(input).toEqual(before);
    });

    it("gives every summary figure a label and a value", () => {
      for (const name of fixtures) {
        const { summary } = generator.generate(inputOf(name));
        expect(summary.length).toBeGreaterThan(0);
        const keys = summary.map((figure) => figure.key);
        expect(new Set(keys).size, "summary keys are unique").toBe(keys.length);
        for (const figure of summary) {
          expect(figure.label.length).toBeGreaterThan(0);
          expect(typeof figure.value === "number" ? Number.isFinite(figure.value) : figure.value.length > 0, figure.key).toBe(true);
        }
      }
    });

    it("keeps a hostile label from breaking or injecting into any artifact", async () => {
      const result = generator.generate(schema.parse(hostileInput) as z.output<S>);
      await expectWellFormedArtifacts(result);
      const text = result.artifacts.map((artifact) => artifact.content).join("\n");
      // The label reached the artifacts (escaped), so the test is not vacuous.
      expect(text).toMatch(/a(#quot;|\\"|\\\\"|")/);
      for (const artifact of result.artifacts) {
        if (artifact.mediaType === mediaTypes.mermaid) {
          expect(artifact.content, artifact.path).not.toContain(hostileLabel);
          expect(artifact.content, artifact.path).not.toMatch(/^\s*click\b/m);
        }
        if (artifact.mediaType === mediaTypes.markdown) expect(artifact.content, artifact.path).not.toContain(hostileLabel);
      }
    });
  });
}
