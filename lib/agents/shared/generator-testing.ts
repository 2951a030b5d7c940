// The checks every generator passes, whatever its role: golden files for each fixture, determinism,
// no mutation of the input, every artifact well-formed for its media type (YAML, JSON, HCL, Mermaid),
// and user text that cannot break out of a Mermaid label, a YAML string or a Markdown line.
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { z } from "zod";
import { mediaTypes, type GeneratorResult, type RoleGenerator } from "@/lib/agents/generator";
import { expectMatchesGolden, fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { expectValidHcl } from "@/lib/agents/shared/hcl-testing";
import { hostileLabel, mermaidProblems } from "@/lib/agents/shared/artifact-validity";
import { markdownCell, markdownText, mermaidLabel } from "@/lib/agents/shared/escape";

export { hostileLabel, mermaidProblems };

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
      // The whole label reached the artifacts, in one of the forms its escaping gives it (or quoted whole
      // by a YAML serialiser), so the checks below are not vacuous.
      const forms = [...new Set([hostileLabel, JSON.stringify(hostileLabel).slice(1, -1), mermaidLabel(hostileLabel).slice(1, -1), markdownText(hostileLabel), markdownCell(hostileLabel)])];
      expect(
        forms.filter((form) => text.includes(form)),
        `the hostile label reached no artifact whole; looked for ${forms.map((form) => JSON.stringify(form)).join(", ")}`,
      ).not.toEqual([]);
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

/** The list, after asserting it holds something: a loop of checks over an empty list would pass vacuously. */
export function nonEmpty<T>(items: T[], what: string): T[] {
  expect(items.length, `expected at least one ${what}`).toBeGreaterThan(0);
  return items;
}
